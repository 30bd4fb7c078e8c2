// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include <HysteriaQt/detail/querycore.h>

#include "exec/connection_p.h"
#include "exec/transactionscope_p.h"
#include "model/modeldata_p.h"
#include "model/valueconverter_p.h"
#include "query/querycore_p.h"
#include "query/querystate_p.h"
#include "relations/relationdata_p.h"
#include "sql/sqldialect_p.h"

#include <HysteriaQt/error.h>
#include <HysteriaQt/model.h>
#include <HysteriaQt/relations.h>
#include <HysteriaQt/values.h>

#include <QtCore/QSet>

// What relations write: a relation's query's inserts (the parent's key set,
// or the link rows of a manyToMany), and attach(), detach() and sync().

namespace Hy::detail {

namespace {

// A value as the column holds it ("5" for an integer key is 5), so that keys
// given in any form compare equal; as given when it does not convert (the
// write then reports it).
QVariant canonical(const ModelData *model, int column, const QVariant &value, Model *scratch)
{
    const ColumnData &data = model->columns[column];
    return data.read(scratch, value) ? data.value(scratch) : value;
}

QVariant canonical(const ModelData *model, int column, const QVariant &value)
{
    const std::unique_ptr<Model> scratch(model->create());
    return canonical(model, column, value, scratch.get());
}

RelationKey keyOf(const QVariant &value)
{
    return relationKey(value);
}

// The keys of a list, each once, in the link column's form. Every key is
// checked as the link column takes it (null, text in an integer column, a
// number out of its range or with a fraction refused) before the first
// statement: a bad key after many good ones must not find a transaction
// begun and link rows already read.
QVariantList linkKeys(const RelationData *relation, const QVariantList &keys, const char *operation,
                      const SqlDialect &dialect)
{
    QVariantList out;
    QSet<RelationKey> seen;
    const ModelData *link = relation->through;
    const ColumnData &column = link->columns[relation->rightKey];
    const std::unique_ptr<Model> scratch(link->create()); // one, not one per key
    for (const QVariant &key : keys) {
        if (key.isNull()) {
            throw Error(ErrorCode::InvalidValue,
                        QStringLiteral("The keys given to %1() of relation \"%2\" hold null")
                                .arg(QLatin1StringView(operation), relation->name));
        }
        const QVariant checked = toDatabaseValue(column, key, dialect, link->table, ValueUse::Compare);
        const QVariant value = canonical(link, relation->rightKey, checked, scratch.get());
        if (!seen.contains(keyOf(value))) {
            seen.insert(keyOf(value));
            out.append(value);
        }
    }
    return out;
}

// The parent's key, which its link rows hold.
QVariant parentLinkKey(const RelationData *relation, const Model &parent)
{
    return canonical(relation->through, relation->leftKey,
                     relationKeyValue(relation, relation->source, relation->source->primaryKey, parent));
}

// Link rows from the parent to each of `keys`; the number written.
qint64 insertLinks(const QueryCore &links, const RelationData *relation, const QVariant &parentKey,
                   const QVariantList &keys)
{
    QList<RowValues> rows;
    rows.reserve(keys.size());
    for (const QVariant &key : keys) {
        RowValues row;
        row.set(relation->leftKey, parentKey);
        row.set(relation->rightKey, key);
        rows.append(std::move(row));
    }
    RowList list;
    for (const RowValues &row : std::as_const(rows))
        list.borrow(row);
    return list.isEmpty() ? 0 : links.bulkInsertModels(list);
}

class LinkRows
{
public:
    LinkRows(const QueryCore &query, const RelationData *relation, const Model &parent, const Session &session)
        : m_links(query.forModel(relation->through)), m_relation(relation),
          m_parentKey(parentLinkKey(relation, parent)), m_reads(m_links)
    {
        // The reads' own values counted (their beforeFetch run once, here),
        // with room for what the link model's delete hooks add.
        int bindings = 0;
        m_reads = ofParent().forChunks(bindings);
        m_chunk = std::max(1, session->dialect().maxBindings() - bindings - 64);
    }

