// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_INSERTER_P_H
#define HYSTERIAQT_INSERTER_P_H

#include "exec/preparedstatement_p.h"
#include "sql/statement_p.h"

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVariantList>

#include <map>
#include <span>

namespace Hy::detail {

class Connection;

struct ModelData;

// Rows that share one column list, to insert with multi-row VALUES.
struct InsertBatch
{
    QString table;
    QStringList columns;       // database names; empty inserts default values
    // Row after row, in column order, ready to bind: one list, not one per row.
    QVariantList values;
    qsizetype rowCount = 0;

    qsizetype width() const { return columns.size(); }
    std::span<const QVariant> row(qsizetype i) const { return rows(i, 1); }
    std::span<const QVariant> rows(qsizetype first, qsizetype count) const
    {
        return std::span(values.constData() + first * width(), std::size_t(count * width()));
    }
};

// What to read back after inserting, and how to find the inserted rows again
// on a database without RETURNING.
struct InsertReadBack
{
    // GeneratedKeys: the auto-increment key alone, with RETURNING or from
    // lastInsertId(), into InsertedRows::generatedKeys; never a SELECT.
    enum What { Nothing, GeneratedKeys, ModelColumns, AllColumns };
    What what = Nothing;
    const ModelData *model = nullptr; // with ModelColumns and GeneratedKeys
    QList<int> columns;               // with ModelColumns: which, by index; GeneratedKeys: the key's
    QString key;                      // database name of the primary key, if any
    bool keyIsGenerated = false;      // auto-increment, and not among the batch's columns
};

struct InsertedRows
{
    QStringList fieldNames;      // of the returned columns
    // As the database returned them, which need not be the batch's order:
    // putting them back in order is the caller's, by their key.
    QList<QVariantList> rows;
    // The generated keys: without RETURNING, those lastInsertId() gave, in
    // batch order; with GeneratedKeys and RETURNING, those returned, in the
    // database's order.
    QList<qint64> generatedKeys;
    QString sql;                 // the last statement that read rows, for errors
};

// Inserts a batch: chunks sized to the driver's parameter limit and to the
// largest statement the server takes (in bytes), one prepared statement per
// chunk size reused for every chunk, RETURNING where the database has it,
// otherwise the generated keys and one SELECT per chunk.
// Not transactional by itself: callers that insert more than one chunk wrap
// it in a TransactionScope, declared after the Inserter. The Inserter keeps
// its prepared statements until it is destroyed, after the rollback:
// PostgreSQL cannot DEALLOCATE them inside an aborted transaction.
class Inserter
{
public:
    explicit Inserter(Connection *connection) : m_connection(connection) {}
    ~Inserter() = default;
    Inserter(const Inserter &) = delete;
    Inserter &operator=(const Inserter &) = delete;

    InsertedRows insert(const InsertBatch &batch, const InsertReadBack &readBack) const;
    // The INSERT statements insert() runs for the batch, without running
    // them (rows read back by generated keys come after, and are not shown).
    SqlStatements statements(const InsertBatch &batch, const InsertReadBack &readBack) const;

    // How many rows of `columns` values one INSERT statement takes.
    int rowsPerStatement(int columns) const;

private:
    struct Chunk
    {
        qsizetype start;
        int rows;
    };
    // The rows of each statement: as many as the parameter limit allows, and
    // as fit in the largest statement the server takes.
    QList<Chunk> chunks(const InsertBatch &batch, const InsertReadBack &readBack) const;
    bool readsWithReturning(const InsertReadBack &readBack) const;
    QString insertSql(const InsertBatch &batch, const InsertReadBack &readBack, int rows) const;
    PreparedStatement &prepared(const QString &sql) const;

    Connection *m_connection;
    mutable std::map<QString, PreparedStatement> m_statements;
};

} // namespace Hy::detail

#endif // HYSTERIAQT_INSERTER_P_H
