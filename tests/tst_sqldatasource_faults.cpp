// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "faultproxy.h"
#include "testdatabases.h"
#include "testmodels.h"

#include <HysteriaQt/SqlDataSource>
#include <HysteriaQt/Transaction>

#include <QtCore/QElapsedTimer>
#include <QtCore/QThread>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>
#include <QtTest/QTest>

#include <functional>
#include <memory>
#include <optional>

using Hy::ErrorCode;
using namespace std::chrono_literals;

// Hy::SqlDataSource when the server fails: dies, freezes, or refuses a
// statement too big for it. The server's faults are made by a proxy between
// the library and the suite's server (tests/common/faultproxy.h), so that the
// servers the other suites share are left alone.
class tst_SqlDataSourceFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { HyTest::Databases::addRows(); }
    void init();

    void lostConnectionIsReported();
    void lostConnectionEndsItsTransaction();
    void frozenServerTimesOut();
    void slowStatementTimesOut();
    void connectTimeout();
    void largeBatchesFitTheServer();

private:
    // A data source whose connection goes through `proxy`.
    std::unique_ptr<Hy::SqlDataSource> openThrough(HyTest::FaultProxy &proxy, Hy::ConnectionOptions options);
    std::unique_ptr<HyTest::FaultProxy> proxyFor(const QString &db);

    HyTest::Databases m_databases{QStringLiteral("tst_sqldatasource_faults")};
};

void tst_SqlDataSourceFaults::init()
{
    HY_TEST_SOURCE(m_databases);
    sql.schema().dropTables<Tag, Post>(Hy::SchemaBuilder::IfMissing::Skip);
    sql.schema().createTables<Tag, Post>();
}

std::unique_ptr<HyTest::FaultProxy> tst_SqlDataSourceFaults::proxyFor(const QString &db)
{
    const Hy::ConnectionOptions options = m_databases.options(db);
    return std::make_unique<HyTest::FaultProxy>(options.host, options.port);
}

std::unique_ptr<Hy::SqlDataSource> tst_SqlDataSourceFaults::openThrough(HyTest::FaultProxy &proxy,
                                                                        Hy::ConnectionOptions options)
{
    options.port = proxy.port();
    auto source = std::make_unique<Hy::SqlDataSource>(options);
    source->open();
    return source;
}

void tst_SqlDataSourceFaults::lostConnectionIsReported()
{
    HY_TEST_REQUIRE_DATABASE(m_databases);
    if (db == u"sqlite")
        QSKIP("SQLite has no server to lose");
    auto proxy = proxyFor(db);
    auto source = openThrough(*proxy, m_databases.options(db));
    source->from<Tag>().insert({{"code", "before"}});

    // Every kind of call meets the dead server with the same code, and the
    // data source says it is closed.
    const QList<std::pair<const char *, std::function<void()>>> calls{
            {"insert", [&] { source->from<Tag>().insert({{"code", "after"}}); }},
            {"insertMany", [&] { source->from<Tag>().insertMany({{{"code", "a"}}, {{"code", "b"}}}); }},
            {"update", [&] { source->from<Tag>().update({{"label", "x"}}); }},
            {"remove", [&] { source->from<Tag>().remove(); }},
            {"many", [&] { source->from<Tag>().many(); }},
            {"count", [&] { source->from<Tag>().count(); }},
            {"rows", [&] { source->from(QStringLiteral("tags")).insert({{"code", "raw"}}); }},
    };
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const auto &[name, call] = calls[i];
        proxy->cutConnections();
        try {
            call();
            QFAIL(qPrintable(QStringLiteral("%1: expected CONNECTION_LOST").arg(QLatin1StringView(name))));
        } catch (const Hy::Error &error) {
            QVERIFY2(error.code() == ErrorCode::ConnectionLost,
                     qPrintable(QStringLiteral("%1: %2").arg(QLatin1StringView(name), QString::fromUtf8(error.what()))));
            QVERIFY(!error.message().isEmpty());
        }
        QVERIFY(!source->isOpen());
        HY_EXPECT_ERROR(source->from<Tag>().count(), ErrorCode::ConnectionNotOpen);
        // open() connects again, from any thread: that thread's connection
        // now, the others' (the lost one here) on their next use.
        if (i % 2 == 1) {
            std::optional<ErrorCode> otherError;
            qint64 otherCount = -1;
            std::unique_ptr<QThread> other(QThread::create([&] {
                try {
                    source->open();
                    otherCount = source->from<Tag>().count();
                } catch (const Hy::Error &e) {
                    otherError = e.code();
                }
            }));
            other->start();
            QVERIFY(other->wait(30000));
            QCOMPARE(otherError, std::nullopt);
            QCOMPARE(otherCount, 1);
        } else {
            source->open();
        }
        QVERIFY(source->isOpen());
        QCOMPARE(source->from<Tag>().count(), 1);
    }
    QCOMPARE(source->from<Tag>().oneOrFail()->code(), QStringLiteral("before"));
}

