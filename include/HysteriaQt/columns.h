// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_COLUMNS_H
#define HYSTERIAQT_COLUMNS_H

#include <HysteriaQt/decimal.h>

#include <QtCore/QDateTime>
#include <QtCore/QString>
#include <QtCore/QUuid>

#include <type_traits>

#include <string_view>

namespace Hy {

enum class ColumnKind : quint8 {
    Increment,
    BigIncrement,
    Integer,
    BigInteger,
    Float,
    Decimal,
    String,
    Text,
    Boolean,
    DateTime,
    Uuid,
    Ulid,
};

// Column descriptors, named after hysteria-orm's `col` namespace.
//
// Options are plain aggregates so that the seed's `col.string({ nullable: false })`
// reads `Hy::col::string({.nullable = false})`. C++ requires designators in
// declaration order; every options struct starts with the same fields in the
// same order: nullable, primaryKey, databaseName, hidden (left out of
// toJson(), toVariantMap() and qDebug()), then the kind's own options.
// An option a kind does not have is a compile error, not a silent no-op.
namespace col {

struct IncrementOptions
{
    std::string_view databaseName = {};
    bool hidden = false;
};

struct IntegerOptions
{
    bool nullable = true;
    bool primaryKey = false;
    std::string_view databaseName = {};
    bool hidden = false;
};

struct FloatOptions
{
    bool nullable = true;
    std::string_view databaseName = {};
    bool hidden = false;
};

struct DecimalOptions
{
    bool nullable = true;
    std::string_view databaseName = {};
    bool hidden = false;
    int precision = 10;
    int scale = 2;
};

struct StringOptions
{
    bool nullable = true;
    bool primaryKey = false;
    std::string_view databaseName = {};
    bool hidden = false;
    int length = 255;
};

struct TextOptions
{
    bool nullable = true;
    std::string_view databaseName = {};
    bool hidden = false;
};

struct BooleanOptions
{
    bool nullable = true;
    std::string_view databaseName = {};
    bool hidden = false;
};

struct DateTimeOptions
{
    bool nullable = true;
    std::string_view databaseName = {};
    bool hidden = false;
    // Set to the current UTC time on insert when no value is given.
    bool autoCreate = false;
    // Set to the current UTC time on every update.
    bool autoUpdate = false;
};

// uuid and ulid: generated on insert when no value is given.
struct UuidOptions
{
    bool nullable = true;
    bool primaryKey = false;
    std::string_view databaseName = {};
    bool hidden = false;
};

using UlidOptions = UuidOptions;

} // namespace col

// What a col:: function returns: the kind and the C++ value type in the type,
// the options as constexpr data. HY_COLUMN turns it into storage and metadata.
template <ColumnKind Kind, typename T, typename Options>
struct ColumnDefinition : Options
{
    static constexpr ColumnKind kind = Kind;
    using ValueType = T;
};

namespace col {

constexpr ColumnDefinition<ColumnKind::Increment, int, IncrementOptions>
increment(IncrementOptions options = {}) { return {options}; }

constexpr ColumnDefinition<ColumnKind::BigIncrement, qint64, IncrementOptions>
bigIncrement(IncrementOptions options = {}) { return {options}; }

constexpr ColumnDefinition<ColumnKind::Integer, int, IntegerOptions>
integer(IntegerOptions options = {}) { return {options}; }

constexpr ColumnDefinition<ColumnKind::BigInteger, qint64, IntegerOptions>
bigInteger(IntegerOptions options = {}) { return {options}; }

// `float` is a keyword; the trailing underscore is the only change to the seed's name.
constexpr ColumnDefinition<ColumnKind::Float, double, FloatOptions>
float_(FloatOptions options = {}) { return {options}; }

// Exact by default (Hy::Decimal, up to 18 digits); decimal<QString>() for
// wider numbers as text, decimal<double>() for a double.
template <typename T = Decimal>
constexpr ColumnDefinition<ColumnKind::Decimal, T, DecimalOptions> decimal(DecimalOptions options = {})
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

constexpr ColumnDefinition<ColumnKind::DateTime, QDateTime, DateTimeOptions>
datetime(DateTimeOptions options = {}) { return {options}; }

// A random (version 4) UUID, made by HysteriaQt when an insert gives none.
constexpr ColumnDefinition<ColumnKind::Uuid, QUuid, UuidOptions>
uuid(UuidOptions options = {}) { return {options}; }

// A ULID (26 characters of Crockford's base 32: a millisecond timestamp, then
// randomness, increasing within one millisecond), made by HysteriaQt when an
// insert gives none. Sorted as text, ULIDs are in the order they were made.
constexpr ColumnDefinition<ColumnKind::Ulid, QString, UlidOptions>
ulid(UlidOptions options = {}) { return {options}; }

} // namespace col

} // namespace Hy

#endif // HYSTERIAQT_COLUMNS_H
