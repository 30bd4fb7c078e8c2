// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_CONNECTION_P_H
#define HYSTERIAQT_CONNECTION_P_H

#include "exec/preparedstatement_p.h"
#include "exec/queryobservers_p.h"
#include "exec/statementdeadline_p.h"
#include "exec/transactionscope_p.h"
#include "sql/sqldialect_p.h"
#include "sql/statement_p.h"

#include <HysteriaQt/connectionoptions.h>
#include <HysteriaQt/error.h>

#include <QtCore/QElapsedTimer>
#include <QtCore/QHash>
#include <QtSql/QSqlQuery>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace Hy {
class SqlDataSourcePrivate;
}

namespace Hy::detail {

class Connection;
class SqliteApi;

// One QSqlDatabase connection of a data source, with what belongs to it: its
// dialect (the server's version and session), the depth of HysteriaQt's
// transactions on it, statements kept for PostgreSQL. A connection is used
// by one thread only, the one that made it, as QtSql requires; a data source
// has one per thread that uses it (see SqlDataSourcePrivate).
class Connection
{
public:
    // Connects, or adopts and opens the application's connection `adopted`,
    // and sets up the session. Throws DriverNotAvailable or ConnectionFailed,
    // leaving nothing behind.
    Connection(const std::shared_ptr<SqlDataSourcePrivate> &owner, const ConnectionOptions &options,
               const std::optional<QString> &adopted, quint64 generation);
    // Rolls back what HysteriaQt has open on it; closes and removes a
    // connection of its own; leaves an adopted one open, unless it was lost.
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    QString name() const { return m_name; }
    quint64 generation() const { return m_generation; }
    bool isLost() const { return m_lost; }

    // Throws ConnectionNotOpen once the connection was found lost.
    QSqlDatabase database() const;
    const SqlDialect &dialect() const { return *m_dialect; }

    // Prepares once; reuse the statement with execPrepared() for every row
    // or chunk. Results are forward-only where the dialect reads them so.
    PreparedStatement prepare(const QString &sql) const;
    void execPrepared(PreparedStatement &statement, const QVariantList &bindings) const;
    // prepare + execPrepared.
    PreparedStatement exec(const SqlStatement &statement) const;
    // Lets a prepared query go under the statement deadline: QPSQL
    // DEALLOCATEs its prepared statement then, a round trip that a server
    // that stopped answering would leave waiting for ever. Never throws.
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
    void run(const QString &sql, ErrorCode fallback, Call &&call) const
    {
        QElapsedTimer timer;
        timer.start();
        std::optional<StatementDeadline> deadline = armDeadline();
        const QSqlError error = call();
        if (error.isValid())
            throw failure(error, sql, fallback, ranOutOfTime(timer, deadline));
    }

    // run() for a statement the query observers and the log see (COMMIT,
    // ROLLBACK...); execPrepared() and execDirect() are seen already.
    template <typename Call>
    void runObserved(const QString &sql, ErrorCode fallback, Call &&call) const
    {
        Observation observation = observe(sql, {});
        try {
            run(sql, fallback, call);
        } catch (const Error &error) {
            observed(observation, sql, {}, -1, &error);
            throw;
        }
        observed(observation, sql, {}, -1, nullptr);
    }

    // Whether the connection is in a transaction HysteriaQt did not open, on
    // a database where a failed statement aborts the whole of it: a write
    // then runs in a savepoint of its own, so that a failure leaves the
    // application's transaction usable, as on the other databases.
    bool needsStatementSavepoint() const;

    // A driver error as a Hy::Error with the SQL and the driver's message.
    // `fallback` is the code of an error the dialect does not know
    // (QueryFailed, or TransactionFailed for BEGIN, SAVEPOINT, COMMIT). A
    // lost connection closes the data source: isOpen() is false, and open()
    // connects again; `outOfTime` makes it QueryTimeout.
    Error failure(const QSqlError &error, const QString &sql, ErrorCode fallback, bool outOfTime = false) const;

    // The client-side deadline of one statement when a statement timeout is
    // set and the driver has no timeout of its own (PostgreSQL).
    std::optional<StatementDeadline> armDeadline() const;
    // Whether a failed statement failed for want of time: its deadline shut
    // the socket, or it ran longer than the timeout (a driver's read timeout).
    bool ranOutOfTime(const QElapsedTimer &timer, const std::optional<StatementDeadline> &deadline) const;

    // HysteriaQt's transaction and savepoints open on the connection,
    // outermost first (see Transactions). Mutable: a connection found lost,
    // in any call, ends them all.
    mutable std::vector<std::shared_ptr<TransactionLevel>> levels;
    // Rolls back what a Hy::Transaction destroyed in another thread left
    // open (see TransactionLevel::abandoned).
    void rollbackAbandoned() noexcept;

    // Statements that failed inside a transaction. PostgreSQL refuses to
    // DEALLOCATE them until the transaction is rolled back, so they are kept
    // alive until then: until HysteriaQt's transaction ends;
    // on PostgreSQL also outside HysteriaQt's transactions, since the
    // application's own cannot always be seen, until the next statement is
    // prepared (by then the application has usually rolled back).
    static constexpr qsizetype MaxKeptStatements = 16;
    mutable QList<QSqlQuery> failedInTransaction;
    // MySQL: the auto-increment column of a table, for insert() on tables without a model.
    mutable QHash<QString, QString> autoIncrementColumns;

private:
    // One statement as the query observers and the hysteria.sql log see it:
    // observe() before it runs (Started), observed() after (Finished or
    // Failed). Both cost a load and a branch when nobody watches.
    struct Observation
    {
        bool observers = false;
        bool log = false;
        QElapsedTimer timer;
    };
    Observation observe(const QString &sql, const QVariantList &bindings) const;
    void observed(const Observation &observation, const QString &sql, const QVariantList &bindings, qint64 rows,
                  const Error *error) const;

    void markLost() const;
    int deadlineSocket() const;
    QSqlDatabase handle() const;

    std::weak_ptr<SqlDataSourcePrivate> m_owner;
    // Shared with the data source: a connection can outlive it briefly (until
    // its thread next looks), and rolls back as it goes.
    std::shared_ptr<const QueryObservers> m_observers;
    ConnectionOptions m_options;
    QString m_name;
    bool m_owned = false;
    quint64 m_generation = 0;
    std::unique_ptr<SqlDialect> m_dialect;
    // SQLite's own calls, for statements on a QSQLITE connection; nullptr
    // on other databases, or where SQLite cannot be reached.
    const SqliteApi *m_sqlite = nullptr;
    mutable bool m_lost = false;
};

} // namespace Hy::detail

#endif // HYSTERIAQT_CONNECTION_P_H
