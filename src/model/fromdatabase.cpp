// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
//
// Database values into the C++ types of columns, checked: what does not fit
// is reported (UnreadableValue), never stored as a made-up value.

#include "model/datetime_p.h"

#include "model/jsonvalues_p.h"
#include "model/modeldata_p.h"

#include <cmath>

namespace Hy::detail {

bool integerFromDatabase(const QVariant &value, qint64 min, qint64 max, qint64 *out)
{
    bool ok = false;
    switch (value.typeId()) {
    case QMetaType::Double:
    case QMetaType::Float: {
        const double d = value.toDouble();
        // 2^63 is exactly representable; anything at or above it does not fit.
        if (!std::isfinite(d) || std::trunc(d) != d || d < double(min) || d >= 9223372036854775808.0
            || d > double(max)) {
            return false;
        }
        *out = qint64(d);
        return true;
    }
    case QMetaType::ULongLong:
    case QMetaType::ULong: {
        const qulonglong u = value.toULongLong(&ok);
        if (!ok || u > qulonglong(max))
            return false;
        *out = qint64(u);
        return true;
    }
    default: {
        const qint64 v = value.toLongLong(&ok);
        if (!ok || v < min || v > max)
            return false;
        *out = v;
        return true;
    }
    }
}

bool uuidFromDatabase(const QVariant &value, QUuid *out)
{
    if (value.typeId() == QMetaType::QUuid) {
        *out = value.toUuid();
        return true;
    }
    if (value.typeId() != QMetaType::QString && value.typeId() != QMetaType::QByteArray)
        return false;
    const QString text = value.toString().trimmed();
    *out = QUuid::fromString(text);
    // QUuid reads what is not a UUID as the nil one.
    return !out->isNull() || text == u"00000000-0000-0000-0000-000000000000";
}

bool boolFromDatabase(const QVariant &value, bool *out)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
        *out = value.toBool();
        return true;
    case QMetaType::QString:
    case QMetaType::QByteArray: {
        const QString text = value.toString().trimmed().toLower();
        if (text == u"1" || text == u"true" || text == u"t")
            *out = true;
        else if (text == u"0" || text == u"false" || text == u"f")
            *out = false;
        else
            return false;
        return true;
    }
    default: {
        bool ok = false;
        const qlonglong v = value.toLongLong(&ok);
        if (!ok || (v != 0 && v != 1))
            return false;
        *out = v == 1;
        return true;
    }
    }
}

QDateTime dateTimeFromDatabase(const QVariant &value)
{
    if (value.typeId() == QMetaType::QString)
        return parseDateTime(QStringView(*static_cast<const QString *>(value.constData())));
    if (value.typeId() == QMetaType::QDateTime)
        return value.toDateTime().toUTC();
    if (value.typeId() == QMetaType::Double)
        return dateTimeFromSecondsSinceEpoch(value.toDouble());
    if (value.typeId() == QMetaType::QByteArray)
        return parseDateTime(QString::fromLatin1(value.toByteArray()));
    return parseDateTime(value.toString());
}

namespace {
QString textOf(const QVariant &value)
{
    return value.typeId() == QMetaType::QByteArray ? QString::fromUtf8(value.toByteArray())
                                                   : value.toString();
}
} // namespace

bool dateFromDatabase(const QVariant &value, QDate *out)
{
    if (value.typeId() == QMetaType::QDate) {
        *out = value.toDate();
        return out->isValid();
    }
    if (value.typeId() != QMetaType::QString && value.typeId() != QMetaType::QByteArray)
        return false;
    // A date written by another tool may carry a time ("2026-11-30 00:00:00").
    const QString text = textOf(value).trimmed();
    if (text.size() > 10 && text[10] != u' ' && text[10] != u'T')
        return false;
    *out = QDate::fromString(text.left(10), Qt::ISODate);
    return out->isValid();
}

bool timeFromDatabase(const QVariant &value, QTime *out)
{
    if (value.typeId() == QMetaType::QTime) {
        *out = value.toTime();
        return out->isValid();
    }
    if (value.typeId() != QMetaType::QString && value.typeId() != QMetaType::QByteArray)
        return false;
    // "HH:MM", "HH:MM:SS" and any number of fraction digits, of which the
    // milliseconds are kept (MySQL gives microseconds).
    const QString text = textOf(value).trimmed();
    auto digits = [&](qsizetype at, qsizetype count) {
        int n = 0;
        for (qsizetype i = at; i < at + count; ++i) {
            if (i >= text.size() || !text[i].isDigit())
                return -1;
            n = n * 10 + text[i].digitValue();
        }
        return n;
    };
    const int hours = digits(0, 2);
    const int minutes = text.size() >= 5 && text[2] == u':' ? digits(3, 2) : -1;
    int seconds = 0;
    int ms = 0;
    if (text.size() > 5) {
        seconds = text[5] == u':' ? digits(6, 2) : -1;
        if (text.size() > 8) {
            if (text[8] != u'.' || text.size() == 9)
                return false;
            for (qsizetype i = 9; i < text.size(); ++i) {
                if (!text[i].isDigit())
                    return false;
                if (i < 12)
                    ms = ms * 10 + text[i].digitValue();
            }
            for (qsizetype i = text.size(); i < 12; ++i)
                ms *= 10;
        }
    }
    if (hours < 0 || minutes < 0 || seconds < 0)
        return false;
    *out = QTime(hours, minutes, seconds, ms);
    return out->isValid();
}

bool bytesFromDatabase(const QVariant &value, QByteArray *out)
{
    switch (value.typeId()) {
    case QMetaType::QByteArray:
        *out = value.toByteArray();
        return true;
    case QMetaType::QString:
        *out = value.toString().toUtf8();
        return true;
    default:
        return false;
    }
}

bool jsonFromDatabase(const QVariant &value, QJsonValue *out)
{
    switch (value.typeId()) {
    case QMetaType::QString:
    case QMetaType::QByteArray:
        return parseJsonText(value.typeId() == QMetaType::QByteArray ? value.toByteArray()
                                                                     : value.toString().toUtf8(),
                             out);
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::Double:
    case QMetaType::Bool:
    case QMetaType::QJsonValue:
    case QMetaType::QJsonObject:
    case QMetaType::QJsonArray:
        *out = QJsonValue::fromVariant(value);
        return true;
    default:
        return false;
    }
}

QString isoText(const QDate &value)
{
    return value.toString(Qt::ISODate);
}

QString isoText(const QTime &value)
{
    return value.toString(Qt::ISODateWithMs);
}

QString isoText(const QDateTime &value)
{
    return value.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace Hy::detail
