// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_SQLDATASOURCE_P_H
#define HYSTERIAQT_SQLDATASOURCE_P_H

#include "exec/statementdeadline_p.h"
#include "sql/sqldialect_p.h"
#include "sql/statement_p.h"

#include <HysteriaQt/sqldatasource.h>

#include <QtCore/QElapsedTimer>
#include <QtCore/QHash>
#include <QtCore/QThread>
#include <QtSql/QSqlQuery>

#include <atomic>
#include <memory>
#include <optional>
#include <utility>

namespace Hy {

class SqlDataSourcePrivate;

namespace detail {
// The QSqlQuery of a statement that ran, released under the statement
// deadline: QPSQL DEALLOCATEs its prepared statement then, a round trip that a
// server that stopped answering would leave waiting for ever.
class ExecutedQuery
{
public:
    ExecutedQuery(const SqlDataSourcePrivate *source, QSqlQuery &&query)
        : m_source(source), m_query(std::move(query))
    {
    }
    ExecutedQuery(ExecutedQuery &&other) noexcept
        : m_source(std::exchange(other.m_source, nullptr)), m_query(std::move(other.m_query))
    {
    }
    ExecutedQuery(const ExecutedQuery &) = delete;
    ExecutedQuery &operator=(const ExecutedQuery &) = delete;
    ~ExecutedQuery();

    QSqlQuery *operator->() { return &m_query; }
    QSqlQuery &operator*() { return m_query; }

private:
    const SqlDataSourcePrivate *m_source;
    QSqlQuery m_query;
};
} // namespace detail

class SqlDataSourcePrivate
{
public:
    // Where every operation starts: throws ConnectionNotOpen when the data
    // source no longer exists or is not open, WrongThread when it is called
    // from a thread other than the one that opened it. Those checks read
    // nothing but atomics, so a refused call touches nothing.
    static SqlDataSourcePrivate *get(SqlDataSource *source);

    // The open connection of the calling thread. Throws ConnectionNotOpen or WrongThread.
    QSqlDatabase database() const;
    const detail::SqlDialect &dialect() const;

    // Prepares once; reuse the query with execPrepared() for every row or chunk.
    QSqlQuery prepare(const QString &sql) const;
    void execPrepared(QSqlQuery &query, const QVariantList &bindings) const;
    // prepare + execPrepared. Queries returning rows are forward-only where
    // the dialect reads them so.
    detail::ExecutedQuery exec(const SqlStatement &statement) const;
    // Lets a prepared query go, under the statement deadline (see
    // ExecutedQuery); never throws.
    void release(QSqlQuery &query) const noexcept;
    // Lets the statements kept in failedInTransaction go, the same way.
    void releaseFailedStatements() const noexcept;
    // For statements without values (DDL, savepoints); a failure the dialect
    // does not know is `fallback`.
    void execDirect(const QString &sql, ErrorCode fallback = ErrorCode::QueryFailed) const;

    // One call that talks to the server (a prepare, BEGIN, COMMIT...), under
    // the statement deadline. `call` returns an invalid QSqlError when it
    // worked; otherwise this throws failure(error, sql, fallback).
    template <typename Call>
    void run(const QSqlDriver *driver, const QString &sql, ErrorCode fallback, Call &&call) const
    {
        QElapsedTimer timer;
        timer.start();
        std::optional<detail::StatementDeadline> deadline = armDeadline(driver);
        const QSqlError error = call();
        if (error.isValid())
            throw failure(error, sql, fallback, ranOutOfTime(timer, deadline));
    }

    // Whether the connection is in a transaction HysteriaQt did not open, on
    // a database where a failed statement aborts the whole of it: a write
    // then runs in a savepoint of its own, so that a failure leaves the
    // application's transaction usable, as on the other databases.
    bool needsStatementSavepoint() const;

    // Closes the connection and forgets the session; from close(), open()
    // and the destructor.
    void shutDown();

    // The client-side deadline of one statement when a statement timeout is
    // set and the driver has no timeout of its own (PostgreSQL).
    std::optional<detail::StatementDeadline> armDeadline(const QSqlDriver *driver) const;
    // Whether a failed statement failed for want of time: its deadline shut
    // the socket, or it ran longer than the timeout (a driver's read timeout).
    bool ranOutOfTime(const QElapsedTimer &timer,
                      const std::optional<detail::StatementDeadline> &deadline) const;

    ConnectionOptions options;
    QString connectionName;
    bool ownsConnection = false;
    // Atomics: read by the checks of get() from any thread.
    mutable std::atomic<bool> opened = false;
    std::atomic<QThread *> thread = nullptr;
    // Set when the connection was found lost; cleared by open().
    mutable std::atomic<bool> lost = false;
    std::unique_ptr<detail::SqlDialect> sqlDialect;
    int transactionDepth = 0;
    // Statements that failed inside a transaction. PostgreSQL refuses to
    // DEALLOCATE them until the transaction is rolled back, so they are kept
    // alive until then: until HysteriaQt's transaction ends (TransactionScope);
    // on PostgreSQL also outside HysteriaQt's transactions, since the
    // application's own cannot always be seen, until the next statement is
    // prepared (by then the application has usually rolled back).
    static constexpr qsizetype MaxKeptStatements = 16;
    mutable QList<QSqlQuery> failedInTransaction;
    // MySQL: the auto-increment column of a table, for insert() on tables without a model.
    mutable QHash<QString, QString> autoIncrementColumns;

    // A driver error as a Hy::Error with the SQL and the driver's message.
    // `fallback` is the code of an error the dialect does not know
    // (QueryFailed, or TransactionFailed for BEGIN, SAVEPOINT, COMMIT). A
    // lost connection marks the data source closed: isOpen() is false, and
    // open() connects again; `outOfTime` makes it QueryTimeout.
    Error failure(const QSqlError &error, const QString &sql, ErrorCode fallback,
                  bool outOfTime = false) const;

private:
    void markLost() const;
    // The socket a statement deadline shuts, or -1 when none is wanted.
    int deadlineSocket(const QSqlDriver *driver) const;
};

} // namespace Hy

#endif // HYSTERIAQT_SQLDATASOURCE_P_H
