// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_DETAIL_COLUMNCHECKS_H
#define HYSTERIAQT_DETAIL_COLUMNCHECKS_H

// Not public API: what HY_COLUMN asserts of a column's options, each check a
// constexpr function so that a mistake gives one static_assert message.

#include <HysteriaQt/columns.h>

#include <limits>
#include <string_view>
#include <type_traits>

namespace Hy::detail {

constexpr bool isDigits(std::string_view text, std::size_t from, std::size_t count)
{
    if (from + count > text.size())
        return false;
    for (std::size_t i = from; i < from + count; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return false;
    }
    return true;
}

constexpr int number(std::string_view text, std::size_t from, std::size_t count)
{
    int n = 0;
    for (std::size_t i = from; i < from + count; ++i)
        n = n * 10 + (text[i] - '0');
    return n;
}

constexpr int daysInMonth(int year, int month)
{
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

// "YYYY-MM-DD", a day that exists: the text form of a date default.
constexpr bool isDateText(std::string_view text)
{
    if (!(text.size() == 10 && isDigits(text, 0, 4) && text[4] == '-' && isDigits(text, 5, 2) && text[7] == '-'
          && isDigits(text, 8, 2)))
        return false;
    const int year = number(text, 0, 4);
    const int month = number(text, 5, 2);
    const int day = number(text, 8, 2);
    return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

// "HH:MM:SS" with an optional ".mmm".
constexpr bool isTimeText(std::string_view text)
{
    const bool whole = text.size() >= 8 && isDigits(text, 0, 2) && text[2] == ':' && isDigits(text, 3, 2)
            && text[5] == ':' && isDigits(text, 6, 2) && number(text, 0, 2) < 24
            && number(text, 3, 2) < 60 && number(text, 6, 2) < 60;
    return whole && (text.size() == 8 || (text.size() == 12 && text[8] == '.' && isDigits(text, 9, 3)));
}

// "YYYY-MM-DD HH:MM:SS[.mmm]", in UTC.
constexpr bool isDateTimeText(std::string_view text)
{
    return text.size() > 11 && isDateText(text.substr(0, 10)) && (text[10] == ' ' || text[10] == 'T')
            && isTimeText(text.substr(11));
}

constexpr bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

constexpr bool isUuidText(std::string_view text)
{
    if (text.size() != 36)
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text[i] != '-' : !isHex(text[i]))
            return false;
    }
    return true;
}

// An optional sign, digits, an optional point and digits.
constexpr bool isDecimalText(std::string_view text)
{
    std::size_t i = !text.empty() && (text[0] == '-' || text[0] == '+') ? 1 : 0;
    int digits = 0;
    bool point = false;
    for (; i < text.size(); ++i) {
        if (text[i] == '.' && !point)
            point = true;
        else if (text[i] >= '0' && text[i] <= '9')
            ++digits;
        else
            return false;
    }
    return digits > 0;
}

// Whether a decimal default fits decimal(precision, scale): at most
// precision - scale digits before the point, at most scale after it.
constexpr bool fitsDecimal(std::string_view text, int precision, int scale)
{
    std::size_t i = !text.empty() && (text[0] == '-' || text[0] == '+') ? 1 : 0;
    while (i + 1 < text.size() && text[i] == '0' && text[i + 1] != '.')
        ++i; // leading zeros
    int before = 0;
    int after = 0;
    bool point = false;
    for (; i < text.size(); ++i) {
        if (text[i] == '.')
            point = true;
        else
            ++(point ? after : before);
    }
    return before <= precision - scale && after <= scale;
}

constexpr int decimalDigitsOf(qint64 value)
{
    int n = 1;
    while (value >= 10 || value <= -10) {
        value /= 10;
        ++n;
    }
    return n;
}

constexpr bool isFinite(double value)
{
    return value == value && value <= std::numeric_limits<double>::max()
            && value >= std::numeric_limits<double>::lowest();
}

// Characters, not bytes, of UTF-8 text: what VARCHAR(n) counts.
constexpr std::size_t characterCount(std::string_view text)
{
    std::size_t n = 0;
    for (char c : text)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

template <typename Def>
constexpr bool hasValidDefault(const Def &def)
{
    if constexpr (!requires { def.default_; }) {
        return true;
    } else {
        using Type = ColumnDefault::Type;
        const ColumnDefault &d = def.default_;
        const bool integer = d.type() == Type::Integer && !d.isEnum();
        const bool text = d.type() == Type::Text;
        if (d.type() == Type::None)
            return true;
        switch (Def::kind) {
        case ColumnKind::Integer:
            return integer && d.integer() >= std::numeric_limits<int>::min()
                    && d.integer() <= std::numeric_limits<int>::max();
        case ColumnKind::BigInteger:
            return integer;
        case ColumnKind::Float:
            return integer || (d.type() == Type::Real && isFinite(d.real()));
        case ColumnKind::Decimal:
            if constexpr (requires { def.precision; def.scale; }) {
                if (integer)
                    return decimalDigitsOf(d.integer()) <= def.precision - def.scale;
                return text && isDecimalText(d.text()) && fitsDecimal(d.text(), def.precision, def.scale);
            } else {
                return false;
            }
        case ColumnKind::String:
            if constexpr (requires { def.length; })
                return text && characterCount(d.text()) <= std::size_t(def.length);
            else
                return text;
        case ColumnKind::Text:
        case ColumnKind::Json:
            return text;
        case ColumnKind::Boolean:
            return d.type() == Type::Boolean;
        case ColumnKind::Date:
            return text && isDateText(d.text());
        case ColumnKind::Time:
            return text && isTimeText(d.text());
        case ColumnKind::DateTime:
        case ColumnKind::Timestamp:
            return text && isDateTimeText(d.text());
        case ColumnKind::Uuid:
            return text && isUuidText(d.text());
        case ColumnKind::Ulid:
            return text && d.text().size() == 26;
        case ColumnKind::Enum:
            if constexpr (RegisteredEnum<typename Def::ValueType>)
                return d.isEnumOf<typename Def::ValueType>(); // a value of the enum: its key is the DEFAULT
            else if constexpr (requires { def.values; })
                return text && def.values.contains(d.text());
            else
                return false;
        default:
            return false;
        }
    }
}

// hysteria-orm's list of values, or a C++ enum's keys: never both.
template <typename Def>
constexpr bool hasValidEnumValues(const Def &def)
{
    if constexpr (Def::kind != ColumnKind::Enum || !requires { def.values; })
        return true;
    else if constexpr (RegisteredEnum<typename Def::ValueType>)
        return def.values.size() == 0;
    else
        return def.values.isValid();
}

// A primary key every database can index: not TEXT, JSON or bytes.
template <typename Def>
constexpr bool hasIndexableKey(const Def &def)
{
    if constexpr (requires { def.primaryKey; })
        return !def.primaryKey
                || (Def::kind != ColumnKind::Text && Def::kind != ColumnKind::Json && Def::kind != ColumnKind::Binary);
    else
        return true;
}

template <typename Def>
constexpr bool hasSerialize(const Def &def)
{
    if constexpr (requires { def.serialize; })
        return def.serialize.isGiven();
    else
        return false;
}

template <typename Def>
constexpr bool hasPrepare(const Def &def)
{
    if constexpr (requires { def.prepare; })
        return def.prepare.isGiven();
    else
        return false;
}

// Whether the library converts between the property's type and the stored
// one by itself: dates as ISO text, JSON objects and arrays, enum keys.
template <typename T, typename S>
inline constexpr bool ConvertsItself = std::is_same_v<T, S>
        || (std::is_same_v<T, QString> && (std::is_same_v<S, QDate> || std::is_same_v<S, QTime>
                                           || std::is_same_v<S, QDateTime>))
        || (std::is_same_v<S, QJsonValue> && (std::is_same_v<T, QJsonObject> || std::is_same_v<T, QJsonArray>));

// A type of the application's needs both directions; an enum converts
// itself in an enum_ column only.
template <typename Def>
constexpr bool hasConversions(const Def &def)
{
    using T = typename Def::ValueType;
    return ConvertsItself<T, typename Def::StoredType>
            || (Def::kind == ColumnKind::Enum && RegisteredEnum<T>)
            || (hasSerialize(def) && hasPrepare(def));
}

} // namespace Hy::detail

#endif // HYSTERIAQT_DETAIL_COLUMNCHECKS_H
