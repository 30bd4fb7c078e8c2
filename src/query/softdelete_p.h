// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_SOFTDELETE_P_H
#define HYSTERIAQT_SOFTDELETE_P_H

#include <HysteriaQt/values.h>

namespace Hy::detail {

class QueryState;
class SqlDialect;
struct ModelData;

// Adds the soft-delete scope of the query's model to its conditions, after
// the user's (grouped): rows not deleted, by default; only deleted ones for
// onlyTrashed(); nothing for withTrashed() or a model without soft deletes.
void addSoftDeleteScope(QueryState &state, const SqlDialect &dialect);

// The row softDelete() writes: the model's softDeleteValue, or the current
// UTC time. Throws Hy::Error(InvalidQuery) for a model without soft deletes.
RowValues softDeleteRow(const ModelData *model);
// The row restore() writes: null, or false in a boolean column that is not nullable.
RowValues restoreRow(const ModelData *model);

} // namespace Hy::detail

#endif // HYSTERIAQT_SOFTDELETE_P_H
