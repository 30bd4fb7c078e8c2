// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
// Hy::ModelQuery, reading: conditions, order, limits, counts.
#include "testdatabases.h"
#include "modelquerysupport.h"
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
using namespace HyTest;

class tst_ModelQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { HyTest::Databases::addRows(); }
    void init();

    void whereEquals();
    void whereNullMeansIsNull();
    void whereIn();
    void whereOperators_data();
    void whereOperators();
    void orWhereAndNullChecks();
    void orderLimitOffset();
    void oneOneOrFailAndFind();
    void countHonoursConditionsAndLimit();
    void badWhereValues();
    void textIsBoundNotPasted();
    void builderIsAValue();
    void resultsBelongToTheCaller();
    void findKeepsOrWhereApart();
    void limitZeroMeansNone();
    void unreadableValuesAreReported();
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

QTEST_GUILESS_MAIN(tst_ModelQuery)
#include "tst_modelquery.moc"
