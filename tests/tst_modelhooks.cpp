// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "hookmodels.h"
#include "testdatabases.h"
#include "testmodels.h"

#include <HysteriaQt/Async>
#include <HysteriaQt/ModelNotifier>
#include <HysteriaQt/SqlDataSource>

#include <QtCore/QRegularExpression>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using Hy::ErrorCode;
using HyTest::rawCount;
using HyTest::statementsOf;

namespace {
template <typename M>
QStringList titles(const Hy::ModelList<M> &models)
{
    QStringList out;
    for (const auto &model : models)
        out.append(model->title());
    return out;
}

QVariantList ints(std::initializer_list<int> values)
{
    QVariantList out;
    for (int value : values)
        out.append(value);
    return out;
}

// Keys as the signals give them, in order.
QVariantList sortedKeys(QVariantList keys)
{
    std::sort(keys.begin(), keys.end(), [](const QVariant &a, const QVariant &b) { return a.toInt() < b.toInt(); });
    return keys;
}
} // namespace

// The seed's hooks (HY_HOOKS) and their signals (Hy::ModelNotifier), with
// the after-write signals, on every database.
class tst_ModelHooks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { HyTest::Databases::addRows(); }
    void init();

    void seedAuditedModel();
    void seedBeforeFetchByDatabaseName();
    void beforeFetchScopesReads();
    void insertHooks();
    void hooksCancel();
    void updateAndDeleteHooks();
    void ignoreHooks();
    void order();
    void recursionIsRefused();
    void signalsChangeTheQuery();
    void signalsChangeTheData();
    void afterFetchSignal();
    void hooksOnlyNarrow();
    void hooksRunInAsyncQueries();
    void afterWriteSignalsInATransaction();
    void afterWriteSlotsCannotFailAWrite();
    void updatedKeysAreTheNewOnes();
    void afterWriteSignals();
    void softDeleteSignals();

private:
    HyTest::Databases m_databases{QStringLiteral("tst_modelhooks")};
};

void tst_ModelHooks::init()
{
    HY_TEST_SOURCE(m_databases);
    Ticket::reset();
    sql.schema().dropTables<Audited, SeedUser, Ticket, Article>(Hy::SchemaBuilder::IfMissing::Skip);
    sql.schema().createTables<Audited, SeedUser, Ticket, Article>();
}

void tst_ModelHooks::seedAuditedModel()
{
    HY_TEST_SOURCE(m_databases);
    const auto alice = sql.from<Audited>().insert({{"name", "  Alice  "}});
    QCOMPARE(alice->name(), std::optional<QString>("Alice"));
    QCOMPARE(rawCount(sql, "audited_items", "name = 'Alice'"), 1);
    sql.from<Audited>().insertMany({{{"name", "DELETED"}}, {{"name", "Bob"}}});

    // afterFetch's result is what the caller gets.
    const auto rows = sql.from<Audited>().orderBy("id").many();
    QCOMPARE(rows.size(), 2u);
    QCOMPARE(rows[0]->name(), std::optional<QString>("Alice"));
    QCOMPARE(rows[1]->name(), std::optional<QString>("Bob"));
    QVERIFY(!sql.from<Audited>().where("name", "DELETED").one());
    // count() reads no rows, so afterFetch has none to drop.
    QCOMPARE(sql.from<Audited>().count(), 3);
    QCOMPARE(sql.from<Audited>().ignoreHooks(Hy::Hook::AfterFetch).many().size(), 3u);
    // insertMany runs beforeInsertMany, which Audited does not have: not beforeInsert.
    sql.from<Audited>().insertMany({{{"name", " Carol "}}});
    QCOMPARE(rawCount(sql, "audited_items", "name = ' Carol '"), 1);
}

void tst_ModelHooks::seedBeforeFetchByDatabaseName()
{
    HY_TEST_SOURCE(m_databases);
    sql.from<SeedUser>().insertMany({{{"name", "kept"}},
                                     {{"name", "gone"}, {"deletedAt", QDateTime::currentDateTimeUtc()}}});
    const auto users = sql.from<SeedUser>().many();
    QCOMPARE(users.size(), 1u);
    QCOMPARE(users[0]->name(), QStringLiteral("kept"));
    QCOMPARE(sql.from<SeedUser>().count(), 1);
    // Its deletedAt column gives it the soft-delete scope too; the hook
    // holds without it.
    QCOMPARE(sql.from<SeedUser>().withTrashed().count(), 1);
    QCOMPARE(sql.from<SeedUser>().withTrashed().ignoreHooks().count(), 2);
}

