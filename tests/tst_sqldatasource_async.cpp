// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "testdatabases.h"
#include "testmodels.h"

#include <HysteriaQt/Async>
#include <HysteriaQt/SqlDataSource>

#include <QtCore/QPointer>
#include <QtCore/QSemaphore>
#include <QtCore/QThread>
#include <QtSql/QSqlDatabase>
#include <QtTest/QTest>

#include <functional>
#include <memory>
#include <optional>
#include <thread>

using Hy::ErrorCode;

namespace {
QStringList codesOf(const Hy::ModelList<Tag> &tags)
{
    QStringList codes;
    for (const auto &tag : tags)
        codes.append(tag->code());
    return codes;
}
} // namespace

// SqlDataSource::async() and Hy::onFinished(): work on the data source's
// worker thread, answered with a QFuture, continued in the asking thread.
class tst_SqlDataSourceAsync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { HyTest::Databases::addRows(); }
    void init();

    void returnsAtOnce();
    void modelsArriveInTheAskingThread();
    void askingThreadThatEndedFirst();
    void worksRunInOrder();
    void errorsReachTheFuture();
    void voidWorkAndTransactions();
    void continuationIsDroppedWithItsContext();
    void queuedWorksAreCancelledWithTheDataSource();
    void connectionsThatStayInTheirThread();

private:
    HyTest::Databases m_databases{QStringLiteral("tst_sqldatasource_async")};
};

void tst_SqlDataSourceAsync::init()
{
    HY_TEST_SOURCE(m_databases);
    sql.schema().dropTables<Tag>(Hy::SchemaBuilder::IfMissing::Skip);
    sql.schema().createTables<Tag>();
}

void tst_SqlDataSourceAsync::returnsAtOnce()
{
    HY_TEST_SOURCE(m_databases);
    sql.from<Tag>().insertMany({{{"code", "a"}}, {{"code", "b"}}});
    QSemaphore go;
    QThread *ranIn = nullptr;
    auto future = sql.async([&](Hy::SqlDataSource &source) {
        go.acquire(); // the asking thread does not wait for this
        ranIn = QThread::currentThread();
        return source.from<Tag>().orderBy("code").many();
    });
    QVERIFY(!future.isFinished());
    std::optional<QStringList> codes;
    Hy::onFinished(future, this, [&](Hy::ModelList<Tag> tags) { codes = codesOf(tags); });
    QCoreApplication::processEvents();
    QVERIFY(!codes);
    go.release();
    QTRY_VERIFY(codes.has_value());
    QCOMPARE(*codes, (QStringList{"a", "b"}));
    QVERIFY(ranIn != QThread::currentThread());
}

void tst_SqlDataSourceAsync::modelsArriveInTheAskingThread()
{
    HY_TEST_SOURCE(m_databases);
    auto inserted = sql.async([](Hy::SqlDataSource &source) { return source.from<Tag>().insert({{"code", "one"}}); });
    auto many = sql.async([](Hy::SqlDataSource &source) { return source.from<Tag>().many(); });
    auto first = sql.async([](Hy::SqlDataSource &source) { return source.from<Tag>().one(); });
    many.waitForFinished();
    Hy::ModelList<Tag> tags = many.takeResult();
    QCOMPARE(codesOf(tags), QStringList{"one"});
    QCOMPARE(tags.front()->thread(), QThread::currentThread());
    auto tag = inserted.takeResult();
    QCOMPARE(tag->code(), QStringLiteral("one"));
    QCOMPARE(tag->thread(), QThread::currentThread());
    auto found = first.takeResult();
    QVERIFY(found);
    QCOMPARE(found->thread(), QThread::currentThread());
    // A thread of the application's own that asks gets them in that thread.
    QThread *asker = nullptr;
    QThread *livesIn = nullptr;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        asker = QThread::currentThread();
        auto future = sql.async([](Hy::SqlDataSource &source) { return source.from<Tag>().many(); });
        livesIn = future.takeResult().front()->thread();
    }));
    thread->start();
    QVERIFY(thread->wait(60000));
    QCOMPARE(livesIn, asker);
}

