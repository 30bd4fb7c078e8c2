// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "exec/inserter_p.h"

#include "exec/connection_p.h"
#include "sql/sqlcompiler_p.h"

#include <QtCore/QtMath>

#include <algorithm>

namespace Hy::detail {

namespace {
// Beyond a few hundred rows a longer statement stops paying off and only costs memory.
constexpr int MaxRowsPerStatement = 500;

void readRows(PreparedStatement &query, InsertedRows *result)
{
    if (result->fieldNames.isEmpty())
        result->fieldNames = query.fieldNames();
    const int fields = int(result->fieldNames.size());
    while (query.next()) {
        QVariantList row;
        row.reserve(fields);
        for (int i = 0; i < fields; ++i)
            row.append(query.value(i));
        result->rows.append(row);
    }
}
} // namespace

int Inserter::rowsPerStatement(int columns) const
{
    if (columns == 0)
        return 1;
    return std::clamp(m_connection->dialect().bindingsPerInsert() / columns, 1, MaxRowsPerStatement);
}

bool Inserter::readsWithReturning(const InsertReadBack &readBack) const
{
    return readBack.what != InsertReadBack::Nothing
            && m_connection->dialect().hasFeature(SqlDataSource::Feature::Returning);
}

QList<Inserter::Chunk> Inserter::chunks(const InsertBatch &batch, const InsertReadBack &readBack) const
{
    const SqlDialect &dialect = m_connection->dialect();
    // Without RETURNING, generated keys come from lastInsertId(): the first
    // key of a multi-row insert where keys are consecutive, else row by row.
    const bool keysOneByOne = readBack.what != InsertReadBack::Nothing && !readsWithReturning(readBack)
            && readBack.keyIsGenerated && !dialect.behaves(SqlDialect::ConsecutiveInsertIds);
    const int maxRows = keysOneByOne ? 1 : rowsPerStatement(int(batch.columns.size()));

    // Each row's size, when the server limits a statement's (MySQL's
    // max_allowed_packet); a row that alone is too big is refused.
    const qint64 maxBytes = dialect.maxStatementBytes();
    QList<qint64> sizes;
    if (maxBytes > 0) {
        sizes.reserve(batch.rowCount);
        for (qsizetype r = 0; r < batch.rowCount; ++r) {
            const qint64 bytes = boundBytes(batch.row(r), maxBytes);
            if (bytes > maxBytes) {
                throw Error(ErrorCode::ValueTooLong,
                            QStringLiteral("A row of %1 bytes for \"%2\" is larger than the largest "
                                           "statement the server takes (%3 bytes)")
                                    .arg(bytes)
                                    .arg(batch.table)
                                    .arg(maxBytes));
            }
            sizes.append(bytes);
        }
    }

    QList<Chunk> list;
    for (qsizetype start = 0; start < batch.rowCount;) {
        int rows = int(std::min<qsizetype>(maxRows, batch.rowCount - start));
        if (!sizes.isEmpty()) {
            qint64 bytes = sizes[start];
            int fitting = 1;
            while (fitting < rows && bytes + sizes[start + fitting] <= maxBytes)
                bytes += sizes[start + fitting++];
            // Cut short by size: a power of two, so that big rows do not make
            // a prepared statement for every count from 1 to 500.
            if (fitting < rows)
                fitting = int(qNextPowerOfTwo(quint32(fitting)) / 2); // the largest power of two <= fitting
            rows = fitting;
        }
        list.append({start, rows});
        start += rows;
    }
    return list;
}

QString Inserter::insertSql(const InsertBatch &batch, const InsertReadBack &readBack, int rows) const
{
    const SqlCompiler compiler(m_connection->dialect());
    if (!readsWithReturning(readBack))
        return compiler.insert(batch.table, batch.columns, rows);
    return readBack.what == InsertReadBack::AllColumns
            ? compiler.insert(batch.table, batch.columns, rows, nullptr, {}, SqlCompiler::Returning::All)
            : compiler.insert(batch.table, batch.columns, rows, readBack.model, readBack.columns);
}

SqlStatements Inserter::statements(const InsertBatch &batch, const InsertReadBack &readBack) const
{
    SqlStatements list;
    for (const Chunk &chunk : chunks(batch, readBack)) {
        SqlStatement statement;
        statement.sql = insertSql(batch, readBack, chunk.rows);
        const auto values = batch.rows(chunk.start, chunk.rows);
        statement.bindings = QVariantList(values.begin(), values.end());
        list.append(statement);
    }
    return list;
}

InsertedRows Inserter::insert(const InsertBatch &batch, const InsertReadBack &readBack) const
{
    const SqlDialect &dialect = m_connection->dialect();
    const bool useReturning = readsWithReturning(readBack);

    InsertedRows result;
    QVariantList keys; // without RETURNING, in batch order
    const int keyIndex = int(batch.columns.indexOf(readBack.key));

    PreparedStatement *query = nullptr;
    int preparedRows = 0;
    for (const Chunk &chunk : chunks(batch, readBack)) {
        // Every full chunk runs the same statement: its SQL made once.
        if (chunk.rows != preparedRows) {
            query = &prepared(insertSql(batch, readBack, chunk.rows));
            preparedRows = chunk.rows;
        }
        const auto values = batch.rows(chunk.start, chunk.rows);
        const QVariantList bindings(values.begin(), values.end());
        m_connection->execPrepared(*query, bindings);

        if (useReturning && readBack.what == InsertReadBack::GeneratedKeys) {
            while (query->next())
                result.generatedKeys.append(query->value(0).toLongLong());
            result.sql = query->sql();
        } else if (useReturning) {
            readRows(*query, &result);
            result.sql = query->sql();
        } else if (readBack.what != InsertReadBack::Nothing && !readBack.key.isEmpty()) {
            if (keyIndex >= 0) {
                for (int r = 0; r < chunk.rows; ++r)
                    keys.append(batch.row(chunk.start + r)[std::size_t(keyIndex)]);
            } else if (readBack.keyIsGenerated) {
                const qint64 first = query->lastInsertId().toLongLong();
                for (int r = 0; r < chunk.rows; ++r) {
                    result.generatedKeys.append(first + qint64(r) * dialect.autoIncrementStep());
                    keys.append(result.generatedKeys.last());
                }
            }
        }
        query->finish();
    }

    if (!useReturning && !keys.isEmpty() && readBack.what != InsertReadBack::GeneratedKeys) {
        const SqlCompiler compiler(dialect);
        const ModelData *model = readBack.what == InsertReadBack::ModelColumns ? readBack.model : nullptr;
        const int chunk = std::max(1, std::min(dialect.maxBindings(), 1000));
        for (qsizetype start = 0; start < keys.size(); start += chunk) {
            const SqlStatement statement =
                    compiler.selectByKeys(batch.table, model, readBack.key, keys.mid(start, chunk));
            PreparedStatement query = m_connection->exec(statement);
            readRows(query, &result);
            result.sql = statement.sql;
        }
    }
    return result;
}

PreparedStatement &Inserter::prepared(const QString &sql) const
{
    auto found = m_statements.find(sql);
    if (found == m_statements.end())
        found = m_statements.emplace(sql, m_connection->prepare(sql)).first;
    return found->second;
}

} // namespace Hy::detail
