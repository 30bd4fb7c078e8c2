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
#include <QtSql/QSqlDriver>
#include <QtSql/QSqlQuery>

namespace Hy {

namespace {
QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("hysteriaqt-%1").arg(counter.fetchAndAddRelaxed(1) + 1);
}

QString joinOptions(const QString &user, const QString &ours)
{
    if (user.isEmpty())
        return ours;
    if (ours.isEmpty())
        return user;
    return user + u';' + ours;
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
    close();
}

void SqlDataSource::open()
{
    if (d->opened)
        return;

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
        QString ours;
        switch (db.driver()->dbmsType()) {
        case QSqlDriver::SQLite:
            if (!d->options.connectOptions.contains(QStringLiteral("QSQLITE_BUSY_TIMEOUT")))
                ours = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
            break;
        case QSqlDriver::MySqlServer:
            // Affected rows are the rows matched, as on the other databases,
            // not only those whose values changed.
            ours = QStringLiteral("CLIENT_FOUND_ROWS");
            break;
        default:
            break;
        }
        db.setConnectOptions(joinOptions(d->options.connectOptions, ours));
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
    dialect->initializeSession(db);
    undo.dismiss();
    d->sqlDialect = std::move(dialect);
    d->thread = QThread::currentThread();
    d->opened = true;
}

void SqlDataSource::close()
{
    if (d->connectionName.isEmpty())
        return;
    d->failedInTransaction.clear();
    d->opened = false;
    d->sqlDialect.reset();
    if (d->ownsConnection) {
        {
            QSqlDatabase db = QSqlDatabase::database(d->connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(d->connectionName);
        d->connectionName.clear();
    }
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
    return source->d.get();
}

QSqlDatabase SqlDataSourcePrivate::database() const
{
    if (!opened) {
        throw Error(ErrorCode::ConnectionNotOpen,
                    QStringLiteral("The data source is not open: call open() first"));
    }
    if (QThread::currentThread() != thread) {
        throw Error(ErrorCode::WrongThread,
                    QStringLiteral("A data source is used from the thread that opened it"));
    }
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

Error SqlDataSourcePrivate::sqlError(const QSqlError &error, const QString &sql) const
{
    const ErrorCode code = sqlDialect ? sqlDialect->errorCode(error) : ErrorCode::QueryFailed;
    QString message = error.databaseText();
    if (message.isEmpty())
        message = error.text();
    return Error(code, message.trimmed(), sql, error);
}

QSqlQuery SqlDataSourcePrivate::prepare(const QString &sql) const
{
    // Statements kept from an earlier failure outside HysteriaQt's own
    // transactions go now, before this one: DEALLOCATE once a result is
    // pending would make PostgreSQL's driver drop that result.
    if (transactionDepth == 0 && !failedInTransaction.isEmpty())
        failedInTransaction.clear();
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        throw sqlError(query.lastError(), sql);
    return query;
}

void SqlDataSourcePrivate::execPrepared(QSqlQuery &query, const QVariantList &bindings) const
{
    QElapsedTimer timer;
    const bool logging = detail::lcSql().isDebugEnabled();
    if (logging)
        timer.start();
    for (qsizetype i = 0; i < bindings.size(); ++i)
        query.bindValue(int(i), bindings[i]);
    if (!query.exec()) {
        // Inside a transaction, HysteriaQt's or maybe the application's, see failedInTransaction.
        if (transactionDepth > 0 || (sqlDialect && sqlDialect->keepsFailedStatements())) {
            failedInTransaction.append(query);
            if (failedInTransaction.size() > MaxKeptStatements)
                failedInTransaction.removeFirst();
        }
        throw sqlError(query.lastError(), query.lastQuery());
    }
    if (logging) {
        qCDebug(detail::lcSql).noquote() << query.lastQuery() << "--" << bindings.size()
                                          << "bindings," << timer.nsecsElapsed() / 1000 << "us";
    }
}

QSqlQuery SqlDataSourcePrivate::exec(const detail::Statement &statement) const
{
    QSqlQuery query = prepare(statement.sql);
    execPrepared(query, statement.bindings);
    return query;
}

void SqlDataSourcePrivate::execDirect(const QString &sql) const
{
    QSqlQuery query(database());
    if (!query.exec(sql))
        throw sqlError(query.lastError(), sql);
    qCDebug(detail::lcSql).noquote() << sql;
}

} // namespace Hy
