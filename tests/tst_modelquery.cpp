// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "testdatabases.h"
#include "testmodels.h"

#include <HysteriaQt/SqlDataSource>

#include <QtCore/QMutex>
#include <QtCore/QPointer>
#include <QtCore/QScopeGuard>
#include <QtCore/QSet>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>
#include <QtTest/QTest>

#include <functional>

using Hy::ErrorCode;
using HyTest::rawCount;

namespace {
template <typename M>
QStringList column(const Hy::ModelList<M> &models, QString (*get)(const M &))
{
    QStringList out;
    for (const auto &model : models)
        out << get(*model);
    return out;
}

QString userName(const User &user) { return user.name().value_or(QStringLiteral("<null>")); }
QString sampleCode(const Sample &sample) { return sample.code(); }

QDateTime utc(int year, int month, int day, int h, int m, int s, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(h, m, s, ms), Qt::UTC);
}
} // namespace

class tst_ModelQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { HyTest::Databases::addRows(); }
    void init();

    void insertReturnsStoredModel();
    void typedColumns();
    void insertFromModelInstance();
    void insertFromVariantMap();
    void whereEquals();
    void whereNullMeansIsNull();
    void whereIn();
    void whereOperators_data();
    void whereOperators();
    void orWhereAndNullChecks();
    void orderLimitOffset();
    void oneOneOrFailAndFind();
    void countHonoursConditionsAndLimit();
    void insertManyKeepsOrder();
    void insertManyChunksLargeBatches();
    void insertManyMixedColumns();
    void insertManyIsAllOrNothing();
    void insertManyValidatesEveryRowFirst();
    void updateSetsColumnsAndAutoUpdate();
    void updateAndRemoveRejectLimitAndOrder();
    void removeDeletesMatchingRows();
    void unknownColumnsAreRejected();
    void badValues_data();
    void badValues();
    void badWhereValues();
    void uniqueViolation();
    void kindsRoundTrip();
    void dateTimesAreUtc();
    void chosenPrimaryKey();
    void modelWithoutPrimaryKey();
    void textIsBoundNotPasted();
    void builderIsAValue();
    void resultsBelongToTheCaller();
    void completeRowsAreNotReadBack();
    void bulkInsertBuildsNoModels();
    void findKeepsOrWhereApart();
    void limitZeroMeansNone();
    void insertManyKeepsTheGivenOrder();
    void insertManyTakesRanges();
    void explicitKeysDoNotCollideLater();
    void writesJoinTheApplicationsTransaction();
    void failedCommitWritesNothing();
    void unreadableValuesAreReported();
    void dateTimeRange();
    void uuidsAndUlidsAreMade();
    void badUuidsAndUlidsAreRefused();
    void likeEscapes();
    void failedStatementsAreFreed();
    void selectReadsTheGivenColumns();
    void groupedConditions();

private:
    HyTest::Databases m_databases{QStringLiteral("tst_modelquery")};
};

void tst_ModelQuery::init()
{
    HY_TEST_SOURCE(m_databases);
    auto schema = sql.schema();
    schema.dropTables<User, Post, Sample, Tag, LogEntry, Node, Document>(Hy::SchemaBuilder::IfMissing::Skip);
    schema.createTables<User, Post, Sample, Tag, LogEntry, Document>();
}

void tst_ModelQuery::insertReturnsStoredModel()
{
    HY_TEST_SOURCE(m_databases);
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    auto alice = sql.from<User>().insert(
            {{"name", "Alice"}, {"email", "alice@example.com"}, {"isActive", true}});
    const QDateTime after = QDateTime::currentDateTimeUtc().addSecs(1);

    QVERIFY(alice);
    QVERIFY(alice->id() > 0);
    QCOMPARE(alice->name(), std::optional<QString>(QStringLiteral("Alice")));
    QCOMPARE(alice->email(), QStringLiteral("alice@example.com"));
    QCOMPARE(alice->isActive(), std::optional<bool>(true));
    QVERIFY(alice->createdAt().has_value());
    QCOMPARE(alice->createdAt()->timeSpec(), Qt::UTC);
    QVERIFY(*alice->createdAt() >= before && *alice->createdAt() <= after);
    QCOMPARE(alice->updatedAt(), alice->createdAt());
    QVERIFY(alice->changedColumns().isEmpty());
    QVERIFY(!alice->parent());

    auto bob = sql.from<User>().insert({{"email", "bob@example.com"}});
    QVERIFY(bob->id() > alice->id());
    QVERIFY(!bob->name().has_value());
    QVERIFY(!bob->isActive().has_value());

    QSqlQuery raw(sql.database());
    QVERIFY(raw.exec(QStringLiteral("SELECT name, email FROM users ORDER BY id")));
    QVERIFY(raw.next());
    QCOMPARE(raw.value(0).toString(), QStringLiteral("Alice"));
    QVERIFY(raw.next());
    QVERIFY(raw.value(0).isNull());
    QCOMPARE(raw.value(1).toString(), QStringLiteral("bob@example.com"));
    QVERIFY(!raw.next());
}

void tst_ModelQuery::insertFromModelInstance()
{
    HY_TEST_SOURCE(m_databases);
    User draft;
    draft.setName(QStringLiteral("Carol"));
    draft.setEmail(QStringLiteral("carol@example.com"));
    auto stored = sql.from<User>().insert(draft);
    QVERIFY(stored->id() > 0);
    QCOMPARE(stored->name(), draft.name());
    QCOMPARE(stored->email(), draft.email());
    QVERIFY(!stored->isActive().has_value()); // not given: left to the database
    QVERIFY(stored->createdAt().has_value());
    QCOMPARE(draft.id(), 0); // the draft itself is not touched
    QCOMPARE(rawCount(sql, QStringLiteral("users")), 1);
}

void tst_ModelQuery::insertFromVariantMap()
{
    HY_TEST_SOURCE(m_databases);
    const QVariantMap values{{"name", "Dora"}, {"email", "dora@example.com"}, {"isActive", false}};
    auto stored = sql.from<User>().insert(values);
    QCOMPARE(stored->name(), std::optional<QString>(QStringLiteral("Dora")));
    QCOMPARE(stored->isActive(), std::optional<bool>(false));
}

static void seedUsers(Hy::SqlDataSource &sql)
{
    sql.from<User>().insertMany({
            {{"name", "Alice"}, {"email", "alice@example.com"}, {"isActive", true}},
            {{"name", "Bob"}, {"email", "bob@example.com"}, {"isActive", false}},
            {{"email", "nameless@example.com"}, {"isActive", true}},
            {{"name", "Carol"}, {"email", "carol@example.com"}},
    });
}

void tst_ModelQuery::whereEquals()
{
    HY_TEST_SOURCE(m_databases);
    seedUsers(sql);
    const auto active = sql.from<User>().where("isActive", true).orderBy("id").many();
    QCOMPARE(column(active, userName), (QStringList{"Alice", "<null>"}));
    const auto bob = sql.from<User>().where("name", "Bob").many();
    QCOMPARE(column(bob, userName), QStringList{"Bob"});
    QCOMPARE(bob.front()->email(), QStringLiteral("bob@example.com"));
    QVERIFY(sql.from<User>().where("name", "bob").many().empty()); // case-sensitive everywhere
    QVERIFY(sql.from<User>().where("name", "Nobody").many().empty());
}

void tst_ModelQuery::typedColumns()
{
    HY_TEST_SOURCE(m_databases);
    seedUsers(sql);
    // Columns named by their getters: the same queries, their values' types checked by the compiler.
    const auto active = sql.from<User>().where(&User::isActive, true).orderBy(&User::id).many();
    QCOMPARE(column(active, userName), (QStringList{"Alice", "<null>"}));
    const auto later = sql.from<User>().where(&User::id, ">", 1).orWhere(&User::name, "Alice").orderBy(&User::id).many();
    QCOMPARE(later.size(), 4u);
    QCOMPARE(column(sql.from<User>().where(&User::name, nullptr).many(), userName), QStringList{"<null>"});
    QCOMPARE(column(sql.from<User>().whereNull(&User::isActive).many(), userName), QStringList{"Carol"});

    const auto zed = sql.from<User>().insert({{&User::name, "Zed"}, {&User::email, QStringLiteral("zed@example.com")}});
    QCOMPARE(zed->name(), std::optional<QString>("Zed"));
    QCOMPARE(rawCount(sql, "users", "email = 'zed@example.com' AND name = 'Zed'"), 1);
    Hy::Values<User> change;
    change.set(&User::name, nullptr).set(&User::isActive, false);
    QCOMPARE(sql.from<User>().where(&User::email, "zed@example.com").update(change), 1);
    QCOMPARE(rawCount(sql, "users", "email = 'zed@example.com' AND name IS NULL"), 1);

    const auto partial = sql.from<User>().select({&User::id, &User::email}).where(&User::name, "Bob").one();
    QVERIFY(partial);
    QCOMPARE(partial->loadedColumns(), QStringList({"id", "email"}));

    // A number out of the column's range is still refused when the query is built.
    HY_EXPECT_REFUSED(sql.from<User>().where(&User::id, 1e20).many(), ErrorCode::InvalidValue, "id");
    // A member function of the same signature that is not a column's getter.
    HY_EXPECT_ERROR(sql.from<Article>().where(&Article::heading, "x").many(), ErrorCode::UnknownColumn);
}

