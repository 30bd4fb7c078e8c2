// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "exec/sqldatasource_p.h"

#include "core/logging_p.h"

#include <HysteriaQt/error.h>
#include <HysteriaQt/querybuilder.h>
#include <HysteriaQt/schemabuilder.h>

#include <QtCore/QAtomicInteger>
#include <QtCore/QElapsedTimer>
#include <QtCore/QScopeGuard>
#include <QtCore/QThread>
#include <QtSql/QSqlDriver>
#include <QtSql/QSqlQuery>

namespace Hy {

namespace {
QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("hysteriaqt-%1").arg(counter.fetchAndAddRelaxed(1) + 1);
}

Error wrongThread()
{
    return Error(ErrorCode::WrongThread,
                 QStringLiteral("A data source is used from the thread that opened it"));
}

// The client's own wait: the server's statement timeout fires first if the
// server still answers; this one only if it does not.
constexpr std::chrono::milliseconds DeadlineGrace{1000};

// A statement larger than the server takes would make it drop the connection
// (MySQL's max_allowed_packet): refused before it is sent.
void requireFits(const QVariantList &bindings, qint64 limit)
{
    if (const qint64 bytes = detail::boundBytes(bindings, limit); bytes > limit) {
        throw Error(ErrorCode::ValueTooLong,
                    QStringLiteral("A statement with %1 bytes of values is larger than the largest "
                                   "statement the server takes (%2 bytes)")
                            .arg(bytes)
                            .arg(limit));
    }
}
} // namespace

SqlDataSource::SqlDataSource(const ConnectionOptions &options, QObject *parent)
    : QObject(parent), d(std::make_unique<SqlDataSourcePrivate>())
{
    d->options = options;
    d->ownsConnection = true;
}

SqlDataSource::SqlDataSource(const QSqlDatabase &connection, QObject *parent)
    : QObject(parent), d(std::make_unique<SqlDataSourcePrivate>())
{
    d->connectionName = connection.connectionName();
    d->options.driver = connection.driverName();
    d->ownsConnection = false;
}

SqlDataSource::~SqlDataSource()
{
    if (d->thread.load() && QThread::currentThread() != d->thread.load())
        qCWarning(detail::lcSql) << "A data source is destroyed in another thread than the one that opened it";
    d->shutDown();
}

