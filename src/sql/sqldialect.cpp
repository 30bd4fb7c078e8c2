// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "sql/sqldialect_p.h"

#include "model/datetime_p.h"
#include "sql/mysqldialect_p.h"
#include "sql/postgresdialect_p.h"
#include "sql/sqlitedialect_p.h"

#include "exec/sqldatasource_p.h"

#include <QtSql/QSqlDriver>
#include <QtSql/QSqlQuery>

namespace Hy::detail {

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

Error SqlDialect::transactionError(const QString &what, const QSqlError &error)
{
    return Error(ErrorCode::TransactionFailed,
                 QStringLiteral("%1 failed: %2").arg(what, error.text()), what, error);
}

bool SqlDialect::beginWork(SqlDataSourcePrivate &source, const QString &savepoint) const
{
    QSqlDatabase db = source.database();
    QSqlQuery query(db);
    if (!query.exec(openTransactionQuery()) || !query.next())
        throw transactionError(query.lastQuery(), query.lastError());
    if (query.value(0).toBool()) {
        if (!query.exec(QStringLiteral("SAVEPOINT ") + savepoint))
            throw transactionError(query.lastQuery(), query.lastError());
        return true;
    }
    if (!db.transaction())
        throw transactionError(QStringLiteral("BEGIN"), db.lastError());
    return false;
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

QString SqlDialect::dateTimeText(const QDateTime &value) const
{
    return formatDateTime(value);
}

QString SqlDialect::insertDefaultValues(const QString &quotedTable) const
{
    return QStringLiteral("INSERT INTO ") + quotedTable + QStringLiteral(" DEFAULT VALUES");
}

} // namespace Hy::detail
