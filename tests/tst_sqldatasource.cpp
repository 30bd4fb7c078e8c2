// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "testdatabases.h"
#include "testmodels.h"

#include <HysteriaQt/SqlDataSource>

#include <QtCore/QLoggingCategory>
#include <QtCore/QThread>
#include <QtSql/QSqlQuery>
#include <QtTest/QTest>

using Hy::ErrorCode;

namespace {
// A connection of the application's own, not opened.
QSqlDatabase addConnection(const QString &name, const Hy::ConnectionOptions &options)
{
    QSqlDatabase connection = QSqlDatabase::addDatabase(options.driver, name);
    connection.setDatabaseName(options.database);
    connection.setHostName(options.host);
    connection.setPort(options.port);
    connection.setUserName(options.user);
    connection.setPassword(options.password);
    return connection;
}
} // namespace

class tst_SqlDataSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { HyTest::Databases::addRows(); }

    void openReportsTheDatabase();
    void queriesBeforeOpenFail();
    void unreachableServerFails();
    void adoptsAnExistingConnection();
    void closeAndReopen();
    void ownConnectionIsRemoved();
    void otherThreadsAreRefused();
    void unknownDriver();
    void logsStatements();
    void failedOpenLeavesNothingBehind();
    void buildersOutlivingTheirSource();
    void adoptedSessionKeepsItsModes();

private:
    HyTest::Databases m_databases{QStringLiteral("tst_sqldatasource")};
};

void tst_SqlDataSource::openReportsTheDatabase()
{
    HY_TEST_SOURCE(m_databases);
    QVERIFY(sql.isOpen());
    QVERIFY(sql.database().isOpen());
    QVERIFY(sql.connectionName().startsWith(u"hysteriaqt-"));
    const auto expected = db == u"sqlite"     ? Hy::SqlDataSource::DatabaseType::SQLite
                        : db == u"postgres" ? Hy::SqlDataSource::DatabaseType::PostgreSQL
                                            : Hy::SqlDataSource::DatabaseType::MariaDB;
    QCOMPARE(sql.databaseType(), expected);
}

void tst_SqlDataSource::queriesBeforeOpenFail()
{
    QFETCH_GLOBAL(QString, db);
    if (!m_databases.isConfigured(db))
        QSKIP("not configured");
    Hy::SqlDataSource sql(m_databases.options(db));
    QVERIFY(!sql.isOpen());
    QCOMPARE(sql.databaseType(), Hy::SqlDataSource::DatabaseType::Unknown);
    HY_EXPECT_ERROR(sql.from<User>().many(), ErrorCode::ConnectionNotOpen);
    HY_EXPECT_ERROR(sql.from(QStringLiteral("users")).count(), ErrorCode::ConnectionNotOpen);
    HY_EXPECT_ERROR(sql.schema().createTables<User>(), ErrorCode::ConnectionNotOpen);
    HY_EXPECT_ERROR(sql.database(), ErrorCode::ConnectionNotOpen);
}

void tst_SqlDataSource::unreachableServerFails()
{
    QFETCH_GLOBAL(QString, db);
    if (!m_databases.isConfigured(db))
        QSKIP("not configured");
    Hy::ConnectionOptions options = m_databases.options(db);
    if (db == u"sqlite") {
        options.database = QStringLiteral("/nonexistent-directory/hysteria.sqlite");
    } else if (db == u"postgres") {
        options.port = 1; // nothing listens there
    } else {
        options.password = QStringLiteral("wrong password");
    }
    Hy::SqlDataSource sql(options);
    try {
        sql.open();
        QFAIL("expected ConnectionFailed");
    } catch (const Hy::Error &error) {
        QCOMPARE(error.code(), ErrorCode::ConnectionFailed);
        QVERIFY(error.driverError().isValid());
        QVERIFY(error.message().contains(options.driver));
    }
    QVERIFY(!sql.isOpen());
}

