// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "testdatabases.h"
#include "testschema.h"

#include <HysteriaQt/ModelNotifier>
#include <HysteriaQt/SqlDataSource>
#include <HysteriaQt/Transaction>

#include <QtTest/QTest>

using Hy::ErrorCode;
using HyTest::rawCount;
using HyTest::statementsOf;

namespace {
QStringList titlesOf(const Hy::ModelList<Post> &posts)
{
    QStringList titles;
    for (const auto &post : posts)
        titles.append(post->title().value_or(QStringLiteral("<null>")));
    return titles;
}

// The address ids linked to user `user`, one per link row, in order.
QList<int> linksOf(Hy::SqlDataSource &sql, int user)
{
    QList<int> ids;
    for (const auto &link : sql.from<UserAddress>().where("userId", user).orderBy("addressId").many())
        ids.append(link->addressId());
    return ids;
}
} // namespace

// A relation's query (relatedQuery<"posts">(user)) and the link writes of a
// manyToMany (attach, detach, sync), on every database.
class tst_RelationWrites : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { HyTest::Databases::addRows(); }
    void initTestCase() { Hy::createSchema<User, Post, Address, UserAddress, Category, Comment, Review, Follow>(); }
    void init();

    void hasManyQuery();
    void insertThroughParent();
    void belongsToAndHasOneQueries();
    void manyToManyQuery();
    void attachAndDetach();
    void sync();
    void softDeletedLinks();
    void hooksOfTheRowsWritten();
    void badInput();
    void badKeysBeforeAnySql_data();
    void badKeysBeforeAnySql();

private:
    void seed(Hy::SqlDataSource &sql);
    std::unique_ptr<User> user(Hy::SqlDataSource &sql, int id) { return sql.from<User>().find(id); }

    HyTest::Databases m_databases{QStringLiteral("tst_relationwrites")};
};

void tst_RelationWrites::init()
{
    HY_TEST_SOURCE(m_databases);
    sql.schema().dropTables<User, Post, Address, UserAddress, Category, Comment, Review, Follow>(
            Hy::SchemaBuilder::IfMissing::Skip);
    sql.schema().createTables<User, Post, Address, UserAddress, Category, Comment, Review, Follow>();
}

void tst_RelationWrites::seed(Hy::SqlDataSource &sql)
{
    // Users 1 Alice (posts a, b), 2 Bob (none), 3 Carol (post c); addresses
    // 1 Oslo, 2 Bergen, 3 Paris; Alice lives at 1 and 2 (2 linked twice).
    sql.from<User>().insertMany({{{"name", "Alice"}, {"email", "alice@example.com"}},
                                 {{"name", "Bob"}, {"email", "bob@example.com"}},
                                 {{"name", "Carol"}, {"email", "carol@example.com"}}});
    sql.from<Post>().insertMany({{{"title", "a"}, {"userId", 1}},
                                 {{"title", "c"}, {"userId", 3}},
                                 {{"title", "b"}, {"userId", 1}}});
    sql.from<Address>().insertMany({{{"city", "Oslo"}}, {{"city", "Bergen"}}, {{"city", "Paris"}}});
    sql.from<UserAddress>().insertMany({{{"userId", 1}, {"addressId", 1}},
                                        {{"userId", 1}, {"addressId", 2}},
                                        {{"userId", 1}, {"addressId", 2}}});
}

void tst_RelationWrites::hasManyQuery()
{
    HY_TEST_SOURCE(m_databases);
    seed(sql);
    const auto alice = user(sql, 1);
    const auto posts = sql.from<User>().relatedQuery<"posts">(*alice);
    QCOMPARE(titlesOf(Hy::ModelQuery<Post>(posts).orderBy("title").many()), (QStringList{"a", "b"}));
    // The user's OR stays inside the parent's scope: Carol's "c" is not hers.
    QCOMPARE(titlesOf(sql.from<User>().relatedQuery<"posts">(*alice).where("title", "a").orWhere("title", "c").many()),
             QStringList{"a"});
    QCOMPARE(posts.count(), 2);
    // update() and remove() reach her posts only.
    QCOMPARE(posts.update({{"body", "edited"}}), 2);
    QCOMPARE(rawCount(sql, "posts", "body = 'edited'"), 2);
    QCOMPARE(rawCount(sql, "posts", "body = 'edited' AND user_id = 1"), 2);
    QCOMPARE(sql.from<User>().relatedQuery<"posts">(*alice).where("title", "b").remove(), 1);
    QCOMPARE(rawCount(sql, "posts"), 2);
    // Bob has none.
    QCOMPARE(sql.from<User>().relatedQuery<"posts">(*user(sql, 2)).many().size(), 0u);
}

