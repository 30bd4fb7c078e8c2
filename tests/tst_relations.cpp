// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "testdatabases.h"
#include "relationseed.h"

#include <HysteriaQt/Async>
#include <HysteriaQt/ModelNotifier>
#include <HysteriaQt/SqlDataSource>

#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QThread>

#include <QtTest/QTest>

using Hy::ErrorCode;
using HyTest::statementsOf;

namespace {
template <typename M, typename Get>
QStringList texts(const QList<M *> &models, Get get)
{
    QStringList out;
    for (const M *model : models)
        out.append(get(*model));
    return out;
}

QString title(const Post &post)
{
    return post.title().value_or(QStringLiteral("<null>"));
}

QString categoryName(const Category &category)
{
    return category.name();
}
} // namespace

// The seed's relations (tests/common/testschema.h) loaded with load(), on
// every database.
class tst_Relations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { HyTest::Databases::addRows(); }
    void initTestCase() { Hy::createSchema<User, Post, Address, UserAddress, Category, Comment>(); }
    void init();

    void hasMany();
    void hasOneAndBelongsTo();
    void manyToMany();
    void nestedAndSelfReferencing();
    void namesOfAnotherConvention();
    void notLoadedAndUnknown();
    void perParentLimits();
    void chunksAtTheParameterLimit();

private:

    HyTest::Databases m_databases{QStringLiteral("tst_relations")};
};

void tst_Relations::init()
{
    HY_TEST_SOURCE(m_databases);
    sql.schema().dropTables<User, Post, Address, UserAddress, Category, Comment>(Hy::SchemaBuilder::IfMissing::Skip);
    sql.schema().createTables<User, Post, Address, UserAddress, Category, Comment>();
}


void tst_Relations::hasMany()
{
    HY_TEST_SOURCE(m_databases);
    HyTest::seedUsersAndPosts(sql);
    Hy::ModelList<User> users;
    const QStringList statements = statementsOf(sql, [&] {
        users = sql.from<User>().load("posts", [](Hy::ModelQuery<Post> &q) { q.orderBy("title"); }).orderBy("id").many();
    });
    QCOMPARE(statements.size(), 2); // the users, then every user's posts
    QCOMPARE(users.size(), 3u);
    QCOMPARE(texts(Hy::related<"posts">(*users[0]), title), (QStringList{"a", "b"}));
    QCOMPARE(Hy::related<"posts">(*users[1]), QList<Post *>()); // loaded, and empty
    QCOMPARE(texts(Hy::related<"posts">(*users[2]), title), QStringList{"c"});
    QVERIFY(users[1]->isRelationLoaded("posts"));
    QCOMPARE(users[0]->relation("posts").toList().size(), 2);
    // Loaded relations are in toJson() and toVariantMap(), by name; setValues() leaves them.
    const QJsonObject json = users[0]->toJson();
    QCOMPARE(json.value("posts").toArray().size(), 2);
    QCOMPARE(json.value("posts").toArray().at(1).toObject().value("title").toString(), QStringLiteral("b"));
    QCOMPARE(users[1]->toVariantMap().value("posts").toList().size(), 0);
    QVERIFY(!users[0]->toJson().contains("addresses")); // not loaded: not there
    QStringList unknown;
    QCOMPARE(Hy::fromJson<User>(json, &unknown)->name(), std::optional<QString>("Alice"));
    QCOMPARE(unknown, QStringList());

    // The relation's query narrows it.
    users = sql.from<User>().load("posts", [](Hy::ModelQuery<Post> &q) { q.where("title", "!=", "a"); }).orderBy("id").many();
    QCOMPARE(texts(Hy::related<"posts">(*users[0]), title), QStringList{"b"});

    // The related model's hooks apply to the rows loaded (here a slot of its notifier).
    {
        QObject context;
        connect(Hy::notifier<Post>(), &Hy::ModelNotifier::beforeFetch, &context,
                [](Hy::HookQuery &q) { q.where("title", "!=", "b"); }, Qt::DirectConnection);
        users = sql.from<User>().load("posts").orderBy("id").many();
        QCOMPARE(texts(Hy::related<"posts">(*users[0]), title), QStringList{"a"});
    }

    // Loaded in the worker of an async query, the related models arrive with theirs.
    auto future = sql.async([](Hy::SqlDataSource &source) { return source.from<User>().load("posts").where("id", 1).many(); });
    future.waitForFinished();
    const auto asked = future.takeResult();
    QCOMPARE(Hy::related<"posts">(*asked.front()).size(), 2);
    QCOMPARE(Hy::related<"posts">(*asked.front()).front()->thread(), QThread::currentThread());

    // The parents' key is read even when select() leaves it out.
    users = sql.from<User>().select({"name"}).load("posts").orderBy("id").many();
    QCOMPARE(Hy::related<"posts">(*users[0]).size(), 2);
    const auto titled = sql.from<Post>().select({"title"}).load("user").orderBy("title").many();
    QCOMPARE(Hy::related<"user">(*titled[0])->name(), std::optional<QString>("Alice"));

    // No parents: no second query.
    const QStringList none = statementsOf(sql, [&] { sql.from<User>().where("id", 99).load("posts").many(); });
    QCOMPARE(none.size(), 1);
}