void tst_SqlDataSource::adoptsAnExistingConnection()
{
    HY_TEST_REQUIRE_DATABASE(m_databases);
    const Hy::ConnectionOptions options = m_databases.options(db);
    const QString name = QStringLiteral("app-connection-") + db;
    {
        QSqlDatabase connection = addConnection(name, options);
        {
            Hy::SqlDataSource sql(connection);
            sql.open(); // opens the adopted connection
            QCOMPARE(sql.connectionName(), name);
            sql.schema().createTables<Tag>(Hy::SchemaBuilder::IfExists::Skip);
            sql.from<Tag>().remove();
            sql.from<Tag>().insert({{"code", "adopted"}});
            QCOMPARE(sql.from<Tag>().count(), 1);
        }
        // The application's connection outlives the data source, still open.
        QVERIFY(QSqlDatabase::contains(name));
        QVERIFY(connection.isOpen());
        QSqlQuery query(connection);
        QVERIFY(query.exec(QStringLiteral("SELECT code FROM tags")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("adopted"));
    }
    QSqlDatabase::removeDatabase(name);

    Hy::SqlDataSource missing(QSqlDatabase::database(QStringLiteral("no-such-connection"), false));
    HY_EXPECT_ERROR(missing.open(), ErrorCode::ConnectionFailed);
}

void tst_SqlDataSource::closeAndReopen()
{
    HY_TEST_REQUIRE_DATABASE(m_databases);
    auto sql = m_databases.openAnother(db);
    sql->schema().createTables<Tag>(Hy::SchemaBuilder::IfExists::Skip);
    sql->close();
    QVERIFY(!sql->isOpen());
    HY_EXPECT_ERROR(sql->from<Tag>().count(), ErrorCode::ConnectionNotOpen);
    sql->open();
    QVERIFY(sql->isOpen());
    QVERIFY(sql->from<Tag>().count() >= 0);
}

void tst_SqlDataSource::ownConnectionIsRemoved()
{
    HY_TEST_REQUIRE_DATABASE(m_databases);
    QString name;
    {
        auto sql = m_databases.openAnother(db);
        name = sql->connectionName();
        QVERIFY(QSqlDatabase::contains(name));
    }
    QVERIFY(!QSqlDatabase::contains(name));
}

void tst_SqlDataSource::otherThreadsAreRefused()
{
    HY_TEST_SOURCE(m_databases);
    sql.schema().createTables<Tag>(Hy::SchemaBuilder::IfExists::Skip);
    std::optional<ErrorCode> code;
    QThread *thread = QThread::create([&] {
        try {
            sql.from<Tag>().count();
        } catch (const Hy::Error &error) {
            code = error.code();
        }
    });
    thread->start();
    QVERIFY(thread->wait(30000));
    delete thread;
    QVERIFY(code.has_value());
    QCOMPARE(*code, ErrorCode::WrongThread);
    QVERIFY(sql.from<Tag>().count() >= 0); // still fine on its own thread
}

void tst_SqlDataSource::unknownDriver()
{
    Hy::SqlDataSource sql({.driver = QStringLiteral("QNOSUCHDRIVER")});
    try {
        sql.open();
        QFAIL("expected DriverNotAvailable");
    } catch (const Hy::Error &error) {
        QCOMPARE(error.code(), ErrorCode::DriverNotAvailable);
        QVERIFY(error.message().contains(u"QNOSUCHDRIVER"));
        QVERIFY(error.message().contains(u"QSQLITE"));
    }
}

namespace {
QStringList capturedLog;
QtMessageHandler previousHandler = nullptr;
void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (qstrcmp(context.category, "hysteria.sql") == 0)
        capturedLog.append(message);
    else
        previousHandler(type, context, message);
}
} // namespace