void tst_RelationWrites::insertThroughParent()
{
    HY_TEST_SOURCE(m_databases);
    seed(sql);
    const auto bob = user(sql, 2);
    const auto posts = sql.from<User>().relatedQuery<"posts">(*bob);
    // The foreign key is the parent's.
    const auto post = posts.insert({{"title", "first"}});
    QCOMPARE(post->userId(), std::optional<int>(2));
    QCOMPARE(rawCount(sql, "posts", "title = 'first' AND user_id = 2"), 1);
    const auto more = posts.insertMany({{{"title", "second"}}, {{"title", "third"}, {"userId", 2}}});
    QCOMPARE(more.size(), 2u);
    QCOMPARE(more[1]->userId(), std::optional<int>(2));
    QCOMPARE(posts.bulkInsert({{{"title", "fourth"}}}), 1);
    QCOMPARE(rawCount(sql, "posts", "user_id = 2"), 4);
    // A model's changed columns, and the statement shown without running.
    Post draft;
    draft.setTitle(QStringLiteral("draft"));
    QCOMPARE(posts.insert(draft)->userId(), std::optional<int>(2));
    const Hy::SqlStatement shown = posts.toSql().insert({{"title", "shown"}}).front();
    QVERIFY2(shown.bindings.contains(2), qPrintable(shown.sql));
    QCOMPARE(rawCount(sql, "posts", "title = 'shown'"), 0);
    // And the loaded relation agrees.
    const auto loaded = sql.from<User>().load("posts").where("id", 2).one();
    QCOMPARE(Hy::related<"posts">(*loaded).size(), 5);
}

void tst_RelationWrites::belongsToAndHasOneQueries()
{
    HY_TEST_SOURCE(m_databases);
    seed(sql);
    const auto post = sql.from<Post>().where("title", "c").one();
    QCOMPARE(sql.from<Post>().relatedQuery<"user">(*post).one()->name(), std::optional<QString>("Carol"));
    // A belongsTo does not insert: nothing is written.
    const QStringList statements = statementsOf(sql, [&] {
        HY_EXPECT_ERROR(sql.from<Post>().relatedQuery<"user">(*post).insert({{"email", "x@example.com"}}),
                        ErrorCode::InvalidQuery);
    });
    QCOMPARE(statements, QStringList());
    QCOMPARE(rawCount(sql, "users"), 3);

    // hasOne: the same key, the first row.
    const auto carol = user(sql, 3);
    QCOMPARE(sql.from<User>().relatedQuery<"post">(*carol).one()->title(), std::optional<QString>("c"));
    QCOMPARE(sql.from<User>().relatedQuery<"post">(*user(sql, 2)).insert({{"title", "bob's"}})->userId(),
             std::optional<int>(2));

    // Key columns not called id, in PascalCase: a post's comments.
    const auto comment = sql.from<Post>().relatedQuery<"comments">(*post).insert({{"body", "hello"}});
    QCOMPARE(comment->postId(), post->id());
    QCOMPARE(sql.from<Comment>().where("postId", post->id()).count(), 1);
}

