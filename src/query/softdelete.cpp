// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "query/softdelete_p.h"

#include "model/modeldata_p.h"
#include "model/valueconverter_p.h"
#include "query/querystate_p.h"

#include <HysteriaQt/error.h>

#include <QtCore/QDateTime>

namespace Hy::detail {

namespace {
Condition predicate(Predicate::Kind kind, const ColumnRef &column, Condition::Join join,
                    const QVariant &value = {}, Operator op = Operator::Equal)
{
    Condition condition;
    condition.join = join;
    condition.predicate.kind = kind;
    condition.predicate.column = column;
    condition.predicate.op = op;
    condition.predicate.value = value;
    return condition;
}

const ColumnData &softDeleteColumn(const ModelData *model)
{
    if (model->softDeleteColumn < 0) {
        throw Error(ErrorCode::InvalidQuery,
                    QStringLiteral("%1 has no soft-delete column: give it a \"deletedAt\" column or name "
                                   "one with softDeleteColumn")
                            .arg(model->table));
    }
    return model->columns[model->softDeleteColumn];
}
} // namespace

void addSoftDeleteScope(QueryState &state, const SqlDialect &dialect)
{
    const ModelData *model = state.model;
    if (!model || model->softDeleteColumn < 0 || state.trashed == Trashed::With)
        return;
    const ColumnData &column = model->columns[model->softDeleteColumn];
    const ColumnRef ref{state.table, column.databaseName, &column};
    const bool only = state.trashed == Trashed::Only;
    Condition scope;
    if (model->softDeleteValue.isNull()) {
        // Deleted at a time: the column is set.
        scope = predicate(only ? Predicate::IsNotNull : Predicate::IsNull, ref, Condition::Join::And);
    } else {
        // Compared as softDelete() writes it: through the column's prepare.
        const QVariant value = toDatabaseValue(column, equalityValue(column, model->softDeleteValue), dialect,
                                               state.table, ValueUse::Compare);
        if (only) {
            scope = predicate(Predicate::Compare, ref, Condition::Join::And, value);
        } else {
            // Not deleted: null, or any other value (false for a boolean).
            scope.isGroup = true;
            scope.children.push_back(predicate(Predicate::IsNull, ref, Condition::Join::And));
            scope.children.push_back(
                    predicate(Predicate::Compare, ref, Condition::Join::Or, value, Operator::NotEqual));
        }
    }
    Conditions conditions;
    conditions.push_back(std::move(scope));
    andConditions(state, std::move(conditions));
}

RowValues softDeleteRow(const ModelData *model)
{
    const ColumnData &column = softDeleteColumn(model);
    RowValues row;
    if (!model->softDeleteValue.isNull())
        row.set(model->softDeleteColumn, model->softDeleteValue);
    else if (column.isDateTime())
        row.set(model->softDeleteColumn, QDateTime::currentDateTimeUtc());
    else // a text column: the UTC time as text, as hysteria-orm writes it
        row.set(model->softDeleteColumn, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    return row;
}

RowValues restoreRow(const ModelData *model)
{
    const ColumnData &column = softDeleteColumn(model);
    RowValues row;
    row.set(model->softDeleteColumn,
            column.kind == ColumnKind::Boolean && !column.nullable ? QVariant(false) : QVariant());
    return row;
}

} // namespace Hy::detail
