// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_VALUE_H
#define HYSTERIAQT_VALUE_H

#include <HysteriaQt/decimal.h>

#include <QtCore/QUuid>
#include <QtCore/QByteArray>
#include <QtCore/QDate>
#include <QtCore/QDateTime>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QJsonValue>
#include <QtCore/QLatin1StringView>
#include <QtCore/QString>
#include <QtCore/QStringBuilder>
#include <QtCore/QStringView>
#include <QtCore/QUtf8StringView>
#include <QtCore/QTime>
#include <QtCore/QVariant>

#include <concepts>
#include <cstddef>
#include <optional>
#include <initializer_list>
#include <ranges>
#include <string>
#include <string_view>
#include <type_traits>

namespace Hy {

namespace detail {
// Character types are not numbers here: 'a' would be bound as 97.
// (qint8 and quint8 are signed and unsigned char, which are numbers.)
template <typename T>
concept CharacterType = std::same_as<T, char> || std::same_as<T, wchar_t> || std::same_as<T, char8_t>
        || std::same_as<T, char16_t> || std::same_as<T, char32_t>;

// Types a column value can be given as, beside text and null. long double
// has no QVariant type.
template <typename T>
concept BindableScalar = (std::is_arithmetic_v<T> && !CharacterType<T> && !std::same_as<T, long double>)
        || std::same_as<T, QDateTime> || std::same_as<T, QDate> || std::same_as<T, QTime>
        || std::same_as<T, QByteArray> || std::same_as<T, Decimal> || std::same_as<T, QUuid>
        || std::same_as<T, QJsonValue> || std::same_as<T, QJsonObject> || std::same_as<T, QJsonArray>
        // An enum of an enum_<E>() column: QMetaEnum gives its key.
        || (std::is_enum_v<T> && bool(QtPrivate::IsQEnumHelper<T>::Value));
} // namespace detail

// A value handed to where(), insert() or update(): a number, a bool, text
// (QString and QStringBuilder expressions, UTF-8 const char* / std::string /
// QUtf8StringView, UTF-16 u"" literals and QStringView, QLatin1StringView),
// QDateTime, QDate, QTime, QByteArray, Hy::Decimal, QUuid, QJsonValue, QJsonObject,
// QJsonArray, an enum registered with Q_ENUM, a QVariant, or null in any of its C++
// spellings (nullptr, std::nullopt, an empty std::optional, a null QVariant).
// Other types do not convert, so they fail to compile instead of at run time.
class Value
{
public:
    Value() = default;
    Value(std::nullptr_t) {}
    Value(std::nullopt_t) {}
    // A QVariant itself only, not whatever converts to one.
    template <std::same_as<QVariant> V>
    Value(const V &value) : m_value(value)
    {
    }
    Value(const QString &text) : m_value(text) {}
    Value(QStringView text) : m_value(text.toString()) {}
    Value(QLatin1StringView text) : m_value(QString(text)) {}
    Value(QUtf8StringView text) : m_value(text.toString()) {}
    Value(const char *text) : m_value(text ? QVariant(QString::fromUtf8(text)) : QVariant()) {}
    Value(const char16_t *text) : m_value(text ? QVariant(QString::fromUtf16(text)) : QVariant()) {}
    Value(const std::string &text) : m_value(QString::fromStdString(text)) {}
    Value(std::string_view text) : m_value(QString::fromUtf8(text.data(), qsizetype(text.size()))) {}

    template <detail::BindableScalar T>
    Value(const T &value) : m_value(QVariant::fromValue(value))
    {
    }

    template <typename A, typename B>
    Value(const QStringBuilder<A, B> &text) : m_value(QString(text))
    {
    }

    template <typename T>
        requires std::convertible_to<const T &, Value>
    Value(const std::optional<T> &value) : m_value(value ? Value(*value).m_value : QVariant())
    {
    }

    bool isNull() const { return m_value.isNull(); }
    const QVariant &toVariant() const { return m_value; }

private:
    QVariant m_value;
};

// The values of whereIn() and whereNotIn(): `{1, 2, 3}`, or any range of
// values (a QList<int>, a QVariantList, a std::vector<QString>, ...).
class ValueList
{
public:
    ValueList(std::initializer_list<Value> values)
    {
        m_values.reserve(qsizetype(values.size()));
        for (const Value &value : values)
            m_values.append(value.toVariant());
    }
    template <std::ranges::input_range R>
        requires(std::convertible_to<std::ranges::range_reference_t<const R &>, Value>
                 && !std::same_as<std::remove_cvref_t<R>, ValueList>)
    ValueList(const R &values)
    {
        for (auto &&value : values)
            m_values.append(Value(value).toVariant());
    }

    const QVariantList &toVariantList() const { return m_values; }

private:
    QVariantList m_values;
};

} // namespace Hy

#endif // HYSTERIAQT_VALUE_H