void tst_RelationWrites::manyToManyQuery()
{
    HY_TEST_SOURCE(m_databases);
    seed(sql);
    const auto alice = user(sql, 1);
    const auto addresses = sql.from<User>().relatedQuery<"addresses">(*alice);
    QStringList cities;
    for (const auto &address : Hy::ModelQuery<Address>(addresses).orderBy("city").many())
        cities.append(address->city().value_or(QString()));
    QCOMPARE(cities, (QStringList{"Bergen", "Oslo"})); // each once, though 2 is linked twice
    QCOMPARE(addresses.count(), 2);

    // insert() writes the address and its link row, in one transaction.
    const auto rome = addresses.insert({{"city", "Rome"}});
    QCOMPARE(rawCount(sql, "user_addresses", QStringLiteral("user_id = 1 AND address_id = %1").arg(rome->id())), 1);
    QCOMPARE(addresses.insertMany({{{"city", "Lima"}}, {{"city", "Kyiv"}}}).size(), 2u);
    QCOMPARE(addresses.count(), 5);
    QCOMPARE(rawCount(sql, "addresses"), 6);

    // When the link cannot be written, the address is not left behind.
    {
        QObject context;
        connect(Hy::notifier<UserAddress>(), &Hy::ModelNotifier::beforeInsertMany, &context,
                [](QList<QVariantMap> &) { throw Hy::Error(ErrorCode::OperationCancelled, QStringLiteral("no more links")); }, Qt::DirectConnection);
        HY_EXPECT_ERROR(addresses.insert({{"city", "Nowhere"}}), ErrorCode::OperationCancelled);
    }
    QCOMPARE(rawCount(sql, "addresses"), 6);
    QCOMPARE(rawCount(sql, "addresses", "city = 'Nowhere'"), 0);

    // update() through the scope reaches the linked rows only.
    QCOMPARE(sql.from<Address>().relatedQuery<"users">(*sql.from<Address>().find(3)).update({{"name", "x"}}), 0);
    QCOMPARE(Hy::ModelQuery<Address>(addresses).where("city", "Oslo").update({{"street", "Main"}}), 1);
    QCOMPARE(rawCount(sql, "addresses", "street = 'Main'"), 1);
}

void tst_RelationWrites::attachAndDetach()
{
    HY_TEST_SOURCE(m_databases);
    seed(sql);
    const auto alice = user(sql, 1);
    const auto bob = user(sql, 2);
    // Only what is not linked yet: 2 is, 3 is not, and 3 twice is once.
    QCOMPARE(sql.from<User>().attach("addresses", *alice, {2, 3, 3}), 1);
    QCOMPARE(linksOf(sql, 1), (QList<int>{1, 2, 2, 3}));
    // Keys in another form, and target models.
    QCOMPARE(sql.from<User>().attach("addresses", *bob, {"3"}), 1);
    const auto all = sql.from<Address>().orderBy("id").many();
    QCOMPARE(sql.from<User>().attach("addresses", *bob, all), 2);
    QCOMPARE(linksOf(sql, 2), (QList<int>{1, 2, 3}));
    QCOMPARE(sql.from<User>().attach("addresses", *bob, {}), 0);

    // detach() removes every link row of those keys, and only the parent's.
    QCOMPARE(sql.from<User>().detach("addresses", *alice, {2, 9}), 2);
    QCOMPARE(linksOf(sql, 1), (QList<int>{1, 3}));
    QCOMPARE(linksOf(sql, 2), (QList<int>{1, 2, 3}));
    QList<const Address *> some{all[0].get()};
    QCOMPARE(sql.from<User>().detach("addresses", *bob, some), 1);
    QCOMPARE(sql.from<User>().detach("addresses", *bob), 2); // all of them
    QCOMPARE(linksOf(sql, 2), QList<int>());
    QCOMPARE(linksOf(sql, 1), (QList<int>{1, 3}));
    // From the other side, by a run-time name.
    QCOMPARE(sql.from<Address>().attach(QStringLiteral("users"), *all[1], {2}), 1);
    QCOMPARE(linksOf(sql, 2), QList<int>{2});

    // Inside the application's transaction: undone with it.
    {
        Hy::Transaction transaction = sql.beginTransaction();
        sql.from<User>().attach("addresses", *bob, {1});
        sql.from<User>().detach("addresses", *alice);
        transaction.rollback();
    }
    QCOMPARE(linksOf(sql, 1), (QList<int>{1, 3}));
    QCOMPARE(linksOf(sql, 2), QList<int>{2});
}

