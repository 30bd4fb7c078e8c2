// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_COLUMNNAME_H
#define HYSTERIAQT_COLUMNNAME_H

#include <HysteriaQt/error.h>
#include <HysteriaQt/value.h>
#include <HysteriaQt/detail/modeltraits.h>

#include <QtCore/QLatin1StringView>
#include <QtCore/QString>

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <ranges>
#include <type_traits>
#include <utility>
#include <string_view>

namespace Hy {

namespace detail {
// Deliberately not constexpr: a call from the consteval constructor below
// makes the compiler reject an unknown column and name this function.
inline void error_no_column_with_this_name_in_the_model() {}

HYSTERIAQT_EXPORT Error unknownColumnError(const QString &column, std::string_view table);
HYSTERIAQT_EXPORT Error notAColumnGetterError(std::string_view table);

// The getter of a column as HY_COLUMN declares it.
template <typename M, typename Storage>
using Getter = const Storage &(M::*)() const noexcept;

// Text as Value takes it: not a number, a date or another scalar.
template <typename V>
concept TextValue = std::is_constructible_v<Value, const V &> && !BindableScalar<V>
        && !std::same_as<V, std::nullptr_t> && !std::same_as<V, std::nullopt_t> && !std::same_as<V, QVariant>
        && !std::same_as<V, Value> && !IsOptional<V>;

// Whether a value of type V may be given for a column whose getter returns
// Storage (T, or std::optional<T> when it is nullable): what TypeScript's
// column types allow. Numbers take any number (the range is checked at run
// time), not a bool or a character; a bool takes a bool; text takes text;
// other types their own or what converts to them. Null fits a nullable
// column only. A QVariant or a Hy::Value is checked at run time.
template <typename Storage, typename V>
constexpr bool acceptsValue()
{
    using T = std::remove_cvref_t<V>;
    if constexpr (std::same_as<T, QVariant> || std::same_as<T, Value>) {
        return true;
    } else if constexpr (IsOptional<Storage>) {
        using Inner = typename Storage::value_type;
        if constexpr (std::same_as<T, std::nullptr_t> || std::same_as<T, std::nullopt_t>)
            return true;
        else if constexpr (IsOptional<T>)
            return acceptsValue<Inner, typename T::value_type>();
        else
            return acceptsValue<Inner, V>();
    } else if constexpr (std::same_as<T, std::nullptr_t> || std::same_as<T, std::nullopt_t>
                         || IsOptional<T>) {
        return false;
    } else if constexpr (std::same_as<Storage, bool>) {
        return std::same_as<T, bool>;
    } else if constexpr (std::is_arithmetic_v<Storage>) {
        return std::is_arithmetic_v<T> && !std::same_as<T, bool> && !CharacterType<T>;
    } else if constexpr (std::same_as<Storage, QString>) {
        return TextValue<std::decay_t<V>>;
    } else if constexpr (std::same_as<Storage, QUuid>) {
        return std::same_as<T, QUuid> || TextValue<std::decay_t<V>>; // a UUID's text is checked at run time
    } else if constexpr (std::same_as<Storage, Decimal>) {
        // Exact values only: not a double.
        return std::same_as<T, Decimal> || (std::is_integral_v<T> && !std::same_as<T, bool> && !CharacterType<T>)
                || TextValue<std::decay_t<V>>;
    } else {
        return std::is_convertible_v<V, Storage>;
    }
}

template <typename Storage, typename V>
concept ValueFor = acceptsValue<Storage, V>();

// A typed value as a Value. Numbers, text and bools go as given, so that the
// run-time checks see them unconverted (a range, a length, an enum_'s
// values). Values of the other kinds are made the column's type first, as
// the compiler allowed: "hello" for a JSON column is the JSON string, an
// int for a column of an application type constructible from it is that type.
template <typename Storage, typename V>
Value typedValue(V &&value)
{
    static_assert(ValueFor<Storage, V>,
                  "HysteriaQt: this value does not fit the column's type (null fits a nullable column only)");
    using T = std::remove_cvref_t<V>;
    using Inner = typename std::conditional_t<IsOptional<Storage>, Storage, std::optional<Storage>>::value_type;
    if constexpr (!ValueFor<Storage, V>) {
        return Value();
    } else if constexpr (std::same_as<T, std::nullptr_t> || std::same_as<T, std::nullopt_t>) {
        return Value();
    } else if constexpr (IsOptional<T>) {
        return value ? typedValue<Storage>(*std::forward<V>(value)) : Value();
    } else if constexpr (std::same_as<T, QVariant> || std::same_as<T, Value>) {
        return Value(std::forward<V>(value));
    } else if constexpr (std::is_constructible_v<Value, const T &>
                         && (std::same_as<T, Inner> || std::is_arithmetic_v<Inner> || std::same_as<Inner, QString>
                             || std::same_as<Inner, Decimal> || (std::same_as<Inner, QUuid> && TextValue<T>))) {
        return Value(std::forward<V>(value));
    } else {
        return Value(QVariant::fromValue(Inner(std::forward<V>(value))));
    }
}

// whereIn()'s values for a column named by its getter, each checked as
// typedValue() checks one.
template <typename Storage>
class TypedValueList
{
public:
    template <typename V>
    TypedValueList(std::initializer_list<V> values)
    {
        for (const V &value : values)
            m_values.append(typedValue<Storage>(value).toVariant());
    }
    template <std::ranges::input_range R>
    TypedValueList(const R &values)
    {
        for (auto &&value : values)
            m_values.append(typedValue<Storage>(value).toVariant());
    }