void tst_Relations::hasOneAndBelongsTo()
{
    HY_TEST_SOURCE(m_databases);
    HyTest::seedUsersAndPosts(sql);
    const auto posts = sql.from<Post>().load("user").orderBy("title").many();
    QCOMPARE(posts.size(), 4u);
    const User *alice = Hy::related<"user">(*posts[0]);
    QVERIFY(alice);
    QCOMPARE(alice->name(), std::optional<QString>("Alice"));
    QCOMPARE(Hy::related<"user">(*posts[1]), alice); // b: the same user, read once
    QCOMPARE(Hy::related<"user">(*posts[2])->name(), std::optional<QString>("Carol"));
    QCOMPARE(Hy::related<"user">(*posts[3]), nullptr); // d has no user
    QVERIFY(posts[3]->relation("user").isNull());
    QCOMPARE(posts[0]->toJson().value("user").toObject().value("name").toString(), QStringLiteral("Alice"));
    QVERIFY(posts[3]->toJson().value("user").isNull());

    const auto users = sql.from<User>().load("post", [](Hy::ModelQuery<Post> &q) { q.orderBy("title", Qt::DescendingOrder); })
                               .orderBy("id").many();
    QCOMPARE(title(*Hy::related<"post">(*users[0])), QStringLiteral("b"));
    QCOMPARE(Hy::related<"post">(*users[1]), nullptr);
}

void tst_Relations::manyToMany()
{
    HY_TEST_SOURCE(m_databases);
    HyTest::seedUsersAndPosts(sql);
    sql.from<Address>().insertMany({{{"street", "Main"}, {"city", "Oslo"}}, {{"street", "High"}, {"city", "Bergen"}}});
    sql.from<UserAddress>().insertMany({{{"userId", 1}, {"addressId", 1}},
                                        {{"userId", 1}, {"addressId", 2}},
                                        {{"userId", 1}, {"addressId", 2}}, // twice: still one address
                                        {{"userId", 3}, {"addressId", 2}}});
    // In the relation query's order.
    const auto ordered = sql.from<User>().load("addresses", [](Hy::ModelQuery<Address> &q) { q.orderBy("city"); })
                                 .where("id", 1).one();
    QStringList cities;
    for (const Address *address : Hy::related<"addresses">(*ordered))
        cities.append(address->city().value_or(QString()));
    QCOMPARE(cities, (QStringList{"Bergen", "Oslo"}));
    // One query for the users, one for their addresses joined to the link rows.
    Hy::ModelList<User> users;
    const QStringList statements = statementsOf(sql, [&] { users = sql.from<User>().load("addresses").orderBy("id").many(); });
    QCOMPARE(statements.size(), 2);
    QVERIFY2(statements[1].contains(QLatin1StringView(" JOIN ")), qPrintable(statements[1]));
    QCOMPARE(Hy::related<"addresses">(*users[0]).size(), 2);
    QCOMPARE(Hy::related<"addresses">(*users[1]).size(), 0);
    QCOMPARE(Hy::related<"addresses">(*users[2]).front()->city(), std::optional<QString>("Bergen"));

    const auto addresses = sql.from<Address>().load("users").orderBy("id").many();
    QStringList names;
    for (const User *user : Hy::related<"users">(*addresses[1]))
        names.append(user->name().value_or(QString()));
    names.sort();
    QCOMPARE(names, (QStringList{"Alice", "Carol"}));
}