void tst_RelationWrites::sync()
{
    HY_TEST_SOURCE(m_databases);
    seed(sql);
    const auto alice = user(sql, 1);
    // Exactly 2 and 3: 1 goes, 3 comes, 2 stays (both of its rows).
    Hy::SyncResult result = sql.from<User>().sync("addresses", *alice, {3, 2});
    QCOMPARE(result.attached, QVariantList{3});
    QCOMPARE(result.detached, QVariantList{1});
    QCOMPARE(linksOf(sql, 1), (QList<int>{2, 2, 3}));
    // Again: nothing to do, and no write.
    QStringList statements = statementsOf(sql, [&] { result = sql.from<User>().sync("addresses", *alice, {2, 3}); });
    QCOMPARE(result.attached, QVariantList());
    QCOMPARE(result.detached, QVariantList());
    QVERIFY(!statements.isEmpty()); // it read the links
    for (const QString &statement : std::as_const(statements)) {
        QVERIFY2(!statement.startsWith("INSERT") && !statement.startsWith("DELETE"), qPrintable(statement));
    }
    // To none, and from none.
    result = sql.from<User>().sync("addresses", *alice, {});
    QCOMPARE(result.detached.size(), 2);
    QCOMPARE(linksOf(sql, 1), QList<int>());
    const auto addresses = sql.from<Address>().where("city", "!=", "Paris").many();
    result = sql.from<User>().sync("addresses", *alice, addresses);
    QCOMPARE(result.attached.size(), 2);
    QCOMPARE(linksOf(sql, 1), (QList<int>{1, 2}));
    QCOMPARE(rawCount(sql, "user_addresses"), 2);
}

void tst_RelationWrites::softDeletedLinks()
{
    HY_TEST_SOURCE(m_databases);
    seed(sql);
    // Alice follows Bob and Carol; the link to Bob is then deleted softly.
    const auto alice = user(sql, 1);
    QCOMPARE(sql.from<User>().attach("follows", *alice, {2, 3}), 2);
    QCOMPARE(sql.from<Follow>().where("followedId", 2).softDelete(), 1);
    auto names = [](const QList<User *> &users) {
        QStringList out;
        for (const User *user : users)
            out.append(user->name().value_or(QString()));
        return out;
    };
    // A deleted link is no link: not loaded, not counted, not in the relation's query.
    QCOMPARE(names(Hy::related<"follows">(*sql.from<User>().load("follows").where("id", 1).one())), QStringList{"Carol"});
    QCOMPARE(sql.from<User>().havingRelated("follows", "=", 1).count(), 1);
    QCOMPARE(sql.from<User>().havingRelated("follows", [](Hy::ModelQuery<User> &q) { q.where("name", "Bob"); }).count(), 0);
    QCOMPARE(sql.from<User>().relatedQuery<"follows">(*alice).count(), 1);
    // sync() links Bob again with a row of its own, and leaves the deleted one.
    const Hy::SyncResult result = sql.from<User>().sync("follows", *alice, {2, 3});
    QCOMPARE(result.attached, QVariantList{2});
    QCOMPARE(result.detached, QVariantList());
    QCOMPARE(rawCount(sql, "follows", "followed_id = 2"), 2);
    QCOMPARE(sql.from<User>().relatedQuery<"follows">(*alice).count(), 2);
}

