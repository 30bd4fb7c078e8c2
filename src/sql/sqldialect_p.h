// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_SQLDIALECT_P_H
#define HYSTERIAQT_SQLDIALECT_P_H

#include <HysteriaQt/connectionoptions.h>
#include <HysteriaQt/error.h>
#include <HysteriaQt/sqldatasource.h>
#include <HysteriaQt/sqlstatement.h>
#include <HysteriaQt/transaction.h>
#include "model/modeldata_p.h"

#include <QtCore/QSet>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVariant>
#include <QtCore/QVariantList>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlDriver>
#include <QtSql/QSqlError>

#include <limits>
#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QSqlQuery;
QT_END_NAMESPACE


namespace Hy::detail {

class Connection;

// What differs between databases, in the spirit of QSqlDriver: one object per
// connection, asked by the SQL compiler, the schema builder and the executor.
// Identifier quoting is done here rather than by QSqlDriver::escapeIdentifier,
// which passes an already-quoted name through untouched and splits on dots.
class SqlDialect
{
public:
    // How a database or its Qt driver behaves, where HysteriaQt must do
    // things differently; unlike features, nothing a user chooses between.
    enum Behavior {
        // The rows of one multi-row INSERT get consecutive auto-increment
        // keys from lastInsertId() (MySQL and MariaDB without RETURNING).
        ConsecutiveInsertIds = 0x1,
        // A COMMIT that fails ends the transaction (PostgreSQL); SQLite keeps it open.
        FailedCommitEndsTransaction = 0x2,
        // One failed statement aborts the whole transaction (PostgreSQL).
        FailedStatementAbortsTransaction = 0x4,
        // A statement that failed inside a transaction cannot be DEALLOCATEd
        // while it stays aborted, so it is kept until then (PostgreSQL).
        KeepsFailedStatements = 0x8,
        // Results are read forward-only. PostgreSQL reads whole results at
        // once instead: QPSQL's row-by-row mode costs an allocation per row,
        // and a result still pending would be dropped by the next statement.
        ForwardOnlyResults = 0x10,
    };
    Q_DECLARE_FLAGS(Behaviors, Behavior)

    virtual ~SqlDialect();

    // The dialect for an open connection; nullptr for an unsupported database.
    static std::unique_ptr<SqlDialect> create(const QSqlDatabase &database);

    // QSqlDatabase::setConnectOptions() for a connection HysteriaQt opens
    // itself: the user's options first, then ours (timeouts, found rows...),
    // each only where the user did not give it.
    static QString connectOptions(QSqlDriver::DbmsType type, const ConnectionOptions &options);

    virtual SqlDataSource::DatabaseType type() const = 0;

    // The server's capabilities and the driver's ways, known once
    // initializeSession() has asked the server its version.
    bool hasFeature(SqlDataSource::Feature feature) const { return m_features.contains(feature); }
    bool behaves(Behavior behavior) const { return m_behaviors.testFlag(behavior); }

    // Session set-up right after the connection opened (SQL modes, timeouts,
    // capability probes). Throws Hy::Error(ConnectionFailed).
    virtual void initializeSession(QSqlDatabase &database, const ConnectionOptions &options) = 0;

    virtual QString quoteIdentifier(const QString &name) const;

    // Starts a unit of work when HysteriaQt has none open: a transaction, or
    // `savepoint` if the application has opened one on the connection itself
    // (BEGIN would fail on SQLite, be ignored on PostgreSQL and silently
    // commit the application's work on MySQL). Returns whether it made a
    // savepoint. Throws Hy::Error: TransactionFailed; IsolationLevelNotSupported
    // for a level in the application's transaction, which has its own.
    virtual bool beginWork(Connection &connection, const QString &savepoint,
                           Transaction::IsolationLevel isolation) const;
    // The statements that begin a transaction at `isolation`, which the
    // database supports (see hasFeature(IsolationLevels)).
    virtual QStringList beginStatements(Transaction::IsolationLevel isolation) const;
    // "READ COMMITTED"...; empty for Default.
    static QString isolationLevelName(Transaction::IsolationLevel isolation);
    // Whether a transaction is open on the session, when the client knows it
    // without asking the server (PostgreSQL); std::nullopt otherwise.
    virtual std::optional<bool> knownTransactionState(const QSqlDriver *) const { return std::nullopt; }
    // A SELECT of one value, true when a transaction is open on the session.
    virtual QString openTransactionQuery() const { return {}; }

    // Commits the transaction; an invalid QSqlError when it worked.
    virtual QSqlError commit(QSqlDatabase &database) const;

    // DDL
    virtual QString columnType(const ColumnData &column) const = 0;
    // The whole definition of an auto-increment primary key, after its name.
    virtual QString autoIncrementColumn(const ColumnData &column) const = 0;
    virtual QString currentTimestampDefault() const = 0;
    virtual QString createTableSuffix() const { return {}; }
    // Indexes as INDEX clauses of CREATE TABLE (MySQL, which has no CREATE
    // INDEX IF NOT EXISTS), rather than CREATE INDEX statements after it.
    virtual bool indexesInCreateTable() const { return false; }
    // UPDATE and DELETE take RETURNING too (MariaDB's INSERT does, not its UPDATE).
    virtual bool writesReturnRows() const { return hasFeature(SqlDataSource::Feature::Returning); }
    // What locks the rows a SELECT reads until the transaction ends: none on
    // SQLite, which locks the whole database on the first write.
    virtual QString lockRowsClause() const
    {
        return hasFeature(SqlDataSource::Feature::RowLocks) ? QStringLiteral(" FOR UPDATE") : QString();
    }
    // The DEFAULT clause of a column, after "DEFAULT ".
    virtual QString defaultClause(const ColumnData &, const QString &literal) const { return literal; }

