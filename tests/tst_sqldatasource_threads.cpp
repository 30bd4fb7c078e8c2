// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "testdatabases.h"
#include "testmodels.h"
#include "testthreads.h"

#include <HysteriaQt/SqlDataSource>

#include <QtCore/QMutex>
#include <QtCore/QThread>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>
#include <QtTest/QTest>

#include <atomic>
#include <functional>
#include <memory>

using Hy::ErrorCode;
using HyTest::inThread;


// Hy::SqlDataSource used from several threads: a connection for each, gone
// with its thread; handles that stay safe when the data source goes away.
class tst_SqlDataSourceThreads : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { HyTest::Databases::addRows(); }
    void init();

    void threadsGetConnectionsOfTheirOwn();
    void connectionsGoWithTheirThreads();
    void concurrentReadersAndWriters();
    void adoptedConnectionsStayInTheirThread();
    void destroyedInAnotherThread();

private:
    HyTest::Databases m_databases{QStringLiteral("tst_sqldatasource_threads")};
};

void tst_SqlDataSourceThreads::init()
{
    HY_TEST_SOURCE(m_databases);
    sql.schema().dropTables<Tag>(Hy::SchemaBuilder::IfMissing::Skip);
    sql.schema().createTables<Tag>();
}

void tst_SqlDataSourceThreads::threadsGetConnectionsOfTheirOwn()
{
    HY_TEST_REQUIRE_DATABASE(m_databases);
    auto sql = m_databases.openAnother(db);
    sql->from<Tag>().insert({{"code", "mine"}});
    const QString mine = sql->connectionName();
    QString theirs;
    qint64 seen = -1;
    bool registered = false;
    Hy::SqlDataSource::DatabaseType type = Hy::SqlDataSource::DatabaseType::Unknown;
    const auto error = inThread([&] {
        seen = sql->from<Tag>().count();
        sql->from<Tag>().insert({{"code", "theirs"}});
        theirs = sql->connectionName();
        registered = QSqlDatabase::contains(theirs);
        type = sql->databaseType();
    });
    QCOMPARE(error, std::nullopt);
    QCOMPARE(seen, 1);
    QVERIFY(registered);
    QCOMPARE(type, sql->databaseType());
    QVERIFY(theirs.startsWith(u"hysteriaqt-"));
    QVERIFY(theirs != mine);
    // Gone with its thread; the owner's is still there, and sees the row.
    QVERIFY(!QSqlDatabase::contains(theirs));
    QVERIFY(QSqlDatabase::contains(mine));
    QCOMPARE(sql->from<Tag>().where("code", "theirs").count(), 1);
}

void tst_SqlDataSourceThreads::connectionsGoWithTheirThreads()
{
    HY_TEST_REQUIRE_DATABASE(m_databases);
    auto sql = m_databases.openAnother(db);
    const QStringList before = QSqlDatabase::connectionNames();
    std::atomic<int> done = 0;
    for (int i = 0; i < 100; ++i) {
        const auto error = inThread([&] {
            if (sql->from<Tag>().count() == 0)
                ++done;
        });
        QCOMPARE(error, std::nullopt);
    }
    QCOMPARE(done.load(), 100);
    QStringList after = QSqlDatabase::connectionNames();
    QStringList expected = before;
    after.sort();
    expected.sort();
    QCOMPARE(after, expected);
}

void tst_SqlDataSourceThreads::concurrentReadersAndWriters()
{
    HY_TEST_REQUIRE_DATABASE(m_databases);
    auto sql = m_databases.openAnother(db);
    // Four writers and four readers at once, each on its own connection:
    // every write lands, and no "database is locked" reaches anyone.
    constexpr int Writers = 4;
    constexpr int RowsEach = 40;
    std::atomic<bool> writing = true;
    QMutex mutex;
    QStringList errors;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int w = 0; w < Writers; ++w) {
        threads.emplace_back(QThread::create([&, w] {
            try {
                for (int i = 0; i < RowsEach; ++i) {
                    if (i % 4 == 3) {
                        sql->from<Tag>().insertMany({{{"code", QStringLiteral("w%1-%2a").arg(w).arg(i)}},
                                                     {{"code", QStringLiteral("w%1-%2b").arg(w).arg(i)}}});
                    } else {
                        sql->from<Tag>().insert({{"code", QStringLiteral("w%1-%2").arg(w).arg(i)}});
                    }
                    sql->from<Tag>().where("code", "like", QStringLiteral("w%1-%%").arg(w)).update({{"label", "seen"}});
                }
            } catch (const Hy::Error &error) {
                QMutexLocker locker(&mutex);
                errors.append(QString::fromUtf8(error.what()));
            }
        }));
    }
    for (int r = 0; r < 4; ++r) {
        threads.emplace_back(QThread::create([&] {
            try {
                qint64 last = 0;
                while (writing) {
                    const qint64 now = sql->from<Tag>().count();
                    if (now < last) {
                        QMutexLocker locker(&mutex);
                        errors.append(QStringLiteral("the count went back"));
                    }
                    last = now;
                    sql->from<Tag>().where("label", "seen").limit(5).many();
                }
            } catch (const Hy::Error &error) {
                QMutexLocker locker(&mutex);
                errors.append(QString::fromUtf8(error.what()));
            }
        }));
    }
    for (auto &thread : threads)
        thread->start();
    for (int w = 0; w < Writers; ++w)
        QVERIFY(threads[std::size_t(w)]->wait(120000));
    writing = false;
    for (auto &thread : threads)
        QVERIFY(thread->wait(120000));
    QCOMPARE(errors, QStringList());
    const qint64 expected = Writers * (RowsEach / 4 * 3 + RowsEach / 4 * 2);
    QCOMPARE(sql->from<Tag>().count(), expected);
    QCOMPARE(sql->from<Tag>().where("label", "seen").count(), expected);
}

