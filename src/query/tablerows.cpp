// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include <HysteriaQt/detail/querycore.h>

#include "exec/inserter_p.h"
#include "exec/sqldatasource_p.h"
#include "exec/transactionscope_p.h"
#include "model/valueconverter_p.h"
#include "query/querycore_p.h"
#include "query/querystate_p.h"
#include "sql/sqlcompiler_p.h"

#include <HysteriaQt/error.h>

#include <optional>

// QueryCore's operations on rows of a table without a model (QueryBuilder).

namespace Hy::detail {

namespace {

// The values of a row without a model, in `columns` order, checked and
// converted like those of a model's row.
QVariantList rowFromMap(const QVariantMap &map, const QStringList &columns, const QString &table,
                        const SqlDialect &dialect)
{
    QVariantList row;
    row.reserve(columns.size());
    for (const QString &column : columns)
        row.append(toRawDatabaseValue(map.value(column), table, column, dialect));
    return row;
}

// MySQL without RETURNING: the auto-increment column names the inserted row.
QString autoIncrementColumn(Connection *connection, const QString &table)
{
    auto found = connection->autoIncrementColumns.constFind(table);
    if (found != connection->autoIncrementColumns.cend())
        return *found;
    PreparedStatement query = connection->exec(connection->dialect().autoIncrementColumnQuery(table));
    const QString column = query.next() ? query.value(0).toString() : QString();
    connection->autoIncrementColumns.insert(table, column);
    return column;
}

// An INSERT of rows without a model: one batch per run of rows with the
// same columns, every row checked and converted first.
QList<InsertBatch> rowBatches(const QList<QVariantMap> &rows, const QString &table, const SqlDialect &dialect)
{
    QList<InsertBatch> batches;
    for (const QVariantMap &row : rows) {
        const QStringList columns = row.keys();
        if (batches.isEmpty() || batches.last().columns != columns) {
            batches.append(InsertBatch());
            batches.last().table = table;
            batches.last().columns = columns;
        }
        batches.last().values.append(rowFromMap(row, columns, table, dialect));
        ++batches.last().rowCount;
    }
    return batches;
}

SqlStatement rowsUpdate(const QueryState &state, const QVariantMap &values, const SqlDialect &dialect)
{
    requireWhereOnly(state, "update");
    if (values.isEmpty())
        throw invalidQuery(QStringLiteral("update() on \"%1\" needs at least one column").arg(state.table));
    const QStringList columns = values.keys();
    const QVariantList row = rowFromMap(values, columns, state.table, dialect);
    return SqlCompiler(dialect).update(resolved(state, dialect), columns, row);
}

} // namespace

QList<QVariantMap> QueryCore::fetchRows(qint64 limit) const
{
    const Session session = openSession(m_source);
    Connection *connection = session.connection();
    const SqlDialect &dialect = connection->dialect();
    PreparedStatement query = connection->exec(SqlCompiler(dialect).select(resolved(*d, dialect), limit).statement);
    // Without a model every result column is a value read by name.
    const QStringList names = query.fieldNames();
    QList<QVariantMap> rows;
    while (query.next()) {
        QVariantMap row;
        for (int i = 0; i < names.size(); ++i)
            row.insert(names[i], query.value(i));
        rows.append(row);
    }
    return rows;
}

QVariantMap QueryCore::insertRow(const QVariantMap &values) const
{
    const Session session = openSession(m_source);
    Connection *connection = session.connection();
    const SqlDialect &dialect = connection->dialect();
    const InsertBatch batch = rowBatches({values}, d->table, dialect).front();
    InsertReadBack readBack;
    readBack.what = InsertReadBack::AllColumns;
    if (!dialect.hasFeature(SqlDataSource::Feature::Returning)) {
        readBack.key = autoIncrementColumn(connection, d->table);
        readBack.keyIsGenerated = !readBack.key.isEmpty() && !values.contains(readBack.key);
    }
    // Read back with a second statement (MySQL): both in a transaction, so
    // that a row that cannot be read back is not left written.
    Inserter inserter(connection); // outlives the transaction, see ModelInserter
    std::optional<TransactionScope> savepoint;
    if ((!dialect.hasFeature(SqlDataSource::Feature::Returning) && !readBack.key.isEmpty())
        || connection->needsStatementSavepoint()) {
        savepoint.emplace(connection);
    }
    const InsertedRows inserted = inserter.insert(batch, readBack);
    const bool readBackRow = !inserted.rows.isEmpty() && !inserted.rows.front().isEmpty();
    if (!readBackRow && !readBack.key.isEmpty()) {
        // Looked for by its key, and not found (a trigger changed it, say):
        // undone, rather than return a row that is not the stored one.
        throw Error(ErrorCode::QueryFailed,
                    QStringLiteral("The row inserted into \"%1\" could not be read back by its key")
                            .arg(d->table),
                    inserted.sql, QSqlError());
    }
    if (savepoint)
        savepoint->commit();
    if (!readBackRow)
        return values; // the row cannot be found again: no key
    QVariantMap row;
    for (qsizetype i = 0; i < inserted.fieldNames.size(); ++i)
        row.insert(inserted.fieldNames[i], inserted.rows.front().value(i));
    return row;
}

void QueryCore::insertRows(const QList<QVariantMap> &rows) const
{
    const Session session = openSession(m_source);
    Connection *connection = session.connection();
    const QList<InsertBatch> batches = rowBatches(rows, d->table, connection->dialect());
    Inserter inserter(connection);
    TransactionScope transaction(connection);
    for (const InsertBatch &batch : batches)
        inserter.insert(batch, {});
    transaction.commit();
}

SqlStatements QueryCore::insertRowsSql(const QList<QVariantMap> &rows) const
{
    const Session session = openSession(m_source);
    Connection *connection = session.connection();
    Inserter inserter(connection);
    SqlStatements list;
    for (const InsertBatch &batch : rowBatches(rows, d->table, connection->dialect()))
        list += inserter.statements(batch, {});
    return list;
}

qint64 QueryCore::updateRows(const QVariantMap &values) const
{
    const Session session = openSession(m_source);
    Connection *connection = session.connection();
    return runWrite(connection, rowsUpdate(*d, values, connection->dialect()));
}

SqlStatements QueryCore::updateRowsSql(const QVariantMap &values) const
{
    return {rowsUpdate(*d, values, openSession(m_source)->dialect())};
}

} // namespace Hy::detail
