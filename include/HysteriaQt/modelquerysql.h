// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_MODELQUERYSQL_H
#define HYSTERIAQT_MODELQUERYSQL_H

#include <HysteriaQt/sqlstatement.h>
#include <HysteriaQt/values.h>
#include <HysteriaQt/detail/querycore.h>

#include <initializer_list>
#include <memory>
#include <ranges>

namespace Hy {

namespace detail {
template <typename M>
RowValues toRowValues(const Values<M> &values) { return values.row(); }
template <typename M>
RowValues toRowValues(const QVariantMap &map) { return rowValuesFromMap(modelData<M>(), map); }
template <typename M>
RowValues toRowValues(const M &model) { return rowValuesFromModel(model); }
template <typename M>
RowValues toRowValues(const M *model) { return rowValuesFromModel(*model); }
template <typename M>
RowValues toRowValues(const std::unique_ptr<M> &model) { return rowValuesFromModel(*model); }

// The rows of an insertMany(), from a braced list or any range.
template <typename M, typename R>
RowList rowsOf(const R &rows)
{
    RowList list;
    if constexpr (std::ranges::sized_range<R>)
        list.reserve(qsizetype(std::ranges::size(rows)));
    using Reference = std::ranges::range_reference_t<const R>;
    if constexpr (std::ranges::forward_range<const R> && std::is_lvalue_reference_v<Reference>
                  && std::is_same_v<std::remove_cvref_t<Reference>, Values<M>>) {
        // Values the caller holds for the whole call (a forward range's
        // elements stay where they are as it is walked): not copied.
        for (const Values<M> &row : rows)
            list.borrow(row.row());
    } else {
        for (const auto &row : rows)
            list.own(toRowValues<M>(row));
    }
    return list;
}
} // namespace detail

// The SQL the operations of a Hy::ModelQuery<M> run, for the connection's
// dialect, without running anything: sql.from<User>().where(...).toSql().
// Each operation returns its statements in order, each with its bindings,
// after the same checks of values the operation makes (which throw the same
// Hy::Errors). Rows read back by keys the database generates cannot be shown
// before it has generated them, and are left out; so are the savepoints a
// write may run in.
template <typename M>
class ModelQuerySql
{
public:
    explicit ModelQuerySql(const detail::QueryCore &core) : m_core(core) {}

    SqlStatements many() const { return m_core.fetchSql(); }
    SqlStatements one() const { return m_core.fetchSql(1); }
    SqlStatements count() const { return m_core.countSql(); }
    SqlStatements insert(const Values<M> &values) const { return m_core.insertModelSql(values.row()); }
    SqlStatements insertMany(std::initializer_list<Values<M>> rows) const
    {
        return m_core.insertModelsSql(detail::rowsOf<M>(rows));
    }
    template <std::ranges::input_range R>
    SqlStatements insertMany(const R &rows) const
    {
        return m_core.insertModelsSql(detail::rowsOf<M>(rows));
    }
    SqlStatements bulkInsert(std::initializer_list<Values<M>> rows) const
    {
        return m_core.bulkInsertModelsSql(detail::rowsOf<M>(rows));
    }
    template <std::ranges::input_range R>
    SqlStatements bulkInsert(const R &rows) const
    {
        return m_core.bulkInsertModelsSql(detail::rowsOf<M>(rows));
    }
    SqlStatements update(const Values<M> &values) const { return m_core.updateModelsSql(values.row()); }
    SqlStatements remove() const { return m_core.removeSql(); }

private:
    detail::QueryCore m_core;
};

} // namespace Hy

#endif // HYSTERIAQT_MODELQUERYSQL_H
