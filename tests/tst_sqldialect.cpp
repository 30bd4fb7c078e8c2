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
QDateTime utc(int year, int month, int day, int h, int m, int s, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(h, m, s, ms), Qt::UTC);
}

// Raw SQL of the test's own, with the driver's error on failure.
#define HY_EXEC(connection, statement)                                                        \
    do {                                                                                          \
        QSqlQuery hyQuery(connection);                                                            \
        QVERIFY2(hyQuery.exec(statement), qPrintable(hyQuery.lastError().text()));                \
    } while (false)

template <typename M, typename F>
QStringList collect(const Hy::ModelList<M> &models, F get)
{
    QStringList out;
    for (const auto &model : models)
        out.append(get(*model));
    return out;
}
} // namespace

// What the databases do differently and HysteriaQt makes the same: dates
// written by other tools, time zones, trailing spaces, failures inside the
// application's transaction, keys at or below zero, rows read back in order.
class tst_SqlDialect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { HyTest::Databases::addRows(); }
    void init();

    void dateTimesWrittenByOtherTools();
    void sessionTimeZoneDoesNotShiftDateTimes();
    void trailingSpacesAreSignificant();
    void failedWritesKeepTheApplicationsTransaction();
    void explicitKeysAtOrBelowZero();
    void insertedRowsAreMatchedByKey();

private:
    HyTest::Databases m_databases{QStringLiteral("tst_sqldialect")};
};

void tst_SqlDialect::init()
{
    HY_TEST_SOURCE(m_databases);
    sql.schema().dropTables<User, Sample, Tag, Moment>(Hy::SchemaBuilder::IfMissing::Skip);
    sql.schema().createTables<User, Sample, Tag>();
}

void tst_SqlDialect::dateTimesWrittenByOtherTools()
{
    HY_TEST_SOURCE(m_databases);
    // The forms each database takes from other tools; SQLite keeps them as
    // text, as they were written.
    QList<std::pair<QString, QString>> written{
            {QStringLiteral("seconds"), QStringLiteral("2026-01-01 10:00:00")},
            {QStringLiteral("iso"), QStringLiteral("2026-01-01T10:00:00")},
            {QStringLiteral("millis"), QStringLiteral("2026-01-01 10:00:00.500")},
            {QStringLiteral("minutes"), QStringLiteral("2026-01-01 09:59")},
            {QStringLiteral("later"), QStringLiteral("2026-01-01 10:00:01")},
    };
    if (db == u"sqlite" || db == u"postgres") {
        written.append({QStringLiteral("zulu"), QStringLiteral("2026-01-01T10:00:00Z")});
        written.append({QStringLiteral("offset"), QStringLiteral("2026-01-01 12:00:00+02:00")});
    }
    QSqlQuery raw(sql.database());
    for (const auto &[code, text] : written) {
        QVERIFY2(raw.exec(QStringLiteral("INSERT INTO samples (code, grand_total, enabled, happened_at) "
                                         "VALUES ('%1', 1, %2, '%3')")
                                  .arg(code, db == u"postgres" ? QStringLiteral("true") : QStringLiteral("1"), text)),
                 qPrintable(raw.lastError().text()));
    }
    const QDateTime ten = utc(2026, 1, 1, 10, 0, 0);
    QStringList atTen{QStringLiteral("seconds"), QStringLiteral("iso")};
    if (written.size() > 5)
        atTen << QStringLiteral("zulu") << QStringLiteral("offset");
    auto codes = [](const Hy::ModelList<Sample> &samples) {
        QStringList out = collect(samples, [](const Sample &s) { return s.code(); });
        out.sort();
        return out;
    };
    atTen.sort();
    QCOMPARE(codes(sql.from<Sample>().where("happenedAt", ten).many()), atTen);
    QStringList inTheSecond = QStringList(atTen) << QStringLiteral("millis");
    inTheSecond.sort();
    QCOMPARE(codes(sql.from<Sample>().where("happenedAt", ">=", ten).where("happenedAt", "<", utc(2026, 1, 1, 10, 0, 1)).many()),
             inTheSecond);
    QCOMPARE(codes(sql.from<Sample>().where("happenedAt", "<", ten).many()), QStringList{QStringLiteral("minutes")});
    QCOMPARE(codes(sql.from<Sample>().where("happenedAt", ">", ten).many()),
             (QStringList{QStringLiteral("later"), QStringLiteral("millis")}));
    QCOMPARE(sql.from<Sample>().where("happenedAt", "!=", ten).count(), 3);
    // Sorted by time, not by the text's form.
    const auto ordered = sql.from<Sample>().orderBy("happenedAt").orderBy("code").many();
    QCOMPARE(ordered.front()->code(), QStringLiteral("minutes"));
    QCOMPARE(ordered[ordered.size() - 2]->code(), QStringLiteral("millis"));
    QCOMPARE(ordered.back()->code(), QStringLiteral("later"));
    for (const auto &sample : ordered) {
        if (atTen.contains(sample->code()))
            QCOMPARE(*sample->happenedAt(), ten);
    }

    // Null is about the column, not about a reading of it: SQLite's
    // strftime() of text it cannot read is NULL too.
    QVERIFY(raw.exec(QStringLiteral("INSERT INTO samples (code, grand_total, enabled) VALUES ('none', 1, %1)")
                             .arg(db == u"postgres" ? QStringLiteral("true") : QStringLiteral("1"))));
    if (db == u"sqlite")
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO samples (code, grand_total, enabled, happened_at) "
                                        "VALUES ('garbage', 1, 1, 'not a date')")));
    QCOMPARE(sql.from<Sample>().where("happenedAt", nullptr).count(), 1);
    QCOMPARE(sql.from<Sample>().whereNull("happenedAt").count(), 1);
    QCOMPARE(sql.from<Sample>().where("happenedAt", "!=", nullptr).count(), written.size() + (db == u"sqlite" ? 1 : 0));
}