void tst_ModelHooks::beforeFetchScopesReads()
{
    HY_TEST_SOURCE(m_databases);
    sql.from<Ticket>().insertMany({{{"title", "a"}, {"tenant", 1}},
                                   {{"title", "b"}, {"tenant", 2}},
                                   {{"title", "c"}, {"tenant", 1}}});
    Ticket::tenantScope = 1;
    QCOMPARE(titles(sql.from<Ticket>().orderBy("title").many()), QStringList({"a", "c"}));
    QCOMPARE(sql.from<Ticket>().count(), 2);
    QVERIFY(!sql.from<Ticket>().where("title", "b").one());
    // The caller's conditions stay together: (title = a OR title = b) AND tenant = 1.
    QCOMPARE(titles(sql.from<Ticket>().where("title", "a").orWhere("title", "b").many()), QStringList({"a"}));
    const auto found = sql.from<Ticket>().find(2);
    QVERIFY(!found);
    if (sql.databaseType() == Hy::SqlDataSource::DatabaseType::SQLite) {
        QCOMPARE(sql.from<Ticket>().where("title", "a").orWhere("title", "b").toSql().count().front().sql,
                 QStringLiteral("SELECT COUNT(*) FROM `tickets` WHERE (`tickets`.`title` = ? OR "
                                "`tickets`.`title` = ?) AND `tickets`.`tenant` = ?"));
    }
}

void tst_ModelHooks::insertHooks()
{
    HY_TEST_SOURCE(m_databases);
    Ticket::currentTenant = 7;
    const auto one = sql.from<Ticket>().insert({{"title", "one"}});
    QCOMPARE(one->tenant(), 7);
    QCOMPARE(Ticket::log, QStringList({"beforeInsert"}));

    Ticket::log.clear();
    const auto many = sql.from<Ticket>().insertMany(
            {{{"title", "two"}}, {{"title", "skip"}}, {{"title", "three"}, {"tenant", 3}}});
    QCOMPARE(Ticket::log, QStringList({"beforeInsertMany"}));
    QCOMPARE(titles(many), QStringList({"two", "three"}));
    QCOMPARE(many[0]->tenant(), 7);
    QCOMPARE(many[1]->tenant(), 3);

    Ticket::log.clear();
    QCOMPARE(sql.from<Ticket>().bulkInsert({{{"title", "skip"}}, {{"title", "four"}}}), 1);
    QCOMPARE(Ticket::log, QStringList({"beforeInsertMany"}));
    QCOMPARE(rawCount(sql, "tickets"), 4);
    QCOMPARE(rawCount(sql, "tickets", "title = 'skip'"), 0);
    QCOMPARE(rawCount(sql, "tickets", "tenant = 7"), 3);

    // The statements shown are the ones the hooks make.
    const auto statements = sql.from<Ticket>().toSql().insert({{"title", "five"}});
    QVERIFY(statements.front().bindings.contains(7));
}

void tst_ModelHooks::hooksCancel()
{
    HY_TEST_SOURCE(m_databases);
    sql.from<Ticket>().insert({{"title", "kept"}});
    QStringList statements = statementsOf(sql, [&] {
        HY_EXPECT_ERROR(sql.from<Ticket>().insert({{"title", "forbidden"}}), ErrorCode::OperationCancelled);
    });
    QCOMPARE(statements, QStringList());
    // One refused row refuses them all.
    statements = statementsOf(sql, [&] {
        HY_EXPECT_ERROR(sql.from<Ticket>().insertMany({{{"title", "fine"}}, {{"title", "forbidden"}}}),
                        ErrorCode::OperationCancelled);
    });
    QCOMPARE(statements, QStringList());
    QCOMPARE(rawCount(sql, "tickets"), 1);

    // A slot refuses the same way.
    QObject context;
    connect(Hy::notifier<Ticket>(), &Hy::ModelNotifier::beforeDelete, &context,
            [](Hy::HookQuery &) { throw Hy::Error(ErrorCode::OperationCancelled, QStringLiteral("read-only")); },
            Qt::DirectConnection);
    statements = statementsOf(sql, [&] {
        HY_EXPECT_ERROR(sql.from<Ticket>().remove(), ErrorCode::OperationCancelled);
    });
    QCOMPARE(statements, QStringList());
    QCOMPARE(rawCount(sql, "tickets"), 1);
}

