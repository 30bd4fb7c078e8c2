// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "exec/inserter_p.h"

#include "exec/sqldatasource_p.h"
#include "sql/sqlcompiler_p.h"

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

QString keyText(const QVariant &key)
{
    return key.toString();
}
} // namespace

int Inserter::rowsPerStatement(int columns) const
{
    if (columns == 0)
        return 1;
    return std::clamp(m_source->dialect().bindingsPerInsert() / columns, 1, MaxRowsPerStatement);
}

InsertedRows Inserter::insert(const InsertBatch &batch, const InsertReadBack &readBack) const
{
    const SqlDialect &dialect = m_source->dialect();
    const SqlCompiler compiler(dialect);
    const bool readRows = !readBack.returning.isEmpty();
    const bool useReturning = readRows && dialect.supportsReturning();
    // Without RETURNING, generated keys come from lastInsertId(): the first
    // key of a multi-row insert where keys are consecutive, else row by row.
    const bool generatedKeys = readRows && !useReturning && readBack.keyIsGenerated;
    const int columnCount = int(batch.columns.size());
    const int chunkRows = generatedKeys && !dialect.hasConsecutiveInsertIds()
            ? 1
            : rowsPerStatement(columnCount);

    InsertedRows result;
    QVariantList keys; // without RETURNING, in batch order
    const QStringList returning = useReturning ? readBack.returning : QStringList();
    const int keyIndex = int(batch.columns.indexOf(readBack.key));

    for (qsizetype start = 0; start < batch.rows.size(); start += chunkRows) {
        const int rows = int(std::min<qsizetype>(chunkRows, batch.rows.size() - start));
        QSqlQuery *query = &prepared(compiler.insert(batch.table, batch.columns, rows, returning));

        QVariantList bindings;
        bindings.reserve(qsizetype(rows) * columnCount);
        for (int r = 0; r < rows; ++r)
            bindings.append(batch.rows[start + r]);
        m_source->execPrepared(*query, bindings);

        if (useReturning) {
            if (result.fieldNames.isEmpty())
                result.fieldNames = recordNames(query->record());
            const int fields = int(result.fieldNames.size());
            while (query->next()) {
                QVariantList row;
                row.reserve(fields);
                for (int i = 0; i < fields; ++i)
                    row.append(query->value(i));
                result.rows.append(row);
            }
        } else if (readRows && !readBack.key.isEmpty()) {
            if (keyIndex >= 0) {
                for (int r = 0; r < rows; ++r)
                    keys.append(batch.rows[start + r][keyIndex]);
            } else if (readBack.keyIsGenerated) {
                const qint64 first = query->lastInsertId().toLongLong();
                for (int r = 0; r < rows; ++r)
                    keys.append(first + qint64(r) * dialect.autoIncrementStep());
            }
        }
        query->finish();
    }

    if (!readRows)
        return result;

    if (!useReturning) {
        if (!keys.isEmpty())
            result.rows = reselect(batch, readBack, keys, &result.fieldNames);
        return result;
    }

    // RETURNING does not promise the order of VALUES: put the rows back in
    // batch order by their key (generated keys increase in insertion order).
    const int returnedKey = int(result.fieldNames.indexOf(readBack.key));
    if (returnedKey < 0 || result.rows.size() != batch.rows.size())
        return result;
    if (keyIndex >= 0) {
        QHash<QString, qsizetype> position;
        for (qsizetype r = 0; r < batch.rows.size(); ++r)
            position.insert(keyText(batch.rows[r][keyIndex]), r);
        QList<QVariantList> ordered(result.rows.size());
        for (QVariantList &row : result.rows)
            ordered[position.value(keyText(row[returnedKey]))] = std::move(row);
        result.rows = std::move(ordered);
    } else if (readBack.keyIsGenerated) {
        std::stable_sort(result.rows.begin(), result.rows.end(),
                         [returnedKey](const QVariantList &a, const QVariantList &b) {
                             return a[returnedKey].toLongLong() < b[returnedKey].toLongLong();
                         });
    }
    return result;
}

QSqlQuery &Inserter::prepared(const QString &sql) const
{
    auto found = m_statements.find(sql);
    if (found == m_statements.end())
        found = m_statements.insert(sql, m_source->prepare(sql));
    return *found;
}

QList<QVariantList> Inserter::reselect(const InsertBatch &batch, const InsertReadBack &readBack,
                                       const QVariantList &keys, QStringList *fieldNames) const
{
    const SqlDialect &dialect = m_source->dialect();
    const QString quotedKey = dialect.quoteIdentifier(readBack.key);
    const int chunk = std::max(1, std::min(dialect.maxBindings(), 1000));
    QHash<QString, QVariantList> byKey;
    byKey.reserve(keys.size());

    for (qsizetype start = 0; start < keys.size(); start += chunk) {
        const qsizetype n = std::min<qsizetype>(chunk, keys.size() - start);
        Statement statement;
        statement.sql = QStringLiteral("SELECT ") + readBack.returning.join(QStringLiteral(", "))
                + QStringLiteral(", ") + quotedKey + QStringLiteral(" AS hy_key FROM ")
                + dialect.quoteIdentifier(batch.table) + QStringLiteral(" WHERE ") + quotedKey
                + QStringLiteral(" IN (");
        for (qsizetype i = 0; i < n; ++i) {
            statement.sql += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
            statement.bindings.append(keys[start + i]);
        }
        statement.sql += u')';
        QSqlQuery query = m_source->exec(statement);
        const QSqlRecord record = query.record();
        const int fields = record.count() - 1;
        if (fieldNames->isEmpty()) {
            *fieldNames = recordNames(record);
            fieldNames->removeLast();
        }
        while (query.next()) {
            QVariantList row;
            row.reserve(fields);
            for (int i = 0; i < fields; ++i)
                row.append(query.value(i));
            byKey.insert(keyText(query.value(fields)), row);
        }
    }

    QList<QVariantList> rows;
    rows.reserve(keys.size());
    for (const QVariant &key : keys) {
        const auto found = byKey.constFind(keyText(key));
        if (found == byKey.cend()) {
            // The keys were not where lastInsertId() said: fail, so that the
            // caller's transaction rolls back, rather than return wrong models.
            throw Error(ErrorCode::QueryFailed,
                        QStringLiteral("Inserted rows of \"%1\" could not be read back: no row has "
                                       "the key %2")
                                .arg(batch.table, keyText(key)));
        }
        rows.append(*found);
    }
    return rows;
}

} // namespace Hy::detail
