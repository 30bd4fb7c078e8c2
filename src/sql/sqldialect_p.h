// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_SQLDIALECT_P_H
#define HYSTERIAQT_SQLDIALECT_P_H

#include <HysteriaQt/error.h>
#include <HysteriaQt/sqldatasource.h>
#include <HysteriaQt/detail/modeldata.h>

#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtCore/QVariantList>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>

#include <memory>

namespace Hy {
class SqlDataSourcePrivate;
}

namespace Hy::detail {

// What differs between databases, in the spirit of QSqlDriver: one object per
// connection, asked by the SQL compiler, the schema builder and the executor.
// Identifier quoting is done here rather than by QSqlDriver::escapeIdentifier,
// which passes an already-quoted name through untouched and splits on dots.
class SqlDialect
{
public:
    virtual ~SqlDialect();

    // The dialect for an open connection; nullptr for an unsupported database.
    static std::unique_ptr<SqlDialect> create(const QSqlDatabase &database);

    virtual SqlDataSource::DatabaseType type() const = 0;

    // Session set-up right after the connection opened (time zone, SQL mode,
    // capability probes). Throws Hy::Error(ConnectionFailed).
    virtual void initializeSession(QSqlDatabase &database) = 0;

    virtual QString quoteIdentifier(const QString &name) const;

    // Starts a unit of work when HysteriaQt has none open: a transaction, or
    // `savepoint` if the application has opened one on the connection itself
    // (BEGIN would fail on SQLite, be ignored on PostgreSQL and silently
    // commit the application's work on MySQL). Returns whether it made a
    // savepoint. Throws Hy::Error(TransactionFailed). By default it asks
    // openTransactionQuery().
    virtual bool beginWork(SqlDataSourcePrivate &source, const QString &savepoint) const;
    // A SELECT of one value, true when a transaction is open on the session.
    virtual QString openTransactionQuery() const { return {}; }

    // PostgreSQL ends a transaction whose COMMIT fails; SQLite keeps it open.
    virtual bool failedCommitEndsTransaction() const { return false; }
    // Whether a failed prepared statement must outlive the transaction it
    // failed in (PostgreSQL cannot DEALLOCATE it while that is aborted).
    virtual bool keepsFailedStatements() const { return false; }

    // DDL
    virtual QString columnType(const ColumnData &column) const = 0;
    // The whole definition of an auto-increment primary key, after its name.
    virtual QString autoIncrementColumn(const ColumnData &column) const = 0;
    virtual QString currentTimestampDefault() const = 0;
    virtual QString createTableSuffix() const { return {}; }
    virtual bool hasTransactionalDdl() const { return true; }

    // Queries
    // A LIMIT/OFFSET clause with a leading space, its values appended to
    // `bindings`; empty when neither is set (limit < 0, offset <= 0).
    virtual QString limitClause(qint64 limit, qint64 offset, QVariantList &bindings) const;
    // The select-list expression reading a date-time column as UTC text.
    virtual QString selectDateTime(const QString &quotedColumn) const;
    // Text bound for a date-time value (see model/datetime_p.h).
    virtual QString dateTimeText(const QDateTime &value) const;
    virtual QString insertDefaultValues(const QString &quotedTable) const;
    // Appended to LIKE so that a backslash escapes % and _ on every database
    // (PostgreSQL and MySQL do so by default, SQLite has no default escape).
    virtual QLatin1StringView likeEscape() const { return {}; }
    virtual bool supportsReturning() const = 0;
    // Whether the rows of one multi-row INSERT get consecutive auto-increment
    // keys from lastInsertId() (MySQL and MariaDB without RETURNING).
    virtual bool hasConsecutiveInsertIds() const { return false; }
    virtual int autoIncrementStep() const { return 1; }
    virtual int maxBindings() const = 0;
    // After rows were inserted with keys of their own into an auto-increment
    // column: keys generated later must not collide with them. SQLite and
    // MySQL move on by themselves; PostgreSQL's identity sequence does not.
    virtual void afterExplicitKeys(SqlDataSourcePrivate &, const QString &, const QString &) const {}
    // How many values one multi-row INSERT should bind (at most maxBindings()).
    virtual int bindingsPerInsert() const { return maxBindings(); }

    // Hy::Error(TransactionFailed) for a failed BEGIN, SAVEPOINT or COMMIT.
    static Error transactionError(const QString &what, const QSqlError &error);

    // The HysteriaQt error code of a driver error.
    virtual ErrorCode errorCode(const QSqlError &error) const = 0;
};

} // namespace Hy::detail

#endif // HYSTERIAQT_SQLDIALECT_P_H
