// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_COLUMNOPTIONS_H
#define HYSTERIAQT_COLUMNOPTIONS_H

#include <HysteriaQt/encryption.h>

#include <QtCore/QByteArray>
#include <QtCore/QDate>
#include <QtCore/QDateTime>
#include <QtCore/QJsonValue>
#include <QtCore/QString>
#include <QtCore/QTime>
#include <QtCore/QUuid>

#include <array>
#include <cstddef>
#include <initializer_list>
#include <string_view>
#include <type_traits>

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
    Date,
    Time,
    Timestamp,
    Binary,
    Json,
    Enum,
    Encrypted, // text, stored encrypted
};

// A column's `default_`: the DEFAULT of its table, applied by the database
// when an insert leaves the column out. An integer, a real, a bool or text
// (in the column's own text form for dates, times, UUIDs and decimals), or a
// key of the enum of an enum_<E>() column; the compiler checks that it suits
// the column.
class ColumnDefault
{
public:
    enum class Type : quint8 { None, Integer, Real, Boolean, Text };

    constexpr ColumnDefault() noexcept = default;
    constexpr ColumnDefault(int value) noexcept : m_type(Type::Integer), m_integer(value) {}
    constexpr ColumnDefault(qint64 value) noexcept : m_type(Type::Integer), m_integer(value) {}
    constexpr ColumnDefault(double value) noexcept : m_type(Type::Real), m_real(value) {}
    constexpr ColumnDefault(bool value) noexcept : m_type(Type::Boolean), m_integer(value ? 1 : 0) {}
    constexpr ColumnDefault(const char *text) noexcept : m_type(Type::Text), m_text(text) {}
    constexpr ColumnDefault(std::string_view text) noexcept : m_type(Type::Text), m_text(text) {}
    template <typename E>
        requires std::is_enum_v<E>
    constexpr ColumnDefault(E value) noexcept
        : m_type(Type::Integer), m_integer(qint64(value)), m_isEnum(true), m_enumType(typeName<E>())
    {
    }

    constexpr Type type() const noexcept { return m_type; }
    constexpr bool isEnum() const noexcept { return m_isEnum; }
    constexpr qint64 integer() const noexcept { return m_integer; }
    constexpr double real() const noexcept { return m_real; }
    constexpr std::string_view text() const noexcept { return m_text; }
    // Whether the default is a value of the enum E.
    template <typename E>
    constexpr bool isEnumOf() const noexcept { return m_isEnum && m_enumType == typeName<E>(); }

private:
    // Tells enums apart by name: comparing addresses of variables is no
    // constant expression for GCC under -fsanitize=undefined.
    template <typename E>
    static constexpr std::string_view typeName() noexcept
    {
        return __PRETTY_FUNCTION__;
    }

    Type m_type = Type::None;
    qint64 m_integer = 0;
    double m_real = 0;
    std::string_view m_text;
    bool m_isEnum = false;
    std::string_view m_enumType;
};

// The values of hysteria-orm's `col.enum(["draft", "published"])`, at most 64.
class EnumValues
{
public:
    static constexpr int MaxCount = 64;

    constexpr EnumValues() noexcept = default;
    constexpr EnumValues(std::initializer_list<std::string_view> values) noexcept
    {
        for (std::string_view value : values) {
            if (m_count < MaxCount)
                m_values[std::size_t(m_count)] = value;
            ++m_count; // keeps counting, so too many values are reported
        }
    }

