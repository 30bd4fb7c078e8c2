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

// insert() and insertMany() of a model: every row checked and converted
// before any SQL, consecutive rows with the same columns as one multi-row
// INSERT, and the stored rows returned as models in the order given.
class ModelInserter
{
public:
    ModelInserter(Connection *source, const ModelData *model)
        : m_source(source), m_model(model)
    {
    }

    std::vector<std::unique_ptr<Model>> insert(const QList<RowValues> &rows) const;
    // The INSERT statements insert() runs, without running them.
    SqlStatements statements(const QList<RowValues> &rows) const;

private:
    // Consecutive rows that set the same columns: one batch.
    struct Run
    {
        QList<int> present;        // model columns given, by index
        QList<qsizetype> members;  // the rows, by index in what was given
        InsertBatch batch;
        InsertReadBack readBack;
        bool explicitKey = false;  // keys given for an auto-increment column
    };
    struct Plan
    {
        std::vector<Run> runs;
    };
    // Every row checked and converted, in runs: before anything is sent.
    Plan plan(const QList<RowValues> &rows) const;

    // Models of what was written, where the rows cannot be read back (no
    // primary key, no RETURNING).
    std::vector<std::unique_ptr<Model>> writtenModels(const InsertBatch &batch, const QList<int> &present) const;
    // The models of one run's rows, in the run's order. Rows read back are
    // put in order by their key, compared as the column's C++ type (never
    // as text); a row that cannot be matched fails the whole insert.
    std::vector<std::unique_ptr<Model>> modelsOf(const InsertBatch &batch, const QList<int> &present,
                                                 const InsertedRows &inserted) const;

    Connection *m_source;
    const ModelData *m_model;
};

} // namespace Hy::detail

#endif // HYSTERIAQT_MODELINSERTER_P_H