void tst_ModelQuery::whereIn()
{
    HY_TEST_SOURCE(m_databases);
    seedUsers(sql);
    QCOMPARE(column(sql.from<User>().whereIn("name", {"Alice", "Carol", "Nobody"}).orderBy("id").many(), userName),
             (QStringList{"Alice", "Carol"}));
    // A NULL name is not "not in" the list, as in SQL.
    QCOMPARE(column(sql.from<User>().whereNotIn("name", {"Alice"}).orderBy("id").many(), userName),
             (QStringList{"Bob", "Carol"}));
    QCOMPARE(column(sql.from<User>().whereIn("id", QList<int>{2, 3}).orderBy("id").many(), userName),
             (QStringList{"Bob", "<null>"}));
    QCOMPARE(column(sql.from<User>().where("name", "Bob").orWhereIn("id", {1}).orderBy("id").many(), userName),
             (QStringList{"Alice", "Bob"}));
    QCOMPARE(column(sql.from<User>().whereIn("name", {"Alice", "Bob"}).orWhereNotIn("id", {1, 2, 3}).orderBy("id").many(),
                    userName),
             (QStringList{"Alice", "Bob", "Carol"}));
    // An empty list: whereIn matches nothing, whereNotIn everything, in groups too.
    QCOMPARE(sql.from<User>().whereIn("id", {}).count(), 0);
    QCOMPARE(sql.from<User>().whereIn("id", QList<int>()).count(), 0);
    QCOMPARE(sql.from<User>().whereNotIn("id", QVariantList()).count(), 4);
    QCOMPARE(column(sql.from<User>().where([](auto &q) { q.whereIn("id", {}).orWhere("name", "Bob"); }).many(), userName),
             QStringList{"Bob"});
    QCOMPARE(sql.from<User>().where([](auto &q) { q.whereNotIn("id", {}).where("name", "Bob"); }).count(), 1);
    if (sql.databaseType() == Hy::SqlDataSource::DatabaseType::SQLite) {
        const auto statement = sql.from<User>().whereIn("id", {1, 2}).whereNotIn("name", {}).toSql().count().front();
        QCOMPARE(statement.sql, QStringLiteral("SELECT COUNT(*) FROM `users` WHERE `users`.`id` IN (?, ?) AND 1 = 1"));
        QCOMPARE(statement.bindings, (QVariantList{1, 2}));
    }
    // By getter, each value's type checked by the compiler.
    QCOMPARE(column(sql.from<User>().whereIn(&User::id, {1, 4}).orderBy("id").many(), userName),
             (QStringList{"Alice", "Carol"}));
    QCOMPARE(sql.from<User>().whereNotIn(&User::email, QStringList{"alice@example.com"}).count(), 3);
    // Values match literally.
    QCOMPARE(sql.from<User>().whereIn("name", {"'; DROP TABLE users; --", "Alice' OR '1'='1"}).count(), 0);
    QCOMPARE(sql.from<User>().whereIn("id", {2, 4}).remove(), 2);
    QCOMPARE(rawCount(sql, "users"), 2);

    // Null, and values that do not fit the column: refused before any SQL.
    HY_EXPECT_REFUSED(sql.from<User>().whereIn("name", {"Alice", nullptr}).many(), ErrorCode::InvalidValue, "name");
    HY_EXPECT_REFUSED(sql.from<User>().whereNotIn("id", {1, "two"}).many(), ErrorCode::InvalidValue, "id");
    HY_EXPECT_REFUSED(sql.from<User>().whereIn("id", {1}).whereIn("id", {"x"}).remove(), ErrorCode::InvalidValue, "id");
    QCOMPARE(rawCount(sql, "users"), 2);
}

void tst_ModelQuery::whereNullMeansIsNull()
{
    HY_TEST_SOURCE(m_databases);
    seedUsers(sql);
    QCOMPARE(column(sql.from<User>().where("name", nullptr).many(), userName), QStringList{"<null>"});
    QCOMPARE(column(sql.from<User>().where("name", std::nullopt).many(), userName), QStringList{"<null>"});
    QCOMPARE(column(sql.from<User>().where("name", QVariant()).many(), userName), QStringList{"<null>"});
    const std::optional<QString> none;
    QCOMPARE(column(sql.from<User>().where("name", none).many(), userName), QStringList{"<null>"});
    QCOMPARE(column(sql.from<User>().where("isActive", "=", nullptr).many(), userName), QStringList{"Carol"});
    QCOMPARE(column(sql.from<User>().where("name", "!=", nullptr).orderBy("id").many(), userName),
             (QStringList{"Alice", "Bob", "Carol"}));
    QCOMPARE(column(sql.from<User>().where("name", "<>", nullptr).orderBy("id").many(), userName),
             (QStringList{"Alice", "Bob", "Carol"}));
}

void tst_ModelQuery::whereOperators_data()
{
    QTest::addColumn<QString>("op");
    QTest::addColumn<int>("value");
    QTest::addColumn<QStringList>("codes");
    QTest::newRow("=") << "=" << 3 << QStringList{"c"};
    QTest::newRow("!=") << "!=" << 3 << QStringList{"a", "b", "d", "e"};
    QTest::newRow("<>") << "<>" << 3 << QStringList{"a", "b", "d", "e"};
    QTest::newRow("<") << "<" << 3 << QStringList{"a", "b"};
    QTest::newRow("<=") << "<=" << 3 << QStringList{"a", "b", "c"};
    QTest::newRow(">") << ">" << 3 << QStringList{"d", "e"};
    QTest::newRow(">=") << ">=" << 3 << QStringList{"c", "d", "e"};
}

static void seedSamples(Hy::SqlDataSource &sql, int count)
{
    QList<Hy::Values<Sample>> rows;
    for (int i = 1; i <= count; ++i) {
        rows.append({{"code", QString(QChar(u'a' + i - 1))}, {"quantity", i}, {"total", i * 100},
                     {"enabled", i % 2 == 1}});
    }
    sql.from<Sample>().insertMany(rows);
}

void tst_ModelQuery::whereOperators()
{
    HY_TEST_SOURCE(m_databases);
    QFETCH(QString, op);
    QFETCH(int, value);
    QFETCH(QStringList, codes);
    seedSamples(sql, 5);
    // A runtime operator string, as from configuration or QML.
    const auto rows = sql.from<Sample>().where("quantity", op, value).orderBy("quantity").many();
    QCOMPARE(column(rows, sampleCode), codes);
}

void tst_ModelQuery::orWhereAndNullChecks()
{
    HY_TEST_SOURCE(m_databases);
    seedUsers(sql);
    QCOMPARE(column(sql.from<User>().where("name", "Alice").orWhere("name", "Bob").orderBy("id").many(),
                    userName),
             (QStringList{"Alice", "Bob"}));
    QCOMPARE(column(sql.from<User>().whereNull("name").many(), userName), QStringList{"<null>"});
    QCOMPARE(column(sql.from<User>().whereNotNull("isActive").orderBy("id").many(), userName),
             (QStringList{"Alice", "Bob", "<null>"}));
    QCOMPARE(column(sql.from<User>().where("name", "Bob").orWhereNull("isActive").orderBy("id").many(),
                    userName),
             (QStringList{"Bob", "Carol"}));
    QCOMPARE(column(sql.from<User>().whereNull("name").orWhereNotNull("name").orderBy("id").many(),
                    userName),
             (QStringList{"Alice", "Bob", "<null>", "Carol"}));
    QCOMPARE(column(sql.from<User>().where("name", "like", "%o%").orderBy("id").many(), userName),
             (QStringList{"Bob", "Carol"}));
    QCOMPARE(column(sql.from<User>().where("email", "LIKE", "a%").many(), userName), QStringList{"Alice"});
    // Case-sensitive on every database.
    QVERIFY(sql.from<User>().where("name", "like", "al%").many().empty());
}

void tst_ModelQuery::orderLimitOffset()
{
    HY_TEST_SOURCE(m_databases);
    seedSamples(sql, 5);
    QCOMPARE(column(sql.from<Sample>().orderBy("quantity", Qt::DescendingOrder).many(), sampleCode),
             (QStringList{"e", "d", "c", "b", "a"}));
    QCOMPARE(column(sql.from<Sample>().orderBy("quantity").limit(2).many(), sampleCode),
             (QStringList{"a", "b"}));
    QCOMPARE(column(sql.from<Sample>().orderBy("quantity").limit(2).offset(1).many(), sampleCode),
             (QStringList{"b", "c"}));
    QCOMPARE(column(sql.from<Sample>().orderBy("quantity").offset(3).many(), sampleCode),
             (QStringList{"d", "e"}));
    QCOMPARE(column(sql.from<Sample>().orderBy("enabled").orderBy("quantity", Qt::DescendingOrder).many(),
                    sampleCode),
             (QStringList{"d", "b", "e", "c", "a"}));
    QVERIFY(sql.from<Sample>().limit(0).many().empty());
}

