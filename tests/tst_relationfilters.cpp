// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "testdatabases.h"
#include "relationseed.h"

#include <HysteriaQt/SqlDataSource>

#include <QtTest/QTest>

using Hy::ErrorCode;
using HyTest::statementsOf;

namespace {
template <typename M>
QStringList namesOf(const Hy::ModelList<M> &models)
{
    QStringList names;
    for (const auto &model : models) {
        if constexpr (std::is_same_v<M, Post>)
            names.append(model->title().value_or(QStringLiteral("<null>")));
        else
            names.append(model->name().value_or(QStringLiteral("<null>")));
    }
    return names;
}

QStringList categoryNames(const Hy::ModelList<Category> &categories)
{
    QStringList names;
    for (const auto &category : categories)
        names.append(category->name());
    return names;
}

// The WHERE clause of a statement, quoted as SQLite and PostgreSQL quote.
QString whereOf(const Hy::SqlStatement &statement)
{
    QString sql = statement.sql;
    sql.replace(u'`', u'"');
    return sql.mid(sql.indexOf(QLatin1StringView(" WHERE ")) + 7);
}
} // namespace

// havingRelated() and its family, as EXISTS and count subqueries, on the
// seed's relations (tests/common/testschema.h), on every database.
class tst_RelationFilters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { HyTest::Databases::addRows(); }
    void initTestCase() { Hy::createSchema<User, Post, Address, UserAddress, Category, Comment, Review, Follow>(); }
    void init();

    void hasMany();
    void counts();
    void belongsToAndManyToMany();
    void selfReferencingAndNested();
    void softDeletedRelatedRows();
    void inWrites();
    void badInput();

private:

    HyTest::Databases m_databases{QStringLiteral("tst_relationfilters")};
};

void tst_RelationFilters::init()
{
    HY_TEST_SOURCE(m_databases);
    sql.schema().dropTables<User, Post, Address, UserAddress, Category, Comment, Review, Follow>(
            Hy::SchemaBuilder::IfMissing::Skip);
    sql.schema().createTables<User, Post, Address, UserAddress, Category, Comment, Review, Follow>();
}


void tst_RelationFilters::hasMany()
{
    HY_TEST_SOURCE(m_databases);
    HyTest::seedUsersAndPosts(sql);
    QCOMPARE(namesOf(sql.from<User>().havingRelated("posts").orderBy("id").many()), (QStringList{"Alice", "Carol"}));
    QCOMPARE(namesOf(sql.from<User>().notHavingRelated("posts").orderBy("id").many()), QStringList{"Bob"});

    // With the related rows' conditions, typed by the callback's query.
    auto titled = [](const char *title) { return [title](Hy::ModelQuery<Post> &q) { q.where("title", title); }; };
    QCOMPARE(namesOf(sql.from<User>().havingRelated("posts", titled("c")).many()), QStringList{"Carol"});
    QCOMPARE(namesOf(sql.from<User>().notHavingRelated("posts", titled("c")).orderBy("id").many()),
             (QStringList{"Alice", "Bob"}));
    // An auto callback names the relation as a template argument.
    QCOMPARE(namesOf(sql.from<User>().havingRelated<"posts">([](auto &q) { q.whereIn("title", {"a", "c"}); })
                             .orderBy("id").many()),
             (QStringList{"Alice", "Carol"}));

    // OR joins them, after the user's conditions, with the precedence written.
    QCOMPARE(namesOf(sql.from<User>().where("name", "Bob").orHavingRelated("posts", titled("a")).orderBy("id").many()),
             (QStringList{"Alice", "Bob"}));
    QCOMPARE(namesOf(sql.from<User>().where("name", "Alice").orNotHavingRelated("posts").orderBy("id").many()),
             (QStringList{"Alice", "Bob"}));
    QCOMPARE(namesOf(sql.from<User>()
                             .where([](Hy::ModelQuery<User> &q) { q.where("name", "Carol").orHavingRelated<"posts">([](auto &p) { p.where("title", "b"); }); })
                             .where("id", "<", 3)
                             .many()),
             QStringList{"Alice"});

    // The subquery: correlated by the relation's key, its table under an alias.
    const Hy::SqlStatement statement = sql.from<User>().havingRelated("posts", titled("a")).toSql().many().front();
    QCOMPARE(whereOf(statement), QStringLiteral("EXISTS (SELECT 1 FROM \"posts\" AS \"hy_r1\" WHERE \"hy_r1\".\"user_id\" = "
                                                "\"users\".\"id\" AND \"hy_r1\".\"title\" = ?)"));
    QCOMPARE(statement.bindings, QVariantList{"a"});

    // A value that would be SQL is matched as text.
    QCOMPARE(sql.from<User>().havingRelated("posts", titled("a' OR '1'='1")).count(), 0);
    QCOMPARE(sql.from<User>().havingRelated("posts").count(), 2);
}