void tst_Relations::nestedAndSelfReferencing()
{
    HY_TEST_SOURCE(m_databases);
    HyTest::seedUsersAndPosts(sql);
    // users -> posts -> user: one query per level.
    Hy::ModelList<User> users;
    const QStringList statements = statementsOf(sql, [&] {
        users = sql.from<User>().load("posts", [](Hy::ModelQuery<Post> &q) { q.load("user"); }).orderBy("id").many();
    });
    QCOMPARE(statements.size(), 3);
    QCOMPARE(Hy::related<"user">(*Hy::related<"posts">(*users[0]).front())->email(), QStringLiteral("alice@example.com"));

    // A tree three levels deep.
    const auto root = sql.from<Category>().insert({{"name", "root"}});
    const auto child = sql.from<Category>().insert({{"name", "child"}, {"parentId", root->id()}});
    sql.from<Category>().insertMany({{{"name", "leaf 1"}, {"parentId", child->id()}},
                                     {{"name", "leaf 2"}, {"parentId", child->id()}}});
    const auto tree = sql.from<Category>()
                              .whereNull("parentId")
                              .load("children", [](Hy::ModelQuery<Category> &q) {
                                  q.load("children", [](Hy::ModelQuery<Category> &leaves) { leaves.orderBy("name"); });
                              })
                              .many();
    QCOMPARE(tree.size(), 1u);
    const QList<Category *> children = Hy::related<"children">(*tree.front());
    QCOMPARE(texts(children, categoryName), QStringList{"child"});
    QCOMPARE(texts(Hy::related<"children">(*children.front()), categoryName), (QStringList{"leaf 1", "leaf 2"}));
    const auto leaf = sql.from<Category>().where("name", "leaf 2").load("parent", [](Hy::ModelQuery<Category> &q) {
        q.load("parent");
    }).one();
    QCOMPARE(Hy::related<"parent">(*Hy::related<"parent">(*leaf))->name(), QStringLiteral("root"));
}

void tst_Relations::namesOfAnotherConvention()
{
    HY_TEST_SOURCE(m_databases);
    HyTest::seedUsersAndPosts(sql);
    // PascalCase columns and a key called CommentId.
    const auto first = sql.from<Comment>().insert({{"postId", 1}, {"body", "first"}});
    sql.from<Comment>().insertMany({{{"postId", 1}, {"parentId", first->commentId()}, {"body", "reply"}},
                                    {{"postId", 2}, {"body", "other"}}});
    const auto posts = sql.from<Post>().load("comments").orderBy("id").many();
    QCOMPARE(Hy::related<"comments">(*posts[0]).size(), 2);
    QCOMPARE(Hy::related<"comments">(*posts[1]).front()->body(), std::optional<QString>("other"));
    const auto threads = sql.from<Comment>().whereNull("parentId").load("replies").load("post").orderBy("commentId").many();
    QCOMPARE(Hy::related<"replies">(*threads[0]).front()->body(), std::optional<QString>("reply"));
    QCOMPARE(title(*Hy::related<"post">(*threads[1])), QStringLiteral("c"));
}

