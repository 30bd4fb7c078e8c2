// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "exec/transactionscope_p.h"

#include "core/logging_p.h"
#include "exec/connection_p.h"
#include "sql/sqlcompiler_p.h"

namespace Hy::detail {

namespace {

Error notActive(const TransactionLevel &level)
{
    return Error(ErrorCode::TransactionNotActive,
                 level.state == Transaction::State::Committed
                         ? QStringLiteral("The transaction was committed already")
                         : QStringLiteral("The transaction was rolled back"));
}

// Whether `isolation` can be asked for. SQLite has one level, serializable;
// a nested transaction runs at its outer transaction's level.
void requireIsolation(const Connection &connection, Transaction::IsolationLevel isolation)
{
    using Level = Transaction::IsolationLevel;
    if (isolation == Level::Default)
        return;
    const SqlDialect &dialect = connection.dialect();
    const bool hasLevels = dialect.hasFeature(SqlDataSource::Feature::IsolationLevels);
    if (!hasLevels && isolation != Level::Serializable) {
        throw Error(ErrorCode::IsolationLevelNotSupported,
                    QStringLiteral("SQLite runs every transaction at SERIALIZABLE, not %1")
                            .arg(SqlDialect::isolationLevelName(isolation)));
    }
    if (!connection.levels.empty() && hasLevels && connection.levels.front()->isolation != isolation) {
        throw Error(ErrorCode::IsolationLevelNotSupported,
                    QStringLiteral("A transaction begun inside another runs at the outer one's isolation "
                                   "level, not %1")
                            .arg(SqlDialect::isolationLevelName(isolation)));
    }
}

// Ends `level` and every level above it on its connection's stack.
void end(TransactionLevel &level, Transaction::State state)
{
    Connection *connection = level.connection;
    if (!connection)
        return; // ended already, by a lost connection
    auto &levels = connection->levels;
    auto at = std::find_if(levels.begin(), levels.end(), [&](const auto &l) { return l.get() == &level; });
    for (auto it = at; it != levels.end(); ++it) {
        (*it)->state = state;
        (*it)->connection = nullptr;
    }
    levels.erase(at, levels.end());
    // Statements kept alive for PostgreSQL (see Connection) can go once
    // nothing of HysteriaQt's is open on the connection any more.
    if (levels.empty())
        connection->releaseFailedStatements();
}

} // namespace

std::shared_ptr<TransactionLevel> Transactions::begin(Connection *connection, TransactionLevel::Kind kind,
                                                      Transaction::IsolationLevel isolation)
{
    requireIsolation(*connection, isolation);
    auto level = std::make_shared<TransactionLevel>();
    level->kind = kind;
    level->isolation = connection->levels.empty() ? isolation : connection->levels.front()->isolation;
    // Named by depth: a level ends those above it, so names are free again
    // when they are reused, and never run out.
    const QString savepoint = QStringLiteral("hy_sp_%1").arg(connection->levels.size());
    if (connection->levels.empty()) {
        if (connection->dialect().beginWork(*connection, savepoint, isolation))
            level->savepoint = savepoint;
    } else {
        connection->execDirect(SqlCompiler(connection->dialect()).savepoint(savepoint),
                               ErrorCode::TransactionFailed);
        level->savepoint = savepoint;
    }
    level->connection = connection;
    connection->levels.push_back(level);
    return level;
}

void Transactions::commit(TransactionLevel &level)
{
    if (level.state != Transaction::State::Active)
        throw notActive(level);
    Connection *connection = level.connection;
    try {
        if (level.savepoint.isEmpty()) {
            QSqlDatabase db = connection->database();
            connection->runObserved(QStringLiteral("COMMIT"), ErrorCode::TransactionFailed,
                            [&] { return connection->dialect().commit(db); });
        } else {
            connection->execDirect(SqlCompiler(connection->dialect()).releaseSavepoint(level.savepoint),
                                   ErrorCode::TransactionFailed);
        }
    } catch (const Error &) {
        // A failed COMMIT ends the transaction on PostgreSQL, and a lost
        // connection took it along; elsewhere it is still open, and rolled
        // back here so that a failed commit always means nothing was kept.
        if (level.savepoint.isEmpty()
            && (connection->isLost() || connection->dialect().behaves(SqlDialect::FailedCommitEndsTransaction)))
            end(level, Transaction::State::RolledBack);
        else
            rollbackQuietly(level);
        throw;
    }
    end(level, Transaction::State::Committed);
}

void Transactions::rollback(TransactionLevel &level)
{
    if (level.state != Transaction::State::Active)
        return;
    Connection *connection = level.connection;
    // A lost connection took the transaction with it.
    if (connection->isLost()) {
        end(level, Transaction::State::RolledBack);
        return;
    }
    try {
        if (level.savepoint.isEmpty()) {
            QSqlDatabase db = connection->database();
            connection->runObserved(QStringLiteral("ROLLBACK"), ErrorCode::TransactionFailed,
                            [&] { return db.rollback() ? QSqlError() : db.lastError(); });
        } else {
            const SqlCompiler compiler(connection->dialect());
            connection->execDirect(compiler.rollbackToSavepoint(level.savepoint), ErrorCode::TransactionFailed);
            connection->execDirect(compiler.releaseSavepoint(level.savepoint), ErrorCode::TransactionFailed);
        }
    } catch (const Error &error) {
        end(level, Transaction::State::RolledBack);
        if (error.code() != ErrorCode::ConnectionLost)
            throw;
        return;
    }
    end(level, Transaction::State::RolledBack);
}

void Transactions::rollbackQuietly(TransactionLevel &level) noexcept
{
    try {
        rollback(level);
    } catch (const Error &error) {
        qCWarning(lcSql) << "Rollback failed:" << error.what();
    } catch (...) {
        qCWarning(lcSql) << "Rollback failed";
    }
}

} // namespace Hy::detail