void tst_ModelQuery::oneOneOrFailAndFind()
{
    HY_TEST_SOURCE(m_databases);
    seedUsers(sql);
    auto first = sql.from<User>().orderBy("id").one();
    QVERIFY(first);
    QCOMPARE(first->name(), std::optional<QString>(QStringLiteral("Alice")));
    QVERIFY(!sql.from<User>().where("name", "Nobody").one());
    QCOMPARE(sql.from<User>().where("name", "Bob").oneOrFail()->email(), QStringLiteral("bob@example.com"));
    HY_EXPECT_ERROR(sql.from<User>().where("name", "Nobody").oneOrFail(), ErrorCode::RowNotFound);

    const int bobId = sql.from<User>().where("name", "Bob").oneOrFail()->id();
    auto bob = sql.from<User>().find(bobId);
    QVERIFY(bob);
    QCOMPARE(bob->id(), bobId);
    QVERIFY(!sql.from<User>().find(bobId + 1000));
    QVERIFY(!sql.from<User>().where("isActive", true).find(bobId)); // other conditions still apply
}

void tst_ModelQuery::countHonoursConditionsAndLimit()
{
    HY_TEST_SOURCE(m_databases);
    QCOMPARE(sql.from<User>().count(), 0);
    seedUsers(sql);
    QCOMPARE(sql.from<User>().count(), 4);
    QCOMPARE(sql.from<User>().where("isActive", true).count(), 2);
    QCOMPARE(sql.from<User>().limit(3).count(), 3);
    QCOMPARE(sql.from<User>().orderBy("id").offset(3).count(), 1);
    QCOMPARE(sql.from<User>().where("name", "Nobody").count(), 0);
}

void tst_ModelQuery::insertManyKeepsOrder()
{
    HY_TEST_SOURCE(m_databases);
    const auto users = sql.from<User>().insertMany({
            {{"name", "A"}, {"email", "a@example.com"}},
            {{"name", "B"}, {"email", "b@example.com"}},
            {{"name", "C"}, {"email", "c@example.com"}},
    });
    QCOMPARE(column(users, userName), (QStringList{"A", "B", "C"}));
    QVERIFY(users[0]->id() < users[1]->id() && users[1]->id() < users[2]->id());
    for (const auto &user : users)
        QVERIFY(user->createdAt().has_value());
    const auto stored = sql.from<User>().orderBy("id").many();
    QCOMPARE(column(stored, userName), (QStringList{"A", "B", "C"}));
    QCOMPARE(stored[1]->id(), users[1]->id());
}

void tst_ModelQuery::insertManyChunksLargeBatches()
{
    HY_TEST_SOURCE(m_databases);
    // More rows than one statement takes (and than SQLite's 999 parameters
    // allow at 9 columns), so several chunks and a last, shorter one.
    QList<QVariantMap> rows;
    for (int i = 0; i < 1234; ++i)
        rows.append({{"code", QString::number(i)}, {"quantity", i}, {"total", qint64(i) * 3}, {"enabled", true}});
    const auto samples = sql.from<Sample>().insertMany(rows);
    QCOMPARE(samples.size(), std::size_t(1234));
    for (int i = 0; i < 1234; ++i) {
        QCOMPARE(samples[std::size_t(i)]->code(), QString::number(i));
        QCOMPARE(samples[std::size_t(i)]->total(), qint64(i) * 3);
        if (i > 0)
            QVERIFY(samples[std::size_t(i)]->id() > samples[std::size_t(i - 1)]->id());
    }
    QCOMPARE(rawCount(sql, QStringLiteral("samples")), 1234);
    QCOMPARE(sql.from<Sample>().where("quantity", ">=", 1000).count(), 234);
}

void tst_ModelQuery::insertManyMixedColumns()
{
    HY_TEST_SOURCE(m_databases);
    const auto users = sql.from<User>().insertMany({
            {{"name", "A"}, {"email", "a@example.com"}},
            {{"email", "b@example.com"}, {"isActive", true}},
            {{"name", "C"}, {"email", "c@example.com"}},
    });
    QCOMPARE(column(users, userName), (QStringList{"A", "<null>", "C"}));
    QCOMPARE(users[1]->isActive(), std::optional<bool>(true));
    QCOMPARE(users[1]->email(), QStringLiteral("b@example.com"));
    QCOMPARE(sql.from<User>().count(), 3);
}

void tst_ModelQuery::insertManyIsAllOrNothing()
{
    HY_TEST_SOURCE(m_databases);
    sql.from<Tag>().insert({{"code", "taken"}, {"label", "first"}});
    QList<Hy::Values<Tag>> rows;
    for (int i = 0; i < 700; ++i)
        rows.append({{"code", QStringLiteral("t%1").arg(i)}});
    rows.append({{"code", "taken"}}); // fails in the second chunk
    HY_EXPECT_ERROR(sql.from<Tag>().insertMany(rows), ErrorCode::UniqueViolation);
    QCOMPARE(rawCount(sql, QStringLiteral("tags")), 1);
    QCOMPARE(sql.from<Tag>().oneOrFail()->label(), std::optional<QString>(QStringLiteral("first")));
}

void tst_ModelQuery::insertManyValidatesEveryRowFirst()
{
    HY_TEST_SOURCE(m_databases);
    HY_EXPECT_ERROR(sql.from<Sample>().insertMany({
                            {{"code", "ok"}, {"total", 1}, {"enabled", true}},
                            {{"code", "bad"}, {"total", "lots"}, {"enabled", true}},
                    }),
                    ErrorCode::InvalidValue);
    HY_EXPECT_ERROR(sql.from<Sample>().insertMany({
                            {{"code", "ok"}, {"total", 1}, {"enabled", true}},
                            {{"code", "nototal"}, {"enabled", true}},
                    }),
                    ErrorCode::MissingValue);
    QCOMPARE(rawCount(sql, QStringLiteral("samples")), 0);
}

void tst_ModelQuery::updateSetsColumnsAndAutoUpdate()
{
    HY_TEST_SOURCE(m_databases);
    const QDateTime past = utc(2020, 1, 2, 3, 4, 5);
    sql.from<User>().insertMany({
            {{"name", "Alice"}, {"email", "alice@example.com"}, {"createdAt", past}, {"updatedAt", past}},
            {{"name", "Bob"}, {"email", "bob@example.com"}, {"createdAt", past}, {"updatedAt", past}},
    });
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    QCOMPARE(sql.from<User>().where("name", "Alice").update({{"isActive", true}, {"name", "Alicia"}}), 1);

    auto alicia = sql.from<User>().where("name", "Alicia").oneOrFail();
    QCOMPARE(alicia->isActive(), std::optional<bool>(true));
    QCOMPARE(*alicia->createdAt(), past);
    QVERIFY(*alicia->updatedAt() >= before);
    auto bob = sql.from<User>().where("name", "Bob").oneOrFail();
    QCOMPARE(*bob->updatedAt(), past);
    QVERIFY(!bob->isActive().has_value());

    // Rows matched, not rows changed: the same on every database.
    QCOMPARE(sql.from<User>().update({{"isActive", true}}), 2);
    QCOMPARE(sql.from<User>().update({{"isActive", true}}), 2);
    QCOMPARE(sql.from<User>().where("name", "Nobody").update({{"isActive", false}}), 0);
    // Setting null where it is allowed, and refusing it where it is not.
    QCOMPARE(sql.from<User>().where("name", "Bob").update({{"name", nullptr}}), 1);
    QCOMPARE(sql.from<User>().whereNull("name").count(), 1);
    HY_EXPECT_ERROR(sql.from<User>().update({{"email", nullptr}}), ErrorCode::NullValue);
    HY_EXPECT_ERROR(sql.from<User>().update({}), ErrorCode::InvalidQuery);
    QCOMPARE(sql.from<User>().whereNull("email").count(), 0);
}

void tst_ModelQuery::updateAndRemoveRejectLimitAndOrder()
{
    HY_TEST_SOURCE(m_databases);
    seedUsers(sql);
    HY_EXPECT_ERROR(sql.from<User>().limit(1).update({{"isActive", false}}), ErrorCode::InvalidQuery);
    HY_EXPECT_ERROR(sql.from<User>().offset(1).update({{"isActive", false}}), ErrorCode::InvalidQuery);
    HY_EXPECT_ERROR(sql.from<User>().orderBy("id").remove(), ErrorCode::InvalidQuery);
    HY_EXPECT_ERROR(sql.from<User>().limit(1).remove(), ErrorCode::InvalidQuery);
    QCOMPARE(sql.from<User>().count(), 4);
    QCOMPARE(sql.from<User>().where("isActive", false).count(), 1);
}

void tst_ModelQuery::removeDeletesMatchingRows()
{
    HY_TEST_SOURCE(m_databases);
    seedUsers(sql);
    QCOMPARE(sql.from<User>().where("isActive", true).remove(), 2);
    QCOMPARE(column(sql.from<User>().orderBy("id").many(), userName), (QStringList{"Bob", "Carol"}));
    QCOMPARE(sql.from<User>().where("name", "Nobody").remove(), 0);
    QCOMPARE(sql.from<User>().remove(), 2);
    QCOMPARE(rawCount(sql, QStringLiteral("users")), 0);
}

void tst_ModelQuery::unknownColumnsAreRejected()
{
    HY_TEST_SOURCE(m_databases);
    seedUsers(sql);
    const QString typo = QStringLiteral("nmae");
    HY_EXPECT_ERROR(sql.from<User>().where(typo, "Alice").many(), ErrorCode::UnknownColumn);
    HY_EXPECT_ERROR(sql.from<User>().orderBy(QStringLiteral("active")), ErrorCode::UnknownColumn);
    HY_EXPECT_ERROR(sql.from<User>().insert(QVariantMap{{"email", "x@example.com"}, {"nmae", "x"}}),
                    ErrorCode::UnknownColumn);
    HY_EXPECT_ERROR(sql.from<User>().update(QVariantMap{{"nmae", "x"}}), ErrorCode::UnknownColumn);
    HY_EXPECT_ERROR(sql.from<User>().insertMany(QList<QVariantMap>{{{"email", "y@example.com"}},
                                                                    {{"email", "z@example.com"}, {"x", 1}}}),
                    ErrorCode::UnknownColumn);
    QCOMPARE(rawCount(sql, QStringLiteral("users")), 4);
    QCOMPARE(sql.from<User>().where("name", "x").count(), 0);
}

