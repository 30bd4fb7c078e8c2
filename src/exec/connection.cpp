// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "exec/connection_p.h"

#include "core/logging_p.h"
#include "exec/sqldatasource_p.h"
#include "sql/sqliteapi_p.h"

#include <QtCore/QAtomicInteger>
#include <QtCore/QScopeGuard>
#include <QtSql/QSqlDriver>

namespace Hy::detail {

namespace {
// The values of a statement for the hysteria.sql log: long text cut short,
// bytes counted rather than shown.
QString formatBindings(const QVariantList &bindings)
{
    constexpr qsizetype MaxText = 60;
    QStringList shown;
    shown.reserve(bindings.size());
    for (const QVariant &value : bindings) {
        if (value.isNull()) {
            shown.append(QStringLiteral("NULL"));
        } else if (value.metaType() == QMetaType::fromType<QByteArray>()) {
            shown.append(QStringLiteral("<%1 bytes>").arg(value.toByteArray().size()));
        } else if (value.metaType() == QMetaType::fromType<QString>()) {
            const QString text = value.toString();
            shown.append(text.size() > MaxText
                                 ? QStringLiteral("'%1...' (%2 characters)").arg(text.left(MaxText)).arg(text.size())
                                 : u'\'' + text + u'\'');
        } else if (value.metaType() == QMetaType::fromType<QDateTime>()) {
            shown.append(value.toDateTime().toString(Qt::ISODateWithMs));
        } else {
            shown.append(value.toString());
        }
    }
    return u'[' + shown.join(QStringLiteral(", ")) + u']';
}

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("hysteriaqt-%1").arg(counter.fetchAndAddRelaxed(1) + 1);
}

// The client's own wait: the server's statement timeout fires first if the
// server still answers; this one only if it does not.
constexpr std::chrono::milliseconds DeadlineGrace{1000};

// A statement larger than the server takes would make it drop the connection
// (MySQL's max_allowed_packet): refused before it is sent.
void requireFits(const QVariantList &bindings, qint64 limit)
{
    if (const qint64 bytes = boundBytes(std::span(bindings.constData(), std::size_t(bindings.size())), limit);
        bytes > limit) {
        throw Error(ErrorCode::ValueTooLong,
                    QStringLiteral("A statement with %1 bytes of values is larger than the largest "
                                   "statement the server takes (%2 bytes)")
                            .arg(bytes)
                            .arg(limit));
    }
}

Error lostError()
{
    return Error(ErrorCode::ConnectionNotOpen,
                 QStringLiteral("The connection to the database was lost: call open() to connect again"));
}
} // namespace

Connection::Connection(const std::shared_ptr<SqlDataSourcePrivate> &owner, const ConnectionOptions &options,
                       const std::optional<QString> &adopted, quint64 generation)
    : m_owner(owner), m_observers(owner->observers), m_options(options), m_owned(!adopted), m_generation(generation)
{
    QSqlDatabase db;
    bool openedHere = false;
    // On any failure below, leave nothing behind: no registered connection of
    // our own, and an adopted one as it was.
    auto undo = qScopeGuard([&] {
        if (m_owned && !m_name.isEmpty()) {
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_name);
        } else if (openedHere) {
            db.close();
        }
    });

    if (m_owned) {
        if (!QSqlDatabase::isDriverAvailable(m_options.driver)) {
            throw Error(ErrorCode::DriverNotAvailable,
                        QStringLiteral("The Qt SQL driver \"%1\" is not available (installed: %2)")
                                .arg(m_options.driver, QSqlDatabase::drivers().join(QStringLiteral(", "))));
        }
        m_name = nextConnectionName();
        db = QSqlDatabase::addDatabase(m_options.driver, m_name);
        db.setDatabaseName(m_options.database);
        db.setHostName(m_options.host);
        db.setPort(m_options.port);
        db.setUserName(m_options.user);
        db.setPassword(m_options.password);
        db.setConnectOptions(SqlDialect::connectOptions(db.driver()->dbmsType(), m_options));
    } else {
        m_name = *adopted;
        db = QSqlDatabase::database(m_name, false);
        if (!db.isValid()) {
            throw Error(ErrorCode::ConnectionFailed,
                        QStringLiteral("There is no QSqlDatabase connection named \"%1\"").arg(m_name));
        }
    }

    if (!db.isOpen()) {
        if (!db.open()) {
            const QSqlError error = db.lastError();
            throw Error(ErrorCode::ConnectionFailed,
                        QStringLiteral("Could not connect (%1): %2").arg(m_options.driver, error.text()),
                        QString(), error);
        }
        openedHere = true;
    }
    m_dialect = SqlDialect::create(db);
    if (!m_dialect) {
        throw Error(ErrorCode::DriverNotAvailable,
                    QStringLiteral("The driver \"%1\" is not one HysteriaQt supports "
                                   "(SQLite, PostgreSQL, MySQL, MariaDB)")
                            .arg(db.driverName()));
    }
    m_sqlite = SqliteApi::forDriver(db.driver());
    {
        // The session set-up talks to the server too.
        std::optional<StatementDeadline> deadline = armDeadline();
        m_dialect->initializeSession(db, m_options);
        if (deadline && deadline->expired()) {
            throw Error(ErrorCode::ConnectionFailed,
                        QStringLiteral("The server did not answer within the statement timeout "
                                       "while the session was set up"));
        }
    }
    undo.dismiss();
}

