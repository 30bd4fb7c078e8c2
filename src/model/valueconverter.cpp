// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "model/valueconverter_p.h"

#include "crypto/encryptedcolumn_p.h"
#include "model/datetime_p.h"
#include "model/decimaldigits_p.h"
#include "model/generatedvalues_p.h"
#include "model/jsonvalues_p.h"
#include "model/modeldata_p.h"
#include "sql/sqldialect_p.h"

#include <HysteriaQt/error.h>

#include <QtCore/QUuid>

#include <cmath>
#include <cstring>
#include <limits>
#include <optional>

namespace Hy::detail {

namespace {

QString kindName(ColumnKind kind)
{
    switch (kind) {
    case ColumnKind::Increment: return QStringLiteral("increment");
    case ColumnKind::BigIncrement: return QStringLiteral("bigIncrement");
    case ColumnKind::Integer: return QStringLiteral("integer");
    case ColumnKind::BigInteger: return QStringLiteral("bigInteger");
    case ColumnKind::Float: return QStringLiteral("float");
    case ColumnKind::Decimal: return QStringLiteral("decimal");
    case ColumnKind::String: return QStringLiteral("string");
    case ColumnKind::Text: return QStringLiteral("text");
    case ColumnKind::Boolean: return QStringLiteral("boolean");
    case ColumnKind::DateTime: return QStringLiteral("datetime");
    case ColumnKind::Uuid: return QStringLiteral("uuid");
    case ColumnKind::Ulid: return QStringLiteral("ulid");
    case ColumnKind::Date: return QStringLiteral("date");
    case ColumnKind::Time: return QStringLiteral("time");
    case ColumnKind::Timestamp: return QStringLiteral("timestamp");
    case ColumnKind::Binary: return QStringLiteral("binary");
    case ColumnKind::Json: return QStringLiteral("json");
    case ColumnKind::Enum: return QStringLiteral("enum");
    case ColumnKind::Encrypted: return QStringLiteral("encrypted");
    }
    return {};
}

QString shortText(const QVariant &value)
{
    QString shown = value.toString();
    if (shown.size() > 40)
        shown = shown.left(40) + QStringLiteral("...");
    return shown;
}

Error invalidValue(const ColumnData &column, const QVariant &value, const QString &table,
                   const QString &why = {})
{
    const QString shown = shortText(value);
    return Error(ErrorCode::InvalidValue,
                 QStringLiteral("%1.%2 (%3) cannot take %4 \"%5\"%6")
                         .arg(table, column.name, kindName(column.kind),
                              QString::fromLatin1(value.metaType().name()), shown,
                              why.isEmpty() ? QString() : QStringLiteral(" (") + why + u')'))
            .setColumn(column.name);
}

bool isText(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QString:
    case QMetaType::QByteArray:
    case QMetaType::QChar:
        return true;
    default:
        return false;
    }
}

std::optional<qint64> toInteger(const QVariant &value)
{
    bool ok = false;
    switch (value.typeId()) {
    case QMetaType::Int:
        return *static_cast<const int *>(value.constData());
    case QMetaType::LongLong:
        return *static_cast<const qlonglong *>(value.constData());
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Char:
    case QMetaType::SChar:
    case QMetaType::UChar:
        return value.toLongLong();
    case QMetaType::ULong:
    case QMetaType::ULongLong: {
        const qulonglong v = value.toULongLong();
        if (v > qulonglong(std::numeric_limits<qint64>::max()))
            return std::nullopt;
        return qint64(v);
    }
    case QMetaType::Double:
    case QMetaType::Float: {
        const double d = value.toDouble();
        if (!std::isfinite(d) || std::trunc(d) != d || std::fabs(d) > 9.007199254740992e15)
            return std::nullopt;
        return qint64(d);
    }
    case QMetaType::QString:
    case QMetaType::QByteArray: {
        const qint64 v = value.toString().trimmed().toLongLong(&ok);
        return ok ? std::optional<qint64>(v) : std::nullopt;
    }
    default:
        return std::nullopt;
    }
}

std::optional<double> toReal(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool)
        return std::nullopt;
    if (isText(value) && value.typeId() != QMetaType::QChar) {
        bool ok = false;
        const double d = value.toString().trimmed().toDouble(&ok);
        return ok && std::isfinite(d) ? std::optional<double>(d) : std::nullopt;
    }
    if (!value.canConvert<double>() || value.typeId() >= QMetaType::User)
        return std::nullopt;
    bool ok = false;
    const double d = value.toDouble(&ok);
    return ok && std::isfinite(d) ? std::optional<double>(d) : std::nullopt;
}