void tst_Relations::notLoadedAndUnknown()
{
    HY_TEST_SOURCE(m_databases);
    HyTest::seedUsersAndPosts(sql);
    const auto user = sql.from<User>().where("id", 1).one();
    QVERIFY(!user->isRelationLoaded("posts"));
    HY_EXPECT_ERROR(Hy::related<"posts">(*user), ErrorCode::RelationNotLoaded);
    HY_EXPECT_ERROR(user->relation("posts"), ErrorCode::RelationNotLoaded);
    HY_EXPECT_ERROR(user->relation("postz"), ErrorCode::UnknownRelation);
    HY_EXPECT_ERROR(user->isRelationLoaded("postz"), ErrorCode::UnknownRelation);
    // A run-time name: checked when given.
    HY_EXPECT_ERROR(sql.from<User>().load(QStringLiteral("postz")), ErrorCode::UnknownRelation);
    QCOMPARE(Hy::related<"posts">(*sql.from<User>().load(QStringLiteral("posts")).where("id", 1).one()).size(), 2);
    // A bad value in the relation's query: refused before its SQL, after the parents'.
    const QStringList statements = statementsOf(sql, [&] {
        HY_EXPECT_ERROR(sql.from<Post>().load("user", [](Hy::ModelQuery<User> &q) { q.where("id", "one"); }).many(),
                        ErrorCode::InvalidValue);
    });
    QCOMPARE(statements.size(), 1);
}

void tst_Relations::perParentLimits()
{
    HY_TEST_SOURCE(m_databases);
    HyTest::seedUsersAndPosts(sql);
    sql.from<Post>().insertMany({{{"title", "e"}, {"userId", 1}}, {{"title", "f"}, {"userId", 3}}});
    // Alice has a, b, e; Bob nothing; Carol c, f.
    Hy::ModelList<User> users;
    const QStringList statements = statementsOf(sql, [&] {
        users = sql.from<User>().load("posts", [](Hy::ModelQuery<Post> &q) { q.orderBy("title").limit(2); }).orderBy("id").many();
    });
    QCOMPARE(statements.size(), 2);
    QCOMPARE(texts(Hy::related<"posts">(*users[0]), title), (QStringList{"a", "b"}));
    QCOMPARE(Hy::related<"posts">(*users[1]).size(), 0);
    QCOMPARE(texts(Hy::related<"posts">(*users[2]), title), (QStringList{"c", "f"}));

    users = sql.from<User>().load("posts", [](Hy::ModelQuery<Post> &q) { q.orderBy("title").limit(1).offset(1); }).orderBy("id").many();
    QCOMPARE(texts(Hy::related<"posts">(*users[0]), title), QStringList{"b"});
    QCOMPARE(texts(Hy::related<"posts">(*users[2]), title), QStringList{"f"});

    users = sql.from<User>().load("posts", [](Hy::ModelQuery<Post> &q) {
                                q.orderBy("title", Qt::DescendingOrder).where("title", "!=", "e").limit(1).select({"title"});
                            }).orderBy("id").many();
    QCOMPARE(texts(Hy::related<"posts">(*users[0]), title), QStringList{"b"});
    QCOMPARE(texts(Hy::related<"posts">(*users[2]), title), QStringList{"f"});
    // select() left the key out: it is read all the same, to match the posts to their users.
    QCOMPARE(Hy::related<"posts">(*users[0]).front()->loadedColumns(), (QStringList{"title", "userId"}));

    // Per parent for the other kinds too. hasOne: the offset-th of each.
    users = sql.from<User>().load("post", [](Hy::ModelQuery<Post> &q) { q.orderBy("title").offset(1); }).orderBy("id").many();
    QCOMPARE(Hy::related<"post">(*users[0])->title(), std::optional<QString>("b"));
    QCOMPARE(Hy::related<"post">(*users[1]), nullptr);
    QCOMPARE(Hy::related<"post">(*users[2])->title(), std::optional<QString>("f"));
    // belongsTo: each post has at most one user, so limit(0) is none and limit(1) all.
    auto posts = sql.from<Post>().load("user", [](Hy::ModelQuery<User> &q) { q.limit(0); }).many();
    QVERIFY(std::all_of(posts.begin(), posts.end(), [](const auto &post) { return !Hy::related<"user">(*post); }));
    posts = sql.from<Post>().load("user", [](Hy::ModelQuery<User> &q) { q.limit(1); }).where("title", "a").many();
    QCOMPARE(Hy::related<"user">(*posts.front())->name(), std::optional<QString>("Alice"));
    // manyToMany: through the link rows, in one query.
    sql.from<Address>().insertMany({{{"city", "Oslo"}}, {{"city", "Bergen"}}, {{"city", "Paris"}}});
    // Bergen linked to Alice twice: still one of her two.
    sql.from<UserAddress>().insertMany({{{"userId", 1}, {"addressId", 1}}, {{"userId", 1}, {"addressId", 2}},
                                        {{"userId", 1}, {"addressId", 2}}, {{"userId", 1}, {"addressId", 3}},
                                        {{"userId", 3}, {"addressId", 3}}});
    const QStringList linked = statementsOf(sql, [&] {
        users = sql.from<User>().load("addresses", [](Hy::ModelQuery<Address> &q) { q.orderBy("city").limit(2); })
                        .orderBy("id").many();
    });
    QCOMPARE(linked.size(), 2);
    QStringList cities;
    for (const Address *address : Hy::related<"addresses">(*users[0]))
        cities.append(address->city().value_or(QString()));
    QCOMPARE(cities, (QStringList{"Bergen", "Oslo"}));
    QCOMPARE(Hy::related<"addresses">(*users[1]).size(), 0);
    QCOMPARE(Hy::related<"addresses">(*users[2]).front()->city(), std::optional<QString>("Paris"));
}

