// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "sql/mysqldialect_p.h"

#include <QtCore/QVersionNumber>
#include <QtSql/QSqlQuery>

namespace Hy::detail {

void MySqlDialect::initializeSession(QSqlDatabase &database, const ConnectionOptions &options)
{
    QSqlQuery query(database);
    auto run = [&query](const QString &sql) { runSetup(query, sql); };
    // Strict mode, so that bad data is an error rather than a warning and a
    // truncation; added to the session's modes, not replacing them.
    // NO_AUTO_VALUE_ON_ZERO: a key of 0 given by the application is stored as
    // 0, as on the other databases, instead of being replaced by a new key.
    run(QStringLiteral("SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), "
                       "'STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,"
                       "NO_AUTO_VALUE_ON_ZERO')"));
    run(QStringLiteral("SELECT VERSION(), @@innodb_autoinc_lock_mode, @@auto_increment_increment, "
                       "@@max_allowed_packet, CONCAT(_utf8mb4 X'EFBBBF', 'x'), @@SESSION.sql_mode"));
    if (!query.next())
        throw Error(ErrorCode::ConnectionFailed, QStringLiteral("Could not read the server settings"));
    const QString version = query.value(0).toString();
    m_type = version.contains(u"MariaDB", Qt::CaseInsensitive) ? SqlDataSource::DatabaseType::MariaDB
                                                                 : SqlDataSource::DatabaseType::MySQL;
    const QVersionNumber number = QVersionNumber::fromString(version);
    const bool mariaDb = m_type == SqlDataSource::DatabaseType::MariaDB;
    using Feature = SqlDataSource::Feature;
    // MariaDB has INSERT ... RETURNING, but QMYSQL does not hand back its rows.
    m_features = {Feature::Savepoints, Feature::IsolationLevels, Feature::UpsertOnDuplicateKey,
                  Feature::RowLocks};
    if (number >= (mariaDb ? QVersionNumber(10, 2) : QVersionNumber(8, 0)))
        m_features.unite({Feature::WindowFunctions, Feature::CommonTableExpressions});
    if (number >= (mariaDb ? QVersionNumber(10, 2, 7) : QVersionNumber(5, 7, 8)))
        m_features.insert(Feature::Json);
    m_jsonTable = number >= (mariaDb ? QVersionNumber(10, 6) : QVersionNumber(8, 0, 4));
    m_behaviors = ForwardOnlyResults;
    // Modes 0 and 1 give the rows of one INSERT consecutive keys; mode 2
    // ("interleaved") may not, and then rows are inserted one at a time.
    if (query.value(1).toInt() != 2)
        m_behaviors |= ConsecutiveInsertIds;
    m_autoIncrementStep = qMax(1, query.value(2).toInt());
    // A statement longer than max_allowed_packet makes the server drop the
    // connection; leave room for the packet's own framing.
    m_maxStatementBytes = qMax<qint64>(1024, query.value(3).toLongLong() - 4096);
    // QMYSQL decodes with QString::fromUtf8(), which drops a leading U+FEFF.
    m_readsTextWithoutBom = query.value(4).toString().size() == 1;
    m_backslashEscapes = !query.value(5).toString().contains(u"NO_BACKSLASH_ESCAPES");
    // Binary and NO PAD, so that 'a' and 'a ' differ, as on the other
    // databases: MariaDB's utf8mb4_nopad_bin, MySQL 8's utf8mb4_0900_bin.
    if (m_type == SqlDataSource::DatabaseType::MariaDB)
        m_collation = QStringLiteral("utf8mb4_nopad_bin");
    else if (number >= QVersionNumber(8, 0, 17))
        m_collation = QStringLiteral("utf8mb4_0900_bin");

    if (const qint64 ms = options.statementTimeout.count(); ms > 0) {
        // The server's own limit: the statement is stopped and the connection
        // kept. MySQL's max_execution_time covers SELECTs only.
        run(m_type == SqlDataSource::DatabaseType::MariaDB
                    ? QStringLiteral("SET SESSION max_statement_time = %1").arg(double(ms) / 1000.0)
                    : QStringLiteral("SET SESSION max_execution_time = %1").arg(ms));
    }
}

QString MySqlDialect::openTransactionQuery() const
{
    // MariaDB tells whether a transaction is open (@@in_transaction); MySQL
    // has no such variable, and only a session without autocommit is known
    // to be the application's. In a session without autocommit the
    // application commits: HysteriaQt works in a savepoint and leaves the
    // COMMIT to it, whatever ran before.
    return m_type == SqlDataSource::DatabaseType::MariaDB
            ? QStringLiteral("SELECT @@autocommit = 0 OR @@in_transaction = 1")
            : QStringLiteral("SELECT @@autocommit = 0");
}

QStringList MySqlDialect::beginStatements(Transaction::IsolationLevel isolation) const
{
    // SET TRANSACTION applies to the next transaction only, and must come
    // before it: inside one it is an error.
    if (isolation == Transaction::IsolationLevel::Default)
        return {QStringLiteral("START TRANSACTION")};
    return {QStringLiteral("SET TRANSACTION ISOLATION LEVEL ") + isolationLevelName(isolation),
            QStringLiteral("START TRANSACTION")};
}

QString MySqlDialect::quoteIdentifier(const QString &name) const
{
    QString quoted = name;
    quoted.replace(u'`', QStringLiteral("``"));
    return u'`' + quoted + u'`';
}

QString MySqlDialect::columnType(const ColumnData &column) const
{
    switch (column.kind) {
    case ColumnKind::Increment:
    case ColumnKind::Integer:
        return QStringLiteral("INT");
    case ColumnKind::BigIncrement:
    case ColumnKind::BigInteger:
        return QStringLiteral("BIGINT");
    case ColumnKind::Float:
        return QStringLiteral("DOUBLE");
    case ColumnKind::Decimal:
        return QStringLiteral("DECIMAL(%1, %2)").arg(column.precision).arg(column.scale);
    case ColumnKind::String:
        return QStringLiteral("VARCHAR(%1)").arg(column.length);
    case ColumnKind::Text:
        return QStringLiteral("LONGTEXT");
    case ColumnKind::Boolean:
        return QStringLiteral("BOOLEAN");
    case ColumnKind::DateTime:
        return QStringLiteral("DATETIME(3)");
    case ColumnKind::Uuid:
        return QStringLiteral("CHAR(36)");
    case ColumnKind::Ulid:
        return QStringLiteral("CHAR(26)");
    case ColumnKind::Date:
        return QStringLiteral("DATE");
    case ColumnKind::Time:
        return QStringLiteral("TIME(3)");
    // MySQL's TIMESTAMP converts through the session's time zone and ends in
    // 2038; DATETIME keeps the UTC values HysteriaQt writes as they are.
    case ColumnKind::Timestamp:
        return QStringLiteral("DATETIME(3)");
    case ColumnKind::Binary:
        return QStringLiteral("LONGBLOB");
    case ColumnKind::Json:
        return QStringLiteral("JSON");
    case ColumnKind::Enum:
        return QStringLiteral("VARCHAR(%1)").arg(column.length);
    case ColumnKind::Encrypted:
        return QStringLiteral("LONGTEXT");
    }
    Q_UNREACHABLE();
    return QString();
}

QString MySqlDialect::autoIncrementColumn(const ColumnData &column) const
{
    return columnType(column) + QStringLiteral(" NOT NULL AUTO_INCREMENT PRIMARY KEY");
}

QString MySqlDialect::currentTimestampDefault() const
{
    // UTC whatever the writing session's time_zone (CURRENT_TIMESTAMP is local to it).
    return QStringLiteral("(UTC_TIMESTAMP(3))");
}

QString MySqlDialect::createTableSuffix() const
{
    return QStringLiteral(" ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=") + m_collation;
}

QString MySqlDialect::limitClause(qint64 limit, qint64 offset, QVariantList &bindings) const
{
    // MySQL has no OFFSET without LIMIT; its manual suggests the largest BIGINT UNSIGNED.
    if (limit < 0 && offset > 0) {
        bindings.append(offset);
        return QStringLiteral(" LIMIT 18446744073709551615 OFFSET ?");
    }
    return SqlDialect::limitClause(limit, offset, bindings);
}

QString MySqlDialect::selectDateTime(const QString &quotedColumn) const
{
    // Text, not QMYSQL's QDateTime in local time, whose fields can shift
    // across a daylight-saving gap.
    return QStringLiteral("DATE_FORMAT(%1, '%Y-%m-%d %H:%i:%s.%f')").arg(quotedColumn);
}

QString MySqlDialect::defaultClause(const ColumnData &column, const QString &literal) const
{
    // MySQL takes a DEFAULT on TEXT and JSON only as an expression, in
    // parentheses (8.0.13 and later); MariaDB takes that form too.
    const bool text = column.kind == ColumnKind::Text || column.kind == ColumnKind::Json;
    return text ? u'(' + literal + u')' : literal;
}

QString MySqlDialect::selectTime(const QString &quotedColumn) const
{
    // QMYSQL's QTime drops the fraction.
    return QStringLiteral("TIME_FORMAT(%1, '%H:%i:%s.%f')").arg(quotedColumn);
}

QString MySqlDialect::textLiteral(const QString &text) const
{
    if (!m_backslashEscapes || !text.contains(u'\\'))
        return SqlDialect::textLiteral(text);
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("''"));
    return u'\'' + escaped + u'\'';
}

