// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_QUERYSTATE_P_H
#define HYSTERIAQT_QUERYSTATE_P_H

#include <HysteriaQt/comparison.h>
#include <HysteriaQt/detail/querycore.h>

#include <QtCore/QList>
#include <QtCore/QSharedData>
#include <QtCore/QString>
#include <QtCore/QVariant>

#include <memory>
#include <optional>
#include <vector>

namespace Hy::detail {

struct RelatedRows;

struct ColumnData;
struct ModelData;
class SqlDialect;

// A column as SQL names it: qualified by a table or an alias, so that joins
// and subqueries can tell columns of the same name apart.
struct ColumnRef
{
    QString source; // the table or alias that qualifies it
    QString name;   // the database name
    // The model's column, when there is one: how values given for it are
    // checked and converted, and how it compares (date-times on SQLite).
    const ColumnData *column = nullptr;
};

// A leaf of a condition tree. One kind of predicate, one case in the compiler.
struct Predicate
{
    enum Kind : quint8 {
        Compare,   // column op ?
        IsNull,    // column IS NULL
        IsNotNull, // column IS NOT NULL
        In,        // column IN (values), nothing for an empty list
        NotIn,     // column NOT IN (values), everything for an empty list
        Related,   // [NOT] EXISTS (related rows), or their count compared
    };

    Kind kind = Compare;
    ColumnRef column;
    Operator op = Operator::Equal;
    QVariant value; // as given; checked and converted when the query runs
    QVariantList values; // of In and NotIn, the same
    std::shared_ptr<const RelatedRows> related; // of Related
};

// A condition: a predicate, or a group of conditions in parentheses, joined
// to the one before it. Groups nest to any depth; the conditions HysteriaQt
// adds (a key for find(), and later scopes and relation keys) go next to a
// group of the user's, never inside it: `(a OR b) AND id = ?`.
struct Condition
{
    enum class Join : quint8 { And, Or };

    Join join = Join::And;
    bool isGroup = false;
    Predicate predicate;             // unless a group
    std::vector<Condition> children; // of a group
};
using Conditions = std::vector<Condition>;

inline Condition::Join conditionJoin(ConditionJoin join)
{
    return join == ConditionJoin::Or ? Condition::Join::Or : Condition::Join::And;
}

struct OrderTerm
{
    ColumnRef column;
    Qt::SortOrder order = Qt::AscendingOrder;
};

struct RelationData;

// A relation to load with the models read, and the query of its target
// (conditions, order, nested loads).
struct LoadRequest
{
    const RelationData *relation = nullptr;
    QueryCore query;
};

// What a query builder has been told, before any SQL is made of it.
class QueryState : public QSharedData
{
public:
    QString table;
    // The model whose rows the query reads, if any.
    const ModelData *model = nullptr;
    // Model columns to read, by index; empty for all of them (or `*` without a model).
    QList<int> selected;
    Conditions conditions;
    // Conditions the library adds, ANDed to the user's as a group of their
    // own: a relation's query to its parent's rows.
    Conditions scope;
    // A relation's query: the relation and the parent's key, which inserts
    // set (or link, for manyToMany).
    const RelationData *scopeRelation = nullptr;
    QVariant scopeKey;
    QList<OrderTerm> orders;
    qint64 limit = -1;
    qint64 offset = -1;
    Trashed trashed = Trashed::Without;
    Hooks ignoredHooks;
    QList<LoadRequest> loads;
    // A relation's query: limit and offset apply per value of this column
    // (the parent's key), not to the whole result; none without a name.
    ColumnRef partition;
    // A manyToMany's query: the link table joined to the rows it names
    // (link.toTarget = targetKey), and each row's parent key read from
    // link.parentKey as the extra value "hy_parent". The link model's
    // conditions (its beforeFetch hooks') and soft-delete scope apply.
    struct LinkJoin
    {
        const ModelData *model = nullptr;
        Conditions conditions;
        QString table;
        ColumnRef toTarget;
        ColumnRef targetKey;
        ColumnRef parentKey;
    };
    std::optional<LinkJoin> link;
};

// Rows of another table that belong to the outer query's row, for a
// relation filter (havingRelated()) or the scope of a relation's query:
//     EXISTS (SELECT 1 FROM rows [JOIN link ON ...] WHERE innerKey = outerKey AND ...)
//     (SELECT COUNT(*) FROM ...) op ?
// The compiler names the inner tables by aliases of their own, so that a
// relation of a table to itself compares the right rows.
struct RelatedRows
{
    enum class Test : quint8 { Exists, NotExists, Count };

    QSharedDataPointer<QueryState> rows; // the table, its conditions and soft-delete scope
    // A link table between the two (manyToMany), joined by linkColumn =
    // rowsColumn; its model's soft-delete scope applies.
    QString linkTable;
    const ModelData *linkModel = nullptr;
    ColumnRef linkColumn;
    ColumnRef rowsColumn;
    // The correlation: a column of `rows` (of the link, when there is one)
    // equal to the outer row's column.
    ColumnRef innerKey;
    ColumnRef outerKey;
    Test test = Test::Exists;
    Operator op = Operator::Equal; // of a count
    qint64 count = 0;
};

// Adds `conditions` to the state's with AND, the state's in parentheses.
void andConditions(QueryState &state, Conditions conditions);

// The state with its values checked and converted for the database, and the
// soft-delete scope added: what the compiler is given.
QueryState resolved(const QueryState &state, const SqlDialect &dialect);

} // namespace Hy::detail

#endif // HYSTERIAQT_QUERYSTATE_P_H