void tst_RelationFilters::counts()
{
    HY_TEST_SOURCE(m_databases);
    HyTest::seedUsersAndPosts(sql);
    QCOMPARE(namesOf(sql.from<User>().havingRelated("posts", ">", 1).many()), QStringList{"Alice"});
    QCOMPARE(namesOf(sql.from<User>().havingRelated("posts", "=", 1).many()), QStringList{"Carol"});
    // A user without posts has 0 of them.
    QCOMPARE(namesOf(sql.from<User>().havingRelated("posts", "<", 1).many()), QStringList{"Bob"});
    QCOMPARE(namesOf(sql.from<User>().havingRelated("posts", Hy::Operator::LessOrEqual, 1).orderBy("id").many()),
             (QStringList{"Bob", "Carol"}));
    // notHaving is the complement, with or without matches.
    QCOMPARE(namesOf(sql.from<User>().notHavingRelated("posts", ">=", 1).many()), QStringList{"Bob"});
    QCOMPARE(namesOf(sql.from<User>().where("name", "Bob").orNotHavingRelated("posts", "<>", 2).orderBy("id").many()),
             (QStringList{"Alice", "Bob"}));
    // Counting the rows that match the callback's conditions.
    QCOMPARE(namesOf(sql.from<User>()
                             .havingRelated("posts", [](Hy::ModelQuery<Post> &q) { q.where("title", "!=", "a"); }, ">=", 1)
                             .orderBy("id").many()),
             (QStringList{"Alice", "Carol"}));
    QCOMPARE(namesOf(sql.from<User>()
                             .orHavingRelated("posts", [](Hy::ModelQuery<Post> &q) { q.where("title", "a"); }, "=", 1)
                             .many()),
             QStringList{"Alice"});

    const Hy::SqlStatement statement = sql.from<User>().havingRelated("posts", ">", 1).toSql().many().front();
    QCOMPARE(whereOf(statement), QStringLiteral("(SELECT COUNT(*) FROM \"posts\" AS \"hy_r1\" WHERE \"hy_r1\".\"user_id\" = "
                                                "\"users\".\"id\") > ?"));
    QCOMPARE(statement.bindings, QVariantList{qint64(1)});
}