void SqlDataSource::open()
{
    // A connection made (or found lost) in one thread belongs to it.
    if (d->thread.load() && !d->connectionName.isEmpty() && QThread::currentThread() != d->thread.load())
        throw wrongThread();
    if (d->opened)
        return;
    // After a lost connection: the dead one goes first, an adopted one is
    // closed (it is dead too) so that it can be opened again below.
    if (d->lost)
        d->shutDown();

    QSqlDatabase db;
    bool openedHere = false;
    // On any failure below, leave nothing behind: no registered connection of
    // our own, and an adopted one as it was.
    auto undo = qScopeGuard([&] {
        if (d->ownsConnection && !d->connectionName.isEmpty()) {
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(d->connectionName);
            d->connectionName.clear();
        } else if (openedHere) {
            db.close();
        }
    });

    if (d->ownsConnection) {
        if (!QSqlDatabase::isDriverAvailable(d->options.driver)) {
            throw Error(ErrorCode::DriverNotAvailable,
                        QStringLiteral("The Qt SQL driver \"%1\" is not available (installed: %2)")
                                .arg(d->options.driver,
                                     QSqlDatabase::drivers().join(QStringLiteral(", "))));
        }
        d->connectionName = nextConnectionName();
        db = QSqlDatabase::addDatabase(d->options.driver, d->connectionName);
        db.setDatabaseName(d->options.database);
        db.setHostName(d->options.host);
        db.setPort(d->options.port);
        db.setUserName(d->options.user);
        db.setPassword(d->options.password);
        db.setConnectOptions(detail::SqlDialect::connectOptions(db.driver()->dbmsType(), d->options));
    } else {
        db = QSqlDatabase::database(d->connectionName, false);
        if (!db.isValid()) {
            throw Error(ErrorCode::ConnectionFailed,
                        QStringLiteral("There is no QSqlDatabase connection named \"%1\"")
                                .arg(d->connectionName));
        }
    }

    if (!db.isOpen()) {
        if (!db.open()) {
            const QSqlError error = db.lastError();
            throw Error(ErrorCode::ConnectionFailed,
                        QStringLiteral("Could not connect (%1): %2").arg(d->options.driver, error.text()),
                        QString(), error);
        }
        openedHere = true;
    }
    auto dialect = detail::SqlDialect::create(db);
    if (!dialect) {
        throw Error(ErrorCode::DriverNotAvailable,
                    QStringLiteral("The driver \"%1\" is not one HysteriaQt supports "
                                   "(SQLite, PostgreSQL, MySQL, MariaDB)")
                            .arg(db.driverName()));
    }
    {
        // The session set-up talks to the server too.
        std::optional<detail::StatementDeadline> deadline;
        if (d->options.statementTimeout.count() > 0) {
            if (const int socket = dialect->deadlineSocket(db.driver()); socket >= 0)
                deadline.emplace(socket, d->options.statementTimeout + DeadlineGrace);
        }
        dialect->initializeSession(db, d->options);
        if (deadline && deadline->expired()) {
            throw Error(ErrorCode::ConnectionFailed,
                        QStringLiteral("The server did not answer within the statement timeout "
                                       "while the session was set up"));
        }
    }
    undo.dismiss();
    d->sqlDialect = std::move(dialect);
    d->transactionDepth = 0;
    d->thread = QThread::currentThread();
    d->lost = false;
    d->opened = true;
}

void SqlDataSource::close()
{
    if (d->thread.load() && !d->connectionName.isEmpty() && QThread::currentThread() != d->thread.load())
        throw wrongThread();
    d->shutDown();
}

bool SqlDataSource::isOpen() const
{
    return d->opened;
}

QString SqlDataSource::connectionName() const
{
    return d->connectionName;
}

QSqlDatabase SqlDataSource::database() const
{
    return d->database();
}

SqlDataSource::DatabaseType SqlDataSource::databaseType() const
{
    return d->sqlDialect ? d->sqlDialect->type() : DatabaseType::Unknown;
}

bool SqlDataSource::hasFeature(Feature feature) const
{
    return d->sqlDialect && d->sqlDialect->hasFeature(feature);
}

QueryBuilder SqlDataSource::from(QAnyStringView table)
{
    return QueryBuilder(this, table);
}

SchemaBuilder SqlDataSource::schema()
{
    return SchemaBuilder(this);
}

SqlDataSourcePrivate *SqlDataSourcePrivate::get(SqlDataSource *source)
{
    if (!source) {
        throw Error(ErrorCode::ConnectionNotOpen,
                    QStringLiteral("The data source of this query no longer exists"));
    }
    SqlDataSourcePrivate *d = source->d.get();
    if (!d->opened) {
        throw Error(ErrorCode::ConnectionNotOpen,
                    d->lost ? QStringLiteral("The connection to the database was lost: call open() to "
                                             "connect again")
                            : QStringLiteral("The data source is not open: call open() first"));
    }
    if (QThread::currentThread() != d->thread.load())
        throw wrongThread();
    return d;
}

