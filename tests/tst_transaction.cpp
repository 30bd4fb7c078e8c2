// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "testdatabases.h"
#include "testmodels.h"
#include "testthreads.h"

#include <HysteriaQt/SqlDataSource>
#include <HysteriaQt/Transaction>

#include <QtCore/QLoggingCategory>
#include <QtCore/QRegularExpression>
#include <QtCore/QSemaphore>
#include <QtCore/QThread>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>
#include <QtTest/QTest>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>

using Hy::ErrorCode;
using HyTest::inThread;
using Hy::Transaction;

namespace {
// The codes stored in the tags table, sorted: what a test expects to find.
QStringList storedCodes(Hy::SqlDataSource &sql)
{
    QStringList codes;
    for (const auto &tag : sql.from<Tag>().orderBy("code").many())
        codes.append(tag->code());
    return codes;
}

// The statements the hysteria.sql log shows while `work` runs, without
// their durations.
QStringList loggedStatements;
QtMessageHandler previousHandler = nullptr;
void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (qstrcmp(context.category, "hysteria.sql") == 0 && type == QtDebugMsg)
        loggedStatements.append(message.section(QStringLiteral(" -- "), 0, 0));
    else
        previousHandler(type, context, message);
}
QStringList statementsLogged(const std::function<void()> &work)
{
    loggedStatements.clear();
    previousHandler = qInstallMessageHandler(captureLog);
    QLoggingCategory::setFilterRules(QStringLiteral("hysteria.sql.debug=true"));
    work();
    QLoggingCategory::setFilterRules(QString());
    qInstallMessageHandler(previousHandler);
    return loggedStatements;
}

} // namespace

// Hy::Transaction: the callback form, guards, savepoints for nested
// transactions, isolation levels, ended transactions and threads.
class tst_Transaction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { HyTest::Databases::addRows(); }
    void init();

    void callbackCommits();
    void callbackRollsBackAndRethrows();
    void callbackReturnsItsResult();
    void guardRollsBackWhenDestroyed();
    void manualCommitAndRollback();
    void nestedTransactionsAreSavepoints();
    void nestedCallbackThatThrows();
    void endingAnOuterTransactionEndsInnerOnes();
    void endedTransactions();
    void failedStatementsDoNotEndTheTransaction();
    void uncommittedWorkIsNotSeenElsewhere();
    void isolationLevels();
    void isolationLevelIsApplied();
    void conflictsHaveTheirOwnCode();
    void deadlocksHaveTheConflictCode();
    void insideTheApplicationsTransaction();
    void transactionStatementsAreObserved();
    void transactionsBelongToTheirThread();
    void destroyedInAnotherThread();
    void transactionOutlivesItsDataSource();

private:
    HyTest::Databases m_databases{QStringLiteral("tst_transaction")};
};

void tst_Transaction::init()
{
    HY_TEST_SOURCE(m_databases);
    sql.schema().dropTables<Tag>(Hy::SchemaBuilder::IfMissing::Skip);
    sql.schema().createTables<Tag>();
}

void tst_Transaction::callbackCommits()
{
    HY_TEST_SOURCE(m_databases);
    sql.transaction([&](Transaction &trx) {
        QVERIFY(trx.isActive());
        QVERIFY(!trx.isSavepoint());
        trx.from<Tag>().insert({{"code", "a"}});
        // The data source's own builders run in the thread's transaction too.
        sql.from<Tag>().insert({{"code", "b"}});
        trx.from(QStringLiteral("tags")).insert({{"code", "c"}});
        QCOMPARE(trx.from<Tag>().count(), 3);
    });
    QCOMPARE(storedCodes(sql), (QStringList{"a", "b", "c"}));
    // A callback without the parameter.
    sql.transaction([&] { sql.from<Tag>().where("code", "a").update({{"label", "seen"}}); });
    QCOMPARE(sql.from<Tag>().where("label", "seen").count(), 1);
}