void tst_RelationFilters::belongsToAndManyToMany()
{
    HY_TEST_SOURCE(m_databases);
    HyTest::seedUsersAndPosts(sql);
    // belongsTo: the posts whose user matches, and the one without a user.
    QCOMPARE(namesOf(sql.from<Post>().havingRelated("user", [](Hy::ModelQuery<User> &q) { q.where("name", "Alice"); })
                             .orderBy("title").many()),
             (QStringList{"a", "b"}));
    QCOMPARE(namesOf(sql.from<Post>().notHavingRelated("user").many()), QStringList{"d"});
    QCOMPARE(whereOf(sql.from<Post>().havingRelated("user").toSql().many().front()),
             QStringLiteral("EXISTS (SELECT 1 FROM \"users\" AS \"hy_r1\" WHERE \"hy_r1\".\"id\" = \"posts\".\"user_id\")"));

    // manyToMany, through the link table; a target linked twice counts once.
    sql.from<Address>().insertMany({{{"street", "Main"}, {"city", "Oslo"}}, {{"street", "High"}, {"city", "Bergen"}}});
    sql.from<UserAddress>().insertMany({{{"userId", 1}, {"addressId", 1}},
                                        {{"userId", 1}, {"addressId", 2}},
                                        {{"userId", 3}, {"addressId", 2}},
                                        {{"userId", 3}, {"addressId", 2}}});
    QCOMPARE(namesOf(sql.from<User>().havingRelated("addresses", [](Hy::ModelQuery<Address> &q) { q.where("city", "Oslo"); })
                             .many()),
             QStringList{"Alice"});
    QCOMPARE(namesOf(sql.from<User>().notHavingRelated("addresses").many()), QStringList{"Bob"});
    QCOMPARE(namesOf(sql.from<User>().havingRelated("addresses", ">", 1).many()), QStringList{"Alice"});
    QCOMPARE(namesOf(sql.from<User>().havingRelated("addresses", "=", 1).many()), QStringList{"Carol"});
    QCOMPARE(whereOf(sql.from<User>().havingRelated("addresses").toSql().many().front()),
             QStringLiteral("EXISTS (SELECT 1 FROM \"addresses\" AS \"hy_r1\" JOIN \"user_addresses\" AS \"hy_l1\" ON "
                            "\"hy_l1\".\"address_id\" = \"hy_r1\".\"id\" WHERE \"hy_l1\".\"user_id\" = \"users\".\"id\")"));
    QCOMPARE(sql.from<Address>().havingRelated("users", [](Hy::ModelQuery<User> &q) { q.where("name", "Carol"); }).count(), 1);
}

void tst_RelationFilters::selfReferencingAndNested()
{
    HY_TEST_SOURCE(m_databases);
    // root -> (mid -> leaf), other
    sql.from<Category>().insert({{"name", "root"}});
    sql.from<Category>().insertMany({{{"name", "mid"}, {"parentId", 1}},
                                     {{"name", "other"}, {"parentId", 1}},
                                     {{"name", "leaf"}, {"parentId", 2}}});
    // The inner rows are the table's own under an alias: children of the outer row.
    QCOMPARE(categoryNames(sql.from<Category>().havingRelated("children").orderBy("id").many()),
             (QStringList{"root", "mid"}));
    QCOMPARE(categoryNames(sql.from<Category>().notHavingRelated("children").orderBy("id").many()),
             (QStringList{"other", "leaf"}));
    QCOMPARE(categoryNames(sql.from<Category>().havingRelated("parent", [](Hy::ModelQuery<Category> &q) { q.where("name", "root"); })
                                   .orderBy("id").many()),
             (QStringList{"mid", "other"}));
    // Nested: a grandchild, each level under its own alias.
    const auto grandparents = sql.from<Category>().havingRelated<"children">([](auto &q) { q.havingRelated("children"); });
    QCOMPARE(categoryNames(grandparents.many()), QStringList{"root"});
    QCOMPARE(whereOf(grandparents.toSql().many().front()),
             QStringLiteral("EXISTS (SELECT 1 FROM \"categories\" AS \"hy_r1\" WHERE \"hy_r1\".\"parent_id\" = "
                            "\"categories\".\"id\" AND EXISTS (SELECT 1 FROM \"categories\" AS \"hy_r2\" WHERE "
                            "\"hy_r2\".\"parent_id\" = \"hy_r1\".\"id\"))"));
    QCOMPARE(categoryNames(sql.from<Category>().havingRelated("children", ">", 1).many()), QStringList{"root"});

    // Across models: users with a post that has a comment, in a PascalCase table.
    HyTest::seedUsersAndPosts(sql);
    sql.from<Comment>().insert({{"postId", 2}, {"body", "on c"}});
    QCOMPARE(namesOf(sql.from<User>().havingRelated<"posts">([](auto &q) { q.havingRelated("comments"); }).many()),
             QStringList{"Carol"});
}

