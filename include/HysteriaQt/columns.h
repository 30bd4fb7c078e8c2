// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_COLUMNS_H
#define HYSTERIAQT_COLUMNS_H

#include <HysteriaQt/columnoptions.h>
#include <HysteriaQt/decimal.h>

#include <QtCore/QByteArray>
#include <QtCore/QDate>
#include <QtCore/QDateTime>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QJsonValue>
#include <QtCore/QMetaType>
#include <QtCore/QString>
#include <QtCore/QTime>
#include <QtCore/QUuid>

#include <type_traits>

namespace Hy {

// What a col:: function returns: the kind, the C++ value type of the model's
// property (T) and the type the library stores and reads for it (Stored) in
// the type, the options as constexpr data. HY_COLUMN turns it into storage
// and metadata. T and Stored differ only where serialize and prepare, or the
// library's own text forms, convert between them.
template <ColumnKind Kind, typename T, typename Options, typename Stored = T>
struct ColumnDefinition : Options
{
    static constexpr ColumnKind kind = Kind;
    using ValueType = T;
    using StoredType = Stored;
};

namespace detail {

// The kind a generic column is stored as, from the C++ type it stores.
template <typename S>
constexpr ColumnKind kindOfStoredType()
{
    if constexpr (std::is_same_v<S, int>)
        return ColumnKind::Integer;
    else if constexpr (std::is_same_v<S, qint64>)
        return ColumnKind::BigInteger;
    else if constexpr (std::is_same_v<S, double>)
        return ColumnKind::Float;
    else if constexpr (std::is_same_v<S, bool>)
        return ColumnKind::Boolean;
    else if constexpr (std::is_same_v<S, QDate>)
        return ColumnKind::Date;
    else if constexpr (std::is_same_v<S, QTime>)
        return ColumnKind::Time;
    else if constexpr (std::is_same_v<S, QDateTime>)
        return ColumnKind::DateTime;
    else if constexpr (std::is_same_v<S, QUuid>)
        return ColumnKind::Uuid;
    else if constexpr (std::is_same_v<S, QByteArray>)
        return ColumnKind::Binary;
    else if constexpr (std::is_same_v<S, QJsonValue>)
        return ColumnKind::Json;
    else
        return ColumnKind::Text;
}

// (Decimals need a precision and a scale: col::decimal<T>() holds them.)
template <typename S>
inline constexpr bool IsStorableType = std::is_same_v<S, int> || std::is_same_v<S, qint64>
        || std::is_same_v<S, double> || std::is_same_v<S, bool>
        || std::is_same_v<S, QString> || std::is_same_v<S, QDate> || std::is_same_v<S, QTime>
        || std::is_same_v<S, QDateTime> || std::is_same_v<S, QUuid> || std::is_same_v<S, QByteArray>
        || std::is_same_v<S, QJsonValue>;

template <typename T>
inline constexpr bool IsJsonType = std::is_same_v<T, QJsonValue> || std::is_same_v<T, QJsonObject>
        || std::is_same_v<T, QJsonArray>;

// An enum QMetaEnum knows (Q_ENUM or Q_ENUM_NS): its keys are what is stored.
template <typename E>
concept RegisteredEnum = std::is_enum_v<E> && bool(QtPrivate::IsQEnumHelper<E>::Value);

} // namespace detail

// Column descriptors, named after hysteria-orm's `col` namespace. The options
// (columnoptions.h) are plain aggregates, so that hysteria-orm's
// `col.string({ nullable: false })` reads `Hy::col::string({.nullable = false})`.
namespace col {

constexpr ColumnDefinition<ColumnKind::Increment, int, IncrementOptions<int>>
increment(IncrementOptions<int> options = {}) { return {options}; }

constexpr ColumnDefinition<ColumnKind::BigIncrement, qint64, IncrementOptions<qint64>>
bigIncrement(IncrementOptions<qint64> options = {}) { return {options}; }

constexpr ColumnDefinition<ColumnKind::Integer, int, IntegerOptions<int>>
integer(IntegerOptions<int> options = {}) { return {options}; }

constexpr ColumnDefinition<ColumnKind::BigInteger, qint64, IntegerOptions<qint64>>
bigInteger(IntegerOptions<qint64> options = {}) { return {options}; }

// `float` is a keyword; the trailing underscore is the only change to hysteria-orm's name.
constexpr ColumnDefinition<ColumnKind::Float, double, FloatOptions>
float_(FloatOptions options = {}) { return {options}; }

// Exact by default (Hy::Decimal, up to 18 digits); decimal<QString>() for
// wider numbers as text, decimal<double>() for a double.
template <typename T = Decimal>
constexpr ColumnDefinition<ColumnKind::Decimal, T, DecimalOptions<T>> decimal(DecimalOptions<T> options = {})
{
    static_assert(std::is_same_v<T, Decimal> || std::is_same_v<T, double> || std::is_same_v<T, QString>,
                  "HysteriaQt: a decimal column holds a Hy::Decimal, a double or a QString");
    return {options};
}

constexpr ColumnDefinition<ColumnKind::String, QString, StringOptions>
string(StringOptions options = {}) { return {options}; }

constexpr ColumnDefinition<ColumnKind::Text, QString, TextOptions>
text(TextOptions options = {}) { return {options}; }

constexpr ColumnDefinition<ColumnKind::Boolean, bool, BooleanOptions>
boolean(BooleanOptions options = {}) { return {options}; }

// Dates and times are QDate, QTime and QDateTime (in UTC) by default; with
// QString, the ISO 8601 text of the value ("2026-11-30", "14:05:09.250",
// "2026-11-30T14:05:09.250Z"), or what serialize makes of the value read.
template <typename T = QDate>
constexpr ColumnDefinition<ColumnKind::Date, T, DateOptions<T, QDate>, QDate> date(DateOptions<T, QDate> options = {})
{
    static_assert(std::is_same_v<T, QDate> || std::is_same_v<T, QString>,
                  "HysteriaQt: a date column holds a QDate or a QString");
    return {options};
}

template <typename T = QTime>
constexpr ColumnDefinition<ColumnKind::Time, T, DateOptions<T, QTime>, QTime> time(DateOptions<T, QTime> options = {})
{
    static_assert(std::is_same_v<T, QTime> || std::is_same_v<T, QString>,
                  "HysteriaQt: a time column holds a QTime or a QString");
    return {options};
}

template <typename T = QDateTime>
constexpr ColumnDefinition<ColumnKind::DateTime, T, DateTimeOptions<T>, QDateTime>
datetime(DateTimeOptions<T> options = {})
{
    static_assert(std::is_same_v<T, QDateTime> || std::is_same_v<T, QString>,
                  "HysteriaQt: a datetime column holds a QDateTime or a QString");
    return {options};
}

// A date-time as datetime() is, in a TIMESTAMP column where the database has
// one that keeps every date-time (PostgreSQL, SQLite; MySQL's TIMESTAMP goes
// through the session's time zone and ends in 2038, so MySQL gets DATETIME).
template <typename T = QDateTime>
constexpr ColumnDefinition<ColumnKind::Timestamp, T, DateTimeOptions<T>, QDateTime>
timestamp(DateTimeOptions<T> options = {})
{
    static_assert(std::is_same_v<T, QDateTime> || std::is_same_v<T, QString>,
                  "HysteriaQt: a timestamp column holds a QDateTime or a QString");
    return {options};
}

// A random (version 4) UUID, made by HysteriaQt when an insert gives none.
constexpr ColumnDefinition<ColumnKind::Uuid, QUuid, UuidOptions<QUuid>>
uuid(UuidOptions<QUuid> options = {}) { return {options}; }

// A ULID (26 characters of Crockford's base 32: a millisecond timestamp, then
// randomness, increasing within one millisecond), made by HysteriaQt when an
// insert gives none. Sorted as text, ULIDs are in the order they were made.
constexpr ColumnDefinition<ColumnKind::Ulid, QString, UuidOptions<QString>>
ulid(UuidOptions<QString> options = {}) { return {options}; }

// Bytes, every value from 0 to 255 kept: BLOB, bytea, LONGBLOB.
constexpr ColumnDefinition<ColumnKind::Binary, QByteArray, BinaryOptions>
binary(BinaryOptions options = {}) { return {options}; }

// JSON: a QJsonValue (any JSON), QJsonObject or QJsonArray; or a type of the
// application's with serialize (from a QJsonValue) and prepare (to one).
// jsonb on PostgreSQL, JSON on MariaDB and MySQL, TEXT on SQLite.
template <typename T = QJsonValue>
constexpr ColumnDefinition<ColumnKind::Json, T, JsonOptions<T>, QJsonValue> json(JsonOptions<T> options = {})
{
    return {options};
}

// hysteria-orm's `col.enum(["draft", "published"])`: one of the values, as a
// QString. The table gets a CHECK; any other value is refused before any SQL.
constexpr ColumnDefinition<ColumnKind::Enum, QString, EnumOptions<QString>>
enum_(EnumValues values, EnumOptions<QString> options = {})
{
    options.values = values;
    return {options};
}

// A C++ enum registered with Q_ENUM or Q_ENUM_NS: its keys are stored as text.
template <typename E>
constexpr ColumnDefinition<ColumnKind::Enum, E, EnumOptions<E>, QString> enum_(EnumOptions<E> options = {})
{
    static_assert(detail::RegisteredEnum<E>,
                  "HysteriaQt: enum_<E>() takes an enum registered with Q_ENUM or Q_ENUM_NS, "
                  "whose keys are the stored values");
    return {options};
}

namespace encryption {

// Text encrypted with AES-256-GCM under the column's key: a fresh random
// nonce per value, so equal texts are stored differently, and a value
// changed in the database or read with another key is DECRYPTION_FAILED,
// never garbage. Stored as TEXT; compared only with null.
constexpr ColumnDefinition<ColumnKind::Encrypted, QString, SymmetricEncryptionOptions>
symmetric(SymmetricEncryptionOptions options) { return {options}; }

// Text encrypted for an RSA key pair (RSA-OAEP wrapping a fresh AES-256-GCM
// key per value, so any length fits). See Hy::generateKeyPair().
constexpr ColumnDefinition<ColumnKind::Encrypted, QString, AsymmetricEncryptionOptions>
asymmetric(AsymmetricEncryptionOptions options) { return {options}; }

} // namespace encryption

// hysteria-orm's `col<T>()`: a column of the application's type T. T is stored
// as Stored (by default T itself, which must then be a type a column can
// hold: int, qint64, double, bool, QString, QDate, QTime,
// QDateTime, QUuid, QByteArray, QJsonValue); a T of the application's needs
// serialize (Stored to T) and prepare (T to Stored).
template <typename T, typename Stored = T>
constexpr ColumnDefinition<detail::kindOfStoredType<Stored>(), T, GenericOptions<T, Stored>, Stored>
generic(GenericOptions<T, Stored> options = {})
{
    static_assert(detail::IsStorableType<Stored>,
                  "HysteriaQt: generic<T, Stored>() stores a Stored of int, qint64, double, "
                  "bool, QString, QDate, QTime, QDateTime, QUuid, QByteArray or QJsonValue");
    return {options};
}

// hysteria-orm's `col.primary<T>()`: a generic column that is the primary key;
// text keys are VARCHAR(length), which every database can index.
template <typename T = QString, typename Stored = T>
constexpr ColumnDefinition<std::is_same_v<Stored, QString> ? ColumnKind::String
                                                           : detail::kindOfStoredType<Stored>(),
                           T, GenericOptions<T, Stored>, Stored>
primary(GenericOptions<T, Stored> options = {})
{
    static_assert(detail::IsStorableType<Stored>,
                  "HysteriaQt: primary<T, Stored>() stores a Stored of int, qint64, double, "
                  "bool, QString, QDate, QTime, QDateTime, QUuid, QByteArray or QJsonValue");
    options.primaryKey = true;
    return {options};
}

} // namespace col

} // namespace Hy

#endif // HYSTERIAQT_COLUMNS_H
