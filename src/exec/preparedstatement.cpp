// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "exec/preparedstatement_p.h"

#include "exec/connection_p.h"

#include <QtSql/QSqlRecord>

namespace Hy::detail {

PreparedStatement::PreparedStatement(PreparedStatement &&other) noexcept
    : m_connection(std::exchange(other.m_connection, nullptr)),
      m_sql(std::move(other.m_sql)),
      m_native(std::move(other.m_native)),
      m_query(std::move(other.m_query))
{
}

PreparedStatement::~PreparedStatement()
{
    if (m_connection && !m_native)
        m_connection->release(m_query);
}

bool PreparedStatement::next()
{
    if (m_native) {
        if (m_native->next())
            return true;
        if (m_native->lastError().isValid())
            throw m_connection->failure(m_native->lastError(), m_sql, ErrorCode::QueryFailed);
        return false;
    }
    if (m_query.next())
        return true;
    // A driver reports a failure while reading rows only there.
    if (m_query.lastError().isValid())
        throw m_connection->failure(m_query.lastError(), m_sql, ErrorCode::QueryFailed);
    return false;
}

QVariant PreparedStatement::value(int column) const
{
    return m_native ? m_native->value(column) : m_query.value(column);
}

QStringList PreparedStatement::fieldNames() const
{
    QStringList names;
    if (m_native) {
        for (int i = 0; i < m_native->columnCount(); ++i)
            names.append(m_native->columnName(i));
    } else {
        const QSqlRecord record = m_query.record();
        for (int i = 0; i < record.count(); ++i)
            names.append(record.fieldName(i));
    }
    return names;
}

qsizetype PreparedStatement::size() const
{
    return m_native ? -1 : m_query.size();
}

qint64 PreparedStatement::rowsAffected() const
{
    return m_native ? m_native->rowsAffected() : m_query.numRowsAffected();
}

QVariant PreparedStatement::lastInsertId() const
{
    if (m_native) {
        // As QSQLITE: none when no row was inserted.
        const qint64 id = m_native->lastInsertId();
        return id ? QVariant(id) : QVariant();
    }
    return m_query.lastInsertId();
}

void PreparedStatement::finish()
{
    if (m_native)
        m_native->finish();
    else
        m_query.finish();
}

} // namespace Hy::detail
