// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_HOOKMODELS_H
#define HYSTERIAQT_HOOKMODELS_H

// Models with hooks (HY_HOOKS). Hooks are static functions, so what they do
// is steered, and what they saw recorded, through static state.

#include <HysteriaQt/Model>
#include <HysteriaQt/ModelHooks>

#include <QtCore/QStringList>

// The seed's AuditedModel: beforeInsert trims the name, afterFetch drops
// the rows named "DELETED".
class Audited : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Audited, "audited_items")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(name, setName, Hy::col::string())
    HY_COLUMN(createdAt, setCreatedAt, Hy::col::datetime({.autoCreate = true}))

public:
    using Hy::Model::Model;

    // A lambda in HY_HOOKS, and a function declared after it.
    HY_HOOKS({.afterFetch =
                      [](Hy::ModelList<Audited> rows) {
                          std::erase_if(rows, [](const auto &row) { return row->name() == QStringLiteral("DELETED"); });
                          return rows;
                      },
              .beforeInsert = &Audited::trimName})

    static void trimName(Hy::Values<Audited> &data)
    {
        if (data.contains("name") && !data.value("name").isNull())
            data.set("name", data.value("name").toString().trimmed());
    }
};

// The seed's User with its beforeFetch, written as in the seed with the
// database's column name.
class SeedUser : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(SeedUser, "seed_users")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(name, setName, Hy::col::string({.nullable = false}))
    HY_COLUMN(deletedAt, setDeletedAt, Hy::col::datetime())

public:
    using Hy::Model::Model;

    static void hideDeleted(Hy::ModelQuery<SeedUser> &query) { query.whereNull("deleted_at"); }
    HY_HOOKS({.beforeFetch = &SeedUser::hideDeleted})
};

// Every hook, each recording its call in `log`: a tenant scope on reads and
// writes, the tenant filled in on inserts.
class Ticket : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Ticket, "tickets")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(title, setTitle, Hy::col::string({.nullable = false}))
    HY_COLUMN(tenant, setTenant, Hy::col::integer({.nullable = false}))

public:
    using Hy::Model::Model;

    static inline QStringList log;
    static inline int tenantScope = 0; // 0: every tenant
    static inline int currentTenant = 1;
    static inline bool recurse = false;

    static void reset()
    {
        log.clear();
        tenantScope = 0;
        currentTenant = 1;
        recurse = false;
    }

    static void scope(Hy::ModelQuery<Ticket> &query)
    {
        if (tenantScope != 0)
            query.where("tenant", tenantScope);
    }
    static void beforeFetch(Hy::ModelQuery<Ticket> &query)
    {
        log.append(QStringLiteral("beforeFetch"));
        if (recurse)
            query.count(); // runs beforeFetch again: refused
        scope(query);
    }
    static Hy::ModelList<Ticket> afterFetch(Hy::ModelList<Ticket> rows)
    {
        log.append(QStringLiteral("afterFetch"));
        return rows;
    }
    static void fill(Hy::Values<Ticket> &row)
    {
        if (row.value("title").toString() == QStringLiteral("forbidden"))
            throw Hy::Error(Hy::ErrorCode::OperationCancelled, QStringLiteral("forbidden title"));
        if (!row.contains("tenant"))
            row.set("tenant", currentTenant);
    }
    static void beforeInsert(Hy::Values<Ticket> &row)
    {
        log.append(QStringLiteral("beforeInsert"));
        fill(row);
    }
    static void beforeInsertMany(QList<Hy::Values<Ticket>> &rows)
    {
        log.append(QStringLiteral("beforeInsertMany"));
        rows.removeIf([](const Hy::Values<Ticket> &row) { return row.value("title").toString() == QStringLiteral("skip"); });
        for (Hy::Values<Ticket> &row : rows)
            fill(row);
    }
    static void beforeUpdate(Hy::ModelQuery<Ticket> &query)
    {
        log.append(QStringLiteral("beforeUpdate"));
        scope(query);
    }
    static void beforeDelete(Hy::ModelQuery<Ticket> &query)
    {
        log.append(QStringLiteral("beforeDelete"));
        scope(query);
    }
    HY_HOOKS({
        .beforeFetch = &Ticket::beforeFetch,
        .afterFetch = &Ticket::afterFetch,
        .beforeInsert = &Ticket::beforeInsert,
        .beforeInsertMany = &Ticket::beforeInsertMany,
        .beforeUpdate = &Ticket::beforeUpdate,
        .beforeDelete = &Ticket::beforeDelete,
    })
};

#endif // HYSTERIAQT_HOOKMODELS_H
