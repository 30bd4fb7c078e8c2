// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_SQLDATASOURCE_P_H
#define HYSTERIAQT_SQLDATASOURCE_P_H

#include "sql/sqldialect_p.h"
#include "sql/statement_p.h"

#include <HysteriaQt/sqldatasource.h>

#include <QtCore/QHash>
#include <QtCore/QPointer>
#include <QtCore/QThread>
#include <QtSql/QSqlQuery>

#include <memory>

namespace Hy {

class SqlDataSourcePrivate
{
public:
    // Throws ConnectionNotOpen for a data source that no longer exists.
    static SqlDataSourcePrivate *get(SqlDataSource *source);

    // The open connection of the calling thread. Throws ConnectionNotOpen or WrongThread.
    QSqlDatabase database() const;
    const detail::SqlDialect &dialect() const;

    // Prepares once; reuse the query with execPrepared() for every row or chunk.
    QSqlQuery prepare(const QString &sql) const;
    void execPrepared(QSqlQuery &query, const QVariantList &bindings) const;
    // prepare + execPrepared. Queries returning rows are forward-only.
    QSqlQuery exec(const detail::Statement &statement) const;
    // For statements without values (DDL, session set-up).
    void execDirect(const QString &sql) const;

    // Maps a driver error to a Hy::Error with the SQL and the driver's message.
    Error sqlError(const QSqlError &error, const QString &sql) const;

    ConnectionOptions options;
    QString connectionName;
    bool ownsConnection = false;
    bool opened = false;
    QThread *thread = nullptr;
    std::unique_ptr<detail::SqlDialect> sqlDialect;
    int transactionDepth = 0;
    // Statements that failed inside a transaction. PostgreSQL refuses to
    // DEALLOCATE them until the transaction is rolled back, so they are kept
    // alive until then: until HysteriaQt's transaction ends (TransactionScope);
    // on PostgreSQL also outside HysteriaQt's transactions, since the
    // application's own cannot be seen without a query, until the next
    // statement is prepared (by then the application has usually rolled back).
    static constexpr qsizetype MaxKeptStatements = 16;
    mutable QList<QSqlQuery> failedInTransaction;
    // MySQL: the auto-increment column of a table, for insert() on tables without a model.
    mutable QHash<QString, QString> autoIncrementColumns;
};

} // namespace Hy

#endif // HYSTERIAQT_SQLDATASOURCE_P_H
