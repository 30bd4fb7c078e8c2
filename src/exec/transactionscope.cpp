// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "exec/transactionscope_p.h"

#include "core/logging_p.h"
#include "exec/connection_p.h"
#include "sql/sqlcompiler_p.h"

namespace Hy::detail {

TransactionScope::TransactionScope(Connection *source) : m_source(source)
{
    // Named by depth: names are reused once released, and never run out.
    const QString savepoint = QStringLiteral("hy_sp_%1").arg(m_source->transactionDepth);
    if (m_source->transactionDepth == 0) {
        if (m_source->dialect().beginWork(*m_source, savepoint))
            m_savepoint = savepoint;
    } else {
        m_savepoint = savepoint;
        m_source->execDirect(SqlCompiler(m_source->dialect()).savepoint(m_savepoint),
                             ErrorCode::TransactionFailed);
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
        try {
            m_source->run(QStringLiteral("COMMIT"), ErrorCode::TransactionFailed,
                          [&] { return m_source->dialect().commit(db); });
        } catch (const Error &) {
            if (m_source->isLost() || m_source->dialect().behaves(SqlDialect::FailedCommitEndsTransaction))
                finish();
            else
                rollback();
            throw;
        }
    } else {
        m_source->execDirect(SqlCompiler(m_source->dialect()).releaseSavepoint(m_savepoint));
    }
    finish();
}

void TransactionScope::finish()
{
    m_done = true;
    // Statements kept alive for PostgreSQL (see Connection) can go
    // once nothing of HysteriaQt's is open on the connection any more.
    if (--m_source->transactionDepth == 0)
        m_source->releaseFailedStatements();
}

void TransactionScope::rollback() noexcept
{
    // A lost connection took the transaction with it.
    if (!m_source->isLost()) {
        try {
            if (m_savepoint.isEmpty()) {
                QSqlDatabase db = m_source->database();
                m_source->run(QStringLiteral("ROLLBACK"), ErrorCode::TransactionFailed,
                              [&] { return db.rollback() ? QSqlError() : db.lastError(); });
            } else {
                const SqlCompiler compiler(m_source->dialect());
                m_source->execDirect(compiler.rollbackToSavepoint(m_savepoint));
                m_source->execDirect(compiler.releaseSavepoint(m_savepoint));
            }
        } catch (const Error &error) {
            qCWarning(lcSql) << "Rollback failed:" << error.what();
        }
    }
    finish();
}

} // namespace Hy::detail
