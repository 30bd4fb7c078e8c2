// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "query/modelinserter_p.h"

#include "exec/inserter_p.h"
#include "exec/connection_p.h"
#include "exec/transactionscope_p.h"
#include "model/generatedvalues_p.h"
#include "model/valueconverter_p.h"
#include "query/modelrows_p.h"

#include <HysteriaQt/error.h>
#include <HysteriaQt/model.h>
#include <HysteriaQt/values.h>

#include <QtCore/QMultiHash>
#include <QtCore/QVarLengthArray>

#include <algorithm>
#include <optional>

namespace Hy::detail {

namespace {

enum class KeyMatch {
    Exact,  // equal as the column's C++ type
    Padded, // a string read back blank-padded, from a CHAR(n) column of PostgreSQL's
};

bool sameKey(const QVariant &found, const QVariant &wanted, KeyMatch how)
{
    if (!found.isValid() || !wanted.isValid())
        return false;
    if (how == KeyMatch::Exact)
        return found == wanted;
    if (found.typeId() != QMetaType::QString || wanted.typeId() != QMetaType::QString)
        return false;
    const QString &f = *static_cast<const QString *>(found.constData());
    const QString &w = *static_cast<const QString *>(wanted.constData());
    if (f.size() <= w.size() || !f.startsWith(w))
        return false;
    for (qsizetype i = w.size(); i < f.size(); ++i) {
        if (f[i] != u' ')
            return false;
    }
    return true;
}

// Equal keys, exact or padded, fall into the same bucket.
QString bucket(const QVariant &key)
{
    QString text = key.toString();
    while (text.endsWith(u' '))
        text.chop(1);
    return text;
}

Error unmatchedRows(const QString &table, const QString &sql, const QString &why)
{
    return Error(ErrorCode::QueryFailed,
                 QStringLiteral("The rows inserted into \"%1\" could not be matched to the rows given "
                                "(%2): the insert is undone rather than return wrong models")
                         .arg(table, why),
                 sql, QSqlError());
}

// A row read back that does not fit its model (UnreadableValue, or
// DecryptionFailed) is found after the INSERT ran: the error names the
// statement, rather than claim that no SQL was sent.
Error afterStatement(const Error &error, const QString &sql)
{
    if (!error.sql().isEmpty())
        return error;
    Error named(error.code(), error.message() + QStringLiteral(" (reading back the rows inserted)"), sql,
                error.driverError());
    if (!error.column().isEmpty())
        named.setColumn(error.column());
    return named;
}

} // namespace

ModelInserter::Plan ModelInserter::plan(const RowList &rows) const
{
    const SqlDialect &dialect = m_connection->dialect();
    const QString now = nowText(dialect);
    const QList<ColumnData> &columns = m_model->columns;
    const int pk = m_model->primaryKey;

    // Check and convert every row first: a bad row anywhere means nothing is
    // written. Consecutive rows that set the same columns go into one
    // multi-row INSERT. Only consecutive ones: rows are inserted in the order
    // given, which a batch referring to its own earlier rows (a parent, then
    // its children) relies on, and which generated keys follow.
    Plan plan;
    QVarLengthArray<int, MaxColumns> present;
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const RowValues &row = rows[r];
        present.clear();
        QVarLengthArray<QVariant, MaxColumns> values;
        for (qsizetype c = 0; c < columns.size(); ++c) {
            const ColumnData &column = columns[c];
            if (const QVariant *given = row.find(int(c))) {
                if (column.autoIncrement && given->isNull())
                    continue; // null key: let the database generate it
                present.append(int(c));
                values.append(toDatabaseValue(column, *given, dialect, m_model->table));
            } else if (column.autoCreate) {
                present.append(int(c));
                values.append(now);
            } else if (column.kind == ColumnKind::Uuid && !column.hasDefault()) {
                present.append(int(c));
                values.append(QUuid::createUuid().toString(QUuid::WithoutBraces));
            } else if (column.kind == ColumnKind::Ulid && !column.hasDefault()) {
                present.append(int(c));
                values.append(newUlid());
            } else if (!column.nullable && !column.autoIncrement && !column.hasDefault()) {
                throw Error(ErrorCode::MissingValue,
                            QStringLiteral("%1.%2 is not nullable and has no default: give it a value")
                                    .arg(m_model->table, column.name))
                        .setColumn(column.name);
            }
        }
        if (plan.runs.empty()
            || !std::equal(present.cbegin(), present.cend(), plan.runs.back().present.cbegin(),
                           plan.runs.back().present.cend())) {
            Run run;
            run.present = QList<int>(present.cbegin(), present.cend());
            run.batch.table = m_model->table;
            for (int c : present)
                run.batch.columns.append(columns[c].databaseName);
            run.explicitKey = pk >= 0 && columns[pk].autoIncrement && present.contains(pk);
            const bool keyGenerated = pk >= 0 && columns[pk].autoIncrement && !present.contains(pk);
            run.allKnown = present.size() + (keyGenerated ? 1 : 0) == columns.size();
            if (m_result == Result::Models && run.allKnown && keyGenerated) {
                // Every column was given: the models are built from the
                // values written, and the database adds only the key.
                run.readBack.what = InsertReadBack::GeneratedKeys;
                run.readBack.columns = {pk};
            } else if (m_result == Result::Models && !run.allKnown
                       && (pk >= 0 || dialect.hasFeature(SqlDataSource::Feature::Returning))) {
                // A column left out may have a default of the database's
                // (a table made by another tool): the stored rows are read.
                run.readBack.what = InsertReadBack::ModelColumns;
                for (int c = 0; c < columns.size(); ++c)
                    run.readBack.columns.append(c);
            }
            if (run.readBack.what != InsertReadBack::Nothing) {
                run.readBack.model = m_model;
                if (pk >= 0) {
                    run.readBack.key = columns[pk].databaseName;
                    run.readBack.keyIsGenerated = keyGenerated;
                }
            }
            plan.runs.push_back(std::move(run));
        }
        InsertBatch &batch = plan.runs.back().batch;
        for (QVariant &value : values)
            batch.values.append(std::move(value));
        ++batch.rowCount;
        plan.runs.back().members.append(r);
    }
    return plan;
}

