// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_TESTDATABASES_H
#define HYSTERIAQT_TESTDATABASES_H

// Every suite that touches a database runs each case on SQLite, PostgreSQL
// and MariaDB, as QtTest global data rows tagged sqlite / postgres / mariadb,
// plus mariadb-interleaved: MariaDB with innodb_autoinc_lock_mode = 2 (MySQL
// 8's default), where batched inserts take another path.
//
// The servers come from the environment, as user:password@host:port:
//   HYSTERIA_TEST_POSTGRES, HYSTERIA_TEST_MARIADB, HYSTERIA_TEST_MARIADB_INTERLEAVED
// A database that is not configured is skipped, unless
// HYSTERIA_TEST_REQUIRE_ALL=1 (set by scripts/run-tests.sh), which makes it a
// failure. Each suite works in a database of its own (hy_<suite>), created
// afresh, so that suites can run in parallel.

// What every suite uses: the data source and its builders.
#include <HysteriaQt/Async>
#include <HysteriaQt/ModelQuery>
#include <HysteriaQt/QueryBuilder>
#include <HysteriaQt/SchemaBuilder>
#include <HysteriaQt/SqlDataSource>

#include <QtCore/QHash>
#include <QtCore/QString>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <functional>
#include <memory>

namespace HyTest {

class Databases
{
public:
    explicit Databases(const QString &suite);
    ~Databases();

    // For initTestCase_data(): the "db" column and its three rows.
    static void addRows();
    static bool requireAll();

    // The data source for a tag, opened on first use; nullptr with `why`
    // set when the database is not configured.
    Hy::SqlDataSource *source(const QString &tag, QString *why);
    // A second, independent connection to the same database.
    std::unique_ptr<Hy::SqlDataSource> openAnother(const QString &tag);
    // Connection options of a tag, for tests that open their own connections.
    Hy::ConnectionOptions options(const QString &tag) const;
    bool isConfigured(const QString &tag) const;

private:
    void createDatabase(const QString &tag);
    QString databaseName() const;

    QString m_suite;
    QTemporaryDir m_dir;
    QHash<QString, Hy::SqlDataSource *> m_sources;
};

// A connection of the application's own, with `options`, not opened.
QSqlDatabase addConnection(const QString &name, const Hy::ConnectionOptions &options);

// SELECT COUNT(*) of a table, with an optional WHERE, through QSqlQuery:
// what is in the table, whatever HysteriaQt thinks. Fails the process on an error.
qint64 rawCount(Hy::SqlDataSource &sql, const QString &table, const QString &where = {});

// The statements a data source runs while `work` runs, as started.
QStringList statementsOf(Hy::SqlDataSource &sql, const std::function<void()> &work);

} // namespace HyTest

// In a test function: fetches the "db" global row and declares `sql`, the
// data source to run on (skipping, or failing in CI, when it is not configured).
#define HY_TEST_SOURCE(databases)                                                  \
    QFETCH_GLOBAL(QString, db);                                                    \
    QString hyWhyNot;                                                              \
    Hy::SqlDataSource *sqlPointer = (databases).source(db, &hyWhyNot);             \
    if (!sqlPointer) {                                                             \
        if (HyTest::Databases::requireAll())                                       \
            QFAIL(qPrintable(hyWhyNot));                                           \
        QSKIP(qPrintable(hyWhyNot));                                               \
    }                                                                              \
    Hy::SqlDataSource &sql = *sqlPointer

// In a test function that opens connections of its own: fetches the "db"
// global row and makes sure that database is configured and created.
#define HY_TEST_REQUIRE_DATABASE(databases)                                        \
    QFETCH_GLOBAL(QString, db);                                                    \
    do {                                                                           \
        QString hyWhyNot;                                                          \
        if (!(databases).source(db, &hyWhyNot)) {                                  \
            if (HyTest::Databases::requireAll())                                   \
                QFAIL(qPrintable(hyWhyNot));                                       \
            QSKIP(qPrintable(hyWhyNot));                                           \
        }                                                                          \
    } while (false)

// Runs `statement` and checks that it throws Hy::Error with `errorCode`.
#define HY_EXPECT_ERROR(statement, errorCode)                                      \
    do {                                                                           \
        bool hyThrown = false;                                                     \
        try {                                                                      \
            statement;                                                             \
        } catch (const Hy::Error &hyError) {                                       \
            hyThrown = true;                                                       \
            if (hyError.code() != (errorCode))                                     \
                QFAIL(qPrintable(QStringLiteral("expected %1, got %2")             \
                                         .arg(Hy::Error::codeName(errorCode),      \
                                              QString::fromUtf8(hyError.what()))));\
        }                                                                          \
        if (!hyThrown)                                                             \
            QFAIL(qPrintable(QStringLiteral("expected %1, nothing was thrown")     \
                                     .arg(Hy::Error::codeName(errorCode))));       \
    } while (false)

// Runs `statement`, which must throw `errorCode` for `columnName` before
// sending any SQL.
#define HY_EXPECT_REFUSED(statement, errorCode, columnName)                                \
    do {                                                                                  \
        try {                                                                             \
            statement;                                                                    \
            QFAIL("expected " #errorCode);                                                \
        } catch (const Hy::Error &hyError) {                                              \
            QCOMPARE(hyError.codeName(), Hy::Error::codeName(errorCode));                 \
            QCOMPARE(hyError.column(), QStringLiteral(columnName));                       \
            QVERIFY2(hyError.sql().isEmpty(), qPrintable(hyError.sql()));                 \
        }                                                                                 \
    } while (false)

#endif // HYSTERIAQT_TESTDATABASES_H
