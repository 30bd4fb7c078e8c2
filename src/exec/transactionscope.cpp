// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "exec/transactionscope_p.h"

#include "core/logging_p.h"
#include "exec/sqldatasource_p.h"

namespace Hy::detail {

TransactionScope::TransactionScope(SqlDataSourcePrivate *source) : m_source(source)
{
    // Named by depth: names are reused once released, and never run out.
    const QString savepoint = QStringLiteral("hy_sp_%1").arg(m_source->transactionDepth);
    if (m_source->transactionDepth == 0) {
        if (m_source->dialect().beginWork(*m_source, savepoint))
            m_savepoint = savepoint;
    } else {
        m_savepoint = savepoint;
        QSqlQuery query(m_source->database());
        if (!query.exec(QStringLiteral("SAVEPOINT ") + m_savepoint))
            throw SqlDialect::transactionError(query.lastQuery(), query.lastError());
    }
    ++m_source->transactionDepth;
}

TransactionScope::~TransactionScope()
{
    if (!m_done)
        rollback();
}

void TransactionScope::commit()
{
    if (m_savepoint.isEmpty()) {
        QSqlDatabase db = m_source->database();
        if (!db.commit()) {
            const Error error = SqlDialect::transactionError(QStringLiteral("COMMIT"), db.lastError());
            if (m_source->dialect().failedCommitEndsTransaction())
                finish();
            else
                rollback();
            throw error;
        }
    } else {
        m_source->execDirect(QStringLiteral("RELEASE SAVEPOINT ") + m_savepoint);
    }
    finish();
}

void TransactionScope::finish()
{
    m_done = true;
    // Statements kept alive for PostgreSQL (see SqlDataSourcePrivate) can go
    // once nothing of HysteriaQt's is open on the connection any more.
    if (--m_source->transactionDepth == 0)
        m_source->failedInTransaction.clear();
}

void TransactionScope::rollback() noexcept
{
    try {
        if (m_savepoint.isEmpty()) {
            QSqlDatabase db = m_source->database();
            if (!db.rollback())
                qCWarning(lcSql) << "ROLLBACK failed:" << db.lastError().text();
        } else {
            m_source->execDirect(QStringLiteral("ROLLBACK TO SAVEPOINT ") + m_savepoint);
            m_source->execDirect(QStringLiteral("RELEASE SAVEPOINT ") + m_savepoint);
        }
    } catch (const Error &error) {
        qCWarning(lcSql) << "Rollback failed:" << error.what();
    }
    finish();
}

} // namespace Hy::detail