void tst_RelationWrites::hooksOfTheRowsWritten()
{
    HY_TEST_SOURCE(m_databases);
    seed(sql);
    const auto bob = user(sql, 2);
    {
        // A hook that adds a row: it gets the parent's key too.
        QObject context;
        connect(Hy::notifier<Post>(), &Hy::ModelNotifier::beforeInsertMany, &context,
                [](QList<QVariantMap> &rows) { rows.append({{"title", "added"}}); }, Qt::DirectConnection);
        QCOMPARE(sql.from<User>().relatedQuery<"posts">(*bob).insertMany({{{"title", "given"}}}).size(), 2u);
    }
    QCOMPARE(rawCount(sql, "posts", "user_id = 2"), 2);
    QCOMPARE(rawCount(sql, "posts", "title = 'added' AND user_id = 2"), 1);
    {
        // A hook that moves the row to another parent is refused, and nothing is written.
        QObject context;
        connect(Hy::notifier<Post>(), &Hy::ModelNotifier::beforeInsert, &context,
                [](QVariantMap &row) { row.insert("userId", 3); }, Qt::DirectConnection);
        HY_EXPECT_ERROR(sql.from<User>().relatedQuery<"posts">(*bob).insert({{"title", "moved"}}), ErrorCode::InvalidValue);
    }
    QCOMPARE(rawCount(sql, "posts", "title = 'moved'"), 0);
    {
        // The target's hook that cancels: no SQL at all, not even a transaction.
        QObject context;
        connect(Hy::notifier<Address>(), &Hy::ModelNotifier::beforeInsert, &context,
                [](QVariantMap &) { throw Hy::Error(ErrorCode::OperationCancelled, QStringLiteral("no")); },
                Qt::DirectConnection);
        const QStringList statements = statementsOf(sql, [&] {
            HY_EXPECT_ERROR(sql.from<User>().relatedQuery<"addresses">(*bob).insert({{"city", "Nowhere"}}),
                            ErrorCode::OperationCancelled);
        });
        QCOMPARE(statements, QStringList());
    }
    // The link model's beforeFetch applies to the links a load joins.
    {
        QObject context;
        connect(Hy::notifier<UserAddress>(), &Hy::ModelNotifier::beforeFetch, &context,
                [](Hy::HookQuery &q) { q.where("addressId", "!=", 2); }, Qt::DirectConnection);
        const auto alice = sql.from<User>().load("addresses").where("id", 1).one();
        QCOMPARE(Hy::related<"addresses">(*alice).size(), 1);
        QCOMPARE(Hy::related<"addresses">(*alice).front()->city(), std::optional<QString>("Oslo"));
    }
    // The target's afterFetch sees each target once, and what it drops is not loaded.
    {
        QObject context;
        int seen = 0;
        connect(Hy::notifier<Address>(), &Hy::ModelNotifier::afterFetch, &context,
                [&](QList<Hy::Model *> &models) {
                    seen += int(models.size());
                    models.removeIf([](Hy::Model *model) { return static_cast<Address *>(model)->city() == QStringLiteral("Oslo"); });
                },
                Qt::DirectConnection);
        sql.from<UserAddress>().insert({{"userId", 3}, {"addressId", 2}});
        const auto users = sql.from<User>().load("addresses").orderBy("id").many();
        QCOMPARE(seen, 2); // Oslo and Bergen, once each: Bergen has three link rows
        QCOMPARE(Hy::related<"addresses">(*users[0]).size(), 1);
        QCOMPARE(Hy::related<"addresses">(*users[0]).front(), Hy::related<"addresses">(*users[2]).front()); // shared
    }
}