void tst_Transaction::callbackRollsBackAndRethrows()
{
    HY_TEST_SOURCE(m_databases);
    sql.from<Tag>().insert({{"code", "before"}});
    bool caught = false;
    try {
        sql.transaction([&](Transaction &trx) {
            trx.from<Tag>().insert({{"code", "lost"}});
            trx.from<Tag>().where("code", "before").update({{"label", "changed"}});
            throw std::runtime_error("the application changed its mind");
        });
    } catch (const std::runtime_error &error) {
        caught = QByteArrayView(error.what()) == "the application changed its mind";
    }
    QVERIFY(caught);
    QCOMPARE(storedCodes(sql), QStringList{"before"});
    QCOMPARE(sql.from<Tag>().where("label", nullptr).count(), 1);

    // A database error inside comes out as it was thrown, after the rollback.
    HY_EXPECT_ERROR(sql.transaction([&] {
                        sql.from<Tag>().insert({{"code", "lost"}});
                        sql.from<Tag>().insert({{"code", "before"}});
                    }),
                    ErrorCode::UniqueViolation);
    QCOMPARE(storedCodes(sql), QStringList{"before"});
}

void tst_Transaction::callbackReturnsItsResult()
{
    HY_TEST_SOURCE(m_databases);
    const auto tag = sql.transaction([&](Transaction &trx) { return trx.from<Tag>().insert({{"code", "made"}}); });
    QCOMPARE(tag->code(), QStringLiteral("made"));
    const qint64 count = sql.transaction([&] { return sql.from<Tag>().count(); });
    QCOMPARE(count, 1);
}

void tst_Transaction::guardRollsBackWhenDestroyed()
{
    HY_TEST_SOURCE(m_databases);
    {
        Transaction trx = sql.beginTransaction();
        trx.from<Tag>().insert({{"code", "dropped"}});
        QCOMPARE(sql.from<Tag>().count(), 1);
    }
    QCOMPARE(sql.from<Tag>().count(), 0);

    // Moved: the guard that holds it last decides.
    Transaction outer = sql.beginTransaction();
    outer.from<Tag>().insert({{"code", "moved"}});
    Transaction moved = std::move(outer);
    QCOMPARE(outer.state(), Transaction::State::RolledBack);
    QVERIFY(moved.isActive());
    HY_EXPECT_ERROR(outer.commit(), ErrorCode::TransactionNotActive);
    outer.rollback(); // nothing to do
    QVERIFY(moved.isActive());
    moved.commit();
    QCOMPARE(storedCodes(sql), QStringList{"moved"});
}

void tst_Transaction::manualCommitAndRollback()
{
    HY_TEST_SOURCE(m_databases);
    Transaction first = sql.beginTransaction();
    QCOMPARE(first.state(), Transaction::State::Active);
    first.from<Tag>().insert({{"code", "kept"}});
    first.commit();
    QCOMPARE(first.state(), Transaction::State::Committed);

    Transaction second = sql.beginTransaction();
    second.from<Tag>().insert({{"code", "undone"}});
    second.rollback();
    QCOMPARE(second.state(), Transaction::State::RolledBack);
    QCOMPARE(storedCodes(sql), QStringList{"kept"});
}

void tst_Transaction::nestedTransactionsAreSavepoints()
{
    HY_TEST_SOURCE(m_databases);
    Transaction outer = sql.beginTransaction();
    outer.from<Tag>().insert({{"code", "outer"}});
    {
        Transaction inner = outer.beginTransaction();
        QVERIFY(inner.isSavepoint());
        inner.from<Tag>().insert({{"code", "inner"}});
        // Deeper still, begun from the data source: a savepoint as well.
        Transaction deepest = sql.beginTransaction();
        QVERIFY(deepest.isSavepoint());
        deepest.from<Tag>().insert({{"code", "deepest"}});
        deepest.commit();
        QCOMPARE(outer.from<Tag>().count(), 3);
        inner.rollback();
        QCOMPARE(inner.state(), Transaction::State::RolledBack);
    }
    QVERIFY(outer.isActive());
    QCOMPARE(outer.from<Tag>().count(), 1);
    {
        Transaction kept = outer.beginTransaction();
        kept.from<Tag>().insert({{"code", "released"}});
        kept.commit();
    }
    outer.commit();
    QCOMPARE(storedCodes(sql), (QStringList{"outer", "released"}));
}

void tst_Transaction::nestedCallbackThatThrows()
{
    HY_TEST_SOURCE(m_databases);
    sql.transaction([&](Transaction &trx) {
        trx.from<Tag>().insert({{"code", "outer"}});
        HY_EXPECT_ERROR(trx.transaction([&](Transaction &inner) {
                            inner.from<Tag>().insert({{"code", "inner"}});
                            inner.from<Tag>().insert({{"code", "outer"}}); // taken
                        }),
                        ErrorCode::UniqueViolation);
        // The outer transaction goes on, on every database.
        trx.from<Tag>().insert({{"code", "after"}});
    });
    QCOMPARE(storedCodes(sql), (QStringList{"after", "outer"}));
}

