// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_MODELHOOKS_H
#define HYSTERIAQT_MODELHOOKS_H

#include <HysteriaQt/columnoptions.h>
#include <HysteriaQt/hook.h>
#include <HysteriaQt/model.h>
#include <HysteriaQt/modelquery.h>
#include <HysteriaQt/values.h>

#include <QtCore/QList>

#include <memory>
#include <utility>
#include <vector>

namespace Hy {

// hysteria-orm's defineModel `hooks`, given with HY_HOOKS: static member
// functions of the model, or lambdas that capture nothing:
//
//     HY_HOOKS({.beforeFetch = [](Hy::ModelQuery<User> &query) { query.whereNull("deletedAt"); },
//               .beforeInsert = &User::trimName})
//     static void trimName(Hy::Values<User> &data);
//
// A misspelt hook or a function of the wrong type does not compile. A hook
// cancels its operation by throwing (a Hy::Error, OperationCancelled for
// instance): no SQL is sent then. docs/hooks.md says when each one runs.
template <typename M>
struct ModelHooks
{
    // Before every read of the model's rows (many(), one(), find(),
    // count()): may add conditions, an order, a limit.
    col::Callback<void (*)(ModelQuery<M> &query)> beforeFetch = {};
    // After a read: what it returns is what the caller gets, so it may
    // change, drop, reorder or add models.
    col::Callback<ModelList<M> (*)(ModelList<M> models)> afterFetch = {};
    // Before insert() of one row: may change the values written.
    col::Callback<void (*)(Values<M> &data)> beforeInsert = {};
    // Before insertMany() and bulkInsert(): may change, add or drop rows.
    col::Callback<void (*)(QList<Values<M>> &rows)> beforeInsertMany = {};
    // Before update(), softDelete() and restore(): may narrow the rows.
    col::Callback<void (*)(ModelQuery<M> &query)> beforeUpdate = {};
    // Before remove(): may narrow the rows.
    col::Callback<void (*)(ModelQuery<M> &query)> beforeDelete = {};
};

namespace detail {

// The hooks of a model as the library calls them, without its type.
template <typename M>
struct HookThunks
{
    static constexpr ModelHooks<M> hooks = M::hyHooks();

    static void queryHook(void (*hook)(ModelQuery<M> &), QueryCore &core)
    {
        ModelQuery<M> query(std::move(core));
        hook(query);
        core = std::move(query.m_core);
    }
    static void beforeFetch(QueryCore &core) { queryHook(hooks.beforeFetch.function(), core); }
    static void beforeUpdate(QueryCore &core) { queryHook(hooks.beforeUpdate.function(), core); }
    static void beforeDelete(QueryCore &core) { queryHook(hooks.beforeDelete.function(), core); }

    static void afterFetch(std::vector<std::unique_ptr<Model>> &models)
    {
        ModelList<M> typed = hooks.afterFetch(downcast<M>(std::move(models)));
        models.clear();
        models.reserve(typed.size());
        for (auto &model : typed)
            models.push_back(std::move(model));
    }

    static void beforeInsert(RowValues &row)
    {
        Values<M> values(std::move(row));
        hooks.beforeInsert(values);
        row = std::move(values.m_row);
    }

    static void beforeInsertMany(QList<RowValues> &rows)
    {
        QList<Values<M>> values;
        values.reserve(rows.size());
        for (RowValues &row : rows)
            values.append(Values<M>(std::move(row)));
        hooks.beforeInsertMany(values);
        rows.clear();
        rows.reserve(values.size());
        for (Values<M> &value : values)
            rows.append(std::move(value.m_row));
    }

    static constexpr HookTable table()
    {
        HookTable table;
        if constexpr (hooks.beforeFetch.isGiven())
            table.beforeFetch = &beforeFetch;
        if constexpr (hooks.afterFetch.isGiven())
            table.afterFetch = &afterFetch;
        if constexpr (hooks.beforeInsert.isGiven())
            table.beforeInsert = &beforeInsert;
        if constexpr (hooks.beforeInsertMany.isGiven())
            table.beforeInsertMany = &beforeInsertMany;
        if constexpr (hooks.beforeUpdate.isGiven())
            table.beforeUpdate = &beforeUpdate;
        if constexpr (hooks.beforeDelete.isGiven())
            table.beforeDelete = &beforeDelete;
        return table;
    }
};

} // namespace detail

} // namespace Hy

// The model's hooks (Hy::ModelHooks): HY_HOOKS({.beforeFetch = &User::hideDeleted}).
// The braces are the body of a function, where the class is complete: the
// functions named may come later in the class, and a lambda that captures
// nothing may use the model's query and columns.
#define HY_HOOKS(...)                                                                            \
public:                                                                                          \
    static constexpr ::Hy::ModelHooks<HyThis> hyHooks() { return __VA_ARGS__; }                  \
                                                                                                 \
private:

#endif // HYSTERIAQT_MODELHOOKS_H