void tst_Relations::chunksAtTheParameterLimit()
{
    HY_TEST_SOURCE(m_databases);
    // More parents than one statement may bind (65,535 on PostgreSQL and
    // MariaDB, 32,766 on SQLite), the first and the last with posts.
    constexpr int parents = 70000;
    QList<QVariantMap> users;
    users.reserve(parents);
    for (int i = 1; i <= parents; ++i)
        users.append({{"id", i}, {"email", QStringLiteral("user%1@example.com").arg(i)}});
    QCOMPARE(sql.from<User>().bulkInsert(users), parents);
    sql.from<Post>().insertMany({{{"title", "first"}, {"userId", 1}}, {{"title", "last"}, {"userId", parents}}});

    // The relation query's own values (3 here) and the keys fill each
    // statement up to the limit, never past it: the database would refuse.
    Hy::ModelList<User> loaded;
    QObject context;
    int fetches = 0;
    connect(Hy::notifier<Post>(), &Hy::ModelNotifier::beforeFetch, &context, [&](Hy::HookQuery &) { ++fetches; },
            Qt::DirectConnection);
    const QStringList statements = statementsOf(sql, [&] {
        loaded = sql.from<User>()
                         .load("posts", [](Hy::ModelQuery<Post> &q) { q.where("title", "!=", "none").orderBy("id").limit(5); })
                         .orderBy("id")
                         .many();
    });
    const int limit = sql.databaseType() == Hy::SqlDataSource::DatabaseType::SQLite ? 32766 : 65535;
    QCOMPARE(statements.size(), 1 + (parents + limit - 4) / (limit - 3));
    for (qsizetype i = 1; i < statements.size(); ++i)
        QVERIFY(statements[i].count(u'?') <= limit);
    QCOMPARE(statements[1].count(u'?'), limit); // the first chunk full
    QCOMPARE(fetches, 1); // the posts' beforeFetch once for the whole load
    QCOMPARE(loaded.size(), std::size_t(parents));
    QCOMPARE(texts(Hy::related<"posts">(*loaded.front()), title), QStringList{"first"});
    QCOMPARE(texts(Hy::related<"posts">(*loaded.back()), title), QStringList{"last"});
    QCOMPARE(Hy::related<"posts">(*loaded[1]).size(), 0);
}

QTEST_GUILESS_MAIN(tst_Relations)
#include "tst_relations.moc"