// VARCHAR(n) counts characters on every database, not UTF-16 units.
qsizetype characterCount(const QString &text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!(text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()))
            ++count;
    }
    return count;
}

QString toText(const QVariant &value)
{
    QString text = value.typeId() == QMetaType::QByteArray ? QString::fromUtf8(value.toByteArray())
                                                           : value.toString();
    // An empty text is "", not NULL: a null QString (QString(), the value of
    // every string column of a fresh model) would be bound as NULL.
    if (text.isNull())
        text = QString(0, QChar());
    return text;
}

// Whether text may hold U+0000, U+FFFE, U+FFFF or a lone surrogate: four
// UTF-16 units at a time, for every text value written. Adding 2 to each
// unit (without carry between units) takes the first three to 0, 1 and 2;
// then a unit below 3 is found as a zero byte is in "Bit Twiddling Hacks"
// (hasless()). A surrogate, D800 to DFFF, is a unit whose top five bits are
// 11011: masked to them and XORed with D800, it is the zero found (haszero()).
// Paired surrogates are found too, and told apart by the exact check.
bool mayHoldUnstorable(const QString &text)
{
    constexpr quint64 Ones = 0x0001000100010001ULL;
    constexpr quint64 Highs = 0x8000800080008000ULL;
    constexpr quint64 SurrogateBits = 0xF800F800F800F800ULL;
    constexpr quint64 Surrogates = 0xD800D800D800D800ULL;
    const QChar *units = text.constData();
    const qsizetype size = text.size();
    qsizetype i = 0;
    for (; i + 4 <= size; i += 4) {
        quint64 word;
        std::memcpy(&word, units + i, sizeof word);
        const quint64 shifted = ((word & ~Highs) + 2 * Ones) ^ (word & Highs);
        const quint64 surrogate = (word & SurrogateBits) ^ Surrogates;
        if (((shifted - 3 * Ones) & ~shifted & Highs) | ((surrogate - Ones) & ~surrogate & Highs))
            return true;
    }
    for (; i < size; ++i) {
        if (units[i].unicode() == 0 || units[i].unicode() >= 0xFFFE || units[i].isSurrogate())
            return true;
    }
    return false;
}

} // namespace

// Characters no database stores faithfully, refused on every one alike:
// PostgreSQL's text cannot hold U+0000 (and QPSQL would cut the statement
// there), SQLite reads the noncharacters U+FFFE and U+FFFF back as U+FFFD,
// and a lone surrogate, which is no character, becomes U+FFFD on SQLite and
// '?' on PostgreSQL and MariaDB (whose JSON refuses it).
void requireStorable(const QString &text, const QString &table, const QString &column)
{
    if (!mayHoldUnstorable(text))
        return;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        const bool lone = c.isSurrogate();
        if (!lone && c.unicode() != 0 && c.unicode() < 0xFFFE)
            continue;
        Error error(ErrorCode::InvalidValue,
                    QStringLiteral("%1%2 cannot hold text with %3 U+%4 (NUL, the noncharacters U+FFFE, "
                                   "U+FFFF and lone surrogates are refused)")
                            .arg(table.isEmpty() ? QString() : table + u'.', column,
                                 lone ? QStringLiteral("the lone surrogate") : QStringLiteral("the character"))
                            .arg(c.unicode(), 4, 16, QChar(u'0')));
        throw error.setColumn(column);
    }
}

namespace {

QString enumText(const ColumnData &column, const QVariant &value, const QString &table)
{
    QString text;
    const bool isEnum = value.metaType().flags() & QMetaType::IsEnumeration;
    if (column.metaEnum.isValid() && (isEnum || (!isText(value) && toInteger(value)))) {
        const char *key = column.metaEnum.valueToKey(isEnum ? value.toInt() : int(*toInteger(value)));
        if (!key)
            throw invalidValue(column, value, table, QStringLiteral("not a value of the enum"));
        text = QString::fromLatin1(key);
    } else if (isText(value)) {
        text = toText(value);
    } else {
        throw invalidValue(column, value, table);
    }
    if (!column.enumValues.contains(text)) {
        throw invalidValue(column, value, table,
                           QStringLiteral("not one of: ") + column.enumValues.join(QStringLiteral(", ")));
    }
    return text;
}

// The JSON text stored for a JSON column's value, refused (InvalidValue)
// unless every database stores it and it reads back as the column's type.
QString jsonColumnText(const ColumnData &column, const QVariant &value, const QString &table)
{
    // JSON text is checked as it is given: a lone surrogate would not
    // survive its conversion to UTF-8 for parsing.
    if (value.typeId() == QMetaType::QString)
        requireStorable(*static_cast<const QString *>(value.constData()), table, column.name);
    const auto json = jsonValueOf(value);
    if (!json)
        throw invalidValue(column, value, table, QStringLiteral("not JSON"));
    if (column.jsonShape == JsonShape::Object && !json->isObject())
        throw invalidValue(column, value, table, QStringLiteral("not a JSON object"));
    if (column.jsonShape == JsonShape::Array && !json->isArray())
        throw invalidValue(column, value, table, QStringLiteral("not a JSON array"));
    if (jsonDepth(*json) > MaxJsonDepth) {
        throw invalidValue(column, value, table,
                           QStringLiteral("arrays and objects nested more than %1 levels deep").arg(MaxJsonDepth));
    }
    // Strings and keys hold what text does; an escaped \u0000 is U+0000
    // in them, which PostgreSQL's jsonb refuses.
    forEachJsonString(*json, [&](const QString &text) { requireStorable(text, table, column.name); });
    return jsonText(*json);
}

} // namespace

