// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_MYSQLDIALECT_P_H
#define HYSTERIAQT_MYSQLDIALECT_P_H

#include "sql/sqldialect_p.h"

namespace Hy::detail {

// MySQL and MariaDB.
class MySqlDialect final : public SqlDialect
{
public:
    SqlDataSource::DatabaseType type() const override { return m_type; }
    void initializeSession(QSqlDatabase &database, const ConnectionOptions &options) override;

    QString quoteIdentifier(const QString &name) const override;
    QString openTransactionQuery() const override;
    QStringList beginStatements(Transaction::IsolationLevel isolation) const override;
    QString columnType(const ColumnData &column) const override;
    QString autoIncrementColumn(const ColumnData &column) const override;
    QString currentTimestampDefault() const override;
    QString createTableSuffix() const override;
    bool indexesInCreateTable() const override { return true; }
    bool writesReturnRows() const override { return false; }

    QString limitClause(qint64 limit, qint64 offset, QVariantList &bindings) const override;
    QString selectDateTime(const QString &quotedColumn) const override;
    QString selectText(const QString &quotedColumn) const override;
    QString selectTime(const QString &quotedColumn) const override;
    QString defaultClause(const ColumnData &column, const QString &literal) const override;
    QString textLiteral(const QString &text) const override;
    QString selectDecimal(const QString &quotedColumn) const override
    {
        return QStringLiteral("CAST(%1 AS CHAR)").arg(quotedColumn);
    }
    QString insertDefaultValues(const QString &quotedTable) const override;
    SqlStatement autoIncrementColumnQuery(const QString &table) const override;
    int autoIncrementStep() const override { return m_autoIncrementStep; }
    int maxBindings() const override { return 65535; }
    // Measured with bench/bench_workload (whereIn).
    qsizetype maxListPlaceholders() const override { return m_jsonTable ? 1000 : maxBindings(); }
    QString listCondition(const QString &column, ListTest test, ListType type, qsizetype maxLength) const override;
    qint64 maxStatementBytes() const override { return m_maxStatementBytes; }

    ErrorCode errorCode(const QSqlError &error, const QSqlDriver *driver) const override;

private:
    QString m_collation = QStringLiteral("utf8mb4_bin");
    qint64 m_maxStatementBytes = 0;
    bool m_readsTextWithoutBom = false;
    bool m_jsonTable = false; // MariaDB 10.6, MySQL 8.0.4
    bool m_backslashEscapes = true; // in string literals, unless sql_mode says otherwise
    SqlDataSource::DatabaseType m_type = SqlDataSource::DatabaseType::MySQL;
    int m_autoIncrementStep = 1;
};

} // namespace Hy::detail

#endif // HYSTERIAQT_MYSQLDIALECT_P_H