void tst_SqlDataSourceFaults::lostConnectionEndsItsTransaction()
{
    HY_TEST_SOURCE(m_databases);
    if (db == u"sqlite")
        QSKIP("SQLite has no server to lose");
    using State = Hy::Transaction::State;
    auto proxy = proxyFor(db);
    auto source = openThrough(*proxy, m_databases.options(db));
    // The loss seen by a statement of the transaction, by one of the data
    // source's, and by the commit of a savepoint: the transaction and its
    // savepoint are rolled back as soon as it is seen.
    const QList<std::pair<const char *, std::function<void(Hy::Transaction &, Hy::Transaction &)>>> sightings{
            {"transaction's statement",
             [](Hy::Transaction &trx, Hy::Transaction &) { trx.from<Tag>().insert({{"code", "lost"}}); }},
            {"data source's statement", [&](Hy::Transaction &, Hy::Transaction &) { source->from<Tag>().count(); }},
            {"savepoint's commit", [](Hy::Transaction &, Hy::Transaction &savepoint) { savepoint.commit(); }},
    };
    for (const auto &[name, seeLoss] : sightings) {
        const QString what = QString::fromLatin1(name);
        Hy::Transaction trx = source->beginTransaction();
        trx.from<Tag>().insert({{"code", "inside"}});
        Hy::Transaction savepoint = trx.beginTransaction();
        QVERIFY(savepoint.isSavepoint());
        proxy->cutConnections();
        try {
            seeLoss(trx, savepoint);
            QFAIL(qPrintable(what + QStringLiteral(": expected CONNECTION_LOST")));
        } catch (const Hy::Error &error) {
            QVERIFY2(error.code() == ErrorCode::ConnectionLost,
                     qPrintable(what + QStringLiteral(": ") + QString::fromUtf8(error.what())));
        }
        QCOMPARE(trx.state(), State::RolledBack);
        QCOMPARE(savepoint.state(), State::RolledBack);
        // Ended: commit() says so, rollback() does nothing and sends nothing.
        QStringList statements = HyTest::statementsOf(*source, [&] {
            HY_EXPECT_ERROR(trx.commit(), ErrorCode::TransactionNotActive);
            HY_EXPECT_ERROR(savepoint.commit(), ErrorCode::TransactionNotActive);
            trx.rollback();
            savepoint.rollback();
            HY_EXPECT_ERROR(trx.beginTransaction(), ErrorCode::TransactionNotActive);
            HY_EXPECT_ERROR(trx.from<Tag>().count(), ErrorCode::ConnectionNotOpen);
        });
        QCOMPARE(statements, QStringList());
        QCOMPARE(trx.state(), State::RolledBack);

        // After open(), a new transaction of its own, not a savepoint in the
        // lost one, and the lost one's builders stay ended.
        source->open();
        HY_EXPECT_ERROR(trx.from<Tag>().count(), ErrorCode::TransactionNotActive);
        Hy::Transaction again = source->beginTransaction();
        QVERIFY(!again.isSavepoint());
        again.from<Tag>().insert({{"code", "again"}});
        again.commit();
        QCOMPARE(again.state(), State::Committed);
        QCOMPARE(HyTest::rawCount(sql, QStringLiteral("tags"), QStringLiteral("code = 'inside'")), 0);
        QCOMPARE(HyTest::rawCount(sql, QStringLiteral("tags"), QStringLiteral("code = 'lost'")), 0);
        QCOMPARE(source->from<Tag>().where("code", "again").remove(), 1);
    }

    // The callback form, whose work catches the loss and returns, does not
    // return as if it had committed.
    bool caught = false;
    HY_EXPECT_ERROR(source->transaction([&](Hy::Transaction &trx) {
        trx.from<Tag>().insert({{"code", "inside"}});
        proxy->cutConnections();
        try {
            trx.from<Tag>().count();
        } catch (const Hy::Error &error) {
            caught = error.code() == ErrorCode::ConnectionLost;
        }
    }),
                    ErrorCode::ConnectionLost);
    QVERIFY(caught);
    source->open();
    QCOMPARE(HyTest::rawCount(sql, QStringLiteral("tags")), 0);
}

