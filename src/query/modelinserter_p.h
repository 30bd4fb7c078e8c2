// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_MODELINSERTER_P_H
#define HYSTERIAQT_MODELINSERTER_P_H

#include "exec/inserter_p.h"
#include "model/modeldata_p.h"

#include <QtCore/QList>

#include <memory>
#include <vector>

namespace Hy {
class Model;
}

namespace Hy::detail {

class Connection;

struct RowValues;
class RowList;

// insert() and insertMany() of a model: every row checked and converted
// before any SQL, consecutive rows with the same columns as one multi-row
// INSERT, and the stored rows returned as models in the order given: built
// from the values written plus the key the database generated when every
// column was given, read back (RETURNING, or a SELECT by key) when a column
// was left out, since the database may have filled it in.
class ModelInserter
{
public:
    // Models: the stored models, built from the values written and the keys
    // the database generated. Nothing: no models, no keys read (bulk loads).
    enum class Result { Models, Nothing };

    ModelInserter(Connection *connection, const ModelData *model, Result result = Result::Models)
        : m_connection(connection), m_model(model), m_result(result)
    {
    }

    // Returns no models with Result::Nothing.
    std::vector<std::unique_ptr<Model>> insert(const RowList &rows) const;
    // The INSERT statements insert() runs, without running them.
    SqlStatements statements(const RowList &rows) const;

private:
    // Consecutive rows that set the same columns: one batch.
    struct Run
    {
        QList<int> present;        // model columns given, by index
        QList<qsizetype> members;  // the rows, by index in what was given
        InsertBatch batch;
        InsertReadBack readBack;
        bool explicitKey = false;  // keys given for an auto-increment column
        bool allKnown = false;     // every column given, but for a generated key
    };
    struct Plan
    {
        std::vector<Run> runs;
    };
    // Every row checked and converted, in runs: before anything is sent.
    Plan plan(const RowList &rows) const;

    // The models of what one run wrote, in the run's order.
    std::vector<std::unique_ptr<Model>> writtenModels(const Run &run) const;
    // Puts the keys generated for a run into its models, in insertion order;
    // a count that does not match fails the insert rather than guess.
    void setGeneratedKeys(const std::vector<std::unique_ptr<Model>> &models, const InsertedRows &inserted) const;
    // The models of one run's rows read back, in the run's order. Rows are
    // put in order by their key, compared as the column's C++ type (never
    // as text); a row that cannot be matched fails the whole insert.
    std::vector<std::unique_ptr<Model>> modelsOf(const InsertBatch &batch, const QList<int> &present,
                                                 const InsertedRows &inserted) const;

    Connection *m_connection;
    const ModelData *m_model;
    Result m_result;
};

} // namespace Hy::detail

#endif // HYSTERIAQT_MODELINSERTER_P_H