void tst_ModelHooks::updateAndDeleteHooks()
{
    HY_TEST_SOURCE(m_databases);
    sql.from<Ticket>().insertMany({{{"title", "a"}, {"tenant", 1}},
                                   {{"title", "b"}, {"tenant", 2}},
                                   {{"title", "c"}, {"tenant", 1}}});
    Ticket::tenantScope = 2;
    Ticket::log.clear();
    QCOMPARE(sql.from<Ticket>().update({{"title", "x"}}), 1);
    QCOMPARE(Ticket::log, QStringList({"beforeUpdate"}));
    QCOMPARE(rawCount(sql, "tickets", "title = 'x' AND tenant = 2"), 1);
    QCOMPARE(rawCount(sql, "tickets", "title = 'x'"), 1);

    Ticket::tenantScope = 1;
    Ticket::log.clear();
    QCOMPARE(sql.from<Ticket>().where("title", "a").remove(), 1);
    QCOMPARE(sql.from<Ticket>().where("title", "x").remove(), 0); // tenant 2's
    QCOMPARE(Ticket::log, QStringList({"beforeDelete", "beforeDelete"}));
    QCOMPARE(rawCount(sql, "tickets"), 2);
}

void tst_ModelHooks::ignoreHooks()
{
    HY_TEST_SOURCE(m_databases);
    sql.from<Ticket>().ignoreHooks().insertMany({{{"title", "skip"}, {"tenant", 1}}, {{"title", "b"}, {"tenant", 2}}});
    QCOMPARE(Ticket::log, QStringList());
    QCOMPARE(rawCount(sql, "tickets"), 2);

    Ticket::tenantScope = 1;
    QCOMPARE(sql.from<Ticket>().ignoreHooks(Hy::Hook::BeforeFetch).count(), 2);
    QCOMPARE(Ticket::log, QStringList());
    QCOMPARE(sql.from<Ticket>().ignoreHooks(Hy::Hook::AfterFetch).many().size(), 1u);
    QCOMPARE(Ticket::log, QStringList({"beforeFetch"}));
    Ticket::log.clear();
    QCOMPARE(sql.from<Ticket>().ignoreHooks({Hy::Hook::BeforeUpdate}).update({{"title", "z"}}), 2);
    QCOMPARE(sql.from<Ticket>().ignoreHooks(Hy::Hook::BeforeDelete).remove(), 2);
    QCOMPARE(Ticket::log, QStringList());
    QCOMPARE(rawCount(sql, "tickets"), 0);
}

void tst_ModelHooks::order()
{
    HY_TEST_SOURCE(m_databases);
    sql.from<Ticket>().insert({{"title", "a"}});
    QObject context;
    Hy::ModelNotifier *notifier = Hy::notifier<Ticket>();
    connect(notifier, &Hy::ModelNotifier::beforeFetch, &context,
            [](Hy::HookQuery &) { Ticket::log.append(QStringLiteral("beforeFetch signal")); }, Qt::DirectConnection);
    connect(notifier, &Hy::ModelNotifier::afterFetch, &context,
            [](QList<Hy::Model *> &) { Ticket::log.append(QStringLiteral("afterFetch signal")); },
            Qt::DirectConnection);
    Ticket::log.clear();
    QCOMPARE(sql.from<Ticket>().many().size(), 1u);
    QCOMPARE(Ticket::log, QStringList({"beforeFetch", "beforeFetch signal", "afterFetch", "afterFetch signal"}));
}

void tst_ModelHooks::recursionIsRefused()
{
    HY_TEST_SOURCE(m_databases);
    Ticket::recurse = true;
    const QStringList statements = statementsOf(sql, [&] {
        HY_EXPECT_ERROR(sql.from<Ticket>().many(), ErrorCode::InvalidQuery);
    });
    QCOMPARE(statements, QStringList());
    Ticket::recurse = false;
    QCOMPARE(sql.from<Ticket>().many().size(), 0u); // the guard is released
}

