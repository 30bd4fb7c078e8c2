// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_SCHEMABUILDER_H
#define HYSTERIAQT_SCHEMABUILDER_H

#include <HysteriaQt/hysteriaqt_global.h>
#include <HysteriaQt/modelinfo.h>
#include <HysteriaQt/detail/sourcehandle.h>

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <memory>

namespace Hy {

class SqlDataSource;
class SqlDataSourcePrivate;

// Tables from model definitions: sql.schema().createTables<User, Post>().
class HYSTERIAQT_EXPORT SchemaBuilder
{
public:
    enum class IfExists { Fail, Skip };
    enum class IfMissing { Fail, Skip };

    explicit SchemaBuilder(SqlDataSource *source);

    // Creates the tables in the given order, in one transaction where the
    // database has transactional DDL (PostgreSQL, SQLite).
    void createTables(const QList<ModelInfo> &models, IfExists ifExists = IfExists::Fail) const;
    // Drops the tables in reverse order, so that a list that creates works here too.
    void dropTables(const QList<ModelInfo> &models, IfMissing ifMissing = IfMissing::Fail) const;

    template <typename... M>
    void createTables(IfExists ifExists = IfExists::Fail) const
    {
        createTables(QList<ModelInfo>{modelInfo<M>()...}, ifExists);
    }
    template <typename... M>
    void dropTables(IfMissing ifMissing = IfMissing::Fail) const
    {
        dropTables(QList<ModelInfo>{modelInfo<M>()...}, ifMissing);
    }

    bool hasTable(const QString &table) const;
    // The DDL createTables() runs for one model, for review or migrations.
    QStringList createTableStatements(const ModelInfo &model,
                                      IfExists ifExists = IfExists::Fail) const;

private:
    detail::SourceHandle m_source;
};

} // namespace Hy

#endif // HYSTERIAQT_SCHEMABUILDER_H