Error unreadableValue(const ColumnData &column, const QVariant &value, const QString &table)
{
    return Error(ErrorCode::UnreadableValue,
                 QStringLiteral("%1.%2 (%3) holds %4 \"%5\" in the database")
                         .arg(table, column.name, kindName(column.kind),
                              QString::fromLatin1(value.metaType().name()), shortText(value)))
            .setColumn(column.name);
}

QVariant toDatabaseValue(const ColumnData &column, const QVariant &given, const SqlDialect &dialect,
                         const QString &table, ValueUse use)
{
    if (given.isNull()) {
        if (!column.nullable) {
            throw Error(ErrorCode::NullValue,
                        QStringLiteral("%1.%2 is not nullable").arg(table, column.name))
                    .setColumn(column.name);
        }
        return QVariant();
    }
    // Written values are prepared. Compared ones come prepared for an
    // equality and as stored for an ordering (resolve.cpp), unless they are
    // of an application type, which only prepare turns into what is stored.
    const bool prepares = column.prepare && (use == ValueUse::Write || column.convertsType);
    const QVariant prepared = prepares ? column.prepare(given) : QVariant();
    const QVariant &value = prepares ? prepared : given;

    switch (column.kind) {
    case ColumnKind::Increment:
    case ColumnKind::Integer:
    case ColumnKind::BigIncrement:
    case ColumnKind::BigInteger: {
        const auto v = toInteger(value);
        if (!v)
            throw invalidValue(column, value, table);
        const bool is32 = column.kind == ColumnKind::Increment || column.kind == ColumnKind::Integer;
        if (is32 && (*v < std::numeric_limits<int>::min() || *v > std::numeric_limits<int>::max()))
            throw invalidValue(column, value, table, QStringLiteral("out of the 32-bit range"));
        return is32 ? QVariant(int(*v)) : QVariant(*v);
    }
    case ColumnKind::Float: {
        const auto v = toReal(value);
        if (!v)
            throw invalidValue(column, value, table);
        return *v;
    }
    case ColumnKind::Decimal: {
        const auto digits = value.typeId() == QMetaType::Bool ? std::nullopt
                                                              : DecimalDigits::fromVariant(value);
        if (!digits)
            throw invalidValue(column, value, table);
        // A comparison takes the value as given: price > 1.005 is not price > 1.01.
        if (use == ValueUse::Compare)
            return digits->toString();
        const DecimalDigits stored = digits->rounded(column.scale);
        if (stored.integerDigits() > column.precision - column.scale) {
            throw invalidValue(column, value, table,
                               QStringLiteral("out of range for decimal(%1, %2)")
                                       .arg(column.precision)
                                       .arg(column.scale));
        }
        if (stored.significantDigits() > dialect.decimalDigits()) {
            throw invalidValue(column, value, table,
                               QStringLiteral("more than the %1 significant digits the database keeps "
                                              "exactly (SQLite stores a NUMERIC as a double)")
                                       .arg(dialect.decimalDigits()));
        }
        return stored.toString(column.scale);
    }
    case ColumnKind::String:
    case ColumnKind::Text: {
        if (!isText(value))
            throw invalidValue(column, value, table);
        const QString text = toText(value);
        requireStorable(text, table, column.name);
        // A longer value in a comparison just matches nothing.
        if (use == ValueUse::Write && column.kind == ColumnKind::String && text.size() > column.length
            && characterCount(text) > column.length) {
            throw Error(ErrorCode::ValueTooLong,
                        QStringLiteral("%1.%2 holds at most %3 characters, got %4")
                                .arg(table, column.name)
                                .arg(column.length)
                                .arg(characterCount(text)))
                    .setColumn(column.name);
        }
        return text;
    }
    case ColumnKind::Boolean: {
        if (value.typeId() == QMetaType::Bool)
            return value.toBool();
        const auto v = toInteger(value);
        if (!v || (*v != 0 && *v != 1) || isText(value))
            throw invalidValue(column, value, table);
        return *v == 1;
    }
    case ColumnKind::DateTime:
    case ColumnKind::Timestamp: {
        QDateTime dt;
        if (value.typeId() == QMetaType::QDateTime)
            dt = value.toDateTime();
        else if (isText(value))
            dt = parseDateTime(toText(value).trimmed());
        if (!dt.isValid())
            throw invalidValue(column, value, table);
        if (!isStorableDateTime(dt))
            throw invalidValue(column, value, table, QStringLiteral("years 1 to 9999 only"));
        return dialect.dateTimeText(dt);
    }
    case ColumnKind::Uuid: {
        QUuid uuid;
        if (value.typeId() == QMetaType::QUuid)
            uuid = value.toUuid();
        else if (!isText(value) || !uuidFromDatabase(QVariant(toText(value)), &uuid))
            throw invalidValue(column, value, table);
        // Lower case without braces: what PostgreSQL's uuid type gives back.
        return uuid.toString(QUuid::WithoutBraces);
    }
    case ColumnKind::Ulid: {
        const QString ulid = isText(value) ? normalizedUlid(toText(value).trimmed()) : QString();
        if (ulid.isEmpty())
            throw invalidValue(column, value, table, QStringLiteral("not a ULID"));
        return ulid;
    }
    case ColumnKind::Date: {
        QDate date;
        if (value.typeId() == QMetaType::QDate)
            date = value.toDate();
        else if (!isText(value) || !dateFromDatabase(QVariant(toText(value)), &date))
            throw invalidValue(column, value, table);
        if (!date.isValid() || date.year() < 1 || date.year() > 9999)
            throw invalidValue(column, value, table, QStringLiteral("years 1 to 9999 only"));
        return date.toString(Qt::ISODate);
    }
    case ColumnKind::Time: {
        QTime time;
        if (value.typeId() == QMetaType::QTime)
            time = value.toTime();
        else if (!isText(value) || !timeFromDatabase(QVariant(toText(value)), &time))
            throw invalidValue(column, value, table);
        if (!time.isValid())
            throw invalidValue(column, value, table);
        return time.toString(Qt::ISODateWithMs);
    }
    case ColumnKind::Binary: {
        if (value.typeId() == QMetaType::QString)
            return toText(value).toUtf8();
        if (value.typeId() != QMetaType::QByteArray)
            throw invalidValue(column, value, table);
        // Empty bytes are not NULL (drivers bind a null QByteArray as NULL).
        const QByteArray bytes = value.toByteArray();
        return bytes.isNull() ? QByteArray(0, '\0') : bytes;
    }
    case ColumnKind::Json: {
        // The databases compare JSON each in its own way (jsonb by value,
        // MariaDB and SQLite as text): only IS NULL is the same everywhere.
        if (use == ValueUse::Compare) {
            throw Error(ErrorCode::InvalidQuery,
                        QStringLiteral("%1.%2 is JSON, which compares only with null").arg(table, column.name))
                    .setColumn(column.name);
        }
        return jsonColumnText(column, value, table);
    }
    case ColumnKind::Enum:
        return enumText(column, value, table);
    case ColumnKind::Encrypted: {
        // Each value is encrypted with a fresh nonce: equal texts are stored
        // differently, so the database cannot compare them.
        if (use == ValueUse::Compare) {
            throw Error(ErrorCode::InvalidQuery,
                        QStringLiteral("%1.%2 is encrypted, which compares only with null").arg(table, column.name))
                    .setColumn(column.name);
        }
        // The value is not shown in the message: it is a secret.
        if (!isText(value)) {
            throw Error(ErrorCode::InvalidValue,
                        QStringLiteral("%1.%2 (encrypted) takes text, not %3")
                                .arg(table, column.name, QString::fromLatin1(value.metaType().name())))
                    .setColumn(column.name);
        }
        const QString text = toText(value);
        requireStorable(text, table, column.name);
        return column.encrypted->encrypt(text, table, column.name);
    }
    }
    Q_UNREACHABLE();
    return QVariant();
}