void tst_ModelQuery::badValues_data()
{
    QTest::addColumn<QVariantMap>("values");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("column");
    const QVariantMap ok{{"code", "ok"}, {"total", 1}, {"enabled", true}};
    auto with = [ok](const QString &key, const QVariant &value) {
        QVariantMap map = ok;
        if (value.isValid())
            map.insert(key, value);
        else
            map.remove(key);
        return map;
    };
    QTest::newRow("text in integer") << with("quantity", "abc") << ErrorCode::InvalidValue << "quantity";
    QTest::newRow("fraction in integer") << with("quantity", 1.5) << ErrorCode::InvalidValue << "quantity";
    QTest::newRow("beyond 32 bits") << with("quantity", qint64(3000000000)) << ErrorCode::InvalidValue
                                    << "quantity";
    QTest::newRow("text in bigInteger") << with("total", "lots") << ErrorCode::InvalidValue << "total";
    QTest::newRow("text in float") << with("ratio", "half") << ErrorCode::InvalidValue << "ratio";
    QTest::newRow("bool in float") << with("ratio", true) << ErrorCode::InvalidValue << "ratio";
    QTest::newRow("text in boolean") << with("enabled", "yes") << ErrorCode::InvalidValue << "enabled";
    QTest::newRow("2 in boolean") << with("enabled", 2) << ErrorCode::InvalidValue << "enabled";
    QTest::newRow("number in string") << with("code", 12) << ErrorCode::InvalidValue << "code";
    QTest::newRow("bad date-time") << with("happenedAt", "yesterday") << ErrorCode::InvalidValue
                                   << "happenedAt";
    QTest::newRow("invalid date") << with("happenedAt", "2026-02-30 10:00:00") << ErrorCode::InvalidValue
                                  << "happenedAt";
    QTest::newRow("too long") << with("code", "123456789") << ErrorCode::ValueTooLong << "code";
    QTest::newRow("null in non-nullable") << with("code", QVariant::fromValue(nullptr)) << ErrorCode::NullValue
                                          << "code";
    QTest::newRow("missing non-nullable") << with("total", QVariant()) << ErrorCode::MissingValue << "total";
}

void tst_ModelQuery::badValues()
{
    HY_TEST_SOURCE(m_databases);
    QFETCH(QVariantMap, values);
    QFETCH(ErrorCode, code);
    QFETCH(QString, column);
    try {
        sql.from<Sample>().insert(values);
        QFAIL("expected an error");
    } catch (const Hy::Error &error) {
        QCOMPARE(error.codeName(), Hy::Error::codeName(code));
        QCOMPARE(error.column(), column);
        QVERIFY(error.sql().isEmpty()); // raised before any SQL
    }
    QCOMPARE(rawCount(sql, QStringLiteral("samples")), 0);
    // Four characters of UTF-16 but eight characters: fits VARCHAR(8).
    QCOMPARE(sql.from<Sample>().insert({{"code", QStringLiteral("😀😀😀😀éééé")}, {"total", 1}, {"enabled", true}})
                     ->code(),
             QStringLiteral("😀😀😀😀éééé"));
}

void tst_ModelQuery::badWhereValues()
{
    HY_TEST_SOURCE(m_databases);
    seedSamples(sql, 2);
    HY_EXPECT_ERROR(sql.from<Sample>().where("quantity", "abc").many(), ErrorCode::InvalidValue);
    HY_EXPECT_ERROR(sql.from<Sample>().where("enabled", ">", "x").count(), ErrorCode::InvalidValue);
    HY_EXPECT_ERROR(sql.from<Sample>().where("quantity", "<", nullptr).many(), ErrorCode::InvalidValue);
    HY_EXPECT_ERROR(sql.from<Sample>().where("code", "like", 3).many(), ErrorCode::InvalidValue);
    // The databases disagree on LIKE over numbers: refused on every one.
    HY_EXPECT_ERROR(sql.from<Sample>().where("quantity", "like", "1%").many(), ErrorCode::InvalidQuery);
    HY_EXPECT_ERROR(sql.from<Sample>().where("quantity", QStringLiteral("=="), 3).many(),
                    ErrorCode::UnknownOperator);
    // A value longer than the column just matches nothing.
    QCOMPARE(sql.from<Sample>().where("code", "123456789").count(), 0);
}

void tst_ModelQuery::uniqueViolation()
{
    HY_TEST_SOURCE(m_databases);
    sql.from<Tag>().insert({{"code", "qt"}, {"label", "Qt"}});
    try {
        sql.from<Tag>().insert({{"code", "qt"}, {"label", "again"}});
        QFAIL("expected UniqueViolation");
    } catch (const Hy::Error &error) {
        QCOMPARE(error.code(), ErrorCode::UniqueViolation);
        QCOMPARE(error.codeName(), QStringLiteral("UNIQUE_VIOLATION"));
        QVERIFY(error.sql().startsWith(u"INSERT INTO"));
        QVERIFY(error.driverError().isValid());
        QVERIFY(!error.driverError().nativeErrorCode().isEmpty());
        QVERIFY(!error.message().isEmpty());
    }
    QCOMPARE(rawCount(sql, QStringLiteral("tags")), 1);
    QCOMPARE(sql.from<Tag>().find("qt")->label(), std::optional<QString>(QStringLiteral("Qt")));
}

void tst_ModelQuery::kindsRoundTrip()
{
    HY_TEST_SOURCE(m_databases);
    const QDateTime when(QDate(2026, 3, 29), QTime(2, 30, 15, 250), Qt::OffsetFromUTC, 2 * 3600);
    const QString notes = QStringLiteral("Grüße 👋\n'quoted' \"double\" \\backslash; -- comment");
    auto stored = sql.from<Sample>().insert({{"code", "all"},
                                             {"quantity", -2147483647},
                                             {"total", Q_INT64_C(9007199254740993)},
                                             {"ratio", 0.25},
                                             {"price", 1234.56},
                                             {"notes", notes},
                                             {"enabled", true},
                                             {"happenedAt", when}});
    auto check = [&](const Sample &s) {
        QCOMPARE(s.code(), QStringLiteral("all"));
        QCOMPARE(s.quantity(), std::optional<int>(-2147483647));
        QCOMPARE(s.total(), Q_INT64_C(9007199254740993));
        QCOMPARE(s.ratio(), std::optional<double>(0.25));
        QCOMPARE(s.price(), Hy::Decimal::fromUnits(123456, 2));
        QCOMPARE(s.notes(), std::optional<QString>(notes));
        QCOMPARE(s.enabled(), true);
        QVERIFY(s.happenedAt().has_value());
        QCOMPARE(*s.happenedAt(), when);
        QCOMPARE(s.happenedAt()->timeSpec(), Qt::UTC);
        QCOMPARE(*s.happenedAt(), utc(2026, 3, 29, 0, 30, 15, 250));
    };
    check(*stored);
    check(*sql.from<Sample>().find(stored->id()));

    auto empty = sql.from<Sample>().insert({{"code", "none"}, {"total", 0}, {"enabled", false}});
    QVERIFY(!empty->quantity() && !empty->ratio() && !empty->price() && !empty->notes()
            && !empty->happenedAt());
    QCOMPARE(empty->enabled(), false);
    QCOMPARE(sql.from<Sample>().where("enabled", false).oneOrFail()->code(), QStringLiteral("none"));
    QCOMPARE(sql.from<Sample>().where("total", Q_INT64_C(9007199254740993)).count(), 1);
    QCOMPARE(sql.from<Sample>().where("price", 1234.56).count(), 1);
    QCOMPARE(sql.from<Sample>().where("notes", notes).count(), 1);
}

void tst_ModelQuery::dateTimesAreUtc()
{
    HY_TEST_SOURCE(m_databases);
    const QDateTime early = utc(2026, 1, 1, 23, 30, 0);
    // The same instant as `early`, written in another zone.
    const QDateTime sameInstant(QDate(2026, 1, 2), QTime(5, 0), Qt::OffsetFromUTC, 5 * 3600 + 1800);
    sql.from<Sample>().insertMany({
            {{"code", "early"}, {"total", 1}, {"enabled", true}, {"happenedAt", early}},
            {{"code", "iso"}, {"total", 2}, {"enabled", true}, {"happenedAt", "2026-01-02T10:00:00.125Z"}},
            {{"code", "late"}, {"total", 3}, {"enabled", true}, {"happenedAt", utc(2026, 7, 1, 12, 0, 0)}},
    });
    QCOMPARE(sql.from<Sample>().where("happenedAt", sameInstant).oneOrFail()->code(), QStringLiteral("early"));
    QCOMPARE(*sql.from<Sample>().where("code", "iso").oneOrFail()->happenedAt(),
             utc(2026, 1, 2, 10, 0, 0, 125));
    QCOMPARE(column(sql.from<Sample>().where("happenedAt", ">", early).orderBy("happenedAt").many(),
                    sampleCode),
             (QStringList{"iso", "late"}));
    QCOMPARE(column(sql.from<Sample>().where("happenedAt", "<=", "2026-01-02 10:00:00.125")
                            .orderBy("happenedAt").many(),
                    sampleCode),
             (QStringList{"early", "iso"}));
}

