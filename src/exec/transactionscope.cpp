// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "exec/transactionscope_p.h"

#include "core/logging_p.h"
#include "exec/sqldatasource_p.h"

namespace Hy::detail {

TransactionScope::TransactionScope(SqlDataSourcePrivate *source) : m_source(source)
{
    if (m_source->transactionDepth == 0) {
        QSqlDatabase db = m_source->database();
        if (!db.transaction())
            throw m_source->sqlError(db.lastError(), QStringLiteral("BEGIN"));
    } else {
        m_savepoint = QStringLiteral("hy_sp_%1").arg(++m_source->savepointCounter);
        m_source->execDirect(QStringLiteral("SAVEPOINT ") + m_savepoint);
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
            const Error error = m_source->sqlError(db.lastError(), QStringLiteral("COMMIT"));
            rollback();
            throw Error(ErrorCode::TransactionFailed, error.message(), error.sql(),
                        error.driverError());
        }
    } else {
        m_source->execDirect(QStringLiteral("RELEASE SAVEPOINT ") + m_savepoint);
    }
    m_done = true;
    --m_source->transactionDepth;
}

void TransactionScope::rollback() noexcept
{
    m_done = true;
    --m_source->transactionDepth;
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
    m_source->failedInTransaction.clear();
}

} // namespace Hy::detail
