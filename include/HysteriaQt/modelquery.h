// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_MODELQUERY_H
#define HYSTERIAQT_MODELQUERY_H

#include <HysteriaQt/columnname.h>
#include <HysteriaQt/comparison.h>
#include <HysteriaQt/error.h>
#include <HysteriaQt/model.h>
#include <HysteriaQt/value.h>
#include <HysteriaQt/values.h>
#include <HysteriaQt/detail/querycore.h>

#include <initializer_list>
#include <memory>
#include <ranges>

namespace Hy {

class SqlDataSource;

namespace detail {
HYSTERIAQT_EXPORT Error rowNotFoundError(const ModelData *model);

template <typename M>
std::unique_ptr<M> downcast(std::unique_ptr<Model> model)
{
    return std::unique_ptr<M>(static_cast<M *>(model.release()));
}

template <typename M>
ModelList<M> downcast(std::vector<std::unique_ptr<Model>> models)
{
    ModelList<M> list;
    list.reserve(models.size());
    for (auto &model : models)
        list.push_back(downcast<M>(std::move(model)));
    return list;
}

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
} // namespace detail

// The query builder of one model class: sql.from<User>(). Columns are named by
// their property names; results are models owned by the caller.
//
// A builder is a value: copies are independent, and the methods that run SQL
// leave it unchanged, so it can be run again.
template <typename M>
class ModelQuery
{
    static_assert(detail::checkModel<M>());

public:
    explicit ModelQuery(SqlDataSource *source) : m_core(source, detail::modelData<M>()) {}

    // where(column, value): `=`, or IS NULL when the value is null.
    ModelQuery &where(ColumnName<M> column, const Value &value)
    {
        m_core.where(false, column.index(), Operator::Equal, value.toVariant());
        return *this;
    }
    ModelQuery &where(ColumnName<M> column, Comparison op, const Value &value)
    {
        m_core.where(false, column.index(), op.op(), value.toVariant());
        return *this;
    }
    ModelQuery &orWhere(ColumnName<M> column, const Value &value)
    {
        m_core.where(true, column.index(), Operator::Equal, value.toVariant());
        return *this;
    }
    ModelQuery &orWhere(ColumnName<M> column, Comparison op, const Value &value)
    {
        m_core.where(true, column.index(), op.op(), value.toVariant());
        return *this;
    }
    ModelQuery &whereNull(ColumnName<M> column)
    {
        m_core.whereNull(false, column.index(), false);
        return *this;
    }
    ModelQuery &whereNotNull(ColumnName<M> column)
    {
        m_core.whereNull(false, column.index(), true);
        return *this;
    }
    ModelQuery &orWhereNull(ColumnName<M> column)
    {
        m_core.whereNull(true, column.index(), false);
        return *this;
    }
    ModelQuery &orWhereNotNull(ColumnName<M> column)
    {
        m_core.whereNull(true, column.index(), true);
        return *this;
    }
    ModelQuery &orderBy(ColumnName<M> column, Qt::SortOrder order = Qt::AscendingOrder)
    {
        m_core.orderBy(column.index(), order);
        return *this;
    }
    ModelQuery &limit(qint64 count)
    {
        m_core.setLimit(count);
        return *this;
    }
    ModelQuery &offset(qint64 count)
    {
        m_core.setOffset(count);
        return *this;
    }

    ModelList<M> many() const { return detail::downcast<M>(m_core.fetchModels()); }

    // The first matching model, or nullptr.
    std::unique_ptr<M> one() const
    {
        auto models = m_core.fetchModels(1);
        return models.empty() ? nullptr : detail::downcast<M>(std::move(models.front()));
    }

    // The first matching model; throws Hy::Error(RowNotFound) when there is none.
    std::unique_ptr<M> oneOrFail() const
    {
        auto model = one();
        if (!model)
            throw detail::rowNotFoundError(m_core.model());
        return model;
    }

    // By primary key, with the builder's other conditions; nullptr when there is none.
    std::unique_ptr<M> find(const Value &primaryKey) const
    {
        static_assert(detail::ModelColumns<M>::primaryKey() >= 0,
                      "HysteriaQt: find() needs a model with a primary key column");
        ModelQuery query(*this);
        query.m_core.groupConditions();
        query.where(ColumnName<M>::fromIndex(detail::ModelColumns<M>::primaryKey()), primaryKey);
        return query.one();
    }

    qint64 count() const { return m_core.count(); }

    // Inserts one row and returns the stored model: generated key, autoCreate
    // dates and database defaults filled in.
    std::unique_ptr<M> insert(const Values<M> &values) const
    {
        return detail::downcast<M>(m_core.insertModel(values.row()));
    }
    // Inserts the columns changed on `model` (see Hy::Model::changedColumns()).
    std::unique_ptr<M> insert(const M &model) const
    {
        return detail::downcast<M>(m_core.insertModel(detail::rowValuesFromModel(model)));
    }

    // All rows or none, with multi-row INSERT statements in a transaction (a
    // savepoint inside one). Returns the stored models in the given order.
    ModelList<M> insertMany(std::initializer_list<Values<M>> rows) const
    {
        QList<detail::RowValues> list;
        list.reserve(qsizetype(rows.size()));
        for (const auto &row : rows)
            list.append(row.row());
        return detail::downcast<M>(m_core.insertModels(list));
    }
    // Rows as a range of Values<M>, QVariantMap, models or pointers to models.
    template <std::ranges::input_range R>
    ModelList<M> insertMany(const R &rows) const
    {
        QList<detail::RowValues> list;
        if constexpr (std::ranges::sized_range<R>)
            list.reserve(qsizetype(std::ranges::size(rows)));
        for (const auto &row : rows)
            list.append(detail::toRowValues<M>(row));
        return detail::downcast<M>(m_core.insertModels(list));
    }

    // Sets the given columns (and autoUpdate columns to now) on every matching
    // row; returns the number of rows matched. Use where() only: limit, offset
    // and orderBy throw Hy::Error(InvalidQuery) here.
    qint64 update(const Values<M> &values) const { return m_core.updateModels(values.row()); }
    // Deletes every matching row (hysteria-orm's delete()); returns the count.
    qint64 remove() const { return m_core.remove(); }

private:
    detail::QueryCore m_core;
};

} // namespace Hy

#endif // HYSTERIAQT_MODELQUERY_H
