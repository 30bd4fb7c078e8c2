// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include <HysteriaQt/error.h>
#include <HysteriaQt/querybuilder.h>

namespace Hy {

QueryBuilder::QueryBuilder(SqlDataSource *source, QAnyStringView table)
    : m_core(source, table.toString())
{
}

QueryBuilder &QueryBuilder::where(QAnyStringView column, const Value &value)
{
    m_core.where(false, column.toString(), Operator::Equal, value.toVariant());
    return *this;
}

QueryBuilder &QueryBuilder::where(QAnyStringView column, Comparison op, const Value &value)
{
    m_core.where(false, column.toString(), op.op(), value.toVariant());
    return *this;
}

QueryBuilder &QueryBuilder::orWhere(QAnyStringView column, const Value &value)
{
    m_core.where(true, column.toString(), Operator::Equal, value.toVariant());
    return *this;
}

QueryBuilder &QueryBuilder::orWhere(QAnyStringView column, Comparison op, const Value &value)
{
    m_core.where(true, column.toString(), op.op(), value.toVariant());
    return *this;
}

QueryBuilder &QueryBuilder::whereNull(QAnyStringView column)
{
    m_core.whereNull(false, column.toString(), false);
    return *this;
}

QueryBuilder &QueryBuilder::whereNotNull(QAnyStringView column)
{
    m_core.whereNull(false, column.toString(), true);
    return *this;
}

QueryBuilder &QueryBuilder::orWhereNull(QAnyStringView column)
{
    m_core.whereNull(true, column.toString(), false);
    return *this;
}

QueryBuilder &QueryBuilder::orWhereNotNull(QAnyStringView column)
{
    m_core.whereNull(true, column.toString(), true);
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

} // namespace Hy