void tst_ModelQuery::chosenPrimaryKey()
{
    HY_TEST_SOURCE(m_databases);
    const auto tags = sql.from<Tag>().insertMany({{{"code", "zeta"}, {"label", "Z"}},
                                                  {{"code", "alpha"}, {"label", "A"}},
                                                  {{"code", "mu"}}});
    QCOMPARE(tags.size(), std::size_t(3));
    QCOMPARE(tags[0]->code(), QStringLiteral("zeta"));
    QCOMPARE(tags[1]->label(), std::optional<QString>(QStringLiteral("A")));
    QCOMPARE(tags[2]->code(), QStringLiteral("mu"));
    QVERIFY(!tags[2]->label().has_value());
    QCOMPARE(sql.from<Tag>().find("alpha")->label(), std::optional<QString>(QStringLiteral("A")));
    HY_EXPECT_ERROR(sql.from<Tag>().insert({{"label", "no key"}}), ErrorCode::MissingValue);
}

void tst_ModelQuery::modelWithoutPrimaryKey()
{
    HY_TEST_SOURCE(m_databases);
    auto entry = sql.from<LogEntry>().insert({{"message", "started"}, {"level", 1}});
    QCOMPARE(entry->message(), QStringLiteral("started"));
    QCOMPARE(entry->level(), std::optional<int>(1));
    const auto entries = sql.from<LogEntry>().insertMany({{{"message", "a"}}, {{"message", "b"}, {"level", 3}}});
    QCOMPARE(entries[1]->message(), QStringLiteral("b"));
    QCOMPARE(entries[1]->level(), std::optional<int>(3));
    QCOMPARE(sql.from<LogEntry>().count(), 3);
    QCOMPARE(sql.from<LogEntry>().where("level", 3).update({{"level", 4}}), 1);
    QCOMPARE(sql.from<LogEntry>().where("level", 4).oneOrFail()->message(), QStringLiteral("b"));
}

void tst_ModelQuery::textIsBoundNotPasted()
{
    HY_TEST_SOURCE(m_databases);
    const QStringList payloads{QStringLiteral("'; DROP TABLE users; --"),
                               QStringLiteral("\" OR 1=1 --"),
                               QStringLiteral("\\'; SELECT 1; --"),
                               QStringLiteral("`backtick`"),
                               QStringLiteral("? :name $1 %s")};
    for (int i = 0; i < payloads.size(); ++i) {
        sql.from<User>().insert({{"name", payloads[i]}, {"email", QStringLiteral("p%1@example.com").arg(i)}});
    }
    QCOMPARE(rawCount(sql, QStringLiteral("users")), payloads.size());
    for (const QString &payload : payloads) {
        const auto found = sql.from<User>().where("name", payload).many();
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found.front()->name(), std::optional<QString>(payload));
    }
}

void tst_ModelQuery::builderIsAValue()
{
    HY_TEST_SOURCE(m_databases);
    seedUsers(sql);
    auto active = sql.from<User>().where("isActive", true);
    auto activeAlice = active;
    activeAlice.where("name", "Alice");
    QCOMPARE(active.count(), 2);
    QCOMPARE(activeAlice.count(), 1);
    QCOMPARE(active.many().size(), std::size_t(2)); // running leaves it unchanged
    QCOMPARE(active.many().size(), std::size_t(2));
    QCOMPARE(active.one()->name(), std::optional<QString>(QStringLiteral("Alice")));
    QCOMPARE(active.many().size(), std::size_t(2));
}

void tst_ModelQuery::resultsBelongToTheCaller()
{
    HY_TEST_SOURCE(m_databases);
    seedUsers(sql);
    auto users = sql.from<User>().many();
    QCOMPARE(users.size(), std::size_t(4));
    QPointer<User> watched = users.front().get();
    QVERIFY(!watched->parent());
    User *kept = users.back().release();
    kept->setParent(this);
    users.clear();
    QVERIFY(watched.isNull());
    QCOMPARE(kept->parent(), this);
    delete kept;
}

void tst_ModelQuery::findKeepsOrWhereApart()
{
    HY_TEST_SOURCE(m_databases);
    seedUsers(sql);
    const auto users = sql.from<User>().orderBy("id").many();
    const int alice = users[0]->id(), bob = users[1]->id(), carol = users[3]->id();
    auto aliceOrBob = sql.from<User>().where("name", "Alice").orWhere("name", "Bob");
    // (name = Alice OR name = Bob) AND id = ?, not name = Alice OR (name = Bob AND id = ?)
    QCOMPARE(aliceOrBob.find(bob)->id(), bob);
    QCOMPARE(aliceOrBob.find(alice)->id(), alice);
    QVERIFY(!aliceOrBob.find(carol));
    QCOMPARE(aliceOrBob.count(), 2);
}

void tst_ModelQuery::limitZeroMeansNone()
{
    HY_TEST_SOURCE(m_databases);
    seedUsers(sql);
    QVERIFY(!sql.from<User>().limit(0).one());
    QVERIFY(!sql.from<User>().limit(0).find(sql.from<User>().oneOrFail()->id()));
    QCOMPARE(sql.from<User>().limit(0).count(), 0);
}

void tst_ModelQuery::insertManyKeepsTheGivenOrder()
{
    HY_TEST_SOURCE(m_databases);
    QSqlQuery raw(sql.database());
    QVERIFY2(raw.exec(QStringLiteral("CREATE TABLE nodes (code VARCHAR(16) NOT NULL PRIMARY KEY, "
                                     "parent VARCHAR(16) REFERENCES nodes (code), label VARCHAR(255))")),
             qPrintable(raw.lastError().text()));
    // Each child comes after its parent, and the rows set different columns:
    // inserting them in any other order breaks the foreign key.
    const auto nodes = sql.from<Node>().insertMany({
            {{"code", "p"}},
            {{"code", "c1"}, {"parent", "p"}},
            {{"code", "p2"}, {"label", "second root"}},
            {{"code", "c2"}, {"parent", "p2"}},
            {{"code", "c3"}, {"parent", "c2"}},
    });
    QStringList codes;
    for (const auto &node : nodes)
        codes << node->code();
    QCOMPARE(codes, (QStringList{"p", "c1", "p2", "c2", "c3"}));
    QCOMPARE(nodes[3]->parent(), std::optional<QString>(QStringLiteral("p2")));
    QCOMPARE(sql.from<Node>().count(), 5);
    HY_EXPECT_ERROR(sql.from<Node>().insertMany({{{"code", "orphan"}, {"parent", "nobody"}}, {{"code", "x"}}}),
                    ErrorCode::ForeignKeyViolation);
    QCOMPARE(sql.from<Node>().count(), 5);
}

void tst_ModelQuery::insertManyTakesRanges()
{
    HY_TEST_SOURCE(m_databases);
    Hy::ModelList<User> drafts;
    for (const char *email : {"a@example.com", "b@example.com"}) {
        auto draft = std::make_unique<User>();
        draft->setEmail(QString::fromLatin1(email));
        drafts.push_back(std::move(draft));
    }
    const auto fromDrafts = sql.from<User>().insertMany(drafts);
    QCOMPARE(fromDrafts.size(), std::size_t(2));
    QCOMPARE(fromDrafts[0]->email(), QStringLiteral("a@example.com"));
    QCOMPARE(fromDrafts[1]->email(), QStringLiteral("b@example.com"));

    User third, fourth;
    third.setEmail(QStringLiteral("c@example.com"));
    fourth.setEmail(QStringLiteral("d@example.com"));
    fourth.setName(QStringLiteral("Dora"));
    const QList<User *> pointers{&third, &fourth};
    const auto stored = sql.from<User>().insertMany(pointers);
    QCOMPARE(stored[1]->name(), std::optional<QString>(QStringLiteral("Dora")));

    const QList<QVariantMap> maps{{{"email", "e@example.com"}}, {{"email", "f@example.com"}, {"isActive", true}}};
    QCOMPARE(sql.from<User>().insertMany(maps)[1]->isActive(), std::optional<bool>(true));
    QCOMPARE(sql.from<User>().count(), 6);
    QCOMPARE(sql.from<User>().insertMany(QList<QVariantMap>()).size(), std::size_t(0));
}

void tst_ModelQuery::explicitKeysDoNotCollideLater()
{
    HY_TEST_SOURCE(m_databases);
    QCOMPARE(sql.from<User>().insert({{"id", 100}, {"email", "a@example.com"}})->id(), 100);
    QCOMPARE(sql.from<User>().insert({{"email", "b@example.com"}})->id(), 101);
    const auto batch = sql.from<User>().insertMany({{{"id", 200}, {"email", "c@example.com"}},
                                                    {{"id", 201}, {"email", "d@example.com"}}});
    QCOMPARE(batch[1]->id(), 201);
    QCOMPARE(sql.from<User>().insert({{"email", "e@example.com"}})->id(), 202);

    // A given key followed by generated ones in one batch.
    const auto mixed = sql.from<User>().insertMany({{{"id", 300}, {"email", "f@example.com"}},
                                                    {{"email", "g@example.com"}}});
    QCOMPARE(mixed[0]->id(), 300);
    QCOMPARE(mixed[1]->id(), 301);

    // Never back: keys handed out and deleted are not handed out again.
    QCOMPARE(sql.from<User>().where("id", ">=", 200).remove(), 5);
    QCOMPARE(sql.from<User>().insert({{"id", 150}, {"email", "h@example.com"}})->id(), 150);
    QCOMPARE(sql.from<User>().insert({{"email", "i@example.com"}})->id(), 302);

    // 0 is a key like any other.
    QCOMPARE(sql.from<User>().insert({{"id", 0}, {"email", "zero@example.com"}})->id(), 0);
    QCOMPARE(sql.from<User>().find(0)->email(), QStringLiteral("zero@example.com"));
}