    constexpr int size() const noexcept { return m_count < MaxCount ? m_count : MaxCount; }
    constexpr std::string_view operator[](int index) const noexcept { return m_values[std::size_t(index)]; }
    constexpr bool contains(std::string_view value) const noexcept
    {
        for (int i = 0; i < size(); ++i) {
            if (m_values[std::size_t(i)] == value)
                return true;
        }
        return false;
    }
    // 1 to 64 values, none empty, none twice.
    constexpr bool isValid() const noexcept
    {
        if (m_count < 1 || m_count > MaxCount)
            return false;
        for (int i = 0; i < m_count; ++i) {
            if (m_values[std::size_t(i)].empty())
                return false;
            for (int j = i + 1; j < m_count; ++j) {
                if (m_values[std::size_t(i)] == m_values[std::size_t(j)])
                    return false;
            }
        }
        return true;
    }
    constexpr std::size_t longest() const noexcept
    {
        std::size_t n = 0;
        for (int i = 0; i < size(); ++i)
            n = m_values[std::size_t(i)].size() > n ? m_values[std::size_t(i)].size() : n;
        return n;
    }

private:
    std::array<std::string_view, MaxCount> m_values{};
    int m_count = 0;
};

namespace col {

// A callback's parameter: numbers by value, other types by const reference,
// so that `[](int v) { ... }` and `[](const QString &v) { ... }` both fit.
template <typename T>
using In = std::conditional_t<std::is_scalar_v<T>, T, const T &>;

// hysteria-orm's typed serialize and prepare, on the kinds its table gives them:
// serialize turns the value read (Stored) into the property's type (T),
// prepare the property's value into what is written. Both are plain
// functions: a lambda that captures nothing converts, and one whose
// parameter or result is of another type does not compile.
// A callback option: a plain function, and whether one was given. The flag,
// not a comparison of the pointer with null, tells the compiler: GCC cannot
// compare a function's address with null in a constant expression when
// built with -fsanitize=undefined.
template <typename Function>
class Callback
{
public:
    constexpr Callback() noexcept = default;
    constexpr Callback(std::nullptr_t) noexcept {}
    // A function of exactly this type: an overloaded name resolves to it.
    constexpr Callback(Function function) noexcept : m_function(function), m_given(true) {}
    template <typename F>
        requires(std::is_convertible_v<F, Function> && !std::is_same_v<std::remove_cvref_t<F>, std::nullptr_t>)
    constexpr Callback(F function) noexcept : m_function(function), m_given(true)
    {
    }

