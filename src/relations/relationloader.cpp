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
    QSet<RelationKey> seen;
    for (const QVariant &value : values) {
        const RelationKey key = relationKey(value);
        if (!key.isNull() && !seen.contains(key)) {
            seen.insert(key);
            keys.append(value);
        }
    }
    return keys;
}

// The models of `query` that `restrict` narrows to each chunk of `keys`, a
// query per chunk as large as the parameter limit allows.
template <typename Restrict, typename Fetch>
std::vector<std::unique_ptr<Model>> fetchInChunks(const QueryCore &query, const QVariantList &keys, int maxBindings,
                                                  const Restrict &restrict, const Fetch &fetch)
{
    std::vector<std::unique_ptr<Model>> all;
    if (keys.isEmpty())
        return all;
    int bindings = 0;
    const QueryCore chunked = query.forChunks(bindings);
    const int chunkSize = std::max(1, maxBindings - bindings);
    for (qsizetype start = 0; start < keys.size(); start += chunkSize) {
        QueryCore chunk(chunked);
        restrict(chunk, keys.mid(start, chunkSize));
        auto models = fetch(chunk);
        if (all.empty())
            all = std::move(models);
        else
            std::move(models.begin(), models.end(), std::back_inserter(all));
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

void loadRelation(std::vector<std::unique_ptr<Model>> &parents, const LoadRequest &load, int maxBindings)
{
    const RelationData *relation = load.relation;
    const ModelData *source = relation->source;
    const ModelData *target = relation->target;
    const bool linked = relation->kind == RelationKind::ManyToMany;

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

    // The key is read even when the relation's select() leaves it out, and
    // limit and offset hold per parent. A manyToMany joins its link rows,
    // each row read with the parent key it belongs to.
    QueryCore query(load.query);
    query.ensureSelected(targetColumn);
    QList<std::pair<QVariant, QVariant>> links; // a manyToMany's (parent key, target key) pairs
    std::vector<std::unique_ptr<Model>> rows;
    if (linked) {
        query.joinLink(relation);
        rows = fetchInChunks(
                query, keys, maxBindings, [](QueryCore &chunk, const QVariantList &part) { chunk.linkedTo(part); },
                [&](const QueryCore &chunk) { return chunk.fetchLinkedModels(links); });
    } else {
        query.partitionBy(targetColumn);
        rows = fetchInChunks(
                query, keys, maxBindings,
                [&](QueryCore &chunk, const QVariantList &part) {
                    chunk.groupConditions();
                    chunk.isIn(ConditionJoin::And, targetColumn, part);
                },
                [](const QueryCore &chunk) { return chunk.fetchModels(); });
    }

    // The related models by the parent key they match, in the order read;
    // a manyToMany's targets by its link rows, each once per parent, shared
    // by the parents, as the target's afterFetch left them.
    QHash<RelationKey, Related> byKey;
    if (linked) {
        QHash<RelationKey, std::shared_ptr<Model>> targets;
        for (auto &row : rows) {
            const RelationKey key = relationKey(columnValue(target, targetColumn, row.get()));
            targets.insert(key, std::shared_ptr<Model>(std::move(row)));
        }
        QHash<RelationKey, QSet<RelationKey>> seen;
        for (const auto &[parentKey, targetKey] : std::as_const(links)) {
            const RelationKey parent = relationKey(parentKey);
            const RelationKey key = relationKey(targetKey);
            const auto found = targets.constFind(key);
            if (parent.isNull() || found == targets.cend())
                continue;
            QSet<RelationKey> &ofParent = seen[parent];
            if (!ofParent.contains(key)) {
                ofParent.insert(key);
                byKey[parent].push_back(*found);
            }
        }
    } else {
        for (auto &row : rows) {
            const RelationKey key = relationKey(columnValue(target, targetColumn, row.get()));
            if (!key.isNull())
                byKey[key].push_back(std::shared_ptr<Model>(std::move(row)));
        }
    }
    // How many parents share each key (a belongsTo's target): the last one
    // takes the list, the others a copy.
    std::vector<RelationKey> keysOfParents;
    keysOfParents.reserve(parents.size());
    QHash<RelationKey, int> uses;
    for (const QVariant &value : std::as_const(parentKeys)) {
        keysOfParents.push_back(relationKey(value));
        if (!keysOfParents.back().isNull())
            ++uses[keysOfParents.back()];
    }
    for (std::size_t i = 0; i < parents.size(); ++i) {
        Related models;
        const RelationKey &key = keysOfParents[i];
        if (!key.isNull()) {
            const auto found = byKey.find(key);
            if (found != byKey.end())
                models = --uses[key] == 0 ? std::move(*found) : *found;
        }
        if (!relation->isToMany() && models.size() > 1)
            models.resize(1); // hasOne: the first in the query's order
        setRelated(*parents[i], relation, std::move(models));
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
    for (const LoadRequest &load : loads)
        loadRelation(parents, load, maxBindings);
}

} // namespace Hy::detail
