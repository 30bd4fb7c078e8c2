// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "testdatabases.h"
#include "testmodels.h"

#include <HysteriaQt/SqlDataSource>

#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>
#include <QtTest/QTest>

using Hy::ErrorCode;

namespace {
QStringList names(const QList<QVariantMap> &rows)
{
    QStringList out;
    for (const QVariantMap &row : rows)
        out << (row.value(QStringLiteral("name")).isNull() ? QStringLiteral("<null>")
                                                           : row.value(QStringLiteral("name")).toString());
    return out;
}
} // namespace

// Hy::QueryBuilder: rows of a table without a model (sql.from("users")).
class tst_QueryBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { HyTest::Databases::addRows(); }
    void init();

    void insertReturnsStoredRow();
    void insertWithExplicitKey();
    void manyWithConditions();
    void whereIn();
    void oneAndOneOrFail();
    void countUpdateRemove();
    void insertManyIsAllOrNothing();
    void databaseConstraintsReportCodes();
    void unknownTableOrColumn();
    void constraintCodesAreTheSameEverywhere();

private:
    HyTest::Databases m_databases{QStringLiteral("tst_querybuilder")};
};

void tst_QueryBuilder::init()
{
    HY_TEST_SOURCE(m_databases);
    sql.schema().dropTables<User, Tag>(Hy::SchemaBuilder::IfMissing::Skip);
    sql.schema().createTables<User, Tag>();
}

void tst_QueryBuilder::insertReturnsStoredRow()
{
    HY_TEST_SOURCE(m_databases);
    const QVariantMap row = sql.from(QStringLiteral("users"))
                                    .insert({{"name", "Alice"}, {"email", "alice@example.com"}});
    QVERIFY(row.value(QStringLiteral("id")).toInt() > 0);
    QCOMPARE(row.value(QStringLiteral("name")).toString(), QStringLiteral("Alice"));
    QCOMPARE(row.value(QStringLiteral("email")).toString(), QStringLiteral("alice@example.com"));
    // Database names, and the database's own default for created_at.
    QVERIFY(row.contains(QStringLiteral("is_active")));
    QVERIFY(row.value(QStringLiteral("is_active")).isNull());
    QVERIFY(!row.value(QStringLiteral("created_at")).isNull());
    QCOMPARE(row.size(), 6);

    const QVariantMap second = sql.from(QStringLiteral("users")).insert({{"email", "b@example.com"}});
    QVERIFY(second.value(QStringLiteral("id")).toInt() > row.value(QStringLiteral("id")).toInt());
}

void tst_QueryBuilder::insertWithExplicitKey()
{
    HY_TEST_SOURCE(m_databases);
    const QVariantMap tag = sql.from(QStringLiteral("tags")).insert({{"code", "qt"}, {"label", "Qt"}});
    QCOMPARE(tag.value(QStringLiteral("code")).toString(), QStringLiteral("qt"));
    QCOMPARE(tag.value(QStringLiteral("label")).toString(), QStringLiteral("Qt"));
    const QVariantMap user = sql.from(QStringLiteral("users")).insert({{"id", 42}, {"email", "x@example.com"}});
    QCOMPARE(user.value(QStringLiteral("id")).toInt(), 42);
    QCOMPARE(user.value(QStringLiteral("email")).toString(), QStringLiteral("x@example.com"));
}

static void seed(Hy::SqlDataSource &sql)
{
    sql.from(QStringLiteral("users")).insertMany({
            {{"name", "Alice"}, {"email", "alice@example.com"}, {"is_active", true}},
            {{"name", "Bob"}, {"email", "bob@example.com"}, {"is_active", false}},
            {{"email", "nameless@example.com"}, {"is_active", true}},
    });
}

void tst_QueryBuilder::manyWithConditions()
{
    HY_TEST_SOURCE(m_databases);
    seed(sql);
    auto users = sql.from(QStringLiteral("users"));
    QCOMPARE(names(users.orderBy(QStringLiteral("id")).many()), (QStringList{"Alice", "Bob", "<null>"}));
    QCOMPARE(names(sql.from(QStringLiteral("users")).where(QStringLiteral("is_active"), true)
                           .orderBy(QStringLiteral("id")).many()),
             (QStringList{"Alice", "<null>"}));
    QCOMPARE(names(sql.from(QStringLiteral("users")).where(QStringLiteral("name"), nullptr).many()),
             QStringList{"<null>"});
    QCOMPARE(names(sql.from(QStringLiteral("users")).whereNotNull(QStringLiteral("name"))
                           .where(QStringLiteral("id"), ">", 0)
                           .orderBy(QStringLiteral("name"), Qt::DescendingOrder).many()),
             (QStringList{"Bob", "Alice"}));
    QCOMPARE(names(sql.from(QStringLiteral("users")).where(QStringLiteral("name"), QStringLiteral("Bob"))
                           .orWhereNull(QStringLiteral("name")).orderBy(QStringLiteral("id")).many()),
             (QStringList{"Bob", "<null>"}));
    QCOMPARE(names(sql.from(QStringLiteral("users")).orderBy(QStringLiteral("id")).limit(1).offset(1).many()),
             QStringList{"Bob"});
    QCOMPARE(names(sql.from(QStringLiteral("users")).where(QStringLiteral("email"), "like", "%b%")
                           .orderBy(QStringLiteral("id")).many()),
             (QStringList{"Bob"}));
}