void tst_Transaction::endingAnOuterTransactionEndsInnerOnes()
{
    HY_TEST_SOURCE(m_databases);
    Transaction outer = sql.beginTransaction();
    Transaction inner = outer.beginTransaction();
    inner.from<Tag>().insert({{"code", "inner"}});
    outer.commit();
    QCOMPARE(inner.state(), Transaction::State::Committed);
    QCOMPARE(storedCodes(sql), QStringList{"inner"});

    Transaction second = sql.beginTransaction();
    Transaction secondInner = second.beginTransaction();
    secondInner.from<Tag>().insert({{"code", "gone"}});
    second.rollback();
    QCOMPARE(secondInner.state(), Transaction::State::RolledBack);
    QCOMPARE(storedCodes(sql), QStringList{"inner"});
}

void tst_Transaction::endedTransactions()
{
    HY_TEST_SOURCE(m_databases);
    Transaction trx = sql.beginTransaction();
    auto builder = trx.from<Tag>();
    auto rows = trx.from(QStringLiteral("tags"));
    trx.commit();
    // commit() again is an error; rollback() is a no-op, so that it is safe
    // in a catch block.
    HY_EXPECT_ERROR(trx.commit(), ErrorCode::TransactionNotActive);
    trx.rollback();
    QCOMPARE(trx.state(), Transaction::State::Committed);
    HY_EXPECT_ERROR(trx.beginTransaction(), ErrorCode::TransactionNotActive);
    // Builders made from it run nothing: not outside it, not in a later one.
    HY_EXPECT_ERROR(builder.insert({{"code", "late"}}), ErrorCode::TransactionNotActive);
    HY_EXPECT_ERROR(rows.many(), ErrorCode::TransactionNotActive);
    Transaction later = sql.beginTransaction();
    HY_EXPECT_ERROR(builder.count(), ErrorCode::TransactionNotActive);
    later.rollback();
    QCOMPARE(sql.from<Tag>().count(), 0);

    // The callback may end its transaction itself.
    sql.transaction([&](Transaction &inner) {
        inner.from<Tag>().insert({{"code", "undone"}});
        inner.rollback();
    });
    QCOMPARE(sql.from<Tag>().count(), 0);
}

void tst_Transaction::failedStatementsDoNotEndTheTransaction()
{
    HY_TEST_SOURCE(m_databases);
    sql.from<Tag>().insert({{"code", "taken"}});
    sql.transaction([&](Transaction &trx) {
        trx.from<Tag>().insert({{"code", "first"}});
        // Caught by the application: on PostgreSQL too, where a failed
        // statement would abort the whole transaction, only it is undone.
        HY_EXPECT_ERROR(trx.from<Tag>().insert({{"code", "taken"}}), ErrorCode::UniqueViolation);
        HY_EXPECT_ERROR(trx.from<Tag>().insertMany({{{"code", "x"}}, {{"code", "taken"}}}), ErrorCode::UniqueViolation);
        HY_EXPECT_ERROR(trx.from<Tag>().where("code", "first").update({{"code", "taken"}}), ErrorCode::UniqueViolation);
        trx.from<Tag>().insert({{"code", "second"}});
    });
    QCOMPARE(storedCodes(sql), (QStringList{"first", "second", "taken"}));
}

void tst_Transaction::uncommittedWorkIsNotSeenElsewhere()
{
    HY_TEST_REQUIRE_DATABASE(m_databases);
    auto sql = m_databases.openAnother(db);
    auto other = m_databases.openAnother(db);
    Transaction trx = sql->beginTransaction();
    trx.from<Tag>().insert({{"code", "pending"}});
    QCOMPARE(other->from<Tag>().count(), 0);
    // Nor in another thread, which has a connection of its own.
    qint64 seen = -1;
    QCOMPARE(inThread([&] { seen = sql->from<Tag>().count(); }), std::nullopt);
    QCOMPARE(seen, 0);
    trx.commit();
    QCOMPARE(other->from<Tag>().count(), 1);
}

