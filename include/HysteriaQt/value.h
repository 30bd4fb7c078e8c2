// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_VALUE_H
#define HYSTERIAQT_VALUE_H

#include <QtCore/QString>
#include <QtCore/QVariant>

#include <cstddef>
#include <optional>
#include <type_traits>

namespace Hy {

// A value handed to where(), insert() or update(). Converts implicitly from
// anything QVariant can hold, and maps every C++ spelling of null
// (nullptr, std::nullopt, an empty std::optional, a null QVariant) to SQL NULL.
// Text is taken as UTF-8.
class Value
{
public:
    Value() = default;
    Value(std::nullptr_t) {}
    Value(std::nullopt_t) {}
    Value(const QVariant &value) : m_value(value) {}
    Value(const char *text) : m_value(text ? QVariant(QString::fromUtf8(text)) : QVariant()) {}
    Value(const QString &text) : m_value(text) {}

    template <typename T>
    Value(const std::optional<T> &value) : m_value(value ? Value(*value).m_value : QVariant())
    {
    }

    template <typename T>
        requires(!std::is_pointer_v<T> && !std::is_array_v<T> && !std::is_same_v<T, QVariant>)
    Value(const T &value) : m_value(QVariant::fromValue(value))
    {
    }

    bool isNull() const { return m_value.isNull(); }
    const QVariant &toVariant() const { return m_value; }

private:
    QVariant m_value;
};

} // namespace Hy

#endif // HYSTERIAQT_VALUE_H