    // The right keys linked to the parent among `keys` (all of them for none).
    QVariantList linked(const QVariantList *keys = nullptr) const
    {
        QVariantList out;
        auto read = [&](QueryCore query) {
            query.select({m_relation->rightKey});
            for (const auto &link : query.fetchModels())
                out.append(m_relation->through->columns[m_relation->rightKey].value(link.get()));
        };
        if (!keys) {
            read(m_reads);
            return out;
        }
        for (qsizetype start = 0; start < keys->size(); start += m_chunk) {
            QueryCore query = m_reads;
            query.isIn(ConditionJoin::And, m_relation->rightKey, keys->mid(start, m_chunk));
            read(query);
        }
        return out;
    }

    qint64 insert(const QVariantList &keys) const { return insertLinks(m_links, m_relation, m_parentKey, keys); }

    qint64 remove(const QVariantList *keys) const
    {
        if (!keys)
            return ofParent().remove();
        qint64 removed = 0;
        for (qsizetype start = 0; start < keys->size(); start += m_chunk) {
            QueryCore query = ofParent();
            query.isIn(ConditionJoin::And, m_relation->rightKey, keys->mid(start, m_chunk));
            removed += query.remove();
        }
        return removed;
    }

private:
    QueryCore ofParent() const
    {
        QueryCore query(m_links);
        query.compare(ConditionJoin::And, m_relation->leftKey, Operator::Equal, m_parentKey);
        return query;
    }