void tst_SqlDataSourceAsync::askingThreadThatEndedFirst()
{
    HY_TEST_SOURCE(m_databases);
    sql.from<Tag>().insertMany({{{"code", "a"}}, {{"code", "b"}}});
    // A work asked by a thread that has ended by the time its result is
    // ready: a std::thread joined, and a QThread deleted once it finished.
    const QList<std::pair<QString, std::function<void(const std::function<void()> &)>>> askers{
            {QStringLiteral("std::thread"), [](const std::function<void()> &ask) { std::thread(ask).join(); }},
            {QStringLiteral("QThread deleted on finished"),
             [](const std::function<void()> &ask) {
                 QPointer<QThread> thread = QThread::create(ask);
                 QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
                 thread->start();
                 QTRY_VERIFY_WITH_TIMEOUT(thread.isNull(), 60000);
             }},
    };
    for (const auto &[name, runAsker] : askers) {
        QSemaphore go;
        // Holds the worker until the asking thread is gone.
        QFuture<int> busy = sql.async([&](Hy::SqlDataSource &) {
            go.acquire();
            return 0;
        });
        std::optional<QFuture<Hy::ModelList<Tag>>> future;
        runAsker([&] {
            future = sql.async([](Hy::SqlDataSource &source) { return source.from<Tag>().orderBy("code").many(); });
        });
        QVERIFY2(future, qPrintable(name));
        go.release();
        future->waitForFinished();
        QCOMPARE(busy.result(), 0);
        QCOMPARE(future->resultCount(), 1);
        Hy::ModelList<Tag> tags = future->takeResult();
        QCOMPARE(codesOf(tags), (QStringList{"a", "b"}));
        // Delivered to no thread, so that the thread taking them can pull
        // them in, which Qt allows for objects of no thread only.
        for (const auto &tag : tags) {
            QVERIFY2(!tag->thread(), qPrintable(name));
            tag->moveToThread(QThread::currentThread());
            QCOMPARE(tag->thread(), QThread::currentThread());
        }
    }
    QCOMPARE(HyTest::rawCount(sql, QStringLiteral("tags")), 2);
}

void tst_SqlDataSourceAsync::worksRunInOrder()
{
    HY_TEST_SOURCE(m_databases);
    QList<QFuture<qint64>> counts;
    for (int i = 0; i < 20; ++i) {
        sql.async([i](Hy::SqlDataSource &source) { source.from<Tag>().insert({{"code", QString::number(i)}}); });
        counts.append(sql.async([](Hy::SqlDataSource &source) { return source.from<Tag>().count(); }));
    }
    QList<qint64> seen;
    for (auto &count : counts)
        seen.append(count.result());
    QList<qint64> expected;
    for (int i = 1; i <= 20; ++i)
        expected.append(i);
    QCOMPARE(seen, expected);
    // Copyable results continue with QFuture::then() as well.
    std::optional<qint64> total;
    sql.async([](Hy::SqlDataSource &source) { return source.from<Tag>().count(); }).then(this, [&](qint64 n) {
        total = n;
    });
    QTRY_COMPARE(total, std::optional<qint64>(20));
}

void tst_SqlDataSourceAsync::errorsReachTheFuture()
{
    HY_TEST_SOURCE(m_databases);
    sql.from<Tag>().insert({{"code", "taken"}});
    auto failed = sql.async([](Hy::SqlDataSource &source) { return source.from<Tag>().insert({{"code", "taken"}}); });
    std::optional<ErrorCode> code;
    bool gotResult = false;
    Hy::onFinished(
            failed, this, [&](std::unique_ptr<Tag>) { gotResult = true; },
            [&](const Hy::Error &error) { code = error.code(); });
    QTRY_VERIFY(code.has_value());
    QCOMPARE(*code, ErrorCode::UniqueViolation);
    QVERIFY(!gotResult);
    // Read from the future, it throws.
    HY_EXPECT_ERROR(failed.waitForFinished(), ErrorCode::UniqueViolation);
    // Checks made before SQL come the same way.
    auto refused = sql.async([](Hy::SqlDataSource &source) { return source.from<Tag>().where(QStringLiteral("nope"), 1).count(); });
    HY_EXPECT_ERROR(refused.result(), ErrorCode::UnknownColumn);
    QCOMPARE(sql.from<Tag>().count(), 1);
    // Without an error callback, the error is logged.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Unhandled error of asynchronous work: "
                                                                         "UNIQUE_VIOLATION")));
    bool logged = false;
    Hy::onFinished(sql.async([](Hy::SqlDataSource &source) { source.from<Tag>().insert({{"code", "taken"}}); }),
                   this, [] {});
    sql.async([&](Hy::SqlDataSource &) { logged = true; }).waitForFinished();
    QTRY_VERIFY(logged);
    QTest::qWait(50);
}

