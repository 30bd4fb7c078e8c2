// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include <HysteriaQt/schemabuilder.h>

#include "exec/sqldatasource_p.h"
#include "exec/transactionscope_p.h"

#include <HysteriaQt/error.h>

#include <QtSql/QSqlDatabase>

#include <optional>

namespace Hy {

namespace {
QString columnDefinition(const detail::ColumnData &column, const detail::SqlDialect &dialect)
{
    QString definition = dialect.quoteIdentifier(column.databaseName) + u' ';
    if (column.autoIncrement)
        return definition + dialect.autoIncrementColumn(column);
    definition += dialect.columnType(column);
    // NOT NULL spelled out for keys too: SQLite accepts NULL in a
    // non-integer PRIMARY KEY column otherwise.
    if (!column.nullable)
        definition += QStringLiteral(" NOT NULL");
    if (column.primaryKey)
        definition += QStringLiteral(" PRIMARY KEY");
    if (column.autoCreate)
        definition += QStringLiteral(" DEFAULT ") + dialect.currentTimestampDefault();
    return definition;
}
// Before anything runs: MySQL would keep the tables created before a bad entry.
void requireValid(const QList<ModelInfo> &models)
{
    for (const ModelInfo &model : models) {
        if (!model.isValid())
            throw Error(ErrorCode::InvalidQuery, QStringLiteral("No table for an invalid ModelInfo"));
    }
}
} // namespace

SchemaBuilder::SchemaBuilder(SqlDataSource *source) : m_source(source) {}

QStringList SchemaBuilder::createTableStatements(const ModelInfo &model, IfExists ifExists) const
{
    const detail::SqlDialect &dialect = SqlDataSourcePrivate::get(m_source.data())->dialect();
    requireValid({model});
    const detail::ModelData *data = model.data();
    QString sql = QStringLiteral("CREATE TABLE ");
    if (ifExists == IfExists::Skip)
        sql += QStringLiteral("IF NOT EXISTS ");
    sql += dialect.quoteIdentifier(data->table) + QStringLiteral(" (");
    for (qsizetype i = 0; i < data->columns.size(); ++i) {
        if (i > 0)
            sql += QStringLiteral(", ");
        sql += columnDefinition(data->columns[i], dialect);
    }
    sql += u')' + dialect.createTableSuffix();
    return {sql};
}

void SchemaBuilder::createTables(const QList<ModelInfo> &models, IfExists ifExists) const
{
    SqlDataSourcePrivate *source = SqlDataSourcePrivate::get(m_source.data());
    requireValid(models);
    std::optional<detail::TransactionScope> transaction;
    if (source->dialect().hasFeature(SqlDataSource::Feature::TransactionalDdl) && models.size() > 1)
        transaction.emplace(source);
    for (const ModelInfo &model : models) {
        for (const QString &statement : createTableStatements(model, ifExists))
            source->execDirect(statement);
    }
    if (transaction)
        transaction->commit();
}

void SchemaBuilder::dropTables(const QList<ModelInfo> &models, IfMissing ifMissing) const
{
    SqlDataSourcePrivate *source = SqlDataSourcePrivate::get(m_source.data());
    const detail::SqlDialect &dialect = source->dialect();
    std::optional<detail::TransactionScope> transaction;
    if (dialect.hasFeature(SqlDataSource::Feature::TransactionalDdl) && models.size() > 1)
        transaction.emplace(source);
    requireValid(models);
    for (auto it = models.crbegin(); it != models.crend(); ++it) {
        source->execDirect(QStringLiteral("DROP TABLE ")
                           + (ifMissing == IfMissing::Skip ? QStringLiteral("IF EXISTS ") : QString())
                           + dialect.quoteIdentifier(it->tableName()));
    }
    if (transaction)
        transaction->commit();
}

bool SchemaBuilder::hasTable(const QString &table) const
{
    return SqlDataSourcePrivate::get(m_source.data())->database().tables().contains(table);
}

} // namespace Hy
