// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include <HysteriaQt/error.h>
#include <HysteriaQt/querybuilder.h>

namespace Hy {

QueryBuilder::QueryBuilder(const detail::SourceHandle &source, QAnyStringView table)
    : m_core(source, table.toString())
{
}

QueryBuilder::QueryBuilder(detail::QueryCore core) : m_core(std::move(core)) {}

QueryBuilder &QueryBuilder::addGroup(detail::ConditionJoin join, const std::function<void(QueryBuilder &)> &group)
{
    QueryBuilder inner(m_core.fresh());
    group(inner);
    m_core.group(join, inner.m_core);
    return *this;
}

QueryBuilder &QueryBuilder::where(const std::function<void(QueryBuilder &)> &group)
{
    return addGroup(detail::ConditionJoin::And, group);
}

QueryBuilder &QueryBuilder::orWhere(const std::function<void(QueryBuilder &)> &group)
{
    return addGroup(detail::ConditionJoin::Or, group);
}

QueryBuilderSql QueryBuilder::toSql() const
{
    return QueryBuilderSql(m_core);
}

QueryBuilder &QueryBuilder::where(QAnyStringView column, const Value &value)
{
    m_core.compare(detail::ConditionJoin::And, column.toString(), Operator::Equal, value.toVariant());
    return *this;
}

QueryBuilder &QueryBuilder::where(QAnyStringView column, Comparison op, const Value &value)
{
    m_core.compare(detail::ConditionJoin::And, column.toString(), op.op(), value.toVariant());
    return *this;
}

QueryBuilder &QueryBuilder::orWhere(QAnyStringView column, const Value &value)
{
    m_core.compare(detail::ConditionJoin::Or, column.toString(), Operator::Equal, value.toVariant());
    return *this;
}

QueryBuilder &QueryBuilder::orWhere(QAnyStringView column, Comparison op, const Value &value)
{
    m_core.compare(detail::ConditionJoin::Or, column.toString(), op.op(), value.toVariant());
    return *this;
}

QueryBuilder &QueryBuilder::whereIn(QAnyStringView column, const ValueList &values)
{
    m_core.isIn(detail::ConditionJoin::And, column.toString(), values.toVariantList());
    return *this;
}

QueryBuilder &QueryBuilder::orWhereIn(QAnyStringView column, const ValueList &values)
{
    m_core.isIn(detail::ConditionJoin::Or, column.toString(), values.toVariantList());
    return *this;
}

QueryBuilder &QueryBuilder::whereNotIn(QAnyStringView column, const ValueList &values)
{
    m_core.isNotIn(detail::ConditionJoin::And, column.toString(), values.toVariantList());
    return *this;
}

QueryBuilder &QueryBuilder::orWhereNotIn(QAnyStringView column, const ValueList &values)
{
    m_core.isNotIn(detail::ConditionJoin::Or, column.toString(), values.toVariantList());
    return *this;
}

QueryBuilder &QueryBuilder::whereNull(QAnyStringView column)
{
    m_core.isNull(detail::ConditionJoin::And, column.toString());
    return *this;
}

QueryBuilder &QueryBuilder::whereNotNull(QAnyStringView column)
{
    m_core.isNotNull(detail::ConditionJoin::And, column.toString());
    return *this;
}

QueryBuilder &QueryBuilder::orWhereNull(QAnyStringView column)
{
    m_core.isNull(detail::ConditionJoin::Or, column.toString());
    return *this;
}

QueryBuilder &QueryBuilder::orWhereNotNull(QAnyStringView column)
{
    m_core.isNotNull(detail::ConditionJoin::Or, column.toString());
    return *this;
}

QueryBuilder &QueryBuilder::orderBy(QAnyStringView column, Qt::SortOrder order)
{
    m_core.orderBy(column.toString(), order);
    return *this;
}

QueryBuilder &QueryBuilder::limit(qint64 count)
{
    m_core.setLimit(count);
    return *this;
}

QueryBuilder &QueryBuilder::offset(qint64 count)
{
    m_core.setOffset(count);
    return *this;
}

QList<QVariantMap> QueryBuilder::many() const
{
    return m_core.fetchRows();
}

std::optional<QVariantMap> QueryBuilder::one() const
{
    const QList<QVariantMap> rows = m_core.fetchRows(1);
    if (rows.isEmpty())
        return std::nullopt;
    return rows.front();
}

QVariantMap QueryBuilder::oneOrFail() const
{
    if (auto row = one())
        return *row;
    throw Error(ErrorCode::RowNotFound,
                QStringLiteral("No row of \"%1\" matches the query").arg(m_core.table()));
}

qint64 QueryBuilder::count() const
{
    return m_core.count();
}

QVariantMap QueryBuilder::insert(const QVariantMap &values) const
{
    return m_core.insertRow(values);
}

void QueryBuilder::insertMany(const QList<QVariantMap> &rows) const
{
    m_core.insertRows(rows);
}

qint64 QueryBuilder::update(const QVariantMap &values) const
{
    return m_core.updateRows(values);
}

qint64 QueryBuilder::remove() const
{
    return m_core.remove();
}

QueryBuilderSql::QueryBuilderSql(const detail::QueryCore &core) : m_core(core) {}

SqlStatements QueryBuilderSql::many() const { return m_core.fetchSql(); }
SqlStatements QueryBuilderSql::one() const { return m_core.fetchSql(1); }
SqlStatements QueryBuilderSql::count() const { return m_core.countSql(); }
SqlStatements QueryBuilderSql::insert(const QVariantMap &values) const { return m_core.insertRowsSql({values}); }
SqlStatements QueryBuilderSql::insertMany(const QList<QVariantMap> &rows) const { return m_core.insertRowsSql(rows); }
SqlStatements QueryBuilderSql::update(const QVariantMap &values) const { return m_core.updateRowsSql(values); }
SqlStatements QueryBuilderSql::remove() const { return m_core.removeSql(); }

} // namespace Hy
