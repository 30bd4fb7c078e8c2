// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "query/querystate_p.h"

#include "model/valueconverter_p.h"
#include "query/softdelete_p.h"
#include "sql/sqldialect_p.h"

#include <HysteriaQt/error.h>

namespace Hy::detail {

namespace {

bool isEquality(Operator op)
{
    return op == Operator::Equal || op == Operator::NotEqual;
}

// A value of an IN list. Null is refused: `x IN (NULL)` matches nothing and
// `x NOT IN (1, NULL)` nothing either, which no one means.
QVariant resolveListValue(const ColumnRef &column, const QVariant &value, const QString &table,
                          const SqlDialect &dialect)
{
    if (value.isNull()) {
        Error error(ErrorCode::InvalidValue,
                    QStringLiteral("The list of whereIn()/whereNotIn() on \"%1\" holds null; use whereNull()")
                            .arg(column.column ? column.column->name : column.name));
        if (column.column)
            error.setColumn(column.column->name);
        throw error;
    }
    if (const ColumnData *data = column.column)
        return toDatabaseValue(*data, equalityValue(*data, value), dialect, table, ValueUse::Compare);
    return toRawDatabaseValue(value, table, column.name, dialect);
}

// Checks and converts every value for the database: errors surface here,
// before any SQL is sent. Null compared with = or != becomes IS [NOT] NULL, as
// a user means by where(column, null).
Conditions linkConditions(const ModelData *link, Conditions conditions, const SqlDialect &dialect);

void resolveConditions(Conditions &conditions, const QString &table, const SqlDialect &dialect)
{
    for (Condition &condition : conditions) {
        if (condition.isGroup) {
            resolveConditions(condition.children, table, dialect);
            continue;
        }
        Predicate &p = condition.predicate;
        if (p.kind == Predicate::Related) {
            // The related rows' own conditions and soft-delete scope, and the link's.
            auto related = std::make_shared<RelatedRows>(*p.related);
            const QueryState &rows = *std::as_const(related->rows);
            related->rows = new QueryState(resolved(rows, dialect));
            if (related->linkModel)
                andConditions(*related->rows, linkConditions(related->linkModel, {}, dialect));
            p.related = std::move(related);
            continue;
        }
        if (p.kind == Predicate::In || p.kind == Predicate::NotIn) {
            for (QVariant &value : p.values)
                value = resolveListValue(p.column, value, table, dialect);
            continue;
        }
        if (p.kind != Predicate::Compare)
            continue;
        if (p.value.isNull()) {
            if (p.op == Operator::Equal || p.op == Operator::NotEqual) {
                p.kind = p.op == Operator::Equal ? Predicate::IsNull : Predicate::IsNotNull;
                continue;
            }
            throw Error(ErrorCode::InvalidValue,
                        QStringLiteral("\"%1\" cannot be compared with null by an ordering or "
                                       "LIKE operator; use whereNull()")
                                .arg(p.column.name));
        }
        if (const ColumnData *column = p.column.column) {
            if (p.op == Operator::Like) {
                p.value = toLikePattern(*column, p.value, table);
            } else {
                const QVariant value = isEquality(p.op) ? equalityValue(*column, p.value) : p.value;
                p.value = toDatabaseValue(*column, value, dialect, table, ValueUse::Compare);
            }
        } else {
            p.value = p.op == Operator::Like ? toLikePattern(p.value, table, p.column.name)
                                             : toRawDatabaseValue(p.value, table, p.column.name, dialect);
        }
    }
}

// The conditions on a link table's rows: `conditions` (its hooks'), checked,
// and its model's soft-delete scope.
Conditions linkConditions(const ModelData *link, Conditions conditions, const SqlDialect &dialect)
{
    QueryState state;
    state.table = link->table;
    state.model = link;
    state.conditions = std::move(conditions);
    const QueryState out = resolved(state, dialect);
    return out.conditions;
}

} // namespace

void andConditions(QueryState &state, Conditions conditions)
{
    if (conditions.empty())
        return;
    // `(a OR b) AND scope`, never `a OR b AND scope`.
    if (state.conditions.size() > 1) {
        Condition user;
        user.isGroup = true;
        user.children = std::move(state.conditions);
        state.conditions.clear();
        state.conditions.push_back(std::move(user));
    }
    for (Condition &condition : conditions) {
        condition.join = Condition::Join::And;
        state.conditions.push_back(std::move(condition));
    }
}

QueryState resolved(const QueryState &state, const SqlDialect &dialect)
{
    QueryState out = state;
    resolveConditions(out.conditions, out.table, dialect);
    if (!out.scope.empty()) {
        resolveConditions(out.scope, out.table, dialect);
        andConditions(out, std::move(out.scope));
        out.scope.clear();
    }
    addSoftDeleteScope(out, dialect);
    if (out.link)
        andConditions(out, linkConditions(out.link->model, out.link->conditions, dialect));
    return out;
}

} // namespace Hy::detail