// The value an equality (=, <>, IN) compares with, taken as a write takes
// it: a value of the property's type goes through the column's prepare, so
// that the value inserted finds its row, whatever prepare made of it. An
// ordering (<, <=, >, >=) compares with what is stored instead, as it is
// given, because prepare need not keep values in order: a clamp such as
// max(value, 0) would make `price > -5` into `price > 0`, and base64 keeps
// no order at all. A LIKE pattern is not a value and is never prepared. A
// column of an application type is left to toDatabaseValue(), which
// prepares its values for every operator, since only prepare makes its
// stored form (preparing here too would prepare twice).
QVariant equalityValue(const ColumnData &column, const QVariant &value)
{
    if (!column.prepare || column.convertsType)
        return value;
    return column.prepare(value);
}

QVariant toLikePattern(const QVariant &value, const QString &table, const QString &column)
{
    if (!isText(value)) {
        throw Error(ErrorCode::InvalidValue,
                    QStringLiteral("The pattern of a LIKE on %1.%2 must be text").arg(table, column))
                .setColumn(column);
    }
    const QString pattern = toText(value);
    requireStorable(pattern, table, column);
    // A backslash escapes the next character; with none left, PostgreSQL
    // fails, MariaDB matches a backslash and SQLite nothing.
    qsizetype backslashes = 0;
    while (backslashes < pattern.size() && pattern[pattern.size() - 1 - backslashes] == u'\\')
        ++backslashes;
    if (backslashes % 2 == 1) {
        throw Error(ErrorCode::InvalidValue,
                    QStringLiteral("The LIKE pattern on %1.%2 ends with a lone backslash: write \\\\ "
                                   "for a backslash")
                            .arg(table, column))
                .setColumn(column);
    }
    return pattern;
}