void tst_SqlDataSourceFaults::frozenServerTimesOut()
{
    HY_TEST_SOURCE(m_databases);
    if (db == u"sqlite")
        QSKIP("SQLite has no server to freeze");
    sql.from<Tag>().insert({{"code", "kept"}});
    auto proxy = proxyFor(db);
    Hy::ConnectionOptions options = m_databases.options(db);
    options.statementTimeout = 1500ms;
    auto source = openThrough(*proxy, options);
    QCOMPARE(source->from<Tag>().count(), 1);

    proxy->setMode(HyTest::FaultProxy::Mode::Freeze);
    QElapsedTimer timer;
    timer.start();
    HY_EXPECT_ERROR(source->from<Tag>().count(), ErrorCode::QueryTimeout);
    // The statement timeout, plus the second of grace the client gives the
    // server's own timeout (MariaDB's client counts in whole seconds).
    QVERIFY2(timer.elapsed() >= 1500 && timer.elapsed() < 6000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(!source->isOpen());

    proxy->setMode(HyTest::FaultProxy::Mode::Forward);
    source->open();
    QCOMPARE(source->from<Tag>().count(), 1);
}

void tst_SqlDataSourceFaults::slowStatementTimesOut()
{
    HY_TEST_SOURCE(m_databases);
    Hy::ConnectionOptions options = m_databases.options(db);
    options.statementTimeout = 1000ms;
    QElapsedTimer timer;
    if (db == u"sqlite") {
        // SQLite's wait is for the lock another connection holds.
        auto holder = m_databases.openAnother(db);
        QSqlQuery lock(holder->database());
        QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
        Hy::SqlDataSource source(options);
        source.open();
        timer.start();
        HY_EXPECT_ERROR(source.from<Tag>().insert({{"code", "waits"}}), ErrorCode::QueryTimeout);
        QVERIFY2(timer.elapsed() >= 900 && timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        QVERIFY(source.isOpen());
        source.from<Tag>().insert({{"code", "then"}});
        QCOMPARE(source.from<Tag>().count(), 1);
        return;
    }
    QSqlQuery raw(sql.database());
    QVERIFY(raw.exec(QStringLiteral("DROP VIEW IF EXISTS slow")));
    QVERIFY2(raw.exec(db == u"postgres" ? QStringLiteral("CREATE VIEW slow AS SELECT 1 AS x FROM pg_sleep(4)")
                                         : QStringLiteral("CREATE VIEW slow AS SELECT SLEEP(4) AS x")),
             qPrintable(raw.lastError().text()));
    Hy::SqlDataSource source(options);
    source.open();
    timer.start();
    HY_EXPECT_ERROR(source.from(QStringLiteral("slow")).many(), ErrorCode::QueryTimeout);
    QVERIFY2(timer.elapsed() >= 900 && timer.elapsed() < 3500, qPrintable(QString::number(timer.elapsed())));
    // Stopped by the server: the connection is still good.
    QVERIFY(source.isOpen());
    source.from<Tag>().insert({{"code", "then"}});
    QCOMPARE(source.from<Tag>().count(), 1);
}

void tst_SqlDataSourceFaults::connectTimeout()
{
    HY_TEST_REQUIRE_DATABASE(m_databases);
    if (db == u"sqlite")
        QSKIP("SQLite does not connect to a server");
    auto proxy = proxyFor(db);
    proxy->setMode(HyTest::FaultProxy::Mode::Freeze);
    Hy::ConnectionOptions options = m_databases.options(db);
    options.connectTimeout = 2s;
    options.port = proxy->port();
    Hy::SqlDataSource source(options);
    QElapsedTimer timer;
    timer.start();
    HY_EXPECT_ERROR(source.open(), ErrorCode::ConnectionFailed);
    QVERIFY2(timer.elapsed() >= 1900 && timer.elapsed() < 7000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(!source.isOpen());
}

void tst_SqlDataSourceFaults::largeBatchesFitTheServer()
{
    HY_TEST_SOURCE(m_databases);
    // 20 MiB in all: more than MariaDB's max_allowed_packet (16 MiB), which
    // one statement must not exceed.
    QList<Hy::Values<Post>> rows;
    for (int i = 0; i < 20; ++i)
        rows.append({{"title", QString::number(i)}, {"body", QString(1024 * 1024, QChar(u'a' + i))}});
    const auto posts = sql.from<Post>().insertMany(rows);
    QCOMPARE(posts.size(), std::size_t(20));
    for (int i = 0; i < 20; ++i) {
        QCOMPARE(posts[std::size_t(i)]->title(), std::optional<QString>(QString::number(i)));
        QCOMPARE(posts[std::size_t(i)]->body(), std::optional<QString>(QString(1024 * 1024, QChar(u'a' + i))));
    }
    QCOMPARE(sql.from<Post>().count(), 20);
    QCOMPARE(sql.from<Post>().where("title", "7").oneOrFail()->body()->size(), 1024 * 1024);

    if (db.startsWith(u"mariadb")) {
        // One row bigger than the server takes is refused before it is sent,
        // and the connection stays.
        try {
            sql.from<Post>().insert({{"title", "huge"}, {"body", QString(17 * 1024 * 1024, u'x')}});
            QFAIL("expected VALUE_TOO_LONG");
        } catch (const Hy::Error &error) {
            QCOMPARE(error.code(), ErrorCode::ValueTooLong);
            QVERIFY(error.sql().isEmpty());
        }
        HY_EXPECT_ERROR(sql.from<Post>().where("title", "7").update({{"body", QString(17 * 1024 * 1024, u'x')}}),
                        ErrorCode::ValueTooLong);
        QVERIFY(sql.isOpen());
        QCOMPARE(sql.from<Post>().count(), 20);
        QCOMPARE(sql.from<Post>().where("title", "7").oneOrFail()->body()->size(), 1024 * 1024);
    }
}

QTEST_GUILESS_MAIN(tst_SqlDataSourceFaults)
#include "tst_sqldatasource_faults.moc"