void tst_SqlDialect::sessionTimeZoneDoesNotShiftDateTimes()
{
    HY_TEST_SOURCE(m_databases);
    const QString withoutZone = db == u"postgres" ? QStringLiteral("TIMESTAMP(3) WITHOUT TIME ZONE")
                              : db == u"sqlite"   ? QStringLiteral("DATETIME")
                                                  : QStringLiteral("DATETIME(3)");
    const QString withZone = db == u"postgres" ? QStringLiteral("TIMESTAMP(3) WITH TIME ZONE") : withoutZone;
    const QString key = db == u"postgres" ? QStringLiteral("SERIAL PRIMARY KEY")
                      : db == u"sqlite"   ? QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT")
                                          : QStringLiteral("INT AUTO_INCREMENT PRIMARY KEY");
    HY_EXEC(sql.database(), QStringLiteral("CREATE TABLE moments (id %1, at %2, at_zone %3)").arg(key, withoutZone, withZone));
    // A session in a zone of its own, as an application may set: India's
    // +05:30 (and, long ago, +05:53:28).
    if (db == u"postgres")
        HY_EXEC(sql.database(), QStringLiteral("SET TIME ZONE 'Asia/Kolkata'"));
    else if (db != u"sqlite")
        HY_EXEC(sql.database(), QStringLiteral("SET time_zone = '+05:30'"));

    const QDateTime when = utc(2026, 3, 1, 10, 0, 0, 250);
    const QDateTime longAgo = utc(1850, 6, 1, 12, 0, 0);
    auto moment = sql.from<Moment>().insert({{"at", when}, {"atZone", when}});
    QCOMPARE(*moment->at(), when);
    QCOMPARE(*moment->atZone(), when);
    auto old = sql.from<Moment>().insert({{"at", longAgo}, {"atZone", longAgo}});
    QCOMPARE(*old->at(), longAgo);
    QCOMPARE(*old->atZone(), longAgo);
    QCOMPARE(sql.from<Moment>().where("at", when).oneOrFail()->id(), moment->id());
    QCOMPARE(sql.from<Moment>().where("atZone", when).oneOrFail()->id(), moment->id());
    QCOMPARE(sql.from<Moment>().where("at", "<", when).oneOrFail()->id(), old->id());

    // Written by another tool: the wall clock of a column without a zone is UTC.
    if (db == u"postgres") {
        HY_EXEC(sql.database(), QStringLiteral("INSERT INTO moments (at, at_zone) VALUES "
                                               "('2026-03-01 12:00:00', '2026-03-01 12:00:00+00')"));
    } else {
        HY_EXEC(sql.database(), QStringLiteral("INSERT INTO moments (at, at_zone) VALUES "
                                               "('2026-03-01 12:00:00', '2026-03-01 12:00:00')"));
    }
    auto written = sql.from<Moment>().where("at", ">", when).oneOrFail();
    QCOMPARE(*written->at(), utc(2026, 3, 1, 12, 0, 0));
    QCOMPARE(*written->atZone(), utc(2026, 3, 1, 12, 0, 0));
    QSqlQuery raw(sql.database());
    QVERIFY(raw.exec(QStringLiteral("SELECT COUNT(*) FROM moments WHERE at = '2026-03-01 10:00:00.250'")) && raw.next());
    QCOMPARE(raw.value(0).toInt(), 1);
}