void tst_Transaction::isolationLevels()
{
    HY_TEST_SOURCE(m_databases);
    using Level = Transaction::IsolationLevel;
    const QList<Level> levels{Level::ReadUncommitted, Level::ReadCommitted, Level::RepeatableRead,
                              Level::Serializable};
    for (Level level : levels) {
        const bool supported = sql.hasFeature(Hy::SqlDataSource::Feature::IsolationLevels)
                || level == Level::Serializable;
        QCOMPARE(supported, db != u"sqlite" || level == Level::Serializable);
        if (!supported) {
            // Refused before anything is sent: no transaction is left open.
            HY_EXPECT_ERROR(sql.transaction([&] { sql.from<Tag>().insert({{"code", "refused"}}); }, level),
                            ErrorCode::IsolationLevelNotSupported);
            continue;
        }
        const QString code = QStringLiteral("level%1").arg(int(level));
        sql.transaction([&](Transaction &trx) {
            QCOMPARE(trx.isolationLevel(), level);
            trx.from<Tag>().insert({{"code", code}});
            // Nested ones run at the outer level; asking for another is refused.
            Transaction same = trx.beginTransaction();
            QCOMPARE(same.isolationLevel(), level);
            same.commit();
            const Level other = level == Level::Serializable ? Level::ReadCommitted : Level::Serializable;
            HY_EXPECT_ERROR(sql.beginTransaction(other), ErrorCode::IsolationLevelNotSupported);
        }, level);
        QCOMPARE(sql.from<Tag>().where("code", code).count(), 1);
    }
    QCOMPARE(sql.from<Tag>().where("code", "refused").count(), 0);
    // Nothing is left open: a transaction begins as usual.
    Transaction trx = sql.beginTransaction();
    QVERIFY(!trx.isSavepoint());
    trx.rollback();
}

void tst_Transaction::isolationLevelIsApplied()
{
    HY_TEST_REQUIRE_DATABASE(m_databases);
    if (db == u"sqlite")
        QSKIP("SQLite has one isolation level, SERIALIZABLE (see isolationLevels)");
    using Level = Transaction::IsolationLevel;
    auto sql = m_databases.openAnother(db);
    auto other = m_databases.openAnother(db);
    // REPEATABLE READ reads the snapshot its first read took; READ COMMITTED
    // sees what was committed since.
    for (Level level : {Level::RepeatableRead, Level::ReadCommitted}) {
        other->from<Tag>().remove();
        Transaction trx = sql->beginTransaction(level);
        QCOMPARE(trx.from<Tag>().count(), 0);
        other->from<Tag>().insert({{"code", "committed"}});
        QCOMPARE(trx.from<Tag>().count(), level == Level::ReadCommitted ? 1 : 0);
        trx.commit();
    }
}

void tst_Transaction::conflictsHaveTheirOwnCode()
{
    HY_TEST_REQUIRE_DATABASE(m_databases);
    if (db != u"postgres")
        QSKIP("PostgreSQL refuses a write to a row changed since a REPEATABLE READ snapshot");
    auto sql = m_databases.openAnother(db);
    auto other = m_databases.openAnother(db);
    sql->from<Tag>().insert({{"code", "row"}});
    Transaction trx = sql->beginTransaction(Transaction::IsolationLevel::RepeatableRead);
    QCOMPARE(trx.from<Tag>().count(), 1);
    other->from<Tag>().where("code", "row").update({{"label", "theirs"}});
    HY_EXPECT_ERROR(trx.from<Tag>().where("code", "row").update({{"label", "mine"}}), ErrorCode::TransactionConflict);
    trx.rollback();
    QCOMPARE(sql->from<Tag>().where("label", "theirs").count(), 1);
}

