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
#include <string_view>

namespace Hy {

namespace detail {
// Deliberately not constexpr: a call from the consteval constructor below
// makes the compiler reject an unknown column and name this function.
inline void error_no_column_with_this_name_in_the_model() {}

HYSTERIAQT_EXPORT Error unknownColumnError(const QString &column, std::string_view table);
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

    static constexpr ColumnName fromIndex(int index) { return ColumnName(index, 0); }

    constexpr int index() const { return m_index; }
    constexpr std::string_view name() const { return detail::ModelColumns<M>::names[m_index]; }

private:
    constexpr ColumnName(int index, int) : m_index(index) {}
    int m_index;
};

// One `column: value` pair of an insert or update: {"name", "Alice"}.
template <typename M>
struct Assignment
{
    ColumnName<M> column;
    Value value;
};

} // namespace Hy

#endif // HYSTERIAQT_COLUMNNAME_H
