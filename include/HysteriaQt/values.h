// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_VALUES_H
#define HYSTERIAQT_VALUES_H

#include <HysteriaQt/columnname.h>
#include <HysteriaQt/model.h>
#include <HysteriaQt/value.h>

#include <QtCore/QVarLengthArray>
#include <QtCore/QVariantMap>

#include <deque>
#include <initializer_list>
#include <utility>

namespace Hy {

namespace detail {
// Column values of one row, by dense column index, in the order given.
struct RowValues
{
    QVarLengthArray<std::pair<int, QVariant>, 8> entries;

    void set(int column, const QVariant &value)
    {
        for (auto &entry : entries) {
            if (entry.first == column) {
                entry.second = value;
                return;
            }
        }
        entries.append({column, value});
    }
    const QVariant *find(int column) const
    {
        for (const auto &entry : entries) {
            if (entry.first == column)
                return &entry.second;
        }
        return nullptr;
    }
};

// The rows of an insertMany(): rows the caller keeps for the whole call,
// borrowed, or rows converted for it (from maps, models), owned here.
class RowList
{
public:
    RowList() = default;
    RowList(std::initializer_list<const RowValues *> rows) : m_rows(rows) {}

    void borrow(const RowValues &row) { m_rows.append(&row); }
    void own(RowValues &&row)
    {
        m_owned.push_back(std::move(row)); // a deque: rows owned earlier stay where they are
        m_rows.append(&m_owned.back());
    }
    void reserve(qsizetype size) { m_rows.reserve(size); }

    qsizetype size() const { return m_rows.size(); }
    bool isEmpty() const { return m_rows.isEmpty(); }
    const RowValues &operator[](qsizetype i) const { return *m_rows[i]; }

private:
    QList<const RowValues *> m_rows;
    std::deque<RowValues> m_owned;
};

HYSTERIAQT_EXPORT RowValues rowValuesFromMap(const ModelData *model, const QVariantMap &map);
HYSTERIAQT_EXPORT RowValues rowValuesFromModel(const Model &model);
} // namespace detail

// The values of one row to insert or update, the C++ form of hysteria-orm's
// `Partial<T>`: `{{"name", "Alice"}, {"email", "alice@example.com"}}`.
// Names are checked by the compiler when they are literals, and at run time
// (Hy::Error UnknownColumn) when they come from a QVariantMap.
template <typename M>
class Values
{
public:
    Values() = default;
    Values(std::initializer_list<Assignment<M>> assignments)
    {
        for (const auto &a : assignments)
            m_row.set(a.column.index(), a.value.toVariant());
    }
    Values(const QVariantMap &map) : m_row(detail::rowValuesFromMap(detail::modelData<M>(), map)) {}
    // The columns changed on a model instance (see Hy::Model::changedColumns()).
    explicit Values(const M &model) : m_row(detail::rowValuesFromModel(model)) {}

    Values &set(ColumnName<M> column, const Value &value)
    {
        m_row.set(column.index(), value.toVariant());
        return *this;
    }
    // set(&User::email, "x"): the value's type checked by the compiler.
    template <typename Storage, typename Owner, typename V>
    Values &set(detail::Getter<Owner, Storage> column, V &&value)
    {
        return set(ColumnName<M>(column), detail::typedValue<Storage>(std::forward<V>(value)));
    }
    bool contains(ColumnName<M> column) const { return m_row.find(column.index()) != nullptr; }
    QVariant value(ColumnName<M> column) const
    {
        const QVariant *v = m_row.find(column.index());
        return v ? *v : QVariant();
    }
    qsizetype size() const { return m_row.entries.size(); }
    bool isEmpty() const { return m_row.entries.isEmpty(); }

    const detail::RowValues &row() const { return m_row; }

private:
    friend struct detail::HookThunks<M>;
    explicit Values(detail::RowValues &&row) : m_row(std::move(row)) {}

    detail::RowValues m_row;
};

} // namespace Hy

#endif // HYSTERIAQT_VALUES_H