void tst_SqlDataSourceThreads::adoptedConnectionsStayInTheirThread()
{
    HY_TEST_REQUIRE_DATABASE(m_databases);
    const Hy::ConnectionOptions options = m_databases.options(db);
    const QString name = QStringLiteral("adopted-") + db;
    {
        QSqlDatabase connection = HyTest::addConnection(name, options);
        Hy::SqlDataSource sql(connection);
        sql.open();
        sql.from<Tag>().remove();

        // Another thread calls what it can while the owner works: every call
        // is refused before it touches anything of the connection's.
        std::atomic<bool> stop = false;
        QList<ErrorCode> codes;
        int calls = 0;
        std::unique_ptr<QThread> intruder(QThread::create([&] {
            const QList<std::function<void()>> attempts{
                    [&] { sql.from<Tag>().count(); },
                    [&] { sql.from<Tag>().insert({{"code", "intruder"}}); },
                    [&] { sql.from<Tag>().insertMany({{{"code", "i1"}}, {{"code", "i2"}}}); },
                    [&] { sql.from<Tag>().where("code", "t1").update({{"label", "intruder"}}); },
                    [&] { sql.from<Tag>().remove(); },
                    [&] { sql.from(QStringLiteral("tags")).many(); },
                    [&] { sql.schema().hasTable(QStringLiteral("tags")); },
                    [&] { sql.database(); },
                    [&] { sql.close(); },
                    [&] { sql.open(); },
            };
            while (!stop) {
                for (const auto &attempt : attempts) {
                    ++calls;
                    try {
                        attempt();
                        codes.append(ErrorCode::QueryFailed); // should not have run
                    } catch (const Hy::Error &error) {
                        codes.append(error.code());
                    }
                }
            }
        }));
        intruder->start();
        QStringList expected;
        for (int i = 0; i < 100; ++i) {
            const QString code = QStringLiteral("t%1").arg(i);
            sql.from<Tag>().insert({{"code", code}});
            QCOMPARE(sql.from<Tag>().where("code", code).update({{"label", "owner"}}), 1);
            expected.append(code);
        }
        stop = true;
        QVERIFY(intruder->wait(30000));
        QVERIFY(calls > 0);
        QCOMPARE(codes.count(ErrorCode::WrongThread), calls);
        QStringList stored;
        for (const auto &tag : sql.from<Tag>().many())
            stored.append(tag->code());
        stored.sort();
        expected.sort();
        QCOMPARE(stored, expected);
        QCOMPARE(sql.from<Tag>().where("label", "owner").count(), 100);
        if (db == u"postgres") {
            QSqlQuery query(connection);
            QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM pg_prepared_statements")) && query.next());
            QCOMPARE(query.value(0).toInt(), 0);
        }
    }
    QSqlDatabase::removeDatabase(name);
}

void tst_SqlDataSourceThreads::destroyedInAnotherThread()
{
    HY_TEST_REQUIRE_DATABASE(m_databases);
    auto sql = m_databases.openAnother(db);
    sql->from<Tag>().insert({{"code", "x"}});
    auto query = sql->from<Tag>().where("code", "x");
    auto rows = sql->from(QStringLiteral("tags"));
    auto schema = sql->schema();
    QCOMPARE(query.count(), 1);
    // Destroyed by another thread: the builders here throw, never dangle.
    QCOMPARE(inThread([&] { sql.reset(); }), std::nullopt);
    HY_EXPECT_ERROR(query.count(), ErrorCode::ConnectionNotOpen);
    HY_EXPECT_ERROR(rows.many(), ErrorCode::ConnectionNotOpen);
    HY_EXPECT_ERROR(schema.hasTable(QStringLiteral("tags")), ErrorCode::ConnectionNotOpen);

    // Destroyed while another thread is in the middle of an operation: that
    // one finishes, and the next throws.
    sql = m_databases.openAnother(db);
    auto counting = sql->from<Tag>();
    std::atomic<int> finished = 0;
    std::optional<ErrorCode> lastError;
    std::unique_ptr<QThread> worker(QThread::create([&] {
        for (;;) {
            try {
                if (counting.count() != 1)
                    return;
                ++finished;
            } catch (const Hy::Error &error) {
                lastError = error.code();
                return;
            }
        }
    }));
    worker->start();
    while (finished < 3)
        QThread::yieldCurrentThread();
    sql.reset();
    QVERIFY(worker->wait(60000));
    QCOMPARE(lastError, std::optional<ErrorCode>(ErrorCode::ConnectionNotOpen));
}

QTEST_GUILESS_MAIN(tst_SqlDataSourceThreads)
#include "tst_sqldatasource_threads.moc"
