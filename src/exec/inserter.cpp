// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "exec/inserter_p.h"

#include "exec/sqldatasource_p.h"
#include "sql/sqlcompiler_p.h"

#include <QtCore/QtMath>
#include <QtSql/QSqlRecord>

#include <algorithm>

namespace Hy::detail {

namespace {
// Beyond a few hundred rows a longer statement stops paying off and only costs memory.
constexpr int MaxRowsPerStatement = 500;

QStringList recordNames(const QSqlRecord &record)
{
    QStringList names;
    names.reserve(record.count());
    for (int i = 0; i < record.count(); ++i)
        names.append(record.fieldName(i));
    return names;
}

void readRows(QSqlQuery &query, InsertedRows *result)
{
    if (result->fieldNames.isEmpty())
        result->fieldNames = recordNames(query.record());
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
    return std::clamp(m_source->dialect().bindingsPerInsert() / columns, 1, MaxRowsPerStatement);
}

QList<qint64> Inserter::rowSizes(const InsertBatch &batch) const
{
    const qint64 limit = m_source->dialect().maxStatementBytes();
    QList<qint64> sizes;
    if (limit <= 0)
        return sizes;
    sizes.reserve(batch.rows.size());
    for (const QVariantList &row : batch.rows) {
        const qint64 bytes = boundBytes(row, limit);
        if (bytes > limit) {
            throw Error(ErrorCode::ValueTooLong,
                        QStringLiteral("A row of %1 bytes for \"%2\" is larger than the largest "
                                       "statement the server takes (%3 bytes)")
                                .arg(bytes)
                                .arg(batch.table)
                                .arg(limit));
        }
        sizes.append(bytes);
    }
    return sizes;
}

InsertedRows Inserter::insert(const InsertBatch &batch, const InsertReadBack &readBack) const
{
    const SqlDialect &dialect = m_source->dialect();
    const SqlCompiler compiler(dialect);
    const bool readRowsBack = !readBack.returning.isEmpty();
    const bool useReturning = readRowsBack && dialect.hasFeature(SqlDataSource::Feature::Returning);
    // Without RETURNING, generated keys come from lastInsertId(): the first
    // key of a multi-row insert where keys are consecutive, else row by row.
    const bool generatedKeys = readRowsBack && !useReturning && readBack.keyIsGenerated;
    const int columnCount = int(batch.columns.size());
    const int maxRows = generatedKeys && !dialect.behaves(SqlDialect::ConsecutiveInsertIds)
            ? 1
            : rowsPerStatement(columnCount);
    const QList<qint64> sizes = rowSizes(batch);
    const qint64 maxBytes = dialect.maxStatementBytes();

    InsertedRows result;
    QVariantList keys; // without RETURNING, in batch order
    const QStringList returning = useReturning ? readBack.returning : QStringList();
    const int keyIndex = int(batch.columns.indexOf(readBack.key));

    for (qsizetype start = 0; start < batch.rows.size();) {
        int rows = int(std::min<qsizetype>(maxRows, batch.rows.size() - start));
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
        QSqlQuery *query = &prepared(compiler.insert(batch.table, batch.columns, rows, returning));

        QVariantList bindings;
        bindings.reserve(qsizetype(rows) * columnCount);
        for (int r = 0; r < rows; ++r)
            bindings.append(batch.rows[start + r]);
        m_source->execPrepared(*query, bindings);

        if (useReturning) {
            readRows(*query, &result);
            result.sql = query->lastQuery();
        } else if (readRowsBack && !readBack.key.isEmpty()) {
            if (keyIndex >= 0) {
                for (int r = 0; r < rows; ++r)
                    keys.append(batch.rows[start + r][keyIndex]);
            } else if (readBack.keyIsGenerated) {
                const qint64 first = query->lastInsertId().toLongLong();
                for (int r = 0; r < rows; ++r) {
                    result.generatedKeys.append(first + qint64(r) * dialect.autoIncrementStep());
                    keys.append(result.generatedKeys.last());
                }
            }
        }
        query->finish();
        start += rows;
    }

    if (readRowsBack && !useReturning && !keys.isEmpty())
        reselect(batch, readBack, keys, &result);
    return result;
}

Inserter::~Inserter()
{
    for (QSqlQuery &query : m_statements)
        m_source->release(query);
}

QSqlQuery &Inserter::prepared(const QString &sql) const
{
    auto found = m_statements.find(sql);
    if (found == m_statements.end())
        found = m_statements.insert(sql, m_source->prepare(sql));
    return *found;
}

void Inserter::reselect(const InsertBatch &batch, const InsertReadBack &readBack, const QVariantList &keys,
                        InsertedRows *result) const
{
    const SqlDialect &dialect = m_source->dialect();
    const QString quotedKey = dialect.quoteIdentifier(readBack.key);
    const int chunk = std::max(1, std::min(dialect.maxBindings(), 1000));
    for (qsizetype start = 0; start < keys.size(); start += chunk) {
        const qsizetype n = std::min<qsizetype>(chunk, keys.size() - start);
        SqlStatement statement;
        statement.sql = QStringLiteral("SELECT ") + readBack.returning.join(QStringLiteral(", "))
                + QStringLiteral(" FROM ") + dialect.quoteIdentifier(batch.table)
                + QStringLiteral(" WHERE ") + quotedKey + QStringLiteral(" IN (");
        for (qsizetype i = 0; i < n; ++i) {
            statement.sql += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
            statement.bindings.append(keys[start + i]);
        }
        statement.sql += u')';
        auto query = m_source->exec(statement);
        readRows(*query, result);
        result->sql = statement.sql;
    }
}

} // namespace Hy::detail
