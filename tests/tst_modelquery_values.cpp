// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
// Hy::ModelQuery, values: every column kind through a database, dates, generated keys.
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

class tst_ModelQueryValues : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { HyTest::Databases::addRows(); }
    void init();

    void typedColumns();
    void kindsRoundTrip();
    void dateTimesAreUtc();
    void dateTimeRange();
    void uuidsAndUlidsAreMade();
    void badUuidsAndUlidsAreRefused();

private:
    HyTest::Databases m_databases{QStringLiteral("tst_modelquery_values")};
};

void tst_ModelQueryValues::init()
{
    HY_TEST_SOURCE(m_databases);
    auto schema = sql.schema();
    schema.dropTables<User, Post, Sample, Tag, LogEntry, Node, Document>(Hy::SchemaBuilder::IfMissing::Skip);
    schema.createTables<User, Post, Sample, Tag, LogEntry, Document>();
}

void tst_ModelQueryValues::typedColumns()
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

void tst_ModelQueryValues::kindsRoundTrip()
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

void tst_ModelQueryValues::dateTimesAreUtc()
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

void tst_ModelQueryValues::dateTimeRange()
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

void tst_ModelQueryValues::uuidsAndUlidsAreMade()
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

void tst_ModelQueryValues::badUuidsAndUlidsAreRefused()
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

QTEST_GUILESS_MAIN(tst_ModelQueryValues)
#include "tst_modelquery_values.moc"