void SqlDataSourcePrivate::shutDown()
{
    releaseFailedStatements();
    autoIncrementColumns.clear();
    opened = false;
    sqlDialect.reset();
    transactionDepth = 0;
    if (connectionName.isEmpty())
        return;
    if (ownsConnection) {
        {
            QSqlDatabase db = QSqlDatabase::database(connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(connectionName);
        connectionName.clear();
    } else if (lost) {
        QSqlDatabase::database(connectionName, false).close();
    }
    lost = false;
}

QSqlDatabase SqlDataSourcePrivate::database() const
{
    if (!opened) {
        throw Error(ErrorCode::ConnectionNotOpen,
                    QStringLiteral("The data source is not open: call open() first"));
    }
    if (QThread::currentThread() != thread.load())
        throw wrongThread();
    return QSqlDatabase::database(connectionName, false);
}

const detail::SqlDialect &SqlDataSourcePrivate::dialect() const
{
    if (!sqlDialect) {
        throw Error(ErrorCode::ConnectionNotOpen,
                    QStringLiteral("The data source is not open: call open() first"));
    }
    return *sqlDialect;
}

int SqlDataSourcePrivate::deadlineSocket(const QSqlDriver *driver) const
{
    if (options.statementTimeout.count() <= 0 || !opened || !sqlDialect)
        return -1;
    return sqlDialect->deadlineSocket(driver);
}

std::optional<detail::StatementDeadline> SqlDataSourcePrivate::armDeadline(const QSqlDriver *driver) const
{
    const int socket = deadlineSocket(driver);
    if (socket < 0)
        return std::nullopt;
    return std::optional<detail::StatementDeadline>(std::in_place, socket,
                                                    options.statementTimeout + DeadlineGrace);
}

bool SqlDataSourcePrivate::ranOutOfTime(const QElapsedTimer &timer,
                                         const std::optional<detail::StatementDeadline> &deadline) const
{
    return (deadline && deadline->expired())
            || (options.statementTimeout.count() > 0
                && timer.elapsed() >= options.statementTimeout.count());
}

Error SqlDataSourcePrivate::failure(const QSqlError &error, const QString &sql, ErrorCode fallback,
                                    bool outOfTime) const
{
    const QSqlDriver *driver = QSqlDatabase::database(connectionName, false).driver();
    ErrorCode code = sqlDialect ? sqlDialect->errorCode(error, driver) : ErrorCode::QueryFailed;
    QString message = error.databaseText().trimmed();
    if (message.isEmpty())
        message = error.text().trimmed();
    if (code == ErrorCode::ConnectionLost) {
        // The session is gone, and with it any transaction: say so rather
        // than let later calls fail one by one, or silently run outside the
        // transaction the application believes is open.
        markLost();
        if (outOfTime) {
            // The server may still have done the work: a COMMIT, or a write
            // outside a transaction, may have taken effect.
            code = ErrorCode::QueryTimeout;
            message = QStringLiteral("No answer from the database within the statement timeout "
                                     "(%1 ms); the connection was closed%2: %3")
                              .arg(options.statementTimeout.count())
                              .arg(sql == u"COMMIT" ? QStringLiteral(", and whether the transaction was "
                                                                     "committed is unknown")
                                                    : QString(),
                                   message);
        } else {
            message = QStringLiteral("The connection to the database was lost: %1").arg(message);
        }
    } else if (code == ErrorCode::QueryFailed && fallback == ErrorCode::TransactionFailed) {
        code = ErrorCode::TransactionFailed;
        message = QStringLiteral("%1 failed: %2").arg(sql, message);
    }
    return Error(code, message, sql, error);
}

void SqlDataSourcePrivate::markLost() const
{
    if (!opened)
        return;
    qCWarning(detail::lcSql) << "The connection" << connectionName
                             << "was lost; the data source is closed until open() is called";
    lost = true;
    opened = false;
}

bool SqlDataSourcePrivate::needsStatementSavepoint() const
{
    const detail::SqlDialect &d = dialect();
    if (transactionDepth > 0 || !d.behaves(detail::SqlDialect::FailedStatementAbortsTransaction))
        return false;
    QSqlDatabase db = database();
    if (const auto known = d.knownTransactionState(db.driver()))
        return *known;
    QSqlQuery query(db);
    const QString sql = d.openTransactionQuery();
    // When the question itself fails, the transaction is an aborted one: the
    // savepoint will say so (TransactionFailed); but a lost connection is lost.
    bool open = true;
    run(db.driver(), sql, ErrorCode::QueryFailed, [&] {
        if (query.exec(sql) && query.next())
            open = query.value(0).toBool();
        else if (d.errorCode(query.lastError(), db.driver()) == ErrorCode::ConnectionLost)
            return query.lastError();
        return QSqlError();
    });
    return open;
}

QSqlQuery SqlDataSourcePrivate::prepare(const QString &sql) const
{
    QSqlDatabase db = database(); // the checks first: a refused call touches nothing
    // Statements kept from an earlier failure outside HysteriaQt's own
    // transactions go now, before this one is prepared.
    if (transactionDepth == 0 && !failedInTransaction.isEmpty())
        releaseFailedStatements();
    QSqlQuery query(db);
    query.setForwardOnly(dialect().behaves(detail::SqlDialect::ForwardOnlyResults));
    run(db.driver(), sql, ErrorCode::QueryFailed,
        [&] { return query.prepare(sql) ? QSqlError() : query.lastError(); });
    return query;
}

void SqlDataSourcePrivate::execPrepared(QSqlQuery &query, const QVariantList &bindings) const
{
    if (const qint64 limit = dialect().maxStatementBytes(); limit > 0)
        requireFits(bindings, limit);
    QElapsedTimer timer;
    timer.start();
    // Before binding, which may talk to the server (PostgreSQL's client_encoding).
    std::optional<detail::StatementDeadline> deadline = armDeadline(query.driver());
    dialect().bindValues(query, bindings);
    const bool ok = query.exec();
    const bool outOfTime = !ok && ranOutOfTime(timer, deadline);
    deadline.reset();
    if (!ok) {
        const Error error = failure(query.lastError(), query.lastQuery(), ErrorCode::QueryFailed, outOfTime);
        // Inside a transaction, HysteriaQt's or maybe the application's, see failedInTransaction.
        if (opened && (transactionDepth > 0 || dialect().behaves(detail::SqlDialect::KeepsFailedStatements))) {
            failedInTransaction.append(query);
            if (failedInTransaction.size() > MaxKeptStatements)
                failedInTransaction.removeFirst();
        }
        throw error;
    }
    if (detail::lcSql().isDebugEnabled()) {
        qCDebug(detail::lcSql).noquote() << query.lastQuery() << "--" << bindings.size()
                                          << "bindings," << timer.nsecsElapsed() / 1000 << "us";
    }
}

detail::ExecutedQuery SqlDataSourcePrivate::exec(const SqlStatement &statement) const
{
    detail::ExecutedQuery query(this, prepare(statement.sql));
    execPrepared(*query, statement.bindings);
    return query;
}

void SqlDataSourcePrivate::release(QSqlQuery &query) const noexcept
{
    std::optional<detail::StatementDeadline> deadline;
    try {
        if (const int socket = deadlineSocket(query.driver()); socket >= 0)
            deadline.emplace(socket, options.statementTimeout + DeadlineGrace);
    } catch (...) {
        // No watchdog thread to be had: released without a deadline.
    }
    query = QSqlQuery();
}

void SqlDataSourcePrivate::releaseFailedStatements() const noexcept
{
    while (!failedInTransaction.isEmpty()) {
        release(failedInTransaction.last());
        failedInTransaction.removeLast();
    }
}

detail::ExecutedQuery::~ExecutedQuery()
{
    if (m_source)
        m_source->release(m_query);
}

void SqlDataSourcePrivate::execDirect(const QString &sql, ErrorCode fallback) const
{
    QSqlQuery query(database());
    run(query.driver(), sql, fallback, [&] { return query.exec(sql) ? QSqlError() : query.lastError(); });
    qCDebug(detail::lcSql).noquote() << sql;
}

} // namespace Hy