void tst_QueryBuilder::whereIn()
{
    HY_TEST_SOURCE(m_databases);
    seed(sql);
    QCOMPARE(names(sql.from(QStringLiteral("users")).whereIn(QStringLiteral("name"), {"Bob", "Alice"})
                           .orderBy(QStringLiteral("id")).many()),
             (QStringList{"Alice", "Bob"}));
    QCOMPARE(names(sql.from(QStringLiteral("users")).whereNotIn(QStringLiteral("id"), QList<int>{1})
                           .orderBy(QStringLiteral("id")).many()),
             (QStringList{"Bob", "<null>"}));
    QCOMPARE(names(sql.from(QStringLiteral("users")).where(QStringLiteral("id"), 1)
                           .orWhereIn(QStringLiteral("id"), {3}).orderBy(QStringLiteral("id")).many()),
             (QStringList{"Alice", "<null>"}));
    QCOMPARE(sql.from(QStringLiteral("users")).whereIn(QStringLiteral("id"), {}).count(), 0);
    QCOMPARE(sql.from(QStringLiteral("users")).orWhereNotIn(QStringLiteral("id"), {}).count(), 3);
    QCOMPARE(sql.from(QStringLiteral("users")).whereIn(QStringLiteral("name"), {"x' OR 'a'='a"}).count(), 0);
    HY_EXPECT_ERROR(sql.from(QStringLiteral("users")).whereIn(QStringLiteral("id"), {nullptr}).many(),
                    ErrorCode::InvalidValue);
}

void tst_QueryBuilder::oneAndOneOrFail()
{
    HY_TEST_SOURCE(m_databases);
    seed(sql);
    const auto bob = sql.from(QStringLiteral("users")).where(QStringLiteral("name"), "Bob").one();
    QVERIFY(bob.has_value());
    QCOMPARE(bob->value(QStringLiteral("email")).toString(), QStringLiteral("bob@example.com"));
    QVERIFY(!sql.from(QStringLiteral("users")).where(QStringLiteral("name"), "Nobody").one());
    HY_EXPECT_ERROR(sql.from(QStringLiteral("users")).where(QStringLiteral("name"), "Nobody").oneOrFail(),
                    ErrorCode::RowNotFound);
}

void tst_QueryBuilder::countUpdateRemove()
{
    HY_TEST_SOURCE(m_databases);
    seed(sql);
    QCOMPARE(sql.from(QStringLiteral("users")).count(), 3);
    QCOMPARE(sql.from(QStringLiteral("users")).where(QStringLiteral("is_active"), true).count(), 2);
    QCOMPARE(sql.from(QStringLiteral("users")).where(QStringLiteral("is_active"), true)
                     .update({{"name", "Active"}}),
             2);
    QCOMPARE(names(sql.from(QStringLiteral("users")).orderBy(QStringLiteral("id")).many()),
             (QStringList{"Active", "Bob", "Active"}));
    HY_EXPECT_ERROR(sql.from(QStringLiteral("users")).update({}), ErrorCode::InvalidQuery);
    HY_EXPECT_ERROR(sql.from(QStringLiteral("users")).limit(1).remove(), ErrorCode::InvalidQuery);
    QCOMPARE(sql.from(QStringLiteral("users")).where(QStringLiteral("name"), "Active").remove(), 2);
    QCOMPARE(sql.from(QStringLiteral("users")).count(), 1);
}

void tst_QueryBuilder::insertManyIsAllOrNothing()
{
    HY_TEST_SOURCE(m_databases);
    QList<QVariantMap> rows;
    for (int i = 0; i < 600; ++i)
        rows.append({{"code", QStringLiteral("c%1").arg(i)}, {"label", QString::number(i)}});
    sql.from(QStringLiteral("tags")).insertMany(rows);
    QCOMPARE(sql.from(QStringLiteral("tags")).count(), 600);
    rows.clear();
    rows.append({{"code", "new"}});
    rows.append({{"code", "c10"}}); // duplicate key
    HY_EXPECT_ERROR(sql.from(QStringLiteral("tags")).insertMany(rows), ErrorCode::UniqueViolation);
    QCOMPARE(sql.from(QStringLiteral("tags")).count(), 600);
    QVERIFY(!sql.from(QStringLiteral("tags")).where(QStringLiteral("code"), "new").one());
}

