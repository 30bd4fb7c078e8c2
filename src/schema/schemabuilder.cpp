// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include <HysteriaQt/schemabuilder.h>

#include "exec/sqldatasource_p.h"
#include "exec/transactionscope_p.h"
#include "sql/sqlcompiler_p.h"

#include <HysteriaQt/error.h>

#include <QtSql/QSqlDatabase>

#include <optional>

namespace Hy {

namespace {
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
    const Session session = SqlDataSourcePrivate::session(m_source);
    const detail::SqlDialect &dialect = session->dialect();
    requireValid({model});
    const detail::SqlCompiler compiler(dialect);
    const auto how = ifExists == IfExists::Skip ? detail::SqlCompiler::IfExists::Skip
                                                : detail::SqlCompiler::IfExists::Fail;
    return QStringList{compiler.createTable(model.data(), how)} + compiler.createIndexes(model.data(), how);
}

void SchemaBuilder::createTables(const QList<ModelInfo> &models, IfExists ifExists) const
{
    const Session session = SqlDataSourcePrivate::session(m_source);
    detail::Connection *connection = session.connection();
    requireValid(models);
    std::optional<detail::TransactionScope> transaction;
    if (connection->dialect().hasFeature(SqlDataSource::Feature::TransactionalDdl) && models.size() > 1)
        transaction.emplace(connection);
    for (const ModelInfo &model : models) {
        for (const QString &statement : createTableStatements(model, ifExists))
            connection->execDirect(statement);
    }
    if (transaction)
        transaction->commit();
}

void SchemaBuilder::dropTables(const QList<ModelInfo> &models, IfMissing ifMissing) const
{
    const Session session = SqlDataSourcePrivate::session(m_source);
    detail::Connection *connection = session.connection();
    const detail::SqlDialect &dialect = connection->dialect();
    std::optional<detail::TransactionScope> transaction;
    if (dialect.hasFeature(SqlDataSource::Feature::TransactionalDdl) && models.size() > 1)
        transaction.emplace(connection);
    requireValid(models);
    for (auto it = models.crbegin(); it != models.crend(); ++it) {
        connection->execDirect(detail::SqlCompiler(dialect).dropTable(
                it->tableName(), ifMissing == IfMissing::Skip ? detail::SqlCompiler::IfExists::Skip
                                                              : detail::SqlCompiler::IfExists::Fail));
    }
    if (transaction)
        transaction->commit();
}

bool SchemaBuilder::hasTable(const QString &table) const
{
    return SqlDataSourcePrivate::session(m_source)->database().tables().contains(table);
}

} // namespace Hy