void tst_RelationWrites::badInput()
{
    HY_TEST_SOURCE(m_databases);
    seed(sql);
    const auto alice = user(sql, 1);
    User unsaved; // no key
    const QStringList statements = statementsOf(sql, [&] {
        HY_EXPECT_ERROR(sql.from<User>().attach(QStringLiteral("posts"), *alice, {1}), ErrorCode::RelationNotManyToMany);
        HY_EXPECT_ERROR(sql.from<User>().sync(QStringLiteral("friends"), *alice, {1}), ErrorCode::UnknownRelation);
        HY_EXPECT_ERROR(sql.from<User>().attach("addresses", *alice, {1, nullptr}), ErrorCode::InvalidValue);
        HY_EXPECT_ERROR(sql.from<User>().sync("addresses", unsaved, {1}), ErrorCode::InvalidValue);
        HY_EXPECT_ERROR(sql.from<User>().relatedQuery<"posts">(unsaved).many(), ErrorCode::InvalidValue);
        // A row given another parent's key.
        HY_EXPECT_REFUSED(sql.from<User>().relatedQuery<"posts">(*alice).insert({{"title", "x"}, {"userId", 3}}),
                          ErrorCode::InvalidValue, "userId");
        HY_EXPECT_ERROR(sql.from<User>().relatedQuery<"posts">(*alice).insertMany({{{"title", "y"}}, {{"title", "z"}, {"userId", 2}}}),
                        ErrorCode::InvalidValue);
    });
    QCOMPARE(statements, QStringList());
    QCOMPARE(rawCount(sql, "posts"), 3);
    QCOMPARE(rawCount(sql, "user_addresses"), 3);
    // A parent read without its key cannot name its rows.
    const auto nameOnly = sql.from<User>().select({"name"}).where("id", 1).one();
    HY_EXPECT_ERROR(sql.from<User>().relatedQuery<"posts">(*nameOnly).many(), ErrorCode::InvalidValue);
    // Target models of another class, or without a key read or set.
    Address unsavedAddress;
    unsavedAddress.setCity(QStringLiteral("X"));
    HY_EXPECT_ERROR(sql.from<User>().attach("addresses", *alice, QList<const Address *>{&unsavedAddress}),
                    ErrorCode::InvalidValue);
    HY_EXPECT_ERROR(sql.from<User>().attach("addresses", *alice, sql.from<Post>().many()), ErrorCode::InvalidValue);
    HY_EXPECT_ERROR(sql.from<User>().sync("addresses", *alice, sql.from<Address>().select({"city"}).many()),
                    ErrorCode::InvalidValue);
    // A post without a user: its user's query has no rows.
    sql.from<Post>().insert({{"title", "orphan"}});
    const auto orphan = sql.from<Post>().where("title", "orphan").one();
    QCOMPARE(sql.from<Post>().relatedQuery<"user">(*orphan).one(), nullptr);
    QCOMPARE(sql.from<Post>().relatedQuery<"user">(*orphan).count(), 0);
    // A key that is not one, in the link column: refused by the database's type or the value check.
    HY_EXPECT_ERROR(sql.from<User>().attach("addresses", *alice, {"not a number"}), ErrorCode::InvalidValue);
    QCOMPARE(rawCount(sql, "user_addresses"), 3);
}

void tst_RelationWrites::badKeysBeforeAnySql_data()
{
    QTest::addColumn<QVariant>("bad");
    QTest::addColumn<int>("goodBefore");
    QTest::newRow("text") << QVariant(QStringLiteral("x")) << 1;
    QTest::newRow("past 32 bits") << QVariant(3e9) << 1;
    QTest::newRow("fraction") << QVariant(2.5) << 1;
    // Past the keys one link SELECT takes, which used to run before the bad key was seen.
    QTest::newRow("text after 40000") << QVariant(QStringLiteral("x")) << 40000;
    QTest::newRow("past 32 bits after 40000") << QVariant(3e9) << 40000;
    QTest::newRow("fraction after 40000") << QVariant(2.5) << 40000;
}

void tst_RelationWrites::badKeysBeforeAnySql()
{
    HY_TEST_SOURCE(m_databases);
    QFETCH(QVariant, bad);
    QFETCH(int, goodBefore);
    seed(sql);
    const auto alice = user(sql, 1);
    QVariantList keys;
    for (int i = 1; i <= goodBefore; ++i)
        keys.append(i);
    keys.append(bad);
    // The link column (addressId) is a 32-bit integer.
    const QStringList statements = statementsOf(sql, [&] {
        HY_EXPECT_ERROR(sql.from<User>().attach("addresses", *alice, keys), ErrorCode::InvalidValue);
        HY_EXPECT_ERROR(sql.from<User>().sync("addresses", *alice, keys), ErrorCode::InvalidValue);
        HY_EXPECT_ERROR(sql.from<User>().detach("addresses", *alice, keys), ErrorCode::InvalidValue);
    });
    QCOMPARE(statements, QStringList());
    QCOMPARE(rawCount(sql, "user_addresses"), 3);
    QCOMPARE(linksOf(sql, 1), (QList<int>{1, 2, 2}));
    // The same keys without the bad one are taken (the check refuses only it).
    keys.removeLast();
    const bool bergen = goodBefore >= 2;
    QCOMPARE(sql.from<User>().detach("addresses", *alice, keys), bergen ? 3 : 1);
    QCOMPARE(linksOf(sql, 1), bergen ? QList<int>() : (QList<int>{2, 2}));
}

QTEST_GUILESS_MAIN(tst_RelationWrites)
#include "tst_relationwrites.moc"
