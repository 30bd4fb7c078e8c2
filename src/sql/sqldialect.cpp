// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "sql/sqldialect_p.h"

#include "model/datetime_p.h"
#include "sql/mysqldialect_p.h"
#include "sql/postgresdialect_p.h"
#include "sql/sqlitedialect_p.h"

#include "exec/connection_p.h"
#include "sql/sqlcompiler_p.h"

#include <QtSql/QSqlDriver>
#include <QtSql/QSqlQuery>

namespace Hy::detail {

namespace {
// Whole seconds, rounded up: what the drivers' timeout options take.
qint64 wholeSeconds(std::chrono::milliseconds duration)
{
    return (duration.count() + 999) / 1000;
}

// `name=value` unless the user's options already set `name`.
void addOption(QStringList &options, const QString &user, const QString &name, const QString &value)
{
    for (const QString &given : user.split(u';', Qt::SkipEmptyParts)) {
        if (given.section(u'=', 0, 0).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return;
    }
    options.append(name + u'=' + value);
}
} // namespace

SqlDialect::~SqlDialect() = default;

std::unique_ptr<SqlDialect> SqlDialect::create(const QSqlDatabase &database)
{
    switch (database.driver()->dbmsType()) {
    case QSqlDriver::SQLite:
        return std::make_unique<SqliteDialect>();
    case QSqlDriver::PostgreSQL:
        return std::make_unique<PostgresDialect>();
    case QSqlDriver::MySqlServer:
        return std::make_unique<MySqlDialect>();
    default:
        return nullptr;
    }
}

QString SqlDialect::connectOptions(QSqlDriver::DbmsType type, const ConnectionOptions &options)
{
    const QString &user = options.connectOptions;
    QStringList ours;
    const qint64 connectSeconds = wholeSeconds(options.connectTimeout);
    const qint64 statementMs = options.statementTimeout.count();
    switch (type) {
    case QSqlDriver::SQLite:
        addOption(ours, user, QStringLiteral("QSQLITE_BUSY_TIMEOUT"),
                  QString::number(statementMs > 0 ? statementMs : 5000));
        break;
    case QSqlDriver::PostgreSQL:
        if (connectSeconds > 0) // libpq reads anything below 2 as 2
            addOption(ours, user, QStringLiteral("connect_timeout"), QString::number(connectSeconds));
        break;
    case QSqlDriver::MySqlServer:
        // Affected rows are the rows matched, as on the other databases,
        // not only those whose values changed.
        ours.append(QStringLiteral("CLIENT_FOUND_ROWS"));
        if (connectSeconds > 0) {
            addOption(ours, user, QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT"),
                      QString::number(connectSeconds));
        }
        if (statementMs > 0) {
            // The client's own limit, a second past the server's
            // max_statement_time: it ends the wait for a server that no
            // longer answers at all, by closing the connection.
            const QString seconds = QString::number(wholeSeconds(options.statementTimeout) + 1);
            addOption(ours, user, QStringLiteral("MYSQL_OPT_READ_TIMEOUT"), seconds);
            addOption(ours, user, QStringLiteral("MYSQL_OPT_WRITE_TIMEOUT"), seconds);
        }
        break;
    default:
        break;
    }
    if (user.isEmpty())
        return ours.join(u';');
    return ours.isEmpty() ? user : user + u';' + ours.join(u';');
}

bool SqlDialect::beginWork(Connection &connection, const QString &savepoint,
                           Transaction::IsolationLevel isolation) const
{
    QSqlDatabase db = connection.database();
    std::optional<bool> open = knownTransactionState(db.driver());
    if (!open) {
        QSqlQuery query(db);
        const QString sql = openTransactionQuery();
        connection.run(sql, ErrorCode::TransactionFailed, [&] {
            return query.exec(sql) && query.next() ? QSqlError() : query.lastError();
        });
        open = query.value(0).toBool();
    }
    if (*open) {
        if (isolation != Transaction::IsolationLevel::Default) {
            throw Error(ErrorCode::IsolationLevelNotSupported,
                        QStringLiteral("The application has a transaction open on the connection: a "
                                       "transaction inside it runs at its isolation level, not %1")
                                .arg(isolationLevelName(isolation)));
        }
        connection.execDirect(SqlCompiler(*this).savepoint(savepoint), ErrorCode::TransactionFailed);
        return true;
    }
    for (const QString &sql : beginStatements(isolation))
        connection.execDirect(sql, ErrorCode::TransactionFailed);
    return false;
}

QStringList SqlDialect::beginStatements(Transaction::IsolationLevel isolation) const
{
    // PostgreSQL's form; QPSQL's own transaction() sends a plain BEGIN, and
    // keeps no state of its own that running it here would bypass.
    if (isolation == Transaction::IsolationLevel::Default)
        return {QStringLiteral("BEGIN")};
    return {QStringLiteral("BEGIN ISOLATION LEVEL ") + isolationLevelName(isolation)};
}

QString SqlDialect::isolationLevelName(Transaction::IsolationLevel isolation)
{
    switch (isolation) {
    case Transaction::IsolationLevel::Default: break;
    case Transaction::IsolationLevel::ReadUncommitted: return QStringLiteral("READ UNCOMMITTED");
    case Transaction::IsolationLevel::ReadCommitted: return QStringLiteral("READ COMMITTED");
    case Transaction::IsolationLevel::RepeatableRead: return QStringLiteral("REPEATABLE READ");
    case Transaction::IsolationLevel::Serializable: return QStringLiteral("SERIALIZABLE");
    }
    return QString();
}

void SqlDialect::runSetup(QSqlQuery &query, const QString &sql)
{
    if (!query.exec(sql)) {
        throw Error(ErrorCode::ConnectionFailed,
                    QStringLiteral("Setting up the session failed: ") + query.lastError().text(), sql,
                    query.lastError());
    }
}

QSqlError SqlDialect::commit(QSqlDatabase &database) const
{
    return database.commit() ? QSqlError() : database.lastError();
}

QString SqlDialect::quoteIdentifier(const QString &name) const
{
    QString quoted = name;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString SqlDialect::limitClause(qint64 limit, qint64 offset, QVariantList &bindings) const
{
    QString clause;
    if (limit >= 0) {
        clause += QStringLiteral(" LIMIT ?");
        bindings.append(limit);
    }
    if (offset > 0) {
        clause += QStringLiteral(" OFFSET ?");
        bindings.append(offset);
    }
    return clause;
}

QString SqlDialect::selectDateTime(const QString &quotedColumn) const
{
    return quotedColumn;
}

QString SqlDialect::textLiteral(const QString &text) const
{
    QString escaped = text;
    escaped.replace(u'\'', QStringLiteral("''"));
    return u'\'' + escaped + u'\'';
}

QString SqlDialect::dateTimeText(const QDateTime &value) const
{
    return formatDateTime(value);
}

QString SqlDialect::insertDefaultValues(const QString &quotedTable) const
{
    return QStringLiteral("INSERT INTO ") + quotedTable + QStringLiteral(" DEFAULT VALUES");
}

void SqlDialect::bindValues(QSqlQuery &query, const QVariantList &bindings) const
{
    for (qsizetype i = 0; i < bindings.size(); ++i)
        query.bindValue(int(i), checkedBinding(bindings[i]));
}

const QVariant &checkedBinding(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
    case QMetaType::QString:
    case QMetaType::QByteArray:
        return value;
    default:
        throw Error(ErrorCode::InvalidValue,
                    QStringLiteral("A value of type %1 cannot be bound")
                            .arg(QString::fromLatin1(value.metaType().name())));
    }
}

} // namespace Hy::detail