SqlStatements ModelInserter::statements(const RowList &rows) const
{
    Inserter inserter(m_connection);
    SqlStatements list;
    for (const Run &run : plan(rows).runs)
        list += inserter.statements(run.batch, run.readBack);
    return list;
}

std::vector<std::unique_ptr<Model>> ModelInserter::insert(const RowList &rows) const
{
    const SqlDialect &dialect = m_connection->dialect();
    const Plan plan = this->plan(rows);
    bool explicitKeys = false;
    bool readsRows = false;
    for (const Run &run : plan.runs) {
        explicitKeys = explicitKeys || run.explicitKey;
        readsRows = readsRows || run.readBack.what == InsertReadBack::ModelColumns;
    }

    // One INSERT statement is atomic by itself. Anything more (several
    // statements, a SELECT to read rows back, a key sequence to move on,
    // SQLite's untyped values read back that may fail to read) runs in a
    // transaction, or a savepoint inside an open one, so that an error means
    // nothing was written; so does a lone INSERT inside the application's
    // transaction on PostgreSQL, where its failure would abort that transaction.
    // The Inserter is declared first, so that its prepared statements are
    // freed after the rollback: PostgreSQL cannot DEALLOCATE them in an
    // aborted transaction.
    Inserter inserter(m_connection);
    std::optional<TransactionScope> transaction;
    const bool readsUntypedOrBySelect = readsRows
            && (!dialect.hasFeature(SqlDataSource::Feature::Returning)
                || dialect.type() == SqlDataSource::DatabaseType::SQLite);
    if (rows.size() > 1 || explicitKeys || readsUntypedOrBySelect || m_connection->needsStatementSavepoint())
        transaction.emplace(m_connection);

    std::vector<std::unique_ptr<Model>> models;
    if (m_result == Result::Models)
        models.resize(std::size_t(rows.size()));
    for (const Run &run : plan.runs) {
        const InsertedRows inserted = inserter.insert(run.batch, run.readBack);
        if (m_result == Result::Models) {
            std::vector<std::unique_ptr<Model>> stored;
            try {
                stored = run.readBack.what == InsertReadBack::ModelColumns
                        ? modelsOf(run.batch, run.present, inserted)
                        : writtenModels(run);
                if (run.readBack.what == InsertReadBack::GeneratedKeys)
                    setGeneratedKeys(stored, inserted);
            } catch (const Error &error) {
                throw afterStatement(error, inserted.sql);
            }
            for (qsizetype i = 0; i < run.members.size(); ++i)
                models[std::size_t(run.members[i])] = std::move(stored[std::size_t(i)]);
        }
        // Before the next run, which may generate keys.
        if (run.explicitKey)
            dialect.afterExplicitKeys(*m_connection, m_model->table, m_model->columns[m_model->primaryKey].databaseName);
    }
    if (transaction)
        transaction->commit();
    return models;
}

