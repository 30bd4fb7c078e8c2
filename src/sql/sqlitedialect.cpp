// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "sql/sqlitedialect_p.h"

#include "exec/connection_p.h"
#include "sql/sqlcompiler_p.h"

#include <QtCore/QVersionNumber>
#include <QtSql/QSqlQuery>

namespace Hy::detail {

void SqliteDialect::initializeSession(QSqlDatabase &database, const ConnectionOptions &)
{
    QSqlQuery query(database);
    runSetup(query, QStringLiteral("SELECT sqlite_version()"));
    if (!query.next())
        throw Error(ErrorCode::ConnectionFailed, QStringLiteral("Could not read the SQLite version"));
    const QVersionNumber version = QVersionNumber::fromString(query.value(0).toString());
    m_maxBindings = version >= QVersionNumber(3, 32) ? 32766 : 999;
    using Feature = SqlDataSource::Feature;
    m_features = {Feature::TransactionalDdl, Feature::Savepoints};
    if (version >= QVersionNumber(3, 35))
        m_features.insert(Feature::Returning);
    if (version >= QVersionNumber(3, 24))
        m_features.insert(Feature::UpsertOnConflict);
    if (version >= QVersionNumber(3, 25))
        m_features.insert(Feature::WindowFunctions);
    if (version >= QVersionNumber(3, 8, 3))
        m_features.insert(Feature::CommonTableExpressions);
    // JSON1 is built in since 3.38, and optional before.
    if (query.exec(QStringLiteral("SELECT json('{}')")))
        m_features.insert(Feature::Json);
    m_behaviors = ForwardOnlyResults;
    // Foreign keys are off by default in SQLite; every other database
    // enforces them. LIKE is case-sensitive on PostgreSQL and on MariaDB's
    // utf8mb4_bin tables HysteriaQt creates: the same here.
    runSetup(query, QStringLiteral("PRAGMA foreign_keys = ON"));
    runSetup(query, QStringLiteral("PRAGMA case_sensitive_like = ON"));
    // Write-ahead logging for a database file: readers do not wait for a
    // writer, nor it for them, when several threads each have a connection.
    // (The mode is the file's, kept across connections; an in-memory
    // database has its own.)
    const QString file = database.databaseName();
    if (file != u":memory:" && !file.contains(u"mode=memory"))
        runSetup(query, QStringLiteral("PRAGMA journal_mode = WAL"));
}

QString SqliteDialect::listCondition(const QString &column, ListTest test, ListType, qsizetype) const
{
    // json_each() gives each element as SQLite's own integer, real or text,
    // which IN compares with the column's affinity as it would a bound value.
    if (!hasFeature(SqlDataSource::Feature::Json))
        return {};
    return column + (test == ListTest::NotIn ? QStringLiteral(" NOT IN") : QStringLiteral(" IN"))
            + QStringLiteral(" (SELECT \"value\" FROM json_each(?))");
}

bool SqliteDialect::beginWork(Connection &connection, const QString &savepoint, Transaction::IsolationLevel) const
{
    // Every SQLite transaction is serializable, which is all the levels it
    // is asked for (see Transactions::begin()), the application's included.
    // IMMEDIATE: the write lock now, waiting for it under the busy timeout.
    // A deferred transaction that reads first and writes later would be
    // refused at once (SQLITE_BUSY) when another connection wrote meanwhile.
    // Observed like every other statement, the BEGIN that fails inside the
    // application's transaction included: it was sent.
    const QString begin = QStringLiteral("BEGIN IMMEDIATE");
    QSqlQuery query(connection.database());
    try {
        connection.runObserved(begin, ErrorCode::TransactionFailed,
                           [&] { return query.exec(begin) ? QSqlError() : query.lastError(); });
        return false;
    } catch (const Error &error) {
        if (!error.driverError().databaseText().contains(QStringLiteral("within a transaction")))
            throw;
    }
    // The application's own transaction is open: work inside it.
    connection.execDirect(SqlCompiler(*this).savepoint(savepoint), ErrorCode::TransactionFailed);
    return true;
}

QSqlError SqliteDialect::commit(QSqlDatabase &database) const
{
    // What QSQLITE's commit() runs, but keeping SQLite's error code (a
    // deferred foreign key failing at COMMIT), which commit() drops.
    QSqlQuery query(database);
    return query.exec(QStringLiteral("COMMIT")) ? QSqlError() : query.lastError();
}

QString SqliteDialect::quoteIdentifier(const QString &name) const
{
    // Backticks, not double quotes: SQLite takes a double-quoted name that
    // matches no column for a string literal, so a misspelt column would
    // silently compare with its own name instead of failing.
    QString quoted = name;
    quoted.replace(u'`', QStringLiteral("``"));
    return u'`' + quoted + u'`';
}

QString SqliteDialect::columnType(const ColumnData &column) const
{
    switch (column.kind) {
    case ColumnKind::Increment:
    case ColumnKind::BigIncrement:
    case ColumnKind::Integer:
        return QStringLiteral("INTEGER");
    case ColumnKind::BigInteger:
        return QStringLiteral("BIGINT");
    case ColumnKind::Float:
        return QStringLiteral("REAL");
    case ColumnKind::Decimal:
        return QStringLiteral("NUMERIC(%1, %2)").arg(column.precision).arg(column.scale);
    case ColumnKind::String:
        return QStringLiteral("VARCHAR(%1)").arg(column.length);
    case ColumnKind::Text:
        return QStringLiteral("TEXT");
    case ColumnKind::Boolean:
        return QStringLiteral("BOOLEAN");
    case ColumnKind::DateTime:
        return QStringLiteral("DATETIME");
    case ColumnKind::Uuid:
        return QStringLiteral("CHAR(36)");
    case ColumnKind::Ulid:
        return QStringLiteral("CHAR(26)");
    case ColumnKind::Date:
        return QStringLiteral("DATE");
    case ColumnKind::Time:
        return QStringLiteral("TIME");
    case ColumnKind::Timestamp:
        return QStringLiteral("TIMESTAMP");
    case ColumnKind::Binary:
        return QStringLiteral("BLOB");
    case ColumnKind::Json:
        return QStringLiteral("TEXT");
    case ColumnKind::Enum:
        return QStringLiteral("VARCHAR(%1)").arg(column.length);
    case ColumnKind::Encrypted:
        return QStringLiteral("TEXT");
    }
    Q_UNREACHABLE();
    return QString();
}

QString SqliteDialect::autoIncrementColumn(const ColumnData &) const
{
    // INTEGER PRIMARY KEY is the 64-bit rowid; AUTOINCREMENT keeps keys of
    // deleted rows from being reused, as the other databases do.
    return QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT");
}

QString SqliteDialect::currentTimestampDefault() const
{
    return QStringLiteral("(strftime('%Y-%m-%d %H:%M:%f', 'now'))");
}

QString SqliteDialect::limitClause(qint64 limit, qint64 offset, QVariantList &bindings) const
{
    // SQLite has no OFFSET without LIMIT; a negative limit means none.
    if (limit < 0 && offset > 0) {
        bindings.append(offset);
        return QStringLiteral(" LIMIT -1 OFFSET ?");
    }
    return SqlDialect::limitClause(limit, offset, bindings);
}

QString SqliteDialect::comparable(ColumnKind kind, const QString &column) const
{
    // SQLite keeps date-times as text in whatever form was written:
    // CURRENT_TIMESTAMP's "YYYY-MM-DD HH:MM:SS", ISO's "T", an offset. Compared
    // as text with the bound "YYYY-MM-DD HH:MM:SS.mmm" they miss or misorder
    // rows; strftime() brings every form SQLite reads to that one, in UTC.
    switch (kind) {
    case ColumnKind::DateTime:
    case ColumnKind::Timestamp:
        return QStringLiteral("strftime('%Y-%m-%d %H:%M:%f', %1)").arg(column);
    case ColumnKind::Date:
        return QStringLiteral("date(%1)").arg(column);
    case ColumnKind::Time:
        return QStringLiteral("strftime('%H:%M:%f', %1)").arg(column);
    default:
        return column;
    }
}

void SqliteDialect::bindValues(QSqlQuery &query, const QVariantList &bindings) const
{
    for (qsizetype i = 0; i < bindings.size(); ++i) {
        const QVariant &value = checkedBinding(bindings[i]);
        if (value.typeId() == QMetaType::QString) {
            // QSQLITE binds UTF-16, and SQLite takes a leading U+FEFF for a
            // byte order mark and drops it: a mark of our own in front is
            // dropped instead.
            const QString &text = *static_cast<const QString *>(value.constData());
            if (!text.isEmpty() && text.front() == QChar(0xFEFF)) {
                query.bindValue(int(i), QChar(0xFEFF) + text);
                continue;
            }
        }
        query.bindValue(int(i), value);
    }
}

ErrorCode SqliteDialect::errorCode(const QSqlError &error, const QSqlDriver *) const
{
    // Extended result codes, which QSQLITE turns on.
    switch (error.nativeErrorCode().toInt()) {
    case 5:   // SQLITE_BUSY: another connection's lock outlasted the busy timeout
    case 261: // SQLITE_BUSY_RECOVERY
    case 773: // SQLITE_BUSY_TIMEOUT
        return ErrorCode::QueryTimeout;
    case 517: // SQLITE_BUSY_SNAPSHOT: another connection wrote since this transaction read
        return ErrorCode::TransactionConflict;
    case 2067: // SQLITE_CONSTRAINT_UNIQUE
    case 1555: // SQLITE_CONSTRAINT_PRIMARYKEY
        return ErrorCode::UniqueViolation;
    case 1299: // SQLITE_CONSTRAINT_NOTNULL
        return ErrorCode::NotNullViolation;
    case 787: // SQLITE_CONSTRAINT_FOREIGNKEY
        return ErrorCode::ForeignKeyViolation;
    case 275: // SQLITE_CONSTRAINT_CHECK
        return ErrorCode::CheckViolation;
    default:
        return ErrorCode::QueryFailed;
    }
}

} // namespace Hy::detail