Connection::~Connection()
{
    // An adopted connection stays open: leave no transaction of ours behind
    // on it. (Levels still held, by a Hy::Transaction, are ended.)
    // Held here: a connection found lost meanwhile lets its levels go.
    if (const std::shared_ptr<TransactionLevel> outermost = levels.empty() ? nullptr : levels.front())
        Transactions::rollbackQuietly(*outermost);
    for (const auto &level : levels) {
        level->state = Transaction::State::RolledBack;
        level->connection = nullptr;
    }
    levels.clear();
    releaseFailedStatements();
    autoIncrementColumns.clear();
    m_dialect.reset();
    if (m_owned) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    } else if (m_lost) {
        // The application's connection is dead too: closed, so that open()
        // can open it again.
        QSqlDatabase::database(m_name, false).close();
    }
}

QSqlDatabase Connection::database() const
{
    if (m_lost)
        throw lostError();
    return handle();
}

QSqlDatabase Connection::handle() const
{
    return QSqlDatabase::database(m_name, false);
}

int Connection::deadlineSocket() const
{
    if (m_options.statementTimeout.count() <= 0 || m_lost || !m_dialect)
        return -1;
    return m_dialect->deadlineSocket(handle().driver());
}

std::optional<StatementDeadline> Connection::armDeadline() const
{
    const int socket = deadlineSocket();
    if (socket < 0)
        return std::nullopt;
    return std::optional<StatementDeadline>(std::in_place, socket, m_options.statementTimeout + DeadlineGrace);
}

bool Connection::ranOutOfTime(const QElapsedTimer &timer, const std::optional<StatementDeadline> &deadline) const
{
    return (deadline && deadline->expired())
            || (m_options.statementTimeout.count() > 0 && timer.elapsed() >= m_options.statementTimeout.count());
}