QVariant toLikePattern(const ColumnData &column, const QVariant &value, const QString &table)
{
    if (column.kind != ColumnKind::String && column.kind != ColumnKind::Text) {
        throw Error(ErrorCode::InvalidQuery,
                    QStringLiteral("LIKE compares text, not %1.%2 (%3)")
                            .arg(table, column.name, kindName(column.kind)))
                .setColumn(column.name);
    }
    return toLikePattern(value, table, column.name);
}

QVariant toRawDatabaseValue(const QVariant &value, const QString &table, const QString &column,
                            const SqlDialect &dialect)
{
    auto refuse = [&](const QString &why) {
        return Error(ErrorCode::InvalidValue, QStringLiteral("%1.%2 cannot take %3 \"%4\" (%5)")
                                                      .arg(table, column,
                                                           QString::fromLatin1(value.metaType().name()),
                                                           shortText(value), why))
                .setColumn(column);
    };
    switch (value.typeId()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        return QVariant();
    case QMetaType::Bool:
    case QMetaType::Double:
    case QMetaType::Int:
    case QMetaType::LongLong:
        return value;
    case QMetaType::Float:
        return value.toDouble();
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::SChar:
    case QMetaType::UChar:
        return value.toLongLong();
    case QMetaType::ULong:
    case QMetaType::ULongLong: {
        if (const auto v = toInteger(value))
            return *v;
        throw refuse(QStringLiteral("beyond the 64-bit signed range"));
    }
    case QMetaType::QString:
    case QMetaType::QChar: {
        const QString text = toText(value);
        requireStorable(text, table, column);
        return text;
    }
    case QMetaType::QByteArray: {
        // Empty bytes, like empty text, are not NULL (drivers bind a null QByteArray as NULL).
        const QByteArray bytes = value.toByteArray();
        return bytes.isNull() ? QByteArray(0, '\0') : bytes;
    }
    case QMetaType::QDateTime: {
        const QDateTime dt = value.toDateTime();
        if (!dt.isValid() || dt.toUTC().date().year() < 1 || dt.toUTC().date().year() > 9999)
            throw refuse(QStringLiteral("years 1 to 9999 only"));
        return dialect.dateTimeText(dt);
    }
    case QMetaType::QDate:
        if (!value.toDate().isValid())
            throw refuse(QStringLiteral("an invalid date"));
        return value.toDate().toString(Qt::ISODate);
    case QMetaType::QTime:
        if (!value.toTime().isValid())
            throw refuse(QStringLiteral("an invalid time"));
        return value.toTime().toString(Qt::ISODateWithMs);
    case QMetaType::QUuid:
        return value.toUuid().toString(QUuid::WithoutBraces);
    default:
        // QSqlDriver::formatValue() would write it into the SQL text as it is.
        throw refuse(QStringLiteral("not a type a column value can have"));
    }
}

} // namespace Hy::detail