    QueryCore m_links;
    const RelationData *m_relation;
    QVariant m_parentKey;
    QueryCore m_reads;
    int m_chunk = 1;
};

QVariantList without(const QVariantList &keys, const QVariantList &removed)
{
    QSet<RelationKey> set;
    for (const QVariant &key : removed)
        set.insert(keyOf(key));
    QVariantList out;
    for (const QVariant &key : keys) {
        if (!set.contains(keyOf(key)))
            out.append(key);
    }
    return out;
}

const RelationData *requireManyToMany(const RelationData *relation)
{
    if (relation->kind != RelationKind::ManyToMany)
        throw notManyToManyError(relation->name, relation->source->table.toStdString());
    return relation;
}

} // namespace

qint64 QueryCore::attach(const RelationData *relation, const Model &parent, const QVariantList &keys) const
{
    requireManyToMany(relation);
    const Session session = openSession(m_source);
    const QVariantList wanted = linkKeys(relation, keys, "attach", session->dialect());
    const LinkRows links(*this, relation, parent, session); // checks the parent's key
    TransactionScope transaction(session.connection());
    const qint64 inserted = links.insert(without(wanted, links.linked(&wanted)));
    transaction.commit();
    return inserted;
}

qint64 QueryCore::detach(const RelationData *relation, const Model &parent, const QVariantList &keys) const
{
    requireManyToMany(relation);
    if (keys.isEmpty())
        return 0;
    const Session session = openSession(m_source);
    const QVariantList unwanted = linkKeys(relation, keys, "detach", session->dialect());
    const LinkRows links(*this, relation, parent, session);
    TransactionScope transaction(session.connection());
    const qint64 removed = links.remove(&unwanted);
    transaction.commit();
    return removed;
}

qint64 QueryCore::detachAll(const RelationData *relation, const Model &parent) const
{
    requireManyToMany(relation);
    const Session session = openSession(m_source);
    return LinkRows(*this, relation, parent, session).remove(nullptr);
}

SyncResult QueryCore::sync(const RelationData *relation, const Model &parent, const QVariantList &keys) const
{
    requireManyToMany(relation);
    const Session session = openSession(m_source);
    const QVariantList wanted = linkKeys(relation, keys, "sync", session->dialect());
    const LinkRows links(*this, relation, parent, session); // checks the parent's key
    TransactionScope transaction(session.connection());
    // Each linked key once, however many link rows name it.
    QVariantList linked;
    for (const QVariant &key : links.linked()) {
        if (!key.isNull())
            linked.append(key);
    }
    linked = linkKeys(relation, linked, "sync", session->dialect());
    SyncResult result;
    result.detached = without(linked, wanted);
    result.attached = without(wanted, linked);
    if (!result.detached.isEmpty())
        links.remove(&result.detached);
    links.insert(result.attached);
    transaction.commit();
    return result;
}

QueryCore QueryCore::unscoped() const
{
    QueryCore query(*this);
    query.d->scope.clear();
    query.d->scopeRelation = nullptr;
    query.d->scopeKey.clear();
    return query;
}

bool QueryCore::linksOnInsert() const
{
    return d->scopeRelation && d->scopeRelation->kind == RelationKind::ManyToMany;
}

RowList QueryCore::rowsWithParentKey(const RowList &rows, QList<RowValues> &storage) const
{
    const RelationData *relation = d->scopeRelation;
    RowList out;
    if (!relation || relation->kind == RelationKind::ManyToMany) {
        for (qsizetype i = 0; i < rows.size(); ++i)
            out.borrow(rows[i]);
        return out;
    }
    if (relation->kind == RelationKind::BelongsTo) {
        throw Error(ErrorCode::InvalidQuery,
                    QStringLiteral("The query of belongsTo relation \"%1\" does not insert: insert the %2 row, "
                                   "then set the key that refers to it")
                            .arg(relation->name, relation->target->table));
    }
    // hasOne and hasMany: the parent's key in the foreign key, where a
    // different one given would move the row to another parent.
    const ColumnData &foreignKey = m_model->columns[relation->foreignKey];
    const RelationKey parentKey = keyOf(canonical(m_model, relation->foreignKey, d->scopeKey));
    storage.reserve(rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        RowValues row = rows[i];
        if (const QVariant *given = row.find(relation->foreignKey);
            given && keyOf(canonical(m_model, relation->foreignKey, *given)) != parentKey) {
            Error error(ErrorCode::InvalidValue,
                        QStringLiteral("A row inserted through relation \"%1\" gives \"%2\" another parent's key")
                                .arg(relation->name, foreignKey.name));
            error.setColumn(foreignKey.name);
            throw error;
        }
        row.set(relation->foreignKey, d->scopeKey);
        storage.append(std::move(row));
    }
    for (const RowValues &row : std::as_const(storage))
        out.borrow(row);
    return out;
}

std::vector<std::unique_ptr<Model>> QueryCore::insertLinked(const RowList &rows, Hook hook) const
{
    const RelationData *relation = d->scopeRelation;
    // The target's insert hooks run first, so that one that cancels does so
    // before any SQL; the link model's run inside the transaction, once the
    // targets' keys are known, and a cancel there undoes the targets.
    QueryCore targets = unscoped();
    RowStorage storage;
    const RowList hooked = targets.rowsToInsert(hook, rows, storage);
    targets.d->ignoredHooks |= hook;
    const Session session = openSession(m_source);
    TransactionScope transaction(session.connection());
    std::vector<std::unique_ptr<Model>> models;
    if (hook == Hook::BeforeInsert)
        models.push_back(targets.insertModel(hooked[0]));
    else
        models = targets.insertModels(hooked);
    QList<const Model *> inserted;
    for (const auto &model : models)
        inserted.append(model.get());
    // The link rows of the parent, whose key the scope holds.
    insertLinks(forModel(relation->through), relation, canonical(relation->through, relation->leftKey, d->scopeKey),
                targetKeys(relation, inserted));
    transaction.commit();
    return models;
}

QVariantList QueryCore::targetKeys(const RelationData *relation, const QList<const Model *> &targets)
{
    QVariantList keys;
    keys.reserve(targets.size());
    for (const Model *target : targets)
        keys.append(relationKeyValue(relation, relation->target, relation->target->primaryKey, *target));
    return keys;
}

} // namespace Hy::detail