void tst_SqlDialect::trailingSpacesAreSignificant()
{
    HY_TEST_SOURCE(m_databases);
    sql.from<User>().insertMany({{{"name", "pad"}, {"email", "a@example.com"}},
                                 {{"name", "pad "}, {"email", "b@example.com"}}});
    QCOMPARE(sql.from<User>().where("name", "pad ").oneOrFail()->email(), QStringLiteral("b@example.com"));
    QCOMPARE(sql.from<User>().where("name", "pad").oneOrFail()->email(), QStringLiteral("a@example.com"));
    QCOMPARE(sql.from<User>().where("name", "pad  ").count(), 0);
    // Keys that differ by a trailing space are two keys.
    const auto tags = sql.from<Tag>().insertMany({{{"code", "sp"}, {"label", "one"}}, {{"code", "sp "}, {"label", "two"}}});
    QCOMPARE(tags[0]->label(), std::optional<QString>(QStringLiteral("one")));
    QCOMPARE(tags[1]->label(), std::optional<QString>(QStringLiteral("two")));
    QCOMPARE(sql.from<Tag>().find("sp ")->label(), std::optional<QString>(QStringLiteral("two")));
    QCOMPARE(sql.from<Tag>().count(), 2);
    HY_EXPECT_ERROR(sql.from<Tag>().insert({{"code", "sp "}}), ErrorCode::UniqueViolation);
}

void tst_SqlDialect::failedWritesKeepTheApplicationsTransaction()
{
    HY_TEST_SOURCE(m_databases);
    sql.from<Tag>().insert({{"code", "taken"}});
    QSqlDatabase connection = sql.database();
    // The application's own transaction: each failing call is undone alone,
    // on PostgreSQL too, where a failed statement would abort all of it.
    QVERIFY(connection.transaction());
    sql.from<Tag>().insert({{"code", "first"}});
    HY_EXPECT_ERROR(sql.from<Tag>().insert({{"code", "taken"}}), ErrorCode::UniqueViolation);
    HY_EXPECT_ERROR(sql.from<Tag>().where("code", "first").update({{"code", "taken"}}), ErrorCode::UniqueViolation);
    HY_EXPECT_ERROR(sql.from(QStringLiteral("tags")).insert({{"code", "taken"}}), ErrorCode::UniqueViolation);
    HY_EXPECT_ERROR(sql.from(QStringLiteral("tags")).where(QStringLiteral("code"), "first").update({{"code", "taken"}}),
                    ErrorCode::UniqueViolation);
    HY_EXPECT_ERROR(sql.from<Tag>().insertMany({{{"code", "new"}}, {{"code", "taken"}}}), ErrorCode::UniqueViolation);
    sql.from<Tag>().insert({{"code", "second"}});
    QCOMPARE(sql.from<Tag>().where("code", "first").update({{"label", "kept"}}), 1);
    QVERIFY2(connection.commit(), qPrintable(connection.lastError().text()));

    auto other = m_databases.openAnother(db);
    QStringList codes = collect(other->from<Tag>().many(), [](const Tag &t) { return t.code(); });
    codes.sort();
    QCOMPARE(codes, (QStringList{QStringLiteral("first"), QStringLiteral("second"), QStringLiteral("taken")}));
    QCOMPARE(other->from<Tag>().find("first")->label(), std::optional<QString>(QStringLiteral("kept")));
}

void tst_SqlDialect::explicitKeysAtOrBelowZero()
{
    HY_TEST_SOURCE(m_databases);
    // A fresh table: its key sequence has not started.
    QCOMPARE(sql.from<User>().insert({{"id", 0}, {"email", "zero@example.com"}})->id(), 0);
    QCOMPARE(sql.from<User>().insert({{"id", -5}, {"email", "minus@example.com"}})->id(), -5);
    const auto batch = sql.from<User>().insertMany({{{"id", -7}, {"email", "a@example.com"}},
                                                    {{"id", -6}, {"email", "b@example.com"}}});
    QCOMPARE(batch[1]->id(), -6);
    QCOMPARE(sql.from<User>().insert({{"email", "generated@example.com"}})->id(), 1);
    QCOMPARE(sql.from<User>().insert({{"id", 10}, {"email", "ten@example.com"}})->id(), 10);
    QCOMPARE(sql.from<User>().insert({{"email", "next@example.com"}})->id(), 11);
    QCOMPARE(sql.from<User>().insert({{"id", -1}, {"email", "low@example.com"}})->id(), -1);
    QCOMPARE(sql.from<User>().insert({{"email", "after@example.com"}})->id(), 12);
    QCOMPARE(sql.from<User>().count(), 9);
}