void tst_ModelHooks::signalsChangeTheQuery()
{
    HY_TEST_SOURCE(m_databases);
    sql.from<Ticket>().insertMany({{{"title", "a"}, {"tenant", 1}}, {{"title", "b"}, {"tenant", 2}}});
    QObject context;
    Hy::ModelNotifier *notifier = Hy::notifier<Ticket>();
    QCOMPARE(notifier->modelInfo().tableName(), QStringLiteral("tickets"));
    connect(notifier, &Hy::ModelNotifier::beforeFetch, &context,
            [](Hy::HookQuery &query) {
                QCOMPARE(query.modelInfo().tableName(), QStringLiteral("tickets"));
                query.where("tenant", 2);
            },
            Qt::DirectConnection);
    QCOMPARE(titles(sql.from<Ticket>().many()), QStringList({"b"}));
    QCOMPARE(sql.from<Ticket>().count(), 1);
    QCOMPARE(sql.from<Ticket>().ignoreHooks().count(), 2);

    // Updates and deletes.
    connect(notifier, &Hy::ModelNotifier::beforeUpdate, &context,
            [](Hy::HookQuery &query) { query.where("title", "a"); }, Qt::DirectConnection);
    QCOMPARE(sql.from<Ticket>().update({{"tenant", 5}}), 1);
    QCOMPARE(rawCount(sql, "tickets", "tenant = 5 AND title = 'a'"), 1);

    // A column the model does not have: nothing is sent.
    connect(notifier, &Hy::ModelNotifier::beforeDelete, &context,
            [](Hy::HookQuery &query) { query.whereNull("nope"); }, Qt::DirectConnection);
    const QStringList statements = statementsOf(sql, [&] {
        HY_EXPECT_ERROR(sql.from<Ticket>().remove(), ErrorCode::UnknownColumn);
    });
    QCOMPARE(statements, QStringList());
    QCOMPARE(rawCount(sql, "tickets"), 2);
}

void tst_ModelHooks::signalsChangeTheData()
{
    HY_TEST_SOURCE(m_databases);
    QObject context;
    Hy::ModelNotifier *notifier = Hy::notifier<Ticket>();
    connect(notifier, &Hy::ModelNotifier::beforeInsert, &context,
            [](QVariantMap &values) { values.insert(QStringLiteral("title"), values.value("title").toString().toUpper()); },
            Qt::DirectConnection);
    connect(notifier, &Hy::ModelNotifier::beforeInsertMany, &context,
            [](QList<QVariantMap> &rows) {
                QCOMPARE(rows.size(), 2); // after the callback dropped "skip"
                rows.removeFirst();
            },
            Qt::DirectConnection);
    // The callback runs first: it filled the tenant in.
    const auto one = sql.from<Ticket>().insert({{"title", "shout"}});
    QCOMPARE(one->title(), QStringLiteral("SHOUT"));
    QCOMPARE(one->tenant(), 1);
    const auto many = sql.from<Ticket>().insertMany({{{"title", "x"}}, {{"title", "skip"}}, {{"title", "y"}}});
    QCOMPARE(titles(many), QStringList({"y"}));
    QCOMPARE(rawCount(sql, "tickets"), 2);

    // A key that names no column: UNKNOWN_COLUMN, nothing written.
    connect(notifier, &Hy::ModelNotifier::beforeInsert, &context,
            [](QVariantMap &values) { values.insert(QStringLiteral("nope"), 1); }, Qt::DirectConnection);
    const QStringList statements = statementsOf(sql, [&] {
        HY_EXPECT_ERROR(sql.from<Ticket>().insert({{"title", "z"}}), ErrorCode::UnknownColumn);
    });
    QCOMPARE(statements, QStringList());
    QCOMPARE(rawCount(sql, "tickets"), 2);
}

void tst_ModelHooks::afterFetchSignal()
{
    HY_TEST_SOURCE(m_databases);
    sql.from<Ticket>().insertMany({{{"title", "a"}}, {{"title", "b"}}, {{"title", "c"}}});
    {
        QObject context;
        connect(Hy::notifier<Ticket>(), &Hy::ModelNotifier::afterFetch, &context,
                [](QList<Hy::Model *> &models) {
                    models.removeFirst();
                    std::reverse(models.begin(), models.end());
                },
                Qt::DirectConnection);
        QCOMPARE(titles(sql.from<Ticket>().orderBy("title").many()), QStringList({"c", "b"}));
    }
    {
        QObject context;
        Ticket stranger;
        connect(Hy::notifier<Ticket>(), &Hy::ModelNotifier::afterFetch, &context,
                [&](QList<Hy::Model *> &models) { models.append(&stranger); }, Qt::DirectConnection);
        HY_EXPECT_ERROR(sql.from<Ticket>().many(), ErrorCode::InvalidValue);
    }
    QCOMPARE(sql.from<Ticket>().many().size(), 3u); // the context's end disconnected the slot
}

