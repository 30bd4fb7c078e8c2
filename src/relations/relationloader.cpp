// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "relations/relationloader_p.h"

#include "model/modeldata_p.h"
#include "query/querystate_p.h"
#include "relations/relationdata_p.h"

#include <HysteriaQt/error.h>
#include <HysteriaQt/model.h>

#include <QtCore/QHash>
#include <QtCore/QSet>
#include <QtCore/QUuid>

#include <algorithm>
#include <optional>

namespace Hy::detail {

namespace {

using Related = std::vector<std::shared_ptr<Model>>;

QVariant columnValue(const ModelData *model, int column, const Model *instance)
{
    return model->columns[column].value(instance);
}

// The distinct keys, without nulls, in first-seen order.
QVariantList distinctKeys(const QList<QVariant> &values)
{
    QVariantList keys;
    QSet<QString> seen;
    for (const QVariant &value : values) {
        const std::optional<QString> text = relationKeyText(value);
        if (text && !seen.contains(*text)) {
            seen.insert(*text);
            keys.append(value);
        }
    }
    return keys;
}

// The models of `query` whose `column` is one of `keys`, a query per chunk.
std::vector<std::unique_ptr<Model>> fetchWhereIn(const QueryCore &query, int column, const QVariantList &keys,
                                                 int chunkSize)
{
    std::vector<std::unique_ptr<Model>> all;
    for (qsizetype start = 0; start < keys.size(); start += chunkSize) {
        QueryCore chunk(query);
        chunk.groupConditions();
        chunk.isIn(ConditionJoin::And, column, keys.mid(start, chunkSize));
        auto models = chunk.fetchModels();
        for (auto &model : models)
            all.push_back(std::move(model));
    }
    return all;
}

void setRelated(Model &parent, const RelationData *relation, Related models)
{
    std::unique_ptr<LoadedRelations> &loaded = ModelAccess::relations(parent);
    if (!loaded)
        loaded = std::make_unique<LoadedRelations>();
    for (LoadedRelations::Entry &entry : loaded->entries) {
        if (entry.relation == relation) {
            entry.models = std::move(models);
            return;
        }
    }
    loaded->entries.push_back({relation, std::move(models)});
}

void loadRelation(std::vector<std::unique_ptr<Model>> &parents, const LoadRequest &load, int chunkSize)
{
    const RelationData *relation = load.relation;
    const ModelData *source = relation->source;
    const ModelData *target = relation->target;
    if (load.query.hasLimitOrOffset() && relation->kind != RelationKind::HasMany) {
        throw Error(ErrorCode::InvalidQuery,
                    QStringLiteral("limit() and offset() in the query of relation \"%1\" apply per parent to a "
                                   "hasMany; they are not supported for its kind yet")
                            .arg(relation->name));
    }

    // Which parent column holds the key, and which target column matches it.
    const int parentColumn = parentKeyColumn(relation);
    const int targetColumn = relation->kind == RelationKind::HasOne || relation->kind == RelationKind::HasMany
            ? relation->foreignKey
            : target->primaryKey;

    QList<QVariant> parentKeys;
    parentKeys.reserve(qsizetype(parents.size()));
    for (const auto &parent : parents)
        parentKeys.append(columnValue(source, parentColumn, parent.get()));
    const QVariantList keys = distinctKeys(parentKeys);

    // Each parent key's target keys, for manyToMany: the link rows first.
    QHash<QString, QSet<QString>> linked;
    QVariantList targetKeys = keys;
    if (relation->kind == RelationKind::ManyToMany) {
        const QueryCore links = load.query.forModel(relation->through);
        QList<QVariant> rights;
        for (const auto &link : fetchWhereIn(links, relation->leftKey, keys, chunkSize)) {
            const std::optional<QString> left = relationKeyText(columnValue(relation->through, relation->leftKey, link.get()));
            const QVariant right = columnValue(relation->through, relation->rightKey, link.get());
            const std::optional<QString> rightText = relationKeyText(right);
            if (left && rightText) {
                linked[*left].insert(*rightText);
                rights.append(right);
            }
        }
        targetKeys = distinctKeys(rights);
    }

    // The key is read even when the relation's select() leaves it out, and a
    // hasMany's limit and offset hold per parent.
    QueryCore query(load.query);
    query.ensureSelected(targetColumn);
    if (relation->kind == RelationKind::HasMany)
        query.partitionBy(targetColumn);
    std::vector<std::shared_ptr<Model>> related;
    for (auto &model : fetchWhereIn(query, targetColumn, targetKeys, chunkSize))
        related.push_back(std::shared_ptr<Model>(std::move(model)));

    // The related models by the key they match, in the order read.
    QHash<QString, Related> byKey;
    for (const auto &model : related) {
        if (const std::optional<QString> key = relationKeyText(columnValue(target, targetColumn, model.get())))
            byKey[*key].push_back(model);
    }
    for (qsizetype i = 0; i < qsizetype(parents.size()); ++i) {
        Related models;
        if (const std::optional<QString> key = relationKeyText(parentKeys[i])) {
            if (relation->kind == RelationKind::ManyToMany) {
                // In the relation query's order, once each however many link rows say so.
                const QSet<QString> rights = linked.value(*key);
                for (const auto &model : related) {
                    const std::optional<QString> targetKey = relationKeyText(columnValue(target, targetColumn, model.get()));
                    if (targetKey && rights.contains(*targetKey))
                        models.push_back(model);
                }
            } else {
                models = byKey.value(*key);
            }
        }
        if (!relation->isToMany() && models.size() > 1)
            models.resize(1); // hasOne: the first in the query's order
        setRelated(*parents[std::size_t(i)], relation, std::move(models));
    }
}

} // namespace

int parentKeyColumn(const RelationData *relation)
{
    return relation->kind == RelationKind::BelongsTo ? relation->foreignKey : relation->source->primaryKey;
}

void loadRelations(std::vector<std::unique_ptr<Model>> &parents, const QList<LoadRequest> &loads, int maxBindings)
{
    if (parents.empty())
        return;
    // Room for the relation query's own values beside the keys.
    const int chunkSize = std::max(1, maxBindings - 256);
    for (const LoadRequest &load : loads)
        loadRelation(parents, load, chunkSize);
}

} // namespace Hy::detail