QString MySqlDialect::selectText(const QString &quotedColumn) const
{
    if (!m_readsTextWithoutBom)
        return quotedColumn;
    // A doubled mark, of which the driver drops one. ORD() of U+FEFF in
    // UTF-8; the first character is repeated rather than written as a
    // literal, which would clash with a column of another character set.
    return QStringLiteral("CASE WHEN ORD(CONVERT(%1 USING utf8mb4)) = 15711167 "
                          "THEN CONCAT(LEFT(%1, 1), %1) ELSE %1 END")
            .arg(quotedColumn);
}

QString MySqlDialect::listCondition(const QString &column, ListTest test, ListType type, qsizetype maxLength) const
{
    if (!m_jsonTable)
        return {};
    QString element;
    switch (type) {
    case ListType::Integer: element = QStringLiteral("BIGINT"); break;
    case ListType::Real: element = QStringLiteral("DOUBLE"); break;
    case ListType::Text:
        // Long enough for every element: a shorter one would cut them. In
        // utf8mb4, which JSON_TABLE's default latin1 is not, and in the
        // collation of HysteriaQt's tables, given explicitly: the default
        // collation of utf8mb4 and a column's own may not be compared.
        element = (maxLength <= 16383 ? QStringLiteral("VARCHAR(%1)").arg(qMax<qsizetype>(1, maxLength))
                                      : QStringLiteral("LONGTEXT"))
                + QStringLiteral(" CHARACTER SET utf8mb4 COLLATE ") + m_collation;
        break;
    }
    // A derived table of the distinct values, which the server materializes
    // with a key: an UPDATE or DELETE has no semi-join, and would read the
    // whole array again for each row it looks at.
    const QString values = QStringLiteral("(SELECT DISTINCT `hy_value` FROM JSON_TABLE(?, '$[*]' "
                                          "COLUMNS (`hy_value` %1 PATH '$')) AS `hy_list`) AS `hy_values`")
                                   .arg(element);
    if (test == ListTest::In)
        return column + QStringLiteral(" IN (SELECT `hy_value` FROM ") + values + u')';
    // NOT IN looks the key up only as NOT EXISTS: with a nullable element
    // it scans the whole table of values for each row. The same rows, as
    // the list holds no null: a null column matches neither.
    return u'(' + column + QStringLiteral(" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ") + values
            + QStringLiteral(" WHERE `hy_values`.`hy_value` = ") + column + QStringLiteral("))");
}