void tst_ModelHooks::hooksOnlyNarrow()
{
    HY_TEST_SOURCE(m_databases);
    sql.from<Ticket>().insertMany({{{"title", "a"}, {"tenant", 1}},
                                   {{"title", "b"}, {"tenant", 2}},
                                   {{"title", "c"}, {"tenant", 1}}});
    Ticket::tenantScope = 1;
    QObject context;
    // A slot's orWhere joins its own conditions only: it cannot undo the callback's scope.
    connect(Hy::notifier<Ticket>(), &Hy::ModelNotifier::beforeFetch, &context,
            [](Hy::HookQuery &query) { query.where("title", "a").orWhere("title", "b"); }, Qt::DirectConnection);
    QCOMPARE(titles(sql.from<Ticket>().many()), QStringList({"a"}));
    QCOMPARE(titles(sql.from<Ticket>().where("title", "c").orWhere("title", "a").many()), QStringList({"a"}));
    if (sql.databaseType() == Hy::SqlDataSource::DatabaseType::SQLite) {
        QCOMPARE(sql.from<Ticket>().where("title", "c").orWhere("title", "a").toSql().count().front().sql,
                 QStringLiteral("SELECT COUNT(*) FROM `tickets` WHERE (`tickets`.`title` = ? OR `tickets`.`title` = ?) "
                                "AND `tickets`.`tenant` = ? AND (`tickets`.`title` = ? OR `tickets`.`title` = ?)"));
    }

    // A slot names columns by database name too.
    sql.from<SeedUser>().insertMany({{{"name", "kept"}}, {{"name", "gone"}, {"deletedAt", QDateTime::currentDateTimeUtc()}}});
    connect(Hy::notifier<SeedUser>(), &Hy::ModelNotifier::beforeFetch, &context,
            [](Hy::HookQuery &query) { query.whereNotNull("deleted_at"); }, Qt::DirectConnection);
    QCOMPARE(sql.from<SeedUser>().withTrashed().count(), 0); // the callback's IS NULL and the slot's IS NOT NULL
    QCOMPARE(sql.from<SeedUser>().withTrashed().ignoreHooks().count(), 2);
}

void tst_ModelHooks::hooksRunInAsyncQueries()
{
    HY_TEST_SOURCE(m_databases);
    sql.from<Ticket>().insertMany({{{"title", "a"}, {"tenant", 1}}, {{"title", "b"}, {"tenant", 2}}});
    Ticket::tenantScope = 2;
    QObject context;
    QAtomicInt slotCalls = 0;
    // Directly connected: the slot runs in the worker thread, during the query.
    connect(Hy::notifier<Ticket>(), &Hy::ModelNotifier::beforeFetch, &context,
            [&](Hy::HookQuery &query) {
                slotCalls.ref();
                query.whereNotNull("title");
            },
            Qt::DirectConnection);
    auto future = sql.async([](Hy::SqlDataSource &source) { return source.from<Ticket>().many(); });
    future.waitForFinished();
    const auto tickets = future.takeResult();
    QCOMPARE(titles(tickets), QStringList({"b"}));
    QCOMPARE(slotCalls.loadRelaxed(), 1);
}

void tst_ModelHooks::afterWriteSignalsInATransaction()
{
    HY_TEST_SOURCE(m_databases);
    QSignalSpy updated(Hy::notifier<Ticket>(), &Hy::ModelNotifier::updated);
    QSignalSpy deleted(Hy::notifier<Ticket>(), &Hy::ModelNotifier::deleted);
    sql.transaction([&](Hy::Transaction &trx) {
        const auto rows = trx.from<Ticket>().insertMany({{{"title", "a"}}, {{"title", "b"}}, {{"title", "c"}}});
        QCOMPARE(trx.from<Ticket>().where("title", "!=", "c").update({{"tenant", 4}}), 2);
        QCOMPARE(sortedKeys(updated.front().at(0).toList()), (QVariantList{rows[0]->id(), rows[1]->id()}));
        QCOMPARE(trx.from<Ticket>().where("title", "c").remove(), 1);
        QCOMPARE(deleted.front().at(0).toList(), QVariantList{rows[2]->id()});
    });
    QCOMPARE(rawCount(sql, "tickets", "tenant = 4"), 2);
    QCOMPARE(rawCount(sql, "tickets"), 2);
}

