// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_SQLITEDIALECT_P_H
#define HYSTERIAQT_SQLITEDIALECT_P_H

#include "sql/sqldialect_p.h"

namespace Hy::detail {

class SqliteDialect final : public SqlDialect
{
public:
    SqlDataSource::DatabaseType type() const override { return SqlDataSource::DatabaseType::SQLite; }
    void initializeSession(QSqlDatabase &database, const ConnectionOptions &options) override;

    QString quoteIdentifier(const QString &name) const override;
    bool beginWork(Connection &connection, const QString &savepoint,
                   Transaction::IsolationLevel isolation) const override;
    QSqlError commit(QSqlDatabase &database) const override;
    QString columnType(const ColumnData &column) const override;
    QString autoIncrementColumn(const ColumnData &column) const override;
    QString currentTimestampDefault() const override;

    QString limitClause(qint64 limit, qint64 offset, QVariantList &bindings) const override;
    QString comparable(ColumnKind kind, const QString &column) const override;
    QLatin1StringView likeEscape() const override { return QLatin1StringView(" ESCAPE '\\'"); }
    // SQLITE_MAX_VARIABLE_NUMBER of SQLite before 3.32; newer builds allow 32766.
    int maxBindings() const override { return m_maxBindings; }
    // QtSql renames `?` to named placeholders for QSQLITE, and SQLite looks
    // each name up in a list: preparing costs the square of the count.
    // 500 measured fastest for 20,000 rows (bench/bench_insert_read).
    // NUMERIC affinity turns decimal text into a double, which keeps 15.
    int decimalDigits() const override { return 15; }
    int bindingsPerInsert() const override { return qMin(500, m_maxBindings); }
    // Measured with bench/bench_workload (whereIn).
    qsizetype maxListPlaceholders() const override { return hasFeature(SqlDataSource::Feature::Json) ? 1000 : m_maxBindings; }
    QString listCondition(const QString &column, ListTest test, ListType type, qsizetype maxLength) const override;

    void bindValues(QSqlQuery &query, const QVariantList &bindings) const override;

    ErrorCode errorCode(const QSqlError &error, const QSqlDriver *driver) const override;

private:
    int m_maxBindings = 999;
};

} // namespace Hy::detail

#endif // HYSTERIAQT_SQLITEDIALECT_P_H