void tst_RelationFilters::softDeletedRelatedRows()
{
    HY_TEST_SOURCE(m_databases);
    HyTest::seedUsersAndPosts(sql);
    sql.from<Review>().insertMany({{{"userId", 1}, {"stars", 5}}, {{"userId", 2}, {"stars", 1}}});
    sql.from<Review>().where("userId", 2).softDelete();
    // Bob's only review is deleted: he has none, unless the callback says withTrashed().
    QCOMPARE(namesOf(sql.from<User>().havingRelated("reviews").many()), QStringList{"Alice"});
    QCOMPARE(namesOf(sql.from<User>().havingRelated("reviews", "=", 0).orderBy("id").many()), (QStringList{"Bob", "Carol"}));
    QCOMPARE(namesOf(sql.from<User>().havingRelated("reviews", [](Hy::ModelQuery<Review> &q) { q.withTrashed(); })
                             .orderBy("id").many()),
             (QStringList{"Alice", "Bob"}));
    QCOMPARE(namesOf(sql.from<User>().havingRelated("reviews", [](Hy::ModelQuery<Review> &q) { q.onlyTrashed(); }).many()),
             QStringList{"Bob"});
}

void tst_RelationFilters::inWrites()
{
    HY_TEST_SOURCE(m_databases);
    HyTest::seedUsersAndPosts(sql);
    // update() and remove() take relation filters as conditions.
    QCOMPARE(sql.from<User>().havingRelated("posts", ">", 1).update({{"name", "Prolific"}}), 1);
    QCOMPARE(HyTest::rawCount(sql, "users", "name = 'Prolific' AND id = 1"), 1);
    QCOMPARE(sql.from<User>().notHavingRelated("posts").remove(), 1);
    QCOMPARE(HyTest::rawCount(sql, "users"), 2);
    QCOMPARE(HyTest::rawCount(sql, "users", "id = 2"), 0);
    // A relation of a table to itself, in a DELETE of that table.
    sql.from<Category>().insert({{"name", "root"}});
    sql.from<Category>().insert({{"name", "leaf"}, {"parentId", 1}});
    QCOMPARE(sql.from<Category>().notHavingRelated("children").remove(), 1);
    QCOMPARE(HyTest::rawCount(sql, "categories", "name = 'root'"), 1);
    QCOMPARE(HyTest::rawCount(sql, "categories"), 1);
}

void tst_RelationFilters::badInput()
{
    HY_TEST_SOURCE(m_databases);
    HyTest::seedUsersAndPosts(sql);
    // Refused before any SQL.
    QStringList statements = statementsOf(sql, [&] {
        HY_EXPECT_ERROR(sql.from<User>().havingRelated("posts", "like", 1).many(), ErrorCode::InvalidQuery);
        HY_EXPECT_ERROR(sql.from<User>().havingRelated("posts", [](Hy::ModelQuery<Post> &q) { q.limit(1); }).many(),
                        ErrorCode::InvalidQuery);
        HY_EXPECT_ERROR(sql.from<User>().havingRelated(QStringLiteral("friends")).many(), ErrorCode::UnknownRelation);
        HY_EXPECT_ERROR(sql.from<User>().havingRelated("posts", [](Hy::ModelQuery<Post> &q) { q.where("userId", "one"); })
                                .many(),
                        ErrorCode::InvalidValue);
        HY_EXPECT_ERROR(sql.from<Post>().havingRelated("user", [](Hy::ModelQuery<User> &q) { q.where("id", "one"); })
                                .update({{"title", "x"}}),
                        ErrorCode::InvalidValue);
        HY_EXPECT_ERROR(sql.from<User>().notHavingRelated("posts", [](Hy::ModelQuery<Post> &q) { q.where("id", nullptr).orWhere("id", ">", nullptr); })
                                .remove(),
                        ErrorCode::InvalidValue);
    });
    QCOMPARE(statements, QStringList());
    QCOMPARE(HyTest::rawCount(sql, "posts"), 4);
    QCOMPARE(HyTest::rawCount(sql, "users"), 3);
    // Run-time names work as literals do.
    QCOMPARE(sql.from<User>().havingRelated(QStringLiteral("posts")).count(), 2);
}

QTEST_GUILESS_MAIN(tst_RelationFilters)
#include "tst_relationfilters.moc"