    const QVariantList &toVariantList() const { return m_values; }

private:
    QVariantList m_values;
};

template <typename M, typename Storage>
int columnOfGetter(Getter<M, Storage> getter)
{
    int index = -1;
    ModelColumns<M>::forEach([&](auto i, const auto &entry) {
        using Entry = std::remove_cvref_t<decltype(entry)>;
        if constexpr (std::is_same_v<std::remove_const_t<decltype(Entry::getter)>, Getter<M, Storage>>) {
            if (index < 0 && Entry::getter == getter)
                index = i;
        }
    });
    if (index < 0)
        throw notAColumnGetterError(M::hyTable);
    return index;
}
} // namespace detail

// A column of model M, named by its property name, or as hysteria-orm
// allows, by its database name: "isActive" or "is_active".
//
// A string literal is checked by the compiler: `where("nmae", ...)` does not
// build. A QString is checked at run time and an unknown name throws
// Hy::Error(UnknownColumn) before any SQL is sent.
template <typename M>
class ColumnName
{
public:
    template <std::size_t N>
    consteval ColumnName(const char (&name)[N])
        : m_index(detail::columnIndexByAnyName<M>(std::string_view(name, N - 1)))
    {
        if (m_index < 0)
            detail::error_no_column_with_this_name_in_the_model();
    }

    ColumnName(const QString &name) : m_index(-1)
    {
        const auto &names = detail::ModelColumns<M>::names;
        for (int i = 0; i < int(names.size()); ++i) {
            if (QLatin1StringView(names[i].data(), qsizetype(names[i].size())) == name) {
                m_index = i;
                return;
            }
        }
        const auto &databaseNames = detail::ModelColumns<M>::databaseNames;
        for (int i = 0; i < int(databaseNames.size()); ++i) {
            const std::string_view n = databaseNames[i].view();
            if (QString::fromUtf8(n.data(), qsizetype(n.size())) == name) {
                m_index = i;
                return;
            }
        }
        throw detail::unknownColumnError(name, M::hyTable);
    }

    // By the column's getter, &User::email: the compiler knows the model.
    template <typename Storage, typename Owner>
    ColumnName(detail::Getter<Owner, Storage> getter) : m_index(-1)
    {
        static_assert(std::is_same_v<Owner, M>, "HysteriaQt: this getter is a column of another model");
        if constexpr (std::is_same_v<Owner, M>)
            m_index = detail::columnOfGetter<M, Storage>(getter);
    }

    static constexpr ColumnName fromIndex(int index) { return ColumnName(index, 0); }

    constexpr int index() const { return m_index; }
    constexpr std::string_view name() const { return detail::ModelColumns<M>::names[m_index]; }

private:
    constexpr ColumnName(int index, int) : m_index(index) {}
    int m_index;
};

// One `column: value` pair of an insert or update: {"name", "Alice"}, its
// value checked at run time, or {&User::name, "Alice"}, its value's type
// checked by the compiler (see detail::acceptsValue()).
template <typename M>
struct Assignment
{
    Assignment(ColumnName<M> column, Value value) : column(column), value(std::move(value)) {}
    template <typename Storage, typename Owner, typename V>
    Assignment(detail::Getter<Owner, Storage> getter, V &&value)
        : column(getter), value(detail::typedValue<Storage>(std::forward<V>(value)))
    {
    }

    ColumnName<M> column;
    Value value;
};

} // namespace Hy

#endif // HYSTERIAQT_COLUMNNAME_H