void tst_QueryBuilder::databaseConstraintsReportCodes()
{
    HY_TEST_SOURCE(m_databases);
    // No model checks here: the database refuses, and the code is the same everywhere.
    HY_EXPECT_ERROR(sql.from(QStringLiteral("users")).insert({{"name", "no email"}}),
                    ErrorCode::NotNullViolation);
    sql.from(QStringLiteral("tags")).insert({{"code", "a"}});
    HY_EXPECT_ERROR(sql.from(QStringLiteral("tags")).insert({{"code", "a"}}), ErrorCode::UniqueViolation);
    QCOMPARE(sql.from(QStringLiteral("users")).count(), 0);
    QCOMPARE(sql.from(QStringLiteral("tags")).count(), 1);
}

void tst_QueryBuilder::unknownTableOrColumn()
{
    HY_TEST_SOURCE(m_databases);
    try {
        sql.from(QStringLiteral("no_such_table")).many();
        QFAIL("expected QueryFailed");
    } catch (const Hy::Error &error) {
        QCOMPARE(error.code(), ErrorCode::QueryFailed);
        QVERIFY(error.sql().contains(u"no_such_table"));
        QVERIFY(error.driverError().isValid());
    }
    HY_EXPECT_ERROR(sql.from(QStringLiteral("users")).where(QStringLiteral("nope"), 1).many(),
                    ErrorCode::QueryFailed);
    // An identifier is quoted, never spliced: this is one odd column name.
    HY_EXPECT_ERROR(sql.from(QStringLiteral("users")).where(QStringLiteral("id\" = 1 OR \"1"), 1).many(),
                    ErrorCode::QueryFailed);
    HY_EXPECT_ERROR(sql.from(QStringLiteral("users`; DROP TABLE users; --")).count(), ErrorCode::QueryFailed);
    QVERIFY(sql.schema().hasTable(QStringLiteral("users")));
}

void tst_QueryBuilder::constraintCodesAreTheSameEverywhere()
{
    HY_TEST_SOURCE(m_databases);
    QSqlQuery raw(sql.database());
    for (const char *statement : {"DROP TABLE IF EXISTS items", "DROP TABLE IF EXISTS owners",
                                  "CREATE TABLE owners (id INTEGER NOT NULL PRIMARY KEY, mail VARCHAR(50))",
                                  "CREATE UNIQUE INDEX owners_mail ON owners (mail)",
                                  "CREATE TABLE items (id INTEGER NOT NULL PRIMARY KEY, "
                                  "owner_id INTEGER REFERENCES owners (id), "
                                  "price INTEGER CHECK (price >= 0))"}) {
        QVERIFY2(raw.exec(QString::fromLatin1(statement)), qPrintable(raw.lastError().text()));
    }
    auto owners = sql.from(QStringLiteral("owners"));
    auto items = sql.from(QStringLiteral("items"));
    owners.insert({{"id", 1}, {"mail", "a@example.com"}});
    HY_EXPECT_ERROR(owners.insert({{"id", 2}, {"mail", "a@example.com"}}), ErrorCode::UniqueViolation);
    HY_EXPECT_ERROR(owners.insert({{"id", 1}, {"mail", "b@example.com"}}), ErrorCode::UniqueViolation);
    HY_EXPECT_ERROR(items.insert({{"id", 1}, {"owner_id", 42}, {"price", 1}}), ErrorCode::ForeignKeyViolation);
    HY_EXPECT_ERROR(items.insert({{"id", 1}, {"owner_id", 1}, {"price", -1}}), ErrorCode::CheckViolation);
    items.insert({{"id", 1}, {"owner_id", 1}, {"price", 5}});
    HY_EXPECT_ERROR(owners.where(QStringLiteral("id"), 1).remove(), ErrorCode::ForeignKeyViolation);
    QCOMPARE(owners.count(), 1);
    QCOMPARE(items.count(), 1);
    QVERIFY(raw.exec(QStringLiteral("DROP TABLE items")));
    QVERIFY(raw.exec(QStringLiteral("DROP TABLE owners")));
}

QTEST_GUILESS_MAIN(tst_QueryBuilder)
#include "tst_querybuilder.moc"