Error Connection::failure(const QSqlError &error, const QString &sql, ErrorCode fallback, bool outOfTime) const
{
    ErrorCode code = m_dialect ? m_dialect->errorCode(error, handle().driver()) : ErrorCode::QueryFailed;
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
                              .arg(m_options.statementTimeout.count())
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

void Connection::markLost() const
{
    if (m_lost)
        return;
    qCWarning(lcSql) << "The connection" << m_name << "was lost; the data source is closed until open() is called";
    m_lost = true;
    // The server rolled back whatever was open on the session: its levels
    // say so now, not when open() next replaces the connection.
    for (const auto &level : std::exchange(levels, {})) {
        level->lostConnection = true;
        level->state = Transaction::State::RolledBack;
        level->connection = nullptr;
    }
    if (const auto owner = m_owner.lock())
        owner->markLost();
}

void Connection::rollbackAbandoned() noexcept
{
    const auto abandoned = std::find_if(levels.begin(), levels.end(),
                                        [](const auto &level) { return level->abandoned.load(); });
    if (abandoned != levels.end()) {
        qCWarning(lcSql) << "A transaction was destroyed in another thread than its own: rolled back";
        // Held here: no Hy::Transaction holds it, and a connection found lost
        // meanwhile lets its levels go.
        const std::shared_ptr<TransactionLevel> level = *abandoned;
        Transactions::rollbackQuietly(*level);
    }
}

bool Connection::needsStatementSavepoint() const
{
    if (!m_dialect->behaves(SqlDialect::FailedStatementAbortsTransaction))
        return false;
    // The application's code runs in its Hy::Transaction, and may catch a
    // failed statement and go on, as it can on the other databases.
    if (!levels.empty())
        return levels.back()->kind == TransactionLevel::Kind::Application;
    QSqlDatabase db = database();
    if (const auto known = m_dialect->knownTransactionState(db.driver()))
        return *known;
    QSqlQuery query(db);
    const QString sql = m_dialect->openTransactionQuery();
    // When the question itself fails, the transaction is an aborted one: the
    // savepoint will say so (TransactionFailed); but a lost connection is lost.
    bool open = true;
    run(sql, ErrorCode::QueryFailed, [&] {
        if (query.exec(sql) && query.next())
            open = query.value(0).toBool();
        else if (m_dialect->errorCode(query.lastError(), db.driver()) == ErrorCode::ConnectionLost)
            return query.lastError();
        return QSqlError();
    });
    return open;
}

PreparedStatement Connection::prepare(const QString &sql) const
{
    QSqlDatabase db = database();
    // Statements kept from an earlier failure outside HysteriaQt's own
    // transactions go now, before this one is prepared.
    if (levels.empty() && !failedInTransaction.isEmpty())
        releaseFailedStatements();
    PreparedStatement statement(this, sql);
    if (m_sqlite) {
        if (void *handle = SqliteApi::connection(db.driver())) {
            statement.m_native = std::make_unique<SqliteStatement>(m_sqlite, handle, sql);
            if (!statement.m_native->isValid())
                throw failure(statement.m_native->lastError(), sql, ErrorCode::QueryFailed);
            return statement;
        }
    }
    QSqlQuery &query = statement.m_query;
    query = QSqlQuery(db);
    query.setForwardOnly(m_dialect->behaves(SqlDialect::ForwardOnlyResults));
    run(sql, ErrorCode::QueryFailed, [&] { return query.prepare(sql) ? QSqlError() : query.lastError(); });
    return statement;
}

void Connection::execPrepared(PreparedStatement &statement, const QVariantList &bindings) const
{
    if (const qint64 limit = m_dialect->maxStatementBytes(); limit > 0)
        requireFits(bindings, limit);
    const QString &sql = statement.m_sql;
    const Observation observation = observe(sql, bindings);
    if (SqliteStatement *native = statement.m_native.get()) {
        for (const QVariant &value : bindings)
            checkedBinding(value);
        if (!native->exec(bindings)) {
            const Error error = failure(native->lastError(), sql, ErrorCode::QueryFailed);
            observed(observation, sql, bindings, -1, &error);
            throw error;
        }
        if (observation.observers || observation.log)
            observed(observation, sql, bindings, native->returnsRows() ? -1 : native->rowsAffected(), nullptr);
        return;
    }

    QSqlQuery &query = statement.m_query;
    QElapsedTimer timer;
    timer.start();
    // Before binding, which may talk to the server (PostgreSQL's client_encoding).
    std::optional<StatementDeadline> deadline = armDeadline();
    m_dialect->bindValues(query, bindings);
    const bool ok = query.exec();
    const bool outOfTime = !ok && ranOutOfTime(timer, deadline);
    deadline.reset();
    if (!ok) {
        const Error error = failure(query.lastError(), sql, ErrorCode::QueryFailed, outOfTime);
        // Inside a transaction, HysteriaQt's or maybe the application's, see failedInTransaction.
        if (!m_lost && (!levels.empty() || m_dialect->behaves(SqlDialect::KeepsFailedStatements))) {
            failedInTransaction.append(query);
            if (failedInTransaction.size() > MaxKeptStatements)
                failedInTransaction.removeFirst();
        }
        observed(observation, sql, bindings, -1, &error);
        throw error;
    }
    if (observation.observers || observation.log)
        observed(observation, sql, bindings, query.isSelect() ? query.size() : query.numRowsAffected(), nullptr);
}

Connection::Observation Connection::observe(const QString &sql, const QVariantList &bindings) const
{
    Observation observation;
    observation.observers = !m_observers->isEmpty();
    observation.log = lcSql().isDebugEnabled();
    if (observation.observers || observation.log)
        observation.timer.start();
    if (observation.observers)
        m_observers->notify(QueryEventData::make(QueryEvent::Stage::Started, sql, bindings, m_name));
    return observation;
}

void Connection::observed(const Observation &observation, const QString &sql, const QVariantList &bindings,
                          qint64 rows, const Error *error) const
{
    if (!observation.observers && !observation.log)
        return;
    const std::chrono::nanoseconds duration(observation.timer.nsecsElapsed());
    if (observation.log) {
        QString line = sql;
        if (!bindings.isEmpty())
            line += QStringLiteral(" -- ") + formatBindings(bindings);
        line += QStringLiteral(" -- %1 us").arg(duration.count() / 1000);
        if (error)
            line += QStringLiteral(", failed: ") + QString::fromUtf8(error->what());
        else if (rows >= 0)
            line += QStringLiteral(", %1 rows").arg(rows);
        qCDebug(lcSql).noquote() << line;
    }
    if (observation.observers) {
        m_observers->notify(QueryEventData::make(error ? QueryEvent::Stage::Failed : QueryEvent::Stage::Finished, sql,
                                                 bindings, m_name, duration, error ? -1 : rows, error));
    }
}

PreparedStatement Connection::exec(const SqlStatement &statement) const
{
    PreparedStatement prepared = prepare(statement.sql);
    execPrepared(prepared, statement.bindings);
    return prepared;
}

void Connection::release(QSqlQuery &query) const noexcept
{
    std::optional<StatementDeadline> deadline;
    try {
        if (const int socket = deadlineSocket(); socket >= 0)
            deadline.emplace(socket, m_options.statementTimeout + DeadlineGrace);
    } catch (...) {
        // No watchdog thread to be had: released without a deadline.
    }
    query = QSqlQuery();
}

void Connection::releaseFailedStatements() const noexcept
{
    while (!failedInTransaction.isEmpty()) {
        release(failedInTransaction.last());
        failedInTransaction.removeLast();
    }
}

void Connection::execDirect(const QString &sql, ErrorCode fallback) const
{
    QSqlQuery query(database());
    runObserved(sql, fallback, [&] { return query.exec(sql) ? QSqlError() : query.lastError(); });
}

} // namespace Hy::detail
