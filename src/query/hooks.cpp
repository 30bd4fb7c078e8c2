// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "query/hooks_p.h"

#include "core/logging_p.h"
#include "model/modeldata_p.h"
#include "model/modelnotifier_p.h"
#include "query/querystate_p.h"

#include <HysteriaQt/error.h>
#include <HysteriaQt/hookquery.h>
#include <HysteriaQt/model.h>
#include <HysteriaQt/modelnotifier.h>
#include <HysteriaQt/values.h>
#include <HysteriaQt/detail/querycore.h>

#include <QtCore/QMetaProperty>
#include <QtCore/QVarLengthArray>

#include <unordered_map>

namespace Hy::detail {

namespace {

using Signal = NotifierAccess::Signal;

bool listens(const ModelData *model, Signal signal)
{
    return NotifierAccess::isConnected(model->notifier, signal);
}

// A hook that runs a query running the same hook again would recurse until
// the stack ends: refused instead, with the hook named.
class HookGuard
{
public:
    HookGuard(const ModelData *model, Hook hook) : m_entry{model, hook}
    {
        for (const Entry &entry : running()) {
            if (entry.model == model && entry.hook == hook) {
                throw Error(ErrorCode::InvalidQuery,
                            QStringLiteral("A hook of \"%1\" ran a query that runs the same hook again; "
                                           "give that query ignoreHooks()")
                                    .arg(model->table));
            }
        }
        running().append(m_entry);
    }
    ~HookGuard() { running().removeLast(); }
    HookGuard(const HookGuard &) = delete;
    HookGuard &operator=(const HookGuard &) = delete;

private:
    struct Entry
    {
        const ModelData *model;
        Hook hook;
    };
    static QVarLengthArray<Entry, 4> &running()
    {
        thread_local QVarLengthArray<Entry, 4> entries;
        return entries;
    }
    Entry m_entry;
};

QVariantMap toMap(const ModelData *model, const RowValues &row)
{
    QVariantMap map;
    for (const auto &[column, value] : row.entries)
        map.insert(model->columns[column].name, value);
    return map;
}

// The write is done when the after-write signals are emitted: a slot that
// throws cannot undo it, and the caller is not told it failed.
template <typename Emit>
void emitAfterWrite(const ModelData *model, const char *signal, const Emit &send)
{
    try {
        send();
    } catch (const std::exception &error) {
        qCWarning(lcSql, "A slot of the %s signal of \"%s\" threw after the write was done: %s", signal,
                  qUtf8Printable(model->table), error.what());
    } catch (...) {
        qCWarning(lcSql, "A slot of the %s signal of \"%s\" threw after the write was done", signal,
                  qUtf8Printable(model->table));
    }
}

QVariantList keysOf(const ModelData *model, const std::vector<std::unique_ptr<Model>> &models)
{
    QVariantList keys;
    if (model->primaryKey < 0)
        return keys;
    const ColumnData &key = model->columns[model->primaryKey];
    keys.reserve(qsizetype(models.size()));
    for (const auto &instance : models)
        keys.append(key.value(instance.get()));
    return keys;
}

} // namespace

void QueryCore::ignoreHooks(Hooks hooks)
{
    d->ignoredHooks |= hooks;
}

QueryCore QueryCore::hooked(Hook hook) const
{
    if (!m_model || d->ignoredHooks.testFlag(hook))
        return *this;
    const HookTable &hooks = m_model->hooks;
    void (*callback)(QueryCore &) = nullptr;
    Signal signal = Signal::BeforeFetch;
    switch (hook) {
    case Hook::BeforeFetch:
        callback = hooks.beforeFetch;
        break;
    case Hook::BeforeUpdate:
        callback = hooks.beforeUpdate;
        signal = Signal::BeforeUpdate;
        break;
    case Hook::BeforeDelete:
        callback = hooks.beforeDelete;
        signal = Signal::BeforeDelete;
        break;
    default:
        Q_UNREACHABLE();
    }
    const bool listened = listens(m_model, signal);
    if (!callback && !listened)
        return *this;

    const HookGuard guard(m_model, hook);
    QueryCore query(*this);
    query.groupConditions();
    // Each hook adds its conditions to a query of its own, joined to the
    // others as one group: (a OR b) AND (callback's) AND (slots'). So a hook
    // narrows whatever it writes, and a slot's orWhere cannot undo the
    // callback's tenant scope. Its order, limit and the rest are kept.
    const auto narrow = [&query](const auto &run) {
        QueryCore scoped(query);
        scoped.d->conditions.clear();
        run(scoped);
        QueryCore merged(scoped);
        merged.d->conditions = query.d->conditions;
        merged.group(ConditionJoin::And, scoped);
        query = std::move(merged);
    };
    if (callback)
        narrow(callback);
    if (listened) {
        narrow([&](QueryCore &scoped) {
            HookQuery handle(&scoped);
            ModelNotifier *notifier = m_model->notifier;
            if (hook == Hook::BeforeFetch)
                Q_EMIT notifier->beforeFetch(handle);
            else if (hook == Hook::BeforeUpdate)
                Q_EMIT notifier->beforeUpdate(handle);
            else
                Q_EMIT notifier->beforeDelete(handle);
        });
    }
    return query;
}

RowList QueryCore::hookedRows(Hook hook, const RowList &rows, QList<RowValues> &storage) const
{
    const bool single = hook == Hook::BeforeInsert;
    const HookTable &hooks = m_model->hooks;
    const bool callback = single ? hooks.beforeInsert != nullptr : hooks.beforeInsertMany != nullptr;
    const bool listened = listens(m_model, single ? Signal::BeforeInsert : Signal::BeforeInsertMany);
    RowList out;
    if (d->ignoredHooks.testFlag(hook) || (!callback && !listened)) {
        out.reserve(rows.size());
        for (qsizetype i = 0; i < rows.size(); ++i)
            out.borrow(rows[i]);
        return out;
    }

    const HookGuard guard(m_model, hook);
    storage.reserve(rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i)
        storage.append(rows[i]);
    if (single) {
        if (callback)
            hooks.beforeInsert(storage.front());
        if (listened) {
            QVariantMap values = toMap(m_model, storage.front());
            Q_EMIT m_model->notifier->beforeInsert(values);
            storage.front() = rowValuesFromMap(m_model, values);
        }
    } else {
        if (callback)
            hooks.beforeInsertMany(storage);
        if (listened) {
            QList<QVariantMap> maps;
            maps.reserve(storage.size());
            for (const RowValues &row : std::as_const(storage))
                maps.append(toMap(m_model, row));
            Q_EMIT m_model->notifier->beforeInsertMany(maps);
            storage.clear();
            for (const QVariantMap &map : std::as_const(maps))
                storage.append(rowValuesFromMap(m_model, map));
        }
    }
    // Borrowed once the list no longer changes: its elements stay put.
    out.reserve(storage.size());
    for (const RowValues &row : std::as_const(storage))
        out.borrow(row);
    return out;
}

void runAfterFetch(const ModelData *model, Hooks ignored, std::vector<std::unique_ptr<Model>> &models)
{
    if (ignored.testFlag(Hook::AfterFetch))
        return;
    const bool listened = listens(model, Signal::AfterFetch);
    if (!model->hooks.afterFetch && !listened)
        return;
    const HookGuard guard(model, Hook::AfterFetch);
    if (model->hooks.afterFetch)
        model->hooks.afterFetch(models);
    if (!listened)
        return;

    QList<Model *> list;
    list.reserve(qsizetype(models.size()));
    for (const auto &instance : models)
        list.append(instance.get());
    Q_EMIT model->notifier->afterFetch(list);

    // The slots may drop and reorder; the models dropped are deleted here.
    std::unordered_map<Model *, std::unique_ptr<Model>> owned;
    owned.reserve(models.size());
    for (auto &instance : models) {
        Model *key = instance.get();
        owned.emplace(key, std::move(instance));
    }
    models.clear();
    models.reserve(std::size_t(list.size()));
    for (Model *instance : std::as_const(list)) {
        auto found = owned.find(instance);
        if (found == owned.end()) {
            throw Error(ErrorCode::InvalidValue,
                        QStringLiteral("An afterFetch slot of \"%1\" added a model, or the same one twice: "
                                       "slots may drop and reorder the models only")
                                .arg(model->table));
        }
        models.push_back(std::move(found->second));
        owned.erase(found);
    }
}

bool notifiesInserted(const ModelData *model)
{
    return listens(model, Signal::Inserted);
}

bool notifiesUpdated(const ModelData *model)
{
    return listens(model, Signal::Updated);
}

bool notifiesDeleted(const ModelData *model)
{
    return listens(model, Signal::Deleted);
}

void notifyInserted(const ModelData *model, const std::vector<std::unique_ptr<Model>> &models)
{
    if (!models.empty() && notifiesInserted(model))
        emitAfterWrite(model, "inserted", [&] { Q_EMIT model->notifier->inserted(keysOf(model, models)); });
}

void notifyInsertedUnknown(const ModelData *model)
{
    if (notifiesInserted(model))
        emitAfterWrite(model, "inserted", [&] { Q_EMIT model->notifier->inserted({}); });
}

void notifyUpdated(const ModelData *model, const QVariantList &keys, const RowValues &row)
{
    if (!notifiesUpdated(model))
        return;
    QStringList columns;
    for (qsizetype c = 0; c < model->columns.size(); ++c) {
        const ColumnData &column = model->columns[c];
        if (row.find(int(c)) || column.autoUpdate)
            columns.append(column.name);
    }
    emitAfterWrite(model, "updated", [&] { Q_EMIT model->notifier->updated(keys, columns); });
}

void notifyDeleted(const ModelData *model, const QVariantList &keys)
{
    if (notifiesDeleted(model))
        emitAfterWrite(model, "deleted", [&] { Q_EMIT model->notifier->deleted(keys); });
}

QVariant keyFromDatabase(const ModelData *model, const QVariant &value)
{
    const ColumnData &key = model->columns[model->primaryKey];
    const QMetaType type = model->metaObject->property(key.propertyIndex).metaType();
    QVariant converted = value;
    if (converted.metaType() != type && !converted.convert(type))
        return value;
    return converted;
}

} // namespace Hy::detail