void tst_ModelHooks::afterWriteSlotsCannotFailAWrite()
{
    HY_TEST_SOURCE(m_databases);
    sql.from<Ticket>().insert({{"title", "a"}});
    QObject context;
    connect(Hy::notifier<Ticket>(), &Hy::ModelNotifier::updated, &context,
            [](const QVariantList &, const QStringList &) { throw std::runtime_error("listener failed"); },
            Qt::DirectConnection);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("updated signal of \"tickets\" threw.*listener failed")));
    QCOMPARE(sql.from<Ticket>().update({{"title", "b"}}), 1); // done, and said so
    QCOMPARE(rawCount(sql, "tickets", "title = 'b'"), 1);
}

void tst_ModelHooks::updatedKeysAreTheNewOnes()
{
    HY_TEST_SOURCE(m_databases);
    const auto row = sql.from<Ticket>().insert({{"title", "a"}});
    QSignalSpy updated(Hy::notifier<Ticket>(), &Hy::ModelNotifier::updated);
    QCOMPARE(sql.from<Ticket>().where("id", row->id()).update({{"id", 100}}), 1);
    QCOMPARE(updated.front().at(0).toList(), QVariantList{100});
    QCOMPARE(updated.front().at(1).toStringList(), QStringList({"id"}));
}

void tst_ModelHooks::afterWriteSignals()
{
    HY_TEST_SOURCE(m_databases);
    Hy::ModelNotifier *notifier = Hy::notifier<Ticket>();
    QSignalSpy inserted(notifier, &Hy::ModelNotifier::inserted);
    QSignalSpy updated(notifier, &Hy::ModelNotifier::updated);
    QSignalSpy deleted(notifier, &Hy::ModelNotifier::deleted);

    const auto one = sql.from<Ticket>().insert({{"title", "a"}, {"tenant", 1}});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.takeFirst().at(0).toList(), QVariantList{one->id()});
    const auto many = sql.from<Ticket>().insertMany({{{"title", "b"}, {"tenant", 2}}, {{"title", "c"}, {"tenant", 2}}});
    QCOMPARE(inserted.takeFirst().at(0).toList(), (QVariantList{many[0]->id(), many[1]->id()}));
    sql.from<Ticket>().bulkInsert({{{"title", "d"}, {"tenant", 3}}});
    QCOMPARE(inserted.takeFirst().at(0).toList(), QVariantList()); // not read back: unknown

    QCOMPARE(sql.from<Ticket>().where("tenant", 2).update({{"title", "z"}}), 2);
    QCOMPARE(updated.size(), 1);
    QList<QVariant> arguments = updated.takeFirst();
    QCOMPARE(sortedKeys(arguments.at(0).toList()), (QVariantList{many[0]->id(), many[1]->id()}));
    QCOMPARE(arguments.at(1).toStringList(), QStringList({"title"}));
    // No row matched: no signal (an empty list would mean keys not known).
    QCOMPARE(sql.from<Ticket>().where("tenant", 9).update({{"title", "q"}}), 0);
    QCOMPARE(sql.from<Ticket>().where("tenant", 9).remove(), 0);
    QCOMPARE(updated.size() + deleted.size(), 0);

    QCOMPARE(sql.from<Ticket>().where("tenant", 1).orWhere("tenant", 3).remove(), 2);
    QCOMPARE(deleted.size(), 1);
    QCOMPARE(sortedKeys(deleted.takeFirst().at(0).toList()), ints({one->id(), one->id() + 3}));
    QCOMPARE(rawCount(sql, "tickets"), 2);
    QCOMPARE(inserted.size() + updated.size() + deleted.size(), 0);
}

void tst_ModelHooks::softDeleteSignals()
{
    HY_TEST_SOURCE(m_databases);
    const auto rows = sql.from<Article>().insertMany({{{"title", "a"}}, {{"title", "b"}}});
    QSignalSpy updated(Hy::notifier<Article>(), &Hy::ModelNotifier::updated);
    QCOMPARE(sql.from<Article>().softDelete(rows[1]->id()), 1);
    QCOMPARE(updated.size(), 1);
    QCOMPARE(updated.front().at(0).toList(), QVariantList{rows[1]->id()});
    // The columns written: autoUpdate's and the soft-delete column.
    QCOMPARE(updated.front().at(1).toStringList(), QStringList({"updatedAt", "deletedAt"}));
    updated.clear();
    QCOMPARE(sql.from<Article>().restore(), 1);
    QCOMPARE(updated.front().at(0).toList(), QVariantList{rows[1]->id()});
}

QTEST_GUILESS_MAIN(tst_ModelHooks)
#include "tst_modelhooks.moc"