void tst_ModelQuery::writesJoinTheApplicationsTransaction()
{
    HY_TEST_SOURCE(m_databases);
    QSqlDatabase connection = sql.database();

    // The application's own transaction, opened on the connection directly.
    QVERIFY(connection.transaction());
    sql.from<User>().insertMany({{{"email", "a@example.com"}}, {{"email", "b@example.com"}}});
    // A failing batch is undone to its savepoint; the application's work stays.
    HY_EXPECT_ERROR(sql.from<Tag>().insertMany({{{"code", "same"}}, {{"code", "same"}}}),
                    ErrorCode::UniqueViolation);
    sql.from<Tag>().insert({{"code", "kept"}});
    QCOMPARE(sql.from<User>().count(), 2);
    QVERIFY(connection.rollback());
    QCOMPARE(rawCount(sql, QStringLiteral("users")), 0);
    QCOMPARE(rawCount(sql, QStringLiteral("tags")), 0);

    QVERIFY(connection.transaction());
    sql.from<User>().insertMany({{{"email", "c@example.com"}}, {{"email", "d@example.com"}}});
    sql.from<Tag>().insert({{"code", "t"}});
    QVERIFY(connection.commit());
    QCOMPARE(rawCount(sql, QStringLiteral("users")), 2);
    QCOMPARE(rawCount(sql, QStringLiteral("tags")), 1);

    if (db.startsWith(u"mariadb")) {
        // A session without autocommit is the application's to commit,
        // whatever ran in it before.
        auto other = m_databases.openAnother(db);
        QSqlQuery session(connection);
        QVERIFY(session.exec(QStringLiteral("SET autocommit = 0")));
        sql.from<User>().insertMany({{{"email", "e@example.com"}}, {{"email", "f@example.com"}}});
        QCOMPARE(sql.from<User>().count(), 4);
        sql.from<Tag>().insert({{"code", "u"}});
        QCOMPARE(other->from<User>().count(), 2);
        QCOMPARE(other->from<Tag>().count(), 1);
        QVERIFY(connection.commit());
        QCOMPARE(other->from<User>().count(), 4);
        QCOMPARE(other->from<Tag>().count(), 2);
        QVERIFY(session.exec(QStringLiteral("SET autocommit = 1")));
    }
}

void tst_ModelQuery::failedCommitWritesNothing()
{
    HY_TEST_SOURCE(m_databases);
    if (db.startsWith(u"mariadb"))
        QSKIP("MariaDB checks foreign keys at once: no constraint is left for COMMIT to fail on");
    sql.schema().dropTables<Post>();
    const QString types = db == u"sqlite"
            ? QStringLiteral("id INTEGER PRIMARY KEY AUTOINCREMENT, created_at DATETIME, updated_at DATETIME")
            : QStringLiteral("id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
                             "created_at TIMESTAMP(3) WITH TIME ZONE, updated_at TIMESTAMP(3) WITH TIME ZONE");
    QSqlQuery raw(sql.database());
    QVERIFY2(raw.exec(QStringLiteral("CREATE TABLE posts (%1, title VARCHAR(255), body TEXT, user_id INTEGER "
                                     "REFERENCES users (id) DEFERRABLE INITIALLY DEFERRED)")
                              .arg(types)),
             qPrintable(raw.lastError().text()));
    // Every INSERT succeeds; the deferred foreign key fails at COMMIT, with
    // the code it has when it fails at once.
    HY_EXPECT_ERROR(sql.from<Post>().insertMany({{{"title", "a"}, {"userId", 999}}, {{"title", "b"}}}),
                    ErrorCode::ForeignKeyViolation);
    QCOMPARE(rawCount(sql, QStringLiteral("posts")), 0);
    auto user = sql.from<User>().insert({{"email", "a@example.com"}});
    const auto posts = sql.from<Post>().insertMany({{{"title", "a"}, {"userId", user->id()}}, {{"title", "b"}}});
    QCOMPARE(posts.size(), std::size_t(2));
    QCOMPARE(posts[0]->userId(), std::optional<int>(user->id()));
    QCOMPARE(posts[1]->title(), std::optional<QString>(QStringLiteral("b")));
    QCOMPARE(rawCount(sql, QStringLiteral("posts")), 2);
}

void tst_ModelQuery::unreadableValuesAreReported()
{
    HY_TEST_SOURCE(m_databases);
    if (db != u"sqlite")
        QSKIP("typed columns cannot hold these values: only SQLite's can");
    QSqlQuery raw(sql.database());
    QVERIFY(raw.exec(QStringLiteral(
            "INSERT INTO samples (code, quantity, grand_total, enabled) VALUES ('a', 'abc', 1, 1)")));
    auto expect = [&](const QString &column) {
        try {
            sql.from<Sample>().many();
            QFAIL("expected UnreadableValue");
        } catch (const Hy::Error &error) {
            QCOMPARE(error.code(), ErrorCode::UnreadableValue);
            QCOMPARE(error.column(), column);
        }
    };
    expect(QStringLiteral("quantity"));
    QVERIFY(raw.exec(QStringLiteral("UPDATE samples SET quantity = 5000000000"))); // beyond int
    expect(QStringLiteral("quantity"));
    QVERIFY(raw.exec(QStringLiteral("UPDATE samples SET quantity = 5, happened_at = 'not a date'")));
    expect(QStringLiteral("happenedAt"));
    QVERIFY(raw.exec(QStringLiteral("UPDATE samples SET happened_at = NULL, enabled = 7")));
    expect(QStringLiteral("enabled"));
    QVERIFY(raw.exec(QStringLiteral("UPDATE samples SET enabled = 'true'")));
    QCOMPARE(sql.from<Sample>().oneOrFail()->enabled(), true);
    QVERIFY(raw.exec(QStringLiteral("UPDATE samples SET quantity = 3.7")));
    expect(QStringLiteral("quantity"));
    QVERIFY(raw.exec(QStringLiteral("UPDATE samples SET quantity = 3.0, grand_total = 1e30")));
    expect(QStringLiteral("total"));
    QVERIFY(raw.exec(QStringLiteral("UPDATE samples SET grand_total = 9.0")));
    QCOMPARE(sql.from<Sample>().oneOrFail()->total(), 9);
    QVERIFY(raw.exec(QStringLiteral("INSERT INTO users (id, email) VALUES (5000000000, 'big@example.com')")));
    HY_EXPECT_ERROR(sql.from<User>().many(), ErrorCode::UnreadableValue); // an increment key is 32-bit

    // A row that cannot be read back is not left written.
    QVERIFY(raw.exec(QStringLiteral("DROP TABLE log_entries")));
    QVERIFY(raw.exec(QStringLiteral(
            "CREATE TABLE log_entries (message TEXT NOT NULL, level INTEGER DEFAULT 'n/a')")));
    HY_EXPECT_ERROR(sql.from<LogEntry>().insert({{"message", "x"}}), ErrorCode::UnreadableValue);
    HY_EXPECT_ERROR(sql.from<LogEntry>().insertMany({{{"message", "y"}}, {{"message", "z"}}}),
                    ErrorCode::UnreadableValue);
    QCOMPARE(rawCount(sql, QStringLiteral("log_entries")), 0);
}