std::vector<std::unique_ptr<Model>> ModelInserter::writtenModels(const Run &run) const
{
    std::vector<std::unique_ptr<Model>> models;
    models.reserve(std::size_t(run.batch.rowCount));
    // What is known of the stored rows: the columns written, and, when every
    // other column was given, the generated key too. (Otherwise these are
    // rows that cannot be read back: no key and no RETURNING.)
    std::bitset<MaxColumns> loaded;
    if (run.allKnown) {
        for (qsizetype c = 0; c < m_model->columns.size(); ++c)
            loaded.set(std::size_t(c));
    } else {
        for (int column : run.present)
            loaded.set(std::size_t(column));
    }
    for (qsizetype r = 0; r < run.batch.rowCount; ++r) {
        const auto row = run.batch.row(r);
        std::unique_ptr<Model> model(m_model->create());
        std::bitset<MaxColumns> read = loaded;
        for (qsizetype k = 0; k < run.present.size(); ++k) {
            if (!readInto(m_model, model.get(), m_model->columns[run.present[k]], row[std::size_t(k)], ReadOf::OwnWrite))
                read.reset(std::size_t(run.present[k]));
        }
        ModelAccess::setLoaded(*model, read);
        models.push_back(std::move(model));
    }
    return models;
}

void ModelInserter::setGeneratedKeys(const std::vector<std::unique_ptr<Model>> &models,
                                     const InsertedRows &inserted) const
{
    const qsizetype n = qsizetype(models.size());
    if (inserted.generatedKeys.size() != n) {
        throw unmatchedRows(m_model->table, inserted.sql,
                            QStringLiteral("%1 rows inserted, %2 keys read back").arg(n).arg(inserted.generatedKeys.size()));
    }
    // RETURNING does not promise the order of VALUES, but keys are generated
    // in insertion order: the smallest is the first row's.
    QList<qint64> keys = inserted.generatedKeys;
    std::sort(keys.begin(), keys.end());
    if (std::adjacent_find(keys.cbegin(), keys.cend()) != keys.cend())
        throw unmatchedRows(m_model->table, inserted.sql, QStringLiteral("a generated key was read back twice"));
    const ColumnData &key = m_model->columns[m_model->primaryKey];
    for (qsizetype i = 0; i < n; ++i)
        readInto(m_model, models[std::size_t(i)].get(), key, QVariant(keys[i]));
}

