// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
// Hy::ModelQuery, writing: inserts, updates, removes, and what they refuse.
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

class tst_ModelQueryWrites : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { HyTest::Databases::addRows(); }
    void init();

    void insertReturnsStoredModel();
    void insertFromModelInstance();
    void insertFromVariantMap();
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
    void uniqueViolation();
    void chosenPrimaryKey();
    void modelWithoutPrimaryKey();
    void completeRowsAreNotReadBack();
    void bulkInsertBuildsNoModels();
    void insertManyKeepsTheGivenOrder();
    void insertManyTakesRanges();
    void explicitKeysDoNotCollideLater();
    void writesJoinTheApplicationsTransaction();
    void failedCommitWritesNothing();

private:
    HyTest::Databases m_databases{QStringLiteral("tst_modelquery_writes")};
};

void tst_ModelQueryWrites::init()
{
    HY_TEST_SOURCE(m_databases);
    auto schema = sql.schema();
    schema.dropTables<User, Post, Sample, Tag, LogEntry, Node, Document>(Hy::SchemaBuilder::IfMissing::Skip);
    schema.createTables<User, Post, Sample, Tag, LogEntry, Document>();
}

void tst_ModelQueryWrites::insertReturnsStoredModel()
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

void tst_ModelQueryWrites::insertFromModelInstance()
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

void tst_ModelQueryWrites::insertFromVariantMap()
{
    HY_TEST_SOURCE(m_databases);
    const QVariantMap values{{"name", "Dora"}, {"email", "dora@example.com"}, {"isActive", false}};
    auto stored = sql.from<User>().insert(values);
    QCOMPARE(stored->name(), std::optional<QString>(QStringLiteral("Dora")));
    QCOMPARE(stored->isActive(), std::optional<bool>(false));
}

void tst_ModelQueryWrites::insertManyKeepsOrder()
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

void tst_ModelQueryWrites::insertManyChunksLargeBatches()
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

void tst_ModelQueryWrites::insertManyMixedColumns()
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

void tst_ModelQueryWrites::insertManyIsAllOrNothing()
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

void tst_ModelQueryWrites::insertManyValidatesEveryRowFirst()
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

void tst_ModelQueryWrites::updateSetsColumnsAndAutoUpdate()
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

void tst_ModelQueryWrites::updateAndRemoveRejectLimitAndOrder()
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

void tst_ModelQueryWrites::removeDeletesMatchingRows()
{
    HY_TEST_SOURCE(m_databases);
    seedUsers(sql);
    QCOMPARE(sql.from<User>().where("isActive", true).remove(), 2);
    QCOMPARE(column(sql.from<User>().orderBy("id").many(), userName), (QStringList{"Bob", "Carol"}));
    QCOMPARE(sql.from<User>().where("name", "Nobody").remove(), 0);
    QCOMPARE(sql.from<User>().remove(), 2);
    QCOMPARE(rawCount(sql, QStringLiteral("users")), 0);
}

void tst_ModelQueryWrites::unknownColumnsAreRejected()
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

void tst_ModelQueryWrites::badValues_data()
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

void tst_ModelQueryWrites::badValues()
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

void tst_ModelQueryWrites::uniqueViolation()
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

void tst_ModelQueryWrites::chosenPrimaryKey()
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

void tst_ModelQueryWrites::modelWithoutPrimaryKey()
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

void tst_ModelQueryWrites::insertManyKeepsTheGivenOrder()
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

void tst_ModelQueryWrites::insertManyTakesRanges()
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

void tst_ModelQueryWrites::explicitKeysDoNotCollideLater()
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

void tst_ModelQueryWrites::writesJoinTheApplicationsTransaction()
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

void tst_ModelQueryWrites::failedCommitWritesNothing()
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

using HyTest::statementsOf;

void tst_ModelQueryWrites::completeRowsAreNotReadBack()
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

void tst_ModelQueryWrites::bulkInsertBuildsNoModels()
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

QTEST_GUILESS_MAIN(tst_ModelQueryWrites)
#include "tst_modelquery_writes.moc"