void tst_ModelQuery::dateTimeRange()
{
    HY_TEST_SOURCE(m_databases);
    const QDateTime first = utc(1, 1, 1, 0, 0, 0);
    const QDateTime last = utc(9999, 12, 31, 23, 59, 59, 999);
    sql.from<Sample>().insertMany({{{"code", "first"}, {"total", 1}, {"enabled", true}, {"happenedAt", first}},
                                   {{"code", "last"}, {"total", 2}, {"enabled", true}, {"happenedAt", last}},
                                   {{"code", "minutes"}, {"total", 3}, {"enabled", true},
                                    {"happenedAt", "2026-01-02 10:30"}}});
    QCOMPARE(*sql.from<Sample>().where("code", "first").oneOrFail()->happenedAt(), first);
    QCOMPARE(*sql.from<Sample>().where("code", "last").oneOrFail()->happenedAt(), last);
    QCOMPARE(*sql.from<Sample>().where("code", "minutes").oneOrFail()->happenedAt(), utc(2026, 1, 2, 10, 30, 0));
    HY_EXPECT_ERROR(sql.from<Sample>().insert({{"code", "x"}, {"total", 1}, {"enabled", true},
                                              {"happenedAt", utc(10000, 1, 1, 0, 0, 0)}}),
                    ErrorCode::InvalidValue);
    HY_EXPECT_ERROR(sql.from<Sample>().insert({{"code", "x"}, {"total", 1}, {"enabled", true},
                                              {"happenedAt", utc(-44, 3, 15, 12, 0, 0)}}),
                    ErrorCode::InvalidValue);
    // 9999-12-31 late in the day in UTC-5 is already year 10000 in UTC.
    HY_EXPECT_ERROR(sql.from<Sample>().insert({{"code", "x"}, {"total", 1}, {"enabled", true},
                                              {"happenedAt", QDateTime(QDate(9999, 12, 31), QTime(22, 0),
                                                                       Qt::OffsetFromUTC, -5 * 3600)}}),
                    ErrorCode::InvalidValue);
    QCOMPARE(sql.from<Sample>().count(), 3);

    // Either side of the epoch, leap days, centuries; offsets taken to UTC.
    const QList<std::pair<QDateTime, QString>> instants{
            {utc(1969, 12, 31, 23, 59, 59, 999), QStringLiteral("1969-12-31 23:59:59.999")},
            {utc(1970, 1, 1, 0, 0, 0), QStringLiteral("1970-01-01 00:00:00.000")},
            {utc(1900, 2, 28, 23, 59, 59, 1), QStringLiteral("1900-02-28 23:59:59.001")},
            {utc(2000, 2, 29, 12, 34, 56, 789), QStringLiteral("2000-02-29 12:34:56.789")},
            {QDateTime(QDate(2100, 3, 1), QTime(1, 0), Qt::OffsetFromUTC, 2 * 3600),
             QStringLiteral("2100-02-28 23:00:00.000")},
            {utc(1600, 12, 31, 0, 0, 0), QStringLiteral("1600-12-31 00:00:00.000")},
    };
    QList<Hy::Values<Sample>> rows;
    for (qsizetype i = 0; i < instants.size(); ++i)
        rows.append({{"code", QStringLiteral("i%1").arg(i)}, {"total", 1}, {"enabled", true},
                     {"happenedAt", instants[i].first}});
    const auto stored = sql.from<Sample>().insertMany(rows);
    for (qsizetype i = 0; i < instants.size(); ++i) {
        const QDateTime expected = instants[i].first.toUTC();
        QCOMPARE(*stored[std::size_t(i)]->happenedAt(), expected);
        QCOMPARE(*sql.from<Sample>().where("code", QStringLiteral("i%1").arg(i)).oneOrFail()->happenedAt(), expected);
        if (sql.databaseType() == Hy::SqlDataSource::DatabaseType::SQLite) {
            // The text SQLite keeps, which other tools read.
            QSqlQuery raw(sql.database());
            QVERIFY(raw.exec(QStringLiteral("SELECT happened_at FROM samples WHERE code = 'i%1'").arg(i)));
            QVERIFY(raw.next());
            QCOMPARE(raw.value(0).toString(), instants[i].second);
        }
    }
}

namespace {
// The milliseconds of a ULID's first 10 characters.
qint64 ulidTime(const QString &ulid)
{
    static const QString alphabet = QStringLiteral("0123456789ABCDEFGHJKMNPQRSTVWXYZ");
    qint64 time = 0;
    for (int i = 0; i < 10; ++i)
        time = time * 32 + alphabet.indexOf(ulid[i]);
    return time;
}
} // namespace

void tst_ModelQuery::uuidsAndUlidsAreMade()
{
    HY_TEST_SOURCE(m_databases);
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    auto document = sql.from<Document>().insert({{"title", "first"}});
    // Made when absent, on the returned model as in the table.
    QVERIFY(!document->id().isNull());
    QCOMPARE(document->id().version(), QUuid::Random);
    QCOMPARE(document->ref().size(), 26);
    QVERIFY(document->parentId().has_value()); // absent: made too, as the seed's col.uuid()
    QVERIFY(ulidTime(document->ref()) >= before && ulidTime(document->ref()) <= QDateTime::currentMSecsSinceEpoch());
    const auto found = sql.from<Document>().find(document->id());
    QVERIFY(found);
    QCOMPARE(found->id(), document->id());
    QCOMPARE(found->ref(), document->ref());
    QCOMPARE(found->parentId(), document->parentId());
    QCOMPARE(sql.from<Document>().where("ref", document->ref()).oneOrFail()->id(), document->id());

    // Given values are kept: null stays null, a UUID in any spelling is the same UUID.
    const QUuid given = QUuid::fromString(QStringLiteral("{6F1A2B3C-4D5E-4F60-8172-839405A6B7C8}"));
    auto second = sql.from<Document>().insert({{"id", "{6F1A2B3C-4D5E-4F60-8172-839405A6B7C8}"},
                                               {"ref", "01arz3ndektsv4rrffq69g5fav"},
                                               {"title", "second"},
                                               {"parentId", nullptr}});
    QCOMPARE(second->id(), given);
    QCOMPARE(second->ref(), QStringLiteral("01ARZ3NDEKTSV4RRFFQ69G5FAV"));
    QVERIFY(!second->parentId().has_value());
    const auto secondRead = sql.from<Document>().find(given);
    QCOMPARE(secondRead->id(), given);
    QCOMPARE(secondRead->ref(), QStringLiteral("01ARZ3NDEKTSV4RRFFQ69G5FAV"));
    QVERIFY(!secondRead->parentId().has_value());
    QCOMPARE(sql.from<Document>().where("parentId", nullptr).count(), 1);

    // Many in one go, most in the same millisecond: strictly increasing, so
    // that sorting by ULID is sorting by when they were made.
    QList<Hy::Values<Document>> rows;
    for (int i = 0; i < 500; ++i)
        rows.append({{"title", QStringLiteral("d%1").arg(i)}});
    const auto many = sql.from<Document>().insertMany(rows);
    QSet<QUuid> ids;
    for (std::size_t i = 0; i < many.size(); ++i) {
        ids.insert(many[i]->id());
        if (i > 0)
            QVERIFY2(many[i - 1]->ref() < many[i]->ref(), qPrintable(many[i]->ref()));
    }
    QCOMPARE(ids.size(), 500);
    QVERIFY(document->ref() < many.front()->ref());
    const auto sorted = sql.from<Document>().where("title", "like", "d%").orderBy("ref").many();
    QCOMPARE(sorted.size(), std::size_t(500));
    for (std::size_t i = 0; i < sorted.size(); ++i)
        QCOMPARE(sorted[i]->title(), QStringLiteral("d%1").arg(i));
}

void tst_ModelQuery::badUuidsAndUlidsAreRefused()
{
    HY_TEST_SOURCE(m_databases);
    HY_EXPECT_ERROR(sql.from<Document>().insert({{"id", "not-a-uuid"}, {"title", "x"}}), ErrorCode::InvalidValue);
    HY_EXPECT_ERROR(sql.from<Document>().insert({{"id", 42}, {"title", "x"}}), ErrorCode::InvalidValue);
    HY_EXPECT_ERROR(sql.from<Document>().insert({{"ref", "01ARZ3NDEK"}, {"title", "x"}}), ErrorCode::InvalidValue);
    // Beyond 48 bits of time, and letters Crockford's base 32 leaves out.
    HY_EXPECT_ERROR(sql.from<Document>().insert({{"ref", "81ARZ3NDEKTSV4RRFFQ69G5FAV"}, {"title", "x"}}),
                    ErrorCode::InvalidValue);
    HY_EXPECT_ERROR(sql.from<Document>().insert({{"ref", "01ARZ3NDEKTSV4RRFFQ69G5FAU"}, {"title", "x"}}),
                    ErrorCode::InvalidValue);
    HY_EXPECT_ERROR(sql.from<Document>().insertMany({{{"title", "ok"}}, {{"ref", "short"}, {"title", "x"}}}),
                    ErrorCode::InvalidValue);
    HY_EXPECT_ERROR(sql.from<Document>().insert({{"id", nullptr}, {"title", "x"}}), ErrorCode::NullValue);
    QCOMPARE(sql.from<Document>().count(), 0);
}

void tst_ModelQuery::likeEscapes()
{
    HY_TEST_SOURCE(m_databases);
    int n = 0;
    for (const char *name : {"100%", "1000", "a_b", "axb", "back\\slash"})
        sql.from<User>().insert({{"name", name}, {"email", QStringLiteral("%1@example.com").arg(++n)}});
    QCOMPARE(column(sql.from<User>().where("name", "like", "100\\%").many(), userName), QStringList{"100%"});
    QCOMPARE(column(sql.from<User>().where("name", "like", "100%").orderBy("id").many(), userName),
             (QStringList{"100%", "1000"}));
    QCOMPARE(column(sql.from<User>().where("name", "like", "a\\_b").many(), userName), QStringList{"a_b"});
    QCOMPARE(column(sql.from<User>().where("name", "like", "back\\\\slash").many(), userName),
             QStringList{"back\\slash"});
}