std::vector<std::unique_ptr<Model>> ModelInserter::modelsOf(const InsertBatch &batch, const QList<int> &present,
                                                            const InsertedRows &inserted) const
{
    const QList<ColumnData> &columns = m_model->columns;
    const qsizetype n = batch.rowCount;
    std::vector<std::unique_ptr<Model>> models;
    models.reserve(std::size_t(n));

    std::vector<std::unique_ptr<Model>> returned;
    returned.reserve(std::size_t(inserted.rows.size()));
    for (const QVariantList &row : inserted.rows)
        returned.push_back(hydrate(m_model, row, ReadOf::OwnWrite));
    if (qsizetype(returned.size()) != n) {
        throw unmatchedRows(m_model->table, inserted.sql,
                            QStringLiteral("%1 rows inserted, %2 read back").arg(n).arg(returned.size()));
    }
    const int pk = m_model->primaryKey;
    // One row, or no key to tell rows apart: the database's order.
    if (n == 1 || pk < 0)
        return returned;

    const ColumnData &key = columns[pk];
    const int keyPosition = int(present.indexOf(pk));
    if (keyPosition < 0 && inserted.generatedKeys.isEmpty()) {
        // Generated keys read back with RETURNING, which does not promise
        // the order of VALUES: keys are generated in insertion order. (The
        // rows are in model order, so the key is column pk of each.)
        std::vector<std::pair<qint64, qsizetype>> order;
        order.reserve(std::size_t(n));
        for (qsizetype i = 0; i < n; ++i)
            order.emplace_back(inserted.rows[i][pk].toLongLong(), i);
        if (std::is_sorted(order.begin(), order.end()))
            return returned;
        std::stable_sort(order.begin(), order.end());
        for (const auto &[generated, row] : order)
            models.push_back(std::move(returned[std::size_t(row)]));
        return models;
    }

    // The key each row was given (or generated for it), as the column's type.
    std::unique_ptr<Model> scratch(m_model->create());
    QVariantList wanted;
    wanted.reserve(n);
    for (qsizetype i = 0; i < n; ++i) {
        const QVariant written = keyPosition >= 0 ? batch.row(i)[std::size_t(keyPosition)]
                                                  : QVariant(inserted.generatedKeys[i]);
        wanted.append(key.read(scratch.get(), written) ? key.value(scratch.get()) : QVariant());
    }
    QVariantList found;
    found.reserve(n);
    for (const auto &model : returned)
        found.append(key.value(model.get()));

    // The database's order, when it is the batch's (as it always is in practice).
    bool inOrder = true;
    for (qsizetype i = 0; i < n && inOrder; ++i)
        inOrder = sameKey(found[i], wanted[i], KeyMatch::Exact) || sameKey(found[i], wanted[i], KeyMatch::Padded);
    if (inOrder)
        return returned;

    // Otherwise each row by its key: exact matches first, so that 'a' and
    // 'a ' of a NO PAD column find their own rows, then blank-padded ones.
    QMultiHash<QString, qsizetype> byKey;
    for (qsizetype j = 0; j < n; ++j)
        byKey.insert(bucket(found[j]), j);
    std::vector<qsizetype> match(std::size_t(n), -1);
    std::vector<bool> taken(std::size_t(n), false);
    for (KeyMatch how : {KeyMatch::Exact, KeyMatch::Padded}) {
        for (qsizetype i = 0; i < n; ++i) {
            if (match[std::size_t(i)] >= 0)
                continue;
            const QString b = bucket(wanted[i]);
            for (auto it = byKey.constFind(b); it != byKey.cend() && it.key() == b; ++it) {
                if (!taken[std::size_t(it.value())] && sameKey(found[it.value()], wanted[i], how)) {
                    match[std::size_t(i)] = it.value();
                    taken[std::size_t(it.value())] = true;
                    break;
                }
            }
        }
    }
    for (qsizetype i = 0; i < n; ++i) {
        if (match[std::size_t(i)] < 0) {
            throw unmatchedRows(m_model->table, inserted.sql,
                                QStringLiteral("no row read back has the key \"%1\" of row %2")
                                        .arg(wanted[i].toString())
                                        .arg(i));
        }
        models.push_back(std::move(returned[std::size_t(match[std::size_t(i)])]));
    }
    return models;
}

} // namespace Hy::detail