void tst_Transaction::deadlocksHaveTheConflictCode()
{
    HY_TEST_REQUIRE_DATABASE(m_databases);
    if (db == u"sqlite")
        QSKIP("SQLite transactions take the write lock when they begin, and queue rather than deadlock");
    auto sql = m_databases.openAnother(db);
    sql->from<Tag>().insertMany({{{"code", "a"}}, {{"code", "b"}}});
    // Two transactions lock a and b in opposite orders: the server ends one
    // of them, which gets TRANSACTION_CONFLICT, and the other goes on.
    QSemaphore theirsLockedB;
    std::optional<ErrorCode> theirError;
    std::optional<ErrorCode> myError;
    std::unique_ptr<QThread> theirs(QThread::create([&] {
        try {
            sql->transaction([&] {
                sql->from<Tag>().where("code", "b").update({{"label", "theirs"}});
                theirsLockedB.release();
                sql->from<Tag>().where("code", "a").update({{"label", "theirs"}});
            });
        } catch (const Hy::Error &error) {
            theirError = error.code();
        }
    }));
    try {
        sql->transaction([&] {
            sql->from<Tag>().where("code", "a").update({{"label", "mine"}});
            theirs->start();
            theirsLockedB.acquire();
            QThread::msleep(100); // their update of a is waiting for this transaction's lock
            sql->from<Tag>().where("code", "b").update({{"label", "mine"}});
        });
    } catch (const Hy::Error &error) {
        myError = error.code();
    }
    QVERIFY(theirs->wait(60000));
    QCOMPARE(int(theirError.has_value()) + int(myError.has_value()), 1);
    QCOMPARE(theirError.value_or(*myError), ErrorCode::TransactionConflict);
    const QString winner = myError ? QStringLiteral("theirs") : QStringLiteral("mine");
    QCOMPARE(sql->from<Tag>().where("label", winner).count(), 2);
}

void tst_Transaction::insideTheApplicationsTransaction()
{
    HY_TEST_SOURCE(m_databases);
    QSqlDatabase connection = sql.database();
    QVERIFY2(connection.transaction(), qPrintable(connection.lastError().text()));
    sql.from<Tag>().insert({{"code", "application"}});
    {
        // A savepoint inside the application's transaction, which it ends.
        Transaction trx = sql.beginTransaction();
        QVERIFY(trx.isSavepoint());
        trx.from<Tag>().insert({{"code", "undone"}});
        trx.rollback();
    }
    sql.transaction([&](Transaction &trx) {
        QVERIFY(trx.isSavepoint());
        trx.from<Tag>().insert({{"code", "released"}});
    });
    // Its isolation level is the application's.
    if (db != u"sqlite") {
        HY_EXPECT_ERROR(sql.beginTransaction(Transaction::IsolationLevel::Serializable),
                        ErrorCode::IsolationLevelNotSupported);
    }
    QVERIFY2(connection.commit(), qPrintable(connection.lastError().text()));
    QCOMPARE(storedCodes(sql), (QStringList{"application", "released"}));
}

void tst_Transaction::transactionStatementsAreObserved()
{
    HY_TEST_SOURCE(m_databases);
    QString begin = QStringLiteral("BEGIN");
    if (db == u"sqlite")
        begin = QStringLiteral("BEGIN IMMEDIATE");
    else if (db.startsWith(u"mariadb"))
        begin = QStringLiteral("START TRANSACTION");
    const QString quote = db == u"postgres" ? QStringLiteral("\"") : QStringLiteral("`");
    const QString savepoint = quote + QStringLiteral("hy_sp_1") + quote;
    const auto work = [&] {
        sql.transaction([&](Transaction &trx) {
            trx.transaction([] {});
            Transaction inner = trx.beginTransaction();
            inner.rollback();
        });
        Transaction trx = sql.beginTransaction();
        trx.rollback();
    };
    const QStringList expected{begin,
                               QStringLiteral("SAVEPOINT ") + savepoint,
                               QStringLiteral("RELEASE SAVEPOINT ") + savepoint,
                               QStringLiteral("SAVEPOINT ") + savepoint,
                               QStringLiteral("ROLLBACK TO SAVEPOINT ") + savepoint,
                               QStringLiteral("RELEASE SAVEPOINT ") + savepoint,
                               QStringLiteral("COMMIT"),
                               begin,
                               QStringLiteral("ROLLBACK")};
    QCOMPARE(HyTest::statementsOf(sql, work), expected);
    QCOMPARE(statementsLogged(work), expected);

    // In the application's own transaction, a savepoint. SQLite tells of
    // that transaction only by refusing the BEGIN, which is seen failing.
    QSqlDatabase connection = sql.database();
    QVERIFY2(connection.transaction(), qPrintable(connection.lastError().text()));
    QStringList failed;
    const int id = sql.addQueryObserver([&](const Hy::QueryEvent &event) {
        if (event.stage() == Hy::QueryEvent::Stage::Failed)
            failed.append(event.sql());
    });
    const QStringList inApplications = HyTest::statementsOf(sql, [&] {
        Transaction trx = sql.beginTransaction();
        QVERIFY(trx.isSavepoint());
        trx.commit();
    });
    sql.removeQueryObserver(id);
    QVERIFY2(connection.rollback(), qPrintable(connection.lastError().text()));
    const QString outermost = quote + QStringLiteral("hy_sp_0") + quote;
    QStringList savepointOnly{QStringLiteral("SAVEPOINT ") + outermost, QStringLiteral("RELEASE SAVEPOINT ") + outermost};
    if (db == u"sqlite") {
        QCOMPARE(failed, QStringList{begin});
        savepointOnly.prepend(begin);
    } else {
        QCOMPARE(failed, QStringList());
    }
    QCOMPARE(inApplications, savepointOnly);
    QCOMPARE(HyTest::rawCount(sql, QStringLiteral("tags")), 0);
}

