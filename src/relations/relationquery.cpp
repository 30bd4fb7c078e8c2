// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include <HysteriaQt/detail/querycore.h>

#include "model/modeldata_p.h"
#include "query/querystate_p.h"
#include "relations/relationdata_p.h"
#include "relations/relationloader_p.h"

#include <HysteriaQt/error.h>
#include <HysteriaQt/model.h>

// QueryCore's relation filters and relation-scoped queries: the conditions
// that name another table's rows.

namespace Hy::detail {

namespace {

ColumnRef columnOf(const ModelData *model, int column)
{
    const ColumnData &data = model->columns[column];
    return {model->table, data.databaseName, &data};
}

// The rows of the relation's target that belong to a row of its source.
std::shared_ptr<RelatedRows> relatedRows(const RelationData *relation, const QueryState &rows)
{
    if (rows.limit >= 0 || rows.offset > 0) {
        throw Error(ErrorCode::InvalidQuery,
                    QStringLiteral("The conditions of relation \"%1\" in a havingRelated() take no limit() or "
                                   "offset(): they filter, they do not read rows")
                            .arg(relation->name));
    }
    auto related = std::make_shared<RelatedRows>();
    related->rows = new QueryState(rows);
    related->rows->orders.clear();
    related->rows->loads.clear();
    const ModelData *source = relation->source;
    const ModelData *target = relation->target;
    switch (relation->kind) {
    case RelationKind::HasOne:
    case RelationKind::HasMany:
        related->innerKey = columnOf(target, relation->foreignKey);
        related->outerKey = columnOf(source, source->primaryKey);
        break;
    case RelationKind::BelongsTo:
        related->innerKey = columnOf(target, target->primaryKey);
        related->outerKey = columnOf(source, relation->foreignKey);
        break;
    case RelationKind::ManyToMany:
        related->linkTable = relation->through->table;
        related->linkModel = relation->through;
        related->linkColumn = columnOf(relation->through, relation->rightKey);
        related->rowsColumn = columnOf(target, target->primaryKey);
        related->innerKey = columnOf(relation->through, relation->leftKey);
        related->outerKey = columnOf(source, source->primaryKey);
        break;
    }
    return related;
}

Condition relatedCondition(ConditionJoin join, std::shared_ptr<const RelatedRows> related)
{
    Condition condition;
    condition.join = conditionJoin(join);
    condition.predicate.kind = Predicate::Related;
    condition.predicate.related = std::move(related);
    return condition;
}

// NOT (count op n), which a count never null makes count op' n.
Operator negated(Operator op)
{
    switch (op) {
    case Operator::Equal: return Operator::NotEqual;
    case Operator::NotEqual: return Operator::Equal;
    case Operator::Less: return Operator::GreaterOrEqual;
    case Operator::LessOrEqual: return Operator::Greater;
    case Operator::Greater: return Operator::LessOrEqual;
    case Operator::GreaterOrEqual: return Operator::Less;
    case Operator::Like: break;
    }
    return op;
}

Condition equals(const ColumnRef &column, const QVariant &value)
{
    Condition condition;
    condition.predicate.kind = Predicate::Compare;
    condition.predicate.column = column;
    condition.predicate.value = value;
    return condition;
}

} // namespace

void QueryCore::related(ConditionJoin join, RelatedTest test, const RelationData *relation, const QueryCore &rows)
{
    std::shared_ptr<RelatedRows> related = relatedRows(relation, *rows.d);
    related->test = test == RelatedTest::Having ? RelatedRows::Test::Exists : RelatedRows::Test::NotExists;
    d->conditions.push_back(relatedCondition(join, std::move(related)));
}

void QueryCore::relatedCount(ConditionJoin join, RelatedTest test, const RelationData *relation,
                             const QueryCore &rows, Operator op, qint64 count)
{
    if (op == Operator::Like) {
        throw Error(ErrorCode::InvalidQuery,
                    QStringLiteral("The number of rows of relation \"%1\" is compared with =, <>, <, <=, > or "
                                   ">=, not LIKE")
                            .arg(relation->name));
    }
    std::shared_ptr<RelatedRows> related = relatedRows(relation, *rows.d);
    related->test = RelatedRows::Test::Count;
    related->op = test == RelatedTest::Having ? op : negated(op);
    related->count = count;
    d->conditions.push_back(relatedCondition(join, std::move(related)));
}

void QueryCore::joinLink(const RelationData *relation)
{
    const ModelData *through = relation->through;
    QueryState::LinkJoin link;
    link.model = through;
    // The link model's beforeFetch, as a read of its rows would run it.
    link.conditions = forModel(through).hooked(Hook::BeforeFetch).d->conditions;
    link.table = through->table;
    link.toTarget = columnOf(through, relation->rightKey);
    link.targetKey = columnOf(relation->target, relation->target->primaryKey);
    link.parentKey = columnOf(through, relation->leftKey);
    d->partition = link.parentKey;
    d->link = std::move(link);
}

void QueryCore::linkedTo(const QVariantList &parentKeys)
{
    Condition condition;
    condition.predicate.kind = Predicate::In;
    condition.predicate.column = d->link->parentKey;
    condition.predicate.values = parentKeys;
    andConditions(*d, {std::move(condition)});
}

void QueryCore::scopeToParent(const RelationData *relation, const Model &parent)
{
    // A belongsTo without a target (a null key) has no rows; the others
    // need the parent's key.
    const NullKey null = relation->kind == RelationKind::BelongsTo ? NullKey::Allowed : NullKey::Refused;
    const QVariant key = relationKeyValue(relation, relation->source, parentKeyColumn(relation), parent, null);
    const ModelData *target = relation->target;
    switch (relation->kind) {
    case RelationKind::HasOne:
    case RelationKind::HasMany:
        d->scope.push_back(equals(columnOf(target, relation->foreignKey), key));
        break;
    case RelationKind::BelongsTo:
        if (key.isNull()) {
            Condition none; // IN () of nothing: 1 = 0
            none.predicate.kind = Predicate::In;
            none.predicate.column = columnOf(target, target->primaryKey);
            d->scope.push_back(std::move(none));
        } else {
            d->scope.push_back(equals(columnOf(target, target->primaryKey), key));
        }
        break;
    case RelationKind::ManyToMany: {
        // The targets a link row of the parent names:
        // EXISTS (SELECT 1 FROM link WHERE link.right = target.key AND link.left = ?)
        auto related = std::make_shared<RelatedRows>();
        related->rows = new QueryState;
        related->rows->table = relation->through->table;
        related->rows->model = relation->through;
        related->rows->conditions.push_back(equals(columnOf(relation->through, relation->leftKey), key));
        related->innerKey = columnOf(relation->through, relation->rightKey);
        related->outerKey = columnOf(target, target->primaryKey);
        d->scope.push_back(relatedCondition(ConditionJoin::And, std::move(related)));
        break;
    }
    }
    d->scopeRelation = relation;
    d->scopeKey = key;
}

} // namespace Hy::detail