void tst_SqlDataSourceAsync::voidWorkAndTransactions()
{
    HY_TEST_SOURCE(m_databases);
    bool done = false;
    auto future = sql.async([](Hy::SqlDataSource &source) {
        source.transaction([&](Hy::Transaction &trx) {
            trx.from<Tag>().insert({{"code", "kept"}});
            Hy::Transaction inner = trx.beginTransaction();
            inner.from<Tag>().insert({{"code", "undone"}});
        });
    });
    Hy::onFinished(future, this, [&] { done = true; });
    QTRY_VERIFY(done);
    QCOMPARE(codesOf(sql.from<Tag>().many()), QStringList{"kept"});
}

void tst_SqlDataSourceAsync::continuationIsDroppedWithItsContext()
{
    HY_TEST_SOURCE(m_databases);
    QSemaphore go;
    auto future = sql.async([&](Hy::SqlDataSource &source) {
        go.acquire();
        return source.from<Tag>().many();
    });
    bool called = false;
    auto context = std::make_unique<QObject>();
    Hy::onFinished(
            future, context.get(), [&](Hy::ModelList<Tag>) { called = true; },
            [&](const Hy::Error &) { called = true; });
    context.reset();
    go.release();
    future.waitForFinished();
    QTest::qWait(50);
    QVERIFY(!called);
    QCOMPARE(future.resultCount(), 1);
}

void tst_SqlDataSourceAsync::queuedWorksAreCancelledWithTheDataSource()
{
    HY_TEST_REQUIRE_DATABASE(m_databases);
    auto sql = m_databases.openAnother(db);
    QSemaphore started;
    QSemaphore go;
    auto running = sql->async([&](Hy::SqlDataSource &source) {
        started.release();
        go.acquire();
        return source.from<Tag>().insert({{"code", "ran"}});
    });
    auto queued = sql->async([](Hy::SqlDataSource &source) { return source.from<Tag>().insert({{"code", "queued"}}); });
    std::optional<ErrorCode> code;
    Hy::onFinished(
            queued, this, [](std::unique_ptr<Tag>) {}, [&](const Hy::Error &error) { code = error.code(); });
    started.acquire();
    // The running work is waited for, the queued one dropped.
    std::unique_ptr<QThread> releaser(QThread::create([&] {
        QThread::msleep(100);
        go.release();
    }));
    releaser->start();
    sql.reset();
    QVERIFY(releaser->wait(60000));
    QVERIFY(running.isFinished());
    QCOMPARE(running.takeResult()->code(), QStringLiteral("ran"));
    QVERIFY(queued.isCanceled());
    QTRY_COMPARE(code, std::optional<ErrorCode>(ErrorCode::ConnectionNotOpen));
    auto check = m_databases.openAnother(db);
    QCOMPARE(codesOf(check->from<Tag>().many()), QStringList{"ran"});
}

void tst_SqlDataSourceAsync::connectionsThatStayInTheirThread()
{
    HY_TEST_REQUIRE_DATABASE(m_databases);
    // An adopted connection is the application's, in its thread: work on the
    // worker thread is refused, through the future.
    const Hy::ConnectionOptions options = m_databases.options(db);
    const QString name = QStringLiteral("adopted-async-") + db;
    {
        QSqlDatabase connection = HyTest::addConnection(name, options);
        Hy::SqlDataSource sql(connection);
        sql.open();
        auto future = sql.async([](Hy::SqlDataSource &source) { return source.from<Tag>().count(); });
        HY_EXPECT_ERROR(future.result(), ErrorCode::WrongThread);
        QCOMPARE(sql.from<Tag>().count(), 0);
    }
    QSqlDatabase::removeDatabase(name);
    if (db == u"sqlite") {
        Hy::SqlDataSource memory({.database = QStringLiteral(":memory:")});
        memory.open();
        auto future = memory.async([](Hy::SqlDataSource &source) { return source.schema().hasTable(QStringLiteral("tags")); });
        HY_EXPECT_ERROR(future.result(), ErrorCode::WrongThread);
        // Nor can another thread close it.
        auto closing = memory.async([](Hy::SqlDataSource &source) { source.close(); });
        HY_EXPECT_ERROR(closing.waitForFinished(), ErrorCode::WrongThread);
        QVERIFY(memory.isOpen());
        QVERIFY(!memory.schema().hasTable(QStringLiteral("tags")));
    }
}

QTEST_GUILESS_MAIN(tst_SqlDataSourceAsync)
#include "tst_sqldatasource_async.moc"