void tst_Transaction::transactionsBelongToTheirThread()
{
    HY_TEST_REQUIRE_DATABASE(m_databases);
    auto sql = m_databases.openAnother(db);
    Transaction trx = sql->beginTransaction();
    trx.from<Tag>().insert({{"code", "mine"}});
    auto builder = trx.from<Tag>();
    // Another thread can neither end it nor run its builders.
    QCOMPARE(inThread([&] { trx.commit(); }), std::optional<ErrorCode>(ErrorCode::WrongThread));
    QCOMPARE(inThread([&] { trx.rollback(); }), std::optional<ErrorCode>(ErrorCode::WrongThread));
    QCOMPARE(inThread([&] { builder.insert({{"code", "theirs"}}); }), std::optional<ErrorCode>(ErrorCode::WrongThread));
    QCOMPARE(inThread([&] { trx.beginTransaction(); }), std::optional<ErrorCode>(ErrorCode::WrongThread));
    // A transaction of its own there is no savepoint of this one. (On
    // SQLite it waits for this one's write lock, under the busy timeout.)
    std::atomic<bool> savepoint = true;
    std::optional<ErrorCode> theirError;
    std::unique_ptr<QThread> theirs(QThread::create([&] {
        try {
            Transaction own = sql->beginTransaction();
            savepoint = own.isSavepoint();
            own.from<Tag>().insert({{"code", "theirs"}});
            own.commit();
        } catch (const Hy::Error &error) {
            theirError = error.code();
        }
    }));
    theirs->start();
    QThread::msleep(100);
    QVERIFY(trx.isActive());
    trx.commit();
    QVERIFY(theirs->wait(60000));
    QCOMPARE(theirError, std::nullopt);
    QVERIFY(!savepoint);
    QCOMPARE(storedCodes(*sql), (QStringList{"mine", "theirs"}));
}

void tst_Transaction::destroyedInAnotherThread()
{
    HY_TEST_REQUIRE_DATABASE(m_databases);
    auto sql = m_databases.openAnother(db);
    auto trx = std::make_unique<Transaction>(sql->beginTransaction());
    trx->from<Tag>().insert({{"code", "abandoned"}});
    // Destroyed elsewhere: its own thread rolls it back when it next uses the
    // connection, rather than another thread touching the connection.
    QCOMPARE(inThread([&] { trx.reset(); }), std::nullopt);
    QCOMPARE(sql->from<Tag>().count(), 0);
    Transaction next = sql->beginTransaction();
    QVERIFY(!next.isSavepoint());
    next.from<Tag>().insert({{"code", "next"}});
    next.commit();
    QCOMPARE(storedCodes(*sql), QStringList{"next"});
}

void tst_Transaction::transactionOutlivesItsDataSource()
{
    HY_TEST_REQUIRE_DATABASE(m_databases);
    auto sql = m_databases.openAnother(db);
    Transaction trx = sql->beginTransaction();
    trx.from<Tag>().insert({{"code", "gone"}});
    auto builder = trx.from<Tag>();
    sql.reset();
    // The connection went with the data source, and the work with it.
    QCOMPARE(trx.state(), Transaction::State::RolledBack);
    HY_EXPECT_ERROR(trx.commit(), ErrorCode::TransactionNotActive);
    HY_EXPECT_ERROR(builder.count(), ErrorCode::ConnectionNotOpen);
    trx.rollback();
    QCOMPARE(m_databases.openAnother(db)->from<Tag>().count(), 0);
}

QTEST_GUILESS_MAIN(tst_Transaction)
#include "tst_transaction.moc"