    constexpr bool isGiven() const noexcept { return m_given; }
    constexpr Function function() const noexcept { return m_function; }
    template <typename... Args>
    decltype(auto) operator()(Args &&...args) const
    {
        return m_function(std::forward<Args>(args)...);
    }

private:
    Function m_function = nullptr;
    bool m_given = false;
};

template <typename T, typename Stored>
using Serialize = Callback<T (*)(In<Stored>)>;
template <typename T, typename Stored>
using Prepare = Callback<Stored (*)(In<T>)>;

// Every options struct starts with the same fields in the same order:
// nullable, primaryKey, databaseName, hidden (left out of toJson(),
// toVariantMap() and qDebug()), default_, then the kind's own options, then
// serialize and prepare. C++ requires designators in declaration order; an
// option a kind does not have is a compile error, not a silent no-op.

template <typename T>
struct IncrementOptions
{
    std::string_view databaseName = {};
    bool hidden = false;
    Prepare<T, T> prepare = nullptr;
};

template <typename T>
struct IntegerOptions
{
    bool nullable = true;
    bool primaryKey = false;
    std::string_view databaseName = {};
    bool hidden = false;
    ColumnDefault default_ = {};
    Prepare<T, T> prepare = nullptr;
};

struct FloatOptions
{
    bool nullable = true;
    std::string_view databaseName = {};
    bool hidden = false;
    ColumnDefault default_ = {};
    Prepare<double, double> prepare = nullptr;
};

template <typename T>
struct DecimalOptions
{
    bool nullable = true;
    std::string_view databaseName = {};
    bool hidden = false;
    ColumnDefault default_ = {};
    int precision = 10;
    int scale = 2;
    Prepare<T, T> prepare = nullptr;
};

struct StringOptions
{
    bool nullable = true;
    bool primaryKey = false;
    std::string_view databaseName = {};
    bool hidden = false;
    ColumnDefault default_ = {};
    int length = 255;
    Serialize<QString, QString> serialize = nullptr;
    Prepare<QString, QString> prepare = nullptr;
};

struct TextOptions
{
    bool nullable = true;
    std::string_view databaseName = {};
    bool hidden = false;
    ColumnDefault default_ = {};
    Serialize<QString, QString> serialize = nullptr;
    Prepare<QString, QString> prepare = nullptr;
};

struct BooleanOptions
{
    bool nullable = true;
    std::string_view databaseName = {};
    bool hidden = false;
    ColumnDefault default_ = {};
};

// date() and time().
template <typename T, typename Stored>
struct DateOptions
{
    bool nullable = true;
    std::string_view databaseName = {};
    bool hidden = false;
    ColumnDefault default_ = {};
    Serialize<T, Stored> serialize = nullptr;
    Prepare<T, Stored> prepare = nullptr;
};

// datetime() and timestamp().
template <typename T>
struct DateTimeOptions
{
    bool nullable = true;
    std::string_view databaseName = {};
    bool hidden = false;
    ColumnDefault default_ = {};
    // Set to the current UTC time on insert when no value is given.
    bool autoCreate = false;
    // Set to the current UTC time on every update.
    bool autoUpdate = false;
    Serialize<T, QDateTime> serialize = nullptr;
    Prepare<T, QDateTime> prepare = nullptr;
};

// uuid() and ulid(): generated on insert when no value is given.
template <typename T>
struct UuidOptions
{
    bool nullable = true;
    bool primaryKey = false;
    std::string_view databaseName = {};
    bool hidden = false;
    ColumnDefault default_ = {};
    Serialize<T, T> serialize = nullptr;
};

struct BinaryOptions
{
    bool nullable = true;
    std::string_view databaseName = {};
    bool hidden = false;
    Serialize<QByteArray, QByteArray> serialize = nullptr;
    Prepare<QByteArray, QByteArray> prepare = nullptr;
};

template <typename T>
struct JsonOptions
{
    bool nullable = true;
    std::string_view databaseName = {};
    bool hidden = false;
    ColumnDefault default_ = {};
    // Only for a T other than QJsonValue, QJsonObject and QJsonArray.
    Serialize<T, QJsonValue> serialize = nullptr;
    Prepare<T, QJsonValue> prepare = nullptr;
};

template <typename T, typename Stored = QString>
struct EnumOptions
{
    bool nullable = true;
    bool primaryKey = false;
    std::string_view databaseName = {};
    bool hidden = false;
    ColumnDefault default_ = {};
    EnumValues values = {}; // given as enum_()'s first argument
    Serialize<T, Stored> serialize = nullptr;
    Prepare<T, Stored> prepare = nullptr;
};

template <typename T, typename Stored>
struct GenericOptions
{
    bool nullable = true;
    bool primaryKey = false;
    std::string_view databaseName = {};
    bool hidden = false;
    ColumnDefault default_ = {};
    // The column's SQL type in CREATE TABLE, as written ("vector(1536)");
    // empty for the type of its kind.
    std::string_view type = {};
    int length = 255; // of a text primary key
    Serialize<T, Stored> serialize = nullptr;
    Prepare<T, Stored> prepare = nullptr;
};

// encryption::symmetric(): the key comes from a function, called once when
// the column is first used, so that it is read from where keys are kept
// (the environment, a keychain) and never written in the source.
struct SymmetricEncryptionOptions
{
    bool nullable = true;
    std::string_view databaseName = {};
    bool hidden = true; // a secret: left out of toJson() and qDebug() unless asked
    EncryptionKey (*key)() = nullptr;
};

// encryption::asymmetric(): PEM keys from functions, each called once. A
// process that only writes needs only the public key; one that reads needs
// the private key.
struct AsymmetricEncryptionOptions
{
    bool nullable = true;
    std::string_view databaseName = {};
    bool hidden = true;
    QByteArray (*publicKey)() = nullptr;
    QByteArray (*privateKey)() = nullptr;
};

} // namespace col

} // namespace Hy

#endif // HYSTERIAQT_COLUMNOPTIONS_H
