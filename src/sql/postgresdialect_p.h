// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_POSTGRESDIALECT_P_H
#define HYSTERIAQT_POSTGRESDIALECT_P_H

#include "sql/sqldialect_p.h"

namespace Hy::detail {

class PostgresDialect final : public SqlDialect
{
public:
    SqlDataSource::DatabaseType type() const override
    {
        return SqlDataSource::DatabaseType::PostgreSQL;
    }
    void initializeSession(QSqlDatabase &database, const ConnectionOptions &options) override;

    std::optional<bool> knownTransactionState(const QSqlDriver *driver) const override;
    QString openTransactionQuery() const override;
    QString columnType(const ColumnData &column) const override;
    QString autoIncrementColumn(const ColumnData &column) const override;
    QString currentTimestampDefault() const override;

    QString selectDateTime(const QString &quotedColumn) const override;
    QString selectText(const QString &quotedColumn) const override;
    QString selectDecimal(const QString &quotedColumn) const override
    {
        return QStringLiteral("CAST(%1 AS text)").arg(quotedColumn);
    }
    QString dateTimeText(const QDateTime &value) const override;
    QString textLiteral(const QString &text) const override;
    int maxBindings() const override { return 65535; }
    qsizetype maxListPlaceholders() const override { return 1000; }
    QString listCondition(const QString &column, ListTest test, ListType type, qsizetype maxLength) const override;
    void afterExplicitKeys(Connection &connection, const QString &table,
                           const QString &column) const override;

    void bindValues(QSqlQuery &query, const QVariantList &bindings) const override;
    int deadlineSocket(const QSqlDriver *driver) const override;

    ErrorCode errorCode(const QSqlError &error, const QSqlDriver *driver) const override;

private:
    void keepClientEncoding(const QSqlDriver *driver) const;

    // Whether values that the session's settings could misread are bound as
    // dollar-quoted literals (see initializeSession()).
    bool m_dollarQuoting = false;
    bool m_readsTextWithoutBom = false;
};

} // namespace Hy::detail

#endif // HYSTERIAQT_POSTGRESDIALECT_P_H