void tst_SqlDataSource::logsStatements()
{
    HY_TEST_SOURCE(m_databases);
    sql.schema().createTables<Tag>(Hy::SchemaBuilder::IfExists::Skip);
    capturedLog.clear();
    previousHandler = qInstallMessageHandler(captureLog);
    QLoggingCategory::setFilterRules(QStringLiteral("hysteria.sql.debug=true"));
    sql.from<Tag>().where("code", "logged").count();
    QLoggingCategory::setFilterRules(QString());
    sql.from<Tag>().where("code", "not logged").count();
    qInstallMessageHandler(previousHandler);

    QCOMPARE(capturedLog.size(), 1);
    QVERIFY2(capturedLog.front().startsWith(u"SELECT COUNT(*) FROM "), qPrintable(capturedLog.front()));
    QVERIFY(capturedLog.front().contains(u"-- 1 bindings,"));
    QVERIFY(!capturedLog.front().contains(u"logged")); // values are bound, not shown in the SQL
}

void tst_SqlDataSource::failedOpenLeavesNothingBehind()
{
    QFETCH_GLOBAL(QString, db);
    if (!m_databases.isConfigured(db))
        QSKIP("not configured");
    const QStringList before = QSqlDatabase::connectionNames();
    Hy::ConnectionOptions options = m_databases.options(db);
    options.database = db == u"sqlite" ? QStringLiteral("/nonexistent-directory/x.sqlite")
                                       : QStringLiteral("no_such_database");
    {
        Hy::SqlDataSource sql(options);
        HY_EXPECT_ERROR(sql.open(), ErrorCode::ConnectionFailed);
        HY_EXPECT_ERROR(sql.open(), ErrorCode::ConnectionFailed);
        QCOMPARE(QSqlDatabase::connectionNames(), before);
        QVERIFY(sql.connectionName().isEmpty());
    }
    QCOMPARE(QSqlDatabase::connectionNames(), before);
}

void tst_SqlDataSource::buildersOutlivingTheirSource()
{
    HY_TEST_REQUIRE_DATABASE(m_databases);
    auto sql = m_databases.openAnother(db);
    sql->schema().createTables<Tag>(Hy::SchemaBuilder::IfExists::Skip);
    auto query = sql->from<Tag>().where("code", "x");
    auto rows = sql->from(QStringLiteral("tags"));
    auto schema = sql->schema();
    QVERIFY(query.count() >= 0);
    sql.reset();
    HY_EXPECT_ERROR(query.count(), ErrorCode::ConnectionNotOpen);
    HY_EXPECT_ERROR(rows.many(), ErrorCode::ConnectionNotOpen);
    HY_EXPECT_ERROR(schema.hasTable(QStringLiteral("tags")), ErrorCode::ConnectionNotOpen);
}

void tst_SqlDataSource::adoptedSessionKeepsItsModes()
{
    HY_TEST_REQUIRE_DATABASE(m_databases);
    if (!db.startsWith(u"mariadb"))
        QSKIP("sql_mode is MySQL's and MariaDB's");
    const Hy::ConnectionOptions options = m_databases.options(db);
    const QString name = QStringLiteral("modes-") + db;
    {
        QSqlDatabase connection = addConnection(name, options);
        QVERIFY(connection.open());
        QSqlQuery query(connection);
        QVERIFY(query.exec(QStringLiteral("SET SESSION sql_mode = 'ANSI_QUOTES,ONLY_FULL_GROUP_BY'")));
        Hy::SqlDataSource sql(connection);
        sql.open();
        QVERIFY(query.exec(QStringLiteral("SELECT @@SESSION.sql_mode")) && query.next());
        const QStringList modes = query.value(0).toString().split(u',');
        QVERIFY2(modes.contains(u"ANSI_QUOTES") && modes.contains(u"ONLY_FULL_GROUP_BY")
                         && modes.contains(u"STRICT_ALL_TABLES"),
                 qPrintable(modes.join(u',')));
        // And HysteriaQt still works under the application's ANSI_QUOTES.
        sql.schema().createTables<Tag>(Hy::SchemaBuilder::IfExists::Skip);
        sql.from<Tag>().remove();
        sql.from<Tag>().insert({{"code", "ansi"}});
        QCOMPARE(sql.from<Tag>().where("code", "ansi").count(), 1);
    }
    QSqlDatabase::removeDatabase(name);
}

QTEST_GUILESS_MAIN(tst_SqlDataSource)
#include "tst_sqldatasource.moc"