    // Queries
    // A LIMIT/OFFSET clause with a leading space, its values appended to
    // `bindings`; empty when neither is set (limit < 0, offset <= 0).
    virtual QString limitClause(qint64 limit, qint64 offset, QVariantList &bindings) const;
    // The select-list expression reading a date-time column as UTC (see
    // model/datetime_p.h for the forms the reader takes).
    virtual QString selectDateTime(const QString &quotedColumn) const;
    // The select-list expression reading a text column so that it arrives
    // exactly as stored (a leading U+FEFF included).
    virtual QString selectText(const QString &quotedColumn) const { return quotedColumn; }
    // A decimal column as the driver gives it exactly: as text where the
    // driver would make it a double (QPSQL and QMYSQL), losing digits past 15.
    virtual QString selectDecimal(const QString &quotedColumn) const { return quotedColumn; }
    // A time column as "HH:MM:SS.fff" text or a QTime with its milliseconds.
    virtual QString selectTime(const QString &quotedColumn) const { return quotedColumn; }
    // The significant digits a decimal column keeps exactly.
    virtual int decimalDigits() const { return 65; }
    // A date, time or date-time column in a condition or an ORDER BY: an
    // expression that compares and sorts as the text HysteriaQt binds,
    // whatever form another tool wrote the value in (SQLite stores text).
    virtual QString comparable(ColumnKind, const QString &column) const { return column; }
    // Text as an SQL literal, for DDL (defaults, CHECKs), where nothing is bound.
    virtual QString textLiteral(const QString &text) const;
    // Text bound for a date-time value (see model/datetime_p.h).
    virtual QString dateTimeText(const QDateTime &value) const;
    virtual QString insertDefaultValues(const QString &quotedTable) const;
    // Appended to LIKE so that a backslash escapes % and _ on every database
    // (PostgreSQL and MySQL do so by default, SQLite has no default escape).
    virtual QLatin1StringView likeEscape() const { return {}; }
    virtual int autoIncrementStep() const { return 1; }
    virtual int maxBindings() const = 0;
    // A list compared with IN: at most this many values are bound one
    // placeholder each (`IN (?, ?, ...)`); a longer list goes as one JSON
    // array into listCondition(), where the database can read one, which
    // keeps it clear of the placeholder limit and is faster past this length.
    virtual qsizetype maxListPlaceholders() const { return std::numeric_limits<qsizetype>::max(); }
    // What the values of such a JSON array are, all of them.
    enum class ListType { Integer, Real, Text };
    enum class ListTest { In, NotIn };
    // `column` [NOT] IN the elements of the JSON array bound at the
    // condition's one `?`; `maxLength` is the longest text element's length.
    // Empty where the database cannot read the array.
    virtual QString listCondition(const QString &column, ListTest test, ListType type, qsizetype maxLength) const
    {
        Q_UNUSED(column);
        Q_UNUSED(test);
        Q_UNUSED(type);
        Q_UNUSED(maxLength);
        return {};
    }
    // How many values one multi-row INSERT should bind (at most maxBindings()).
    virtual int bindingsPerInsert() const { return maxBindings(); }
    // The most bytes of values one statement may carry; 0 for no limit.
    virtual qint64 maxStatementBytes() const { return 0; }
    // After rows were inserted with keys of their own into an auto-increment
    // column: keys generated later must not collide with them. SQLite and
    // MySQL move on by themselves; PostgreSQL's identity sequence does not.
    virtual void afterExplicitKeys(Connection &, const QString &, const QString &) const {}
    // Without RETURNING: a SELECT of the auto-increment column of `table`,
    // which names an inserted row of a table without a model.
    virtual SqlStatement autoIncrementColumnQuery(const QString &) const { return {}; }

    // Execution
    // Binds a statement's values, which are of the types checkedBinding()
    // lets through; the place for what a driver needs done to them.
    virtual void bindValues(QSqlQuery &query, const QVariantList &bindings) const;
    // The socket to shut when a statement outlives its timeout without an
    // answer (PostgreSQL, whose client has no read timeout); -1 for none.
    virtual int deadlineSocket(const QSqlDriver *) const { return -1; }

protected:
    // One statement of initializeSession(); throws Hy::Error(ConnectionFailed).
    static void runSetup(QSqlQuery &query, const QString &sql);

    QSet<SqlDataSource::Feature> m_features;
    Behaviors m_behaviors;

public:
    // The HysteriaQt code of a driver error: ConnectionLost when the
    // connection is gone (the driver may still call itself open),
    // QueryTimeout, a constraint violation, or QueryFailed.
    virtual ErrorCode errorCode(const QSqlError &error, const QSqlDriver *driver) const = 0;
};

// A value of a type every driver binds as a value: null, bool, integers,
// double, QString, QByteArray. Throws Hy::Error(InvalidValue) for anything
// else: QSqlDriver::formatValue() writes types it does not know into SQL text
// unquoted, and QPSQL formats every value into text.
const QVariant &checkedBinding(const QVariant &value);

Q_DECLARE_OPERATORS_FOR_FLAGS(SqlDialect::Behaviors)

} // namespace Hy::detail

#endif // HYSTERIAQT_SQLDIALECT_P_H
