// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_MODELOPTIONS_H
#define HYSTERIAQT_MODELOPTIONS_H

#include <QtCore/QString>

#include <array>
#include <initializer_list>
#include <string_view>
#include <type_traits>

namespace Hy {

// How names are written: hysteria-orm's "camel" | "snake" | "pascal" |
// "preserve" | (name) => name. A function is called once per column, when
// the model is first used, with the property name.
class CaseConvention
{
public:
    enum Style : quint8 { Camel, Snake, Pascal, Preserve, Custom };
    using Function = QString (*)(const QString &name);

    constexpr CaseConvention(Style style) noexcept : m_style(style) {}
    // A lambda that captures nothing converts.
    template <typename F>
        requires(std::is_convertible_v<F, Function> && !std::is_same_v<std::remove_cvref_t<F>, Style>)
    constexpr CaseConvention(F function) noexcept : m_style(Custom), m_function(function), m_hasFunction(true)
    {
    }

    constexpr Style style() const noexcept { return m_style; }
    constexpr Function function() const noexcept { return m_function; }
    // A flag rather than function() != nullptr, which GCC cannot evaluate at
    // compile time under -fsanitize=undefined.
    constexpr bool hasFunction() const noexcept { return m_hasFunction; }

private:
    Style m_style;
    Function m_function = nullptr;
    bool m_hasFunction = false;
};

// What softDelete() writes into the soft-delete column: by default the
// current UTC time at each delete; or true (a boolean column), or text.
class SoftDeleteValue
{
public:
    enum class Type : quint8 { CurrentTime, Boolean, Text };

    constexpr SoftDeleteValue() noexcept = default;
    constexpr SoftDeleteValue(bool value) noexcept : m_type(Type::Boolean), m_boolean(value) {}
    constexpr SoftDeleteValue(const char *text) noexcept : m_type(Type::Text), m_text(text) {}
    constexpr SoftDeleteValue(std::string_view text) noexcept : m_type(Type::Text), m_text(text) {}

    constexpr Type type() const noexcept { return m_type; }
    constexpr bool boolean() const noexcept { return m_boolean; }
    constexpr std::string_view text() const noexcept { return m_text; }

private:
    Type m_type = Type::CurrentTime;
    bool m_boolean = false;
    std::string_view m_text;
};

// hysteria-orm's defineModel `options`, given with HY_MODEL_OPTIONS:
//
//     HY_MODEL_OPTIONS({.databaseCaseConvention = Hy::CaseConvention::Pascal,
//                       .softDeleteColumn = "removedAt"})
struct ModelOptions
{
    // How property names are written: camel and pascal names split into
    // words at case changes and underscores, snake and preserve at
    // underscores only.
    CaseConvention modelCaseConvention = CaseConvention::Camel;
    // How the database's column names are made of the words, for columns
    // without a databaseName.
    CaseConvention databaseCaseConvention = CaseConvention::Snake;
    // The column soft deletes write, a property name: "deletedAt" when the
    // model has such a column and none is named. Reads leave out the rows
    // it marks unless asked (withTrashed(), onlyTrashed()).
    std::string_view softDeleteColumn = {};
    SoftDeleteValue softDeleteValue = {};
};

// The columns of an index or a unique constraint, by property name, at most 16.
class IndexColumns
{
public:
    static constexpr int MaxCount = 16;

    constexpr IndexColumns(std::initializer_list<std::string_view> names) noexcept
    {
        for (std::string_view name : names) {
            if (m_count < MaxCount)
                m_names[std::size_t(m_count)] = name;
            ++m_count; // keeps counting, so too many are reported
        }
    }

    constexpr int size() const noexcept { return m_count < MaxCount ? m_count : MaxCount; }
    constexpr bool isValid() const noexcept { return m_count >= 1 && m_count <= MaxCount; }
    constexpr std::string_view operator[](int index) const noexcept { return m_names[std::size_t(index)]; }

private:
    std::array<std::string_view, MaxCount> m_names{};
    int m_count = 0;
};

// An entry of HY_INDEXES or HY_UNIQUES: hysteria-orm's array form `{{"email"}}`
// or object form `{.columns = {"name", "email"}, .name = "idx_name_email"}`.
// Without a name: idx_<table>_<columns> or uq_<table>_<columns>, with the
// database's column names.
struct IndexDefinition
{
    IndexColumns columns;
    std::string_view name = {};
};

// An entry of HY_CHECKS: `{"age >= 18"}` or `{.expression = "status IN
// ('active', 'inactive')", .name = "chk_status"}`. The expression is SQL,
// written with the database's column names. Without a name:
// chk_<table>_<the expression's words>.
struct CheckDefinition
{
    std::string_view expression;
    std::string_view name = {};
};

} // namespace Hy

#endif // HYSTERIAQT_MODELOPTIONS_H