void tst_ModelQuery::failedStatementsAreFreed()
{
    HY_TEST_SOURCE(m_databases);
    if (db != u"postgres")
        QSKIP("prepared statements outlive a failure on PostgreSQL only");
    QSqlDatabase connection = sql.database();
    auto preparedStatements = [&] {
        QSqlQuery query(connection); // not prepared itself
        if (!query.exec(QStringLiteral("SELECT count(*) FROM pg_prepared_statements")) || !query.next())
            qFatal("pg_prepared_statements: %s", qPrintable(query.lastError().text()));
        return query.value(0).toInt();
    };
    sql.from<Tag>().insert({{"code", "taken"}});
    QVERIFY(connection.transaction());
    HY_EXPECT_ERROR(sql.from<Tag>().insert({{"code", "taken"}}), ErrorCode::UniqueViolation);
    HY_EXPECT_ERROR(sql.from<Tag>().insertMany({{{"code", "taken"}}, {{"code", "b"}}}),
                    ErrorCode::UniqueViolation);
    // A statement of the application's own aborts its transaction: work
    // started in it then fails as a whole.
    QSqlQuery failing(connection);
    QVERIFY(!failing.exec(QStringLiteral("SELECT 1/0")));
    HY_EXPECT_ERROR(sql.from<Tag>().insert({{"code", "c"}}), ErrorCode::TransactionFailed);
    HY_EXPECT_ERROR(sql.from<Tag>().insertMany({{{"code", "a"}}, {{"code", "b"}}}), ErrorCode::TransactionFailed);
    QVERIFY(connection.rollback());
    QCOMPARE(sql.from<Tag>().count(), 1);
    QCOMPARE(preparedStatements(), 0);
    QCOMPARE(rawCount(sql, QStringLiteral("tags")), 1);
}

void tst_ModelQuery::selectReadsTheGivenColumns()
{
    HY_TEST_SOURCE(m_databases);
    seedUsers(sql);
    const auto partial = sql.from<User>().select({"id", "email"}).orderBy("id").many();
    QCOMPARE(partial.size(), std::size_t(4));
    QCOMPARE(partial[0]->email(), QStringLiteral("alice@example.com"));
    QCOMPARE(partial[3]->email(), QStringLiteral("carol@example.com"));
    QVERIFY(partial[0]->id() > 0);
    // Not read: the default, and the model says it is not data.
    QCOMPARE(partial[0]->name(), std::nullopt);
    QCOMPARE(partial[0]->loadedColumns(), (QStringList{"id", "email"}));
    QVERIFY(partial[0]->isLoaded(QStringLiteral("email")));
    QVERIFY(!partial[0]->isLoaded(QStringLiteral("name")));
    HY_EXPECT_ERROR(partial[0]->isLoaded(QStringLiteral("nmae")), ErrorCode::UnknownColumn);

    const QStringList all{"id", "name", "email", "isActive", "createdAt", "updatedAt"};
    QCOMPARE(sql.from<User>().oneOrFail()->loadedColumns(), all);
    QCOMPARE(sql.from<User>().select({"name"}).select({}).oneOrFail()->loadedColumns(), all);
    QCOMPARE(sql.from<User>().where("name", "Bob").select({"name", "isActive"}).oneOrFail()->isActive(),
             std::optional<bool>(false));
    QCOMPARE(sql.from<User>().insert({{"email", "new@example.com"}})->loadedColumns(), all);
    QCOMPARE(User().loadedColumns(), QStringList());
    // Without a primary key on MariaDB the row cannot be read back: the
    // model holds what was written, and says which columns that is.
    const auto entry = sql.from<LogEntry>().insert({{"message", "m"}});
    QCOMPARE(entry->loadedColumns(), db.startsWith(u"mariadb") ? QStringList{"message"}
                                                                : (QStringList{"message", "level"}));
}

void tst_ModelQuery::groupedConditions()
{
    HY_TEST_SOURCE(m_databases);
    seedUsers(sql); // Alice (active), Bob (inactive), a nameless one (active), Carol (active unknown)
    auto names = [](const Hy::ModelList<User> &users) { return column(users, userName); };
    // isActive AND (name = 'Alice' OR name IS NULL)
    QCOMPARE(names(sql.from<User>().where("isActive", true).where([](auto &q) {
                 q.where("name", "Alice").orWhereNull("name");
             }).orderBy("id").many()),
             (QStringList{"Alice", "<null>"}));
    // Without the group: isActive AND name = 'Alice' OR name IS NULL
    QCOMPARE(names(sql.from<User>().where("isActive", false).where("name", "Alice").orWhereNull("name").many()),
             QStringList{"<null>"});
    // name = 'Bob' OR (isActive AND (name = 'Carol' OR email LIKE 'a%'))
    QCOMPARE(names(sql.from<User>().where("name", "Bob").orWhere([](auto &q) {
                 q.whereNotNull("isActive").where([](auto &r) { r.where("name", "Carol").orWhere("email", "like", "a%"); });
             }).orderBy("id").many()),
             (QStringList{"Alice", "Bob"}));
    // An empty group constrains nothing.
    QCOMPARE(sql.from<User>().where([](auto &) {}).count(), 4);
    // find() keeps the user's conditions apart, groups included.
    const int bob = sql.from<User>().where("name", "Bob").oneOrFail()->id();
    QCOMPARE(sql.from<User>().where([](auto &q) { q.where("name", "Alice").orWhere("name", "Bob"); }).find(bob)->id(),
             bob);
    // The same on rows without a model.
    QCOMPARE(sql.from(QStringLiteral("users")).where(QStringLiteral("is_active"), true).where([](Hy::QueryBuilder &q) {
                 q.where(QStringLiteral("name"), "Alice").orWhereNull(QStringLiteral("name"));
             }).count(),
             2);
}

using HyTest::statementsOf;

void tst_ModelQuery::completeRowsAreNotReadBack()
{
    HY_TEST_SOURCE(m_databases);
    // Every column given (the autoCreate dates are filled in): the models are
    // the values written plus the generated keys, which are all that is read.
    Hy::ModelList<Post> posts;
    const QStringList statements = statementsOf(sql, [&] {
        posts = sql.from<Post>().insertMany({{{"title", "b"}, {"body", "x"}, {"userId", 2}},
                                             {{"title", "a"}, {"body", nullptr}, {"userId", 1}},
                                             {{"title", "c"}, {"body", "z"}, {"userId", nullptr}}});
    });
    for (const QString &statement : statements)
        QVERIFY2(!statement.startsWith(u"SELECT"), qPrintable(statement));
    const QStringList inserts = statements.filter(QRegularExpression(QStringLiteral("^INSERT")));
    QCOMPARE(inserts.size(), db.startsWith(u"mariadb-interleaved") ? 3 : 1);
    QVERIFY2(db.startsWith(u"mariadb") ? !inserts.front().contains(u"RETURNING")
                                       : inserts.front().endsWith(db == u"postgres" ? u"RETURNING \"id\""
                                                                                    : u"RETURNING `id`"),
             qPrintable(inserts.front()));

    // The models are exactly the stored rows.
    const auto stored = sql.from<Post>().orderBy("id").many();
    QCOMPARE(posts.size(), std::size_t(3));
    QCOMPARE(stored.size(), std::size_t(3));
    for (std::size_t i = 0; i < 3; ++i) {
        QCOMPARE(posts[i]->id(), stored[i]->id());
        QCOMPARE(posts[i]->title(), stored[i]->title());
        QCOMPARE(posts[i]->body(), stored[i]->body());
        QCOMPARE(posts[i]->userId(), stored[i]->userId());
        QCOMPARE(posts[i]->createdAt(), stored[i]->createdAt());
        QCOMPARE(posts[i]->updatedAt(), stored[i]->updatedAt());
        QCOMPARE(posts[i]->loadedColumns(), stored[i]->loadedColumns());
    }
    QCOMPARE(column(posts, +[](const Post &p) { return *p.title(); }), (QStringList{"b", "a", "c"}));
    QVERIFY(posts[0]->id() < posts[1]->id() && posts[1]->id() < posts[2]->id());
    QCOMPARE(posts[1]->body(), std::nullopt);

    // One row alike.
    auto one = sql.from<Post>().insert({{"title", "d"}, {"body", "w"}, {"userId", 4}});
    QCOMPARE(one->id(), sql.from<Post>().where("title", "d").oneOrFail()->id());
    QVERIFY(one->id() > posts[2]->id());
}

void tst_ModelQuery::bulkInsertBuildsNoModels()
{
    HY_TEST_SOURCE(m_databases);
    QList<Hy::Values<Post>> rows;
    for (int i = 0; i < 1200; ++i)
        rows.append({{"title", QStringLiteral("t%1").arg(i)}, {"body", "b"}, {"userId", i}});
    qsizetype written = 0;
    const QStringList statements = statementsOf(sql, [&] { written = sql.from<Post>().bulkInsert(rows); });
    QCOMPARE(written, 1200);
    for (const QString &statement : statements) {
        QVERIFY2(!statement.startsWith(u"SELECT") && !statement.contains(u"RETURNING"), qPrintable(statement));
    }
    QCOMPARE(sql.from<Post>().count(), 1200);
    QCOMPARE(sql.from<Post>().where("title", "t1199").oneOrFail()->userId(), std::optional<int>(1199));
    // The same statements toSql() shows, and the same checks first.
    QCOMPARE(sql.from<Post>().toSql().bulkInsert(rows).size(), statements.filter(QRegularExpression(QStringLiteral("^INSERT"))).size());
    HY_EXPECT_ERROR(sql.from<User>().bulkInsert({{{"name", "no email"}}}), ErrorCode::MissingValue);
    HY_EXPECT_ERROR(sql.from<Post>().bulkInsert({{{"title", "ok"}}, {{"userId", "many"}}}), ErrorCode::InvalidValue);
    QCOMPARE(sql.from<Post>().count(), 1200);
    QCOMPARE(sql.from<User>().count(), 0);
}

QTEST_GUILESS_MAIN(tst_ModelQuery)
#include "tst_modelquery.moc"