void tst_SqlDialect::insertedRowsAreMatchedByKey()
{
    HY_TEST_SOURCE(m_databases);
    // A CHAR key of another tool's table: PostgreSQL reads it back padded.
    sql.schema().dropTables<Tag>();
    HY_EXEC(sql.database(), QStringLiteral("CREATE TABLE tags (code CHAR(6) NOT NULL PRIMARY KEY, label VARCHAR(255))"));
    const auto tags = sql.from<Tag>().insertMany({{{"code", "zz"}, {"label", "1"}}, {{"code", "aa"}, {"label", "2"}},
                                                  {{"code", "mm"}, {"label", "3"}}});
    QCOMPARE(collect(tags, [](const Tag &t) { return *t.label(); }), (QStringList{"1", "2", "3"}));
    QCOMPARE(collect(tags, [](const Tag &t) { return t.code().trimmed(); }), (QStringList{"zz", "aa", "mm"}));

    if (db == u"sqlite")
        return; // its triggers cannot change the row being inserted
    // A trigger that changes the key: the rows read back match none given,
    // which fails the insert loudly, with the statement, rather than return
    // models in a made-up order.
    HY_EXEC(sql.database(), QStringLiteral("DELETE FROM tags"));
    if (db == u"postgres") {
        HY_EXEC(sql.database(), QStringLiteral("CREATE OR REPLACE FUNCTION hy_rename() RETURNS trigger AS $$ "
                                               "BEGIN NEW.code := NEW.code || '!'; RETURN NEW; END $$ LANGUAGE plpgsql"));
        HY_EXEC(sql.database(), QStringLiteral("CREATE TRIGGER hy_rename BEFORE INSERT ON tags "
                                               "FOR EACH ROW EXECUTE FUNCTION hy_rename()"));
    } else {
        HY_EXEC(sql.database(), QStringLiteral("CREATE TRIGGER hy_rename BEFORE INSERT ON tags "
                                               "FOR EACH ROW SET NEW.code = CONCAT(NEW.code, '!')"));
    }
    try {
        sql.from<Tag>().insertMany({{{"code", "b"}}, {{"code", "a"}}});
        QFAIL("expected QUERY_FAILED");
    } catch (const Hy::Error &error) {
        QCOMPARE(error.code(), ErrorCode::QueryFailed);
        QVERIFY2(error.message().contains(u"could not be matched"), qPrintable(error.message()));
        QVERIFY(!error.sql().isEmpty());
    }
    QCOMPARE(sql.from<Tag>().count(), 0);
    if (db == u"postgres") {
        // One row is the row RETURNING gives, whatever its key became.
        QCOMPARE(sql.from<Tag>().insert({{"code", "c"}})->code().trimmed(), QStringLiteral("c!"));
    } else {
        // Without RETURNING, the row is looked for by the key given: not found.
        HY_EXPECT_ERROR(sql.from<Tag>().insert({{"code", "c"}}), ErrorCode::QueryFailed);
        QCOMPARE(sql.from<Tag>().count(), 0);
        // The same without a model, on a table whose auto-increment key is
        // moved by a trigger.
        HY_EXEC(sql.database(), QStringLiteral("DROP TABLE IF EXISTS counters"));
        HY_EXEC(sql.database(), QStringLiteral("CREATE TABLE counters (id INT AUTO_INCREMENT PRIMARY KEY, "
                                               "label VARCHAR(10))"));
        HY_EXEC(sql.database(), QStringLiteral("CREATE TRIGGER hy_move BEFORE INSERT ON counters "
                                               "FOR EACH ROW SET NEW.id = NEW.id + 1000"));
        HY_EXPECT_ERROR(sql.from(QStringLiteral("counters")).insert({{"id", 5}, {"label", "x"}}),
                        ErrorCode::QueryFailed);
        QCOMPARE(sql.from(QStringLiteral("counters")).count(), 0);
    }
}

QTEST_GUILESS_MAIN(tst_SqlDialect)
#include "tst_sqldialect.moc"