QString MySqlDialect::insertDefaultValues(const QString &quotedTable) const
{
    return QStringLiteral("INSERT INTO ") + quotedTable + QStringLiteral(" () VALUES ()");
}

SqlStatement MySqlDialect::autoIncrementColumnQuery(const QString &table) const
{
    return {QStringLiteral("SELECT COLUMN_NAME FROM information_schema.COLUMNS "
                           "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? "
                           "AND EXTRA LIKE '%auto_increment%'"),
            {table}};
}

ErrorCode MySqlDialect::errorCode(const QSqlError &error, const QSqlDriver *) const
{
    switch (error.nativeErrorCode().toInt()) {
    case 1053: // ER_SERVER_SHUTDOWN
    case 1927: // ER_CONNECTION_KILLED (MariaDB)
    case 2006: // CR_SERVER_GONE_ERROR
    case 2013: // CR_SERVER_LOST
    case 2055: // CR_SERVER_LOST_EXTENDED
    case 4031: // ER_CLIENT_INTERACTION_TIMEOUT (MySQL)
        return ErrorCode::ConnectionLost;
    case 1969: // ER_STATEMENT_TIMEOUT (MariaDB)
    case 3024: // ER_QUERY_TIMEOUT (MySQL)
        return ErrorCode::QueryTimeout;
    case 1205: // ER_LOCK_WAIT_TIMEOUT: innodb_lock_wait_timeout
        return ErrorCode::QueryTimeout;
    case 1213: // ER_LOCK_DEADLOCK: the transaction was rolled back
    case 1020: // ER_CHECKREAD: the row changed since this snapshot (MariaDB)
        return ErrorCode::TransactionConflict;
    case 1062: // ER_DUP_ENTRY
    case 1586: // ER_DUP_ENTRY_WITH_KEY_NAME
        return ErrorCode::UniqueViolation;
    case 1048: // ER_BAD_NULL_ERROR
    case 1364: // ER_NO_DEFAULT_FOR_FIELD
        return ErrorCode::NotNullViolation;
    case 1451: // ER_ROW_IS_REFERENCED_2
    case 1452: // ER_NO_REFERENCED_ROW_2
        return ErrorCode::ForeignKeyViolation;
    case 3819: // ER_CHECK_CONSTRAINT_VIOLATED (MySQL)
    case 4025: // ER_CONSTRAINT_FAILED (MariaDB)
        return ErrorCode::CheckViolation;
    default:
        return ErrorCode::QueryFailed;
    }
}

} // namespace Hy::detail
