// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "testdatabases.h"
#include "testmodels.h"

#include <HysteriaQt/SqlDataSource>

#include <QtCore/QLoggingCategory>
#include <QtCore/QMetaEnum>
#include <QtCore/QMutex>
#include <QtCore/QThread>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

#include <algorithm>
#include <atomic>
#include <functional>
#include <stdexcept>
#include <QtTest/QTest>

using Hy::ErrorCode;

using HyTest::addConnection;

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
    void unknownDriver();
    void logsStatements();
    void observersSeeEveryStatement();
    void failedOpenLeavesNothingBehind();
    void buildersOutlivingTheirSource();
    void adoptedSessionKeepsItsModes();
    void valuesCannotLeaveTheirLiterals();

private:
    // Writes and finds every payload through `sql`, then reads them back
    // through a connection of default settings.
    void checkPayloads(Hy::SqlDataSource &sql, const QString &setting);

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

    // Capabilities of the servers the suite runs on (SQLite 3.40, PostgreSQL
    // 15, MariaDB 10.11), answered from their versions.
    using Feature = Hy::SqlDataSource::Feature;
    const QMetaEnum features = QMetaEnum::fromType<Feature>();
    QStringList has;
    for (int i = 0; i < features.keyCount(); ++i) {
        if (sql.hasFeature(Feature(features.value(i))))
            has.append(QString::fromLatin1(features.key(i)));
    }
    const QStringList expectedFeatures = db == u"sqlite"
            ? QStringList{"Returning", "TransactionalDdl", "Savepoints", "UpsertOnConflict", "WindowFunctions",
                          "CommonTableExpressions", "Json"}
            : db == u"postgres"
            ? QStringList{"Returning", "TransactionalDdl", "Savepoints", "IsolationLevels", "UpsertOnConflict",
                          "WindowFunctions", "CommonTableExpressions", "RowLocks", "Json"}
            : QStringList{"Savepoints", "IsolationLevels", "UpsertOnDuplicateKey", "WindowFunctions",
                          "CommonTableExpressions", "RowLocks", "Json"};
    QCOMPARE(has, expectedFeatures);
}

void tst_SqlDataSource::queriesBeforeOpenFail()
{
    QFETCH_GLOBAL(QString, db);
    if (!m_databases.isConfigured(db))
        QSKIP("not configured");
    Hy::SqlDataSource sql(m_databases.options(db));
    QVERIFY(!sql.isOpen());
    QCOMPARE(sql.databaseType(), Hy::SqlDataSource::DatabaseType::Unknown);
    QVERIFY(!sql.hasFeature(Hy::SqlDataSource::Feature::Savepoints));
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
    sql->schema().dropTables<Tag>(Hy::SchemaBuilder::IfMissing::Skip);
    sql->schema().createTables<Tag>();
    sql->from<Tag>().insert({{"code", "kept"}});
    sql->close();
    QVERIFY(!sql->isOpen());
    HY_EXPECT_ERROR(sql->from<Tag>().count(), ErrorCode::ConnectionNotOpen);
    sql->open();
    QVERIFY(sql->isOpen());
    QCOMPARE(sql->from<Tag>().oneOrFail()->code(), QStringLiteral("kept"));
    QCOMPARE(sql->from<Tag>().count(), 1);
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
    // The statement, its values (text quoted, long text cut short), its time.
    const QRegularExpression line(QStringLiteral(
            R"(^SELECT COUNT\(\*\) FROM .tags. WHERE .tags.\..code. = \? -- \['logged'\] -- \d+ us(, \d+ rows)?$)"));
    QVERIFY2(line.match(capturedLog.front()).hasMatch(), qPrintable(capturedLog.front()));

    capturedLog.clear();
    previousHandler = qInstallMessageHandler(captureLog);
    QLoggingCategory::setFilterRules(QStringLiteral("hysteria.sql.debug=true"));
    HY_EXPECT_ERROR(sql.from<Tag>().insert({{"code", QString(40, u'x')}, {"label", QString(100, u'y')}}),
                    ErrorCode::ValueTooLong);
    sql.from<Tag>().where("code", "long").update({{"label", QString(100, u'y')}});
    QLoggingCategory::setFilterRules(QString());
    qInstallMessageHandler(previousHandler);
    QCOMPARE(capturedLog.size(), 1);
    QVERIFY2(capturedLog.front().contains(QStringLiteral("['%1...' (100 characters), 'long']").arg(QString(60, u'y'))),
             qPrintable(capturedLog.front()));
    QVERIFY2(capturedLog.front().endsWith(u", 0 rows"), qPrintable(capturedLog.front()));
}

void tst_SqlDataSource::observersSeeEveryStatement()
{
    HY_TEST_REQUIRE_DATABASE(m_databases);
    auto sql = m_databases.openAnother(db);
    sql->schema().createTables<Tag>(Hy::SchemaBuilder::IfExists::Skip);
    sql->from<Tag>().remove();
    QMutex mutex;
    QList<Hy::QueryEvent> events;
    const int id = sql->addQueryObserver([&](const Hy::QueryEvent &event) {
        QMutexLocker locker(&mutex);
        events.append(event);
    });
    sql->from<Tag>().insertMany({{{"code", "a"}, {"label", "x"}}, {{"code", "b"}, {"label", "x"}}});
    events.clear();

    QCOMPARE(sql->from<Tag>().where("label", "x").update({{"label", "y"}}), 2);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events[0].stage(), Hy::QueryEvent::Stage::Started);
    QCOMPARE(events[1].stage(), Hy::QueryEvent::Stage::Finished);
    for (const auto &event : events) {
        QVERIFY2(event.sql().startsWith(u"UPDATE "), qPrintable(event.sql()));
        QCOMPARE(event.bindings(), (QVariantList{QStringLiteral("y"), QStringLiteral("x")}));
        QCOMPARE(event.connectionName(), sql->connectionName());
        QCOMPARE(event.error(), std::nullopt);
    }
    QCOMPARE(events[0].duration().count(), 0);
    QVERIFY(events[1].duration().count() > 0);
    QCOMPARE(events[1].rows(), 2);

    // A failure: the error the caller gets, and nothing written.
    events.clear();
    HY_EXPECT_ERROR(sql->from<Tag>().insert({{"code", "a"}}), ErrorCode::UniqueViolation);
    const auto failed = std::find_if(events.cbegin(), events.cend(), [](const Hy::QueryEvent &event) {
        return event.stage() == Hy::QueryEvent::Stage::Failed;
    });
    QVERIFY(failed != events.cend());
    QVERIFY2(failed->sql().startsWith(u"INSERT "), qPrintable(failed->sql()));
    QCOMPARE(failed->error()->code(), ErrorCode::UniqueViolation);
    QVERIFY(failed->errorMessage().startsWith(u"UNIQUE_VIOLATION"));
    QCOMPARE(failed->rows(), -1);
    QCOMPARE(sql->from<Tag>().count(), 2);

    // Transactions: their COMMIT and ROLLBACK too.
    events.clear();
    sql->transaction([&] { sql->from<Tag>().where("code", "a").remove(); });
    QVERIFY(std::any_of(events.cbegin(), events.cend(), [](const Hy::QueryEvent &event) {
        return event.sql() == u"COMMIT" && event.stage() == Hy::QueryEvent::Stage::Finished;
    }));
    const auto removed = std::find_if(events.cbegin(), events.cend(), [](const Hy::QueryEvent &event) {
        return event.sql().startsWith(u"DELETE ") && event.stage() == Hy::QueryEvent::Stage::Finished;
    });
    QVERIFY(removed != events.cend());
    QCOMPARE(removed->rows(), 1);

    // Other threads' statements, on their own connections.
    events.clear();
    QString theirs;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        sql->from<Tag>().count();
        theirs = sql->database().connectionName();
    }));
    thread->start();
    QVERIFY(thread->wait(60000));
    QCOMPARE(events.size(), 2);
    QCOMPARE(events[1].connectionName(), theirs);
    QVERIFY(theirs != sql->connectionName());

    // An observer that throws changes nothing but a warning.
    const int throwing = sql->addQueryObserver([](const Hy::QueryEvent &) { throw std::runtime_error("observer"); });
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("A query observer threw: observer")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("A query observer threw: observer")));
    QCOMPARE(sql->from<Tag>().count(), 1);
    sql->removeQueryObserver(throwing);

    // Removed: nothing more.
    sql->removeQueryObserver(id);
    events.clear();
    sql->from<Tag>().count();
    QCOMPARE(events.size(), 0);
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
    sql->schema().dropTables<Tag>(Hy::SchemaBuilder::IfMissing::Skip);
    sql->schema().createTables<Tag>();
    sql->from<Tag>().insert({{"code", "x"}});
    auto query = sql->from<Tag>().where("code", "x");
    auto rows = sql->from(QStringLiteral("tags"));
    auto schema = sql->schema();
    QCOMPARE(query.count(), 1);
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

namespace {
// Values that try to end their literal early under one setting or another:
// a backslash before a quote (read as an escape with
// standard_conforming_strings off), doubled backslashes (QPSQL doubles them
// for a session that connected with it off), a character whose last UTF-8
// byte starts a two-byte character in SJIS and swallows the backslash after
// it, dollar quotes, and plain quotes.
const QStringList &payloads()
{
    static const QStringList list{
            QStringLiteral("\\'); DROP TABLE victim; --"),
            QStringLiteral("\\\\'); DROP TABLE victim; --"),
            QStringLiteral("'); DROP TABLE victim; --"),
            QStringLiteral("\u3041\\'); DROP TABLE victim; --"),
            QStringLiteral("a\\b\\\\c\\'"),
            QStringLiteral("\\"),
            QStringLiteral("$hy$'); DROP TABLE victim; --$hy$"),
            QStringLiteral("\\$hy$'); DROP TABLE victim; --$hy$"),
            QStringLiteral("\\$hy1$ $hy0$ $hy$ '); DROP TABLE victim; --"),
            QStringLiteral("x\\$hy"),
            QStringLiteral("x\\$hy12"),
            QStringLiteral("x$hy"),
            QStringLiteral("\\x41\\u0041 E'\\047'"),
    };
    return list;
}

void exec(QSqlDatabase connection, const QString &sql)
{
    QSqlQuery query(connection);
    if (!query.exec(sql))
        qFatal("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
}
} // namespace

void tst_SqlDataSource::checkPayloads(Hy::SqlDataSource &sql, const QString &setting)
{
    QFETCH_GLOBAL(QString, db);
    sql.from<User>().remove();
    int n = 0;
    for (const QString &payload : payloads()) {
        auto stored = sql.from<User>().insert(
                {{"name", payload}, {"email", QStringLiteral("p%1@example.com").arg(++n)}});
        QVERIFY2(stored->name() == payload, qPrintable(setting));
        QVERIFY2(sql.from<User>().where("name", payload).count() == 1, qPrintable(setting));
        QVERIFY2(sql.from(QStringLiteral("users")).where(QStringLiteral("name"), payload).count() == 1,
                 qPrintable(setting));
        QString pattern = payload;
        pattern.replace(u'\\', QStringLiteral("\\\\")).replace(u'%', QStringLiteral("\\%")).replace(u'_', QStringLiteral("\\_"));
        QVERIFY2(sql.from<User>().where("name", "like", pattern + u'%').count() >= 1, qPrintable(setting));
    }
    sql.from<User>().update({{"name", payloads().first()}});
    QCOMPARE(sql.from<User>().where("name", payloads().first()).count(), payloads().size());
    sql.from<User>().remove();
    n = 0;
    for (const QString &payload : payloads())
        sql.from(QStringLiteral("users")).insert(
                {{"name", payload}, {"email", QStringLiteral("q%1@example.com").arg(++n)}});

    // As stored, read by a connection of its own with the server's defaults.
    auto clean = m_databases.openAnother(db);
    QVERIFY2(clean->schema().hasTable(QStringLiteral("victim")), qPrintable(setting));
    QStringList names;
    for (const auto &user : clean->from<User>().orderBy("id").many())
        names.append(user->name().value_or(QStringLiteral("<null>")));
    QCOMPARE(names, payloads());
}

void tst_SqlDataSource::valuesCannotLeaveTheirLiterals()
{
    HY_TEST_REQUIRE_DATABASE(m_databases);
    const Hy::ConnectionOptions options = m_databases.options(db);
    auto sql = m_databases.openAnother(db);
    sql->schema().dropTables<User>(Hy::SchemaBuilder::IfMissing::Skip);
    sql->schema().createTables<User>();
    exec(sql->database(), QStringLiteral("DROP TABLE IF EXISTS victim"));
    exec(sql->database(), QStringLiteral("CREATE TABLE victim (x INTEGER)"));

    checkPayloads(*sql, QStringLiteral("the server's defaults"));
    if (QTest::currentTestFailed())
        return;
    if (db.startsWith(u"mariadb")) {
        // MariaDB's own escaping modes: QMYSQL binds values apart, so neither matters.
        exec(sql->database(), QStringLiteral("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')"));
        checkPayloads(*sql, QStringLiteral("NO_BACKSLASH_ESCAPES"));
        exec(sql->database(), QStringLiteral("SET SESSION sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES')"));
        checkPayloads(*sql, QStringLiteral("ANSI_QUOTES"));
        return;
    }
    if (db != u"postgres")
        return;

    // Every way the session's standard_conforming_strings can change under a
    // connection: QPSQL escapes for the value it saw when it connected.
    exec(sql->database(), QStringLiteral("SET standard_conforming_strings = off"));
    checkPayloads(*sql, QStringLiteral("SET off"));
    exec(sql->database(), QStringLiteral("SELECT set_config('standard_conforming_strings', 'on', false)"));
    exec(sql->database(), QStringLiteral("SELECT set_config('standard_conforming_strings', 'off', false)"));
    checkPayloads(*sql, QStringLiteral("set_config() off"));
    exec(sql->database(), QStringLiteral("SET standard_conforming_strings = on"));

    QVERIFY(sql->database().transaction());
    exec(sql->database(), QStringLiteral("SET LOCAL standard_conforming_strings = off"));
    checkPayloads(*sql, QStringLiteral("SET LOCAL off in the application's transaction"));
    QVERIFY(sql->database().commit());

    // A client_encoding changed by the application is set back with libpq's
    // help only; without it, text would be garbled (not misparsed).
    const bool withLibPq = qEnvironmentVariableIntValue("HYSTERIAQT_NO_LIBPQ") != 1;
    if (withLibPq) {
        exec(sql->database(), QStringLiteral("SET client_encoding = 'SJIS'"));
        checkPayloads(*sql, QStringLiteral("client_encoding SJIS"));
    }

    // The server's configuration, reloaded under a connection that is open:
    // the session learns of it only when its next statement arrives.
    auto beforeReload = m_databases.openAnother(db);
    exec(sql->database(), QStringLiteral("ALTER SYSTEM SET standard_conforming_strings = off"));
    exec(sql->database(), QStringLiteral("SELECT pg_reload_conf()"));
    QTest::qWait(200); // the reload signal reaches every backend
    checkPayloads(*beforeReload, QStringLiteral("server configuration reloaded"));
    exec(sql->database(), QStringLiteral("ALTER SYSTEM RESET standard_conforming_strings"));
    exec(sql->database(), QStringLiteral("SELECT pg_reload_conf()"));
    QTest::qWait(200);
    checkPayloads(*beforeReload, QStringLiteral("server configuration reloaded back"));

    // Connected with it off (a role's setting, connect options): QPSQL then
    // doubles backslashes, and the session may turn it on later.
    const QString role = QStringLiteral("ALTER ROLE %1 IN DATABASE %2 ").arg(options.user, options.database);
    exec(sql->database(), role + QStringLiteral("SET standard_conforming_strings = off"));
    auto roleOff = m_databases.openAnother(db);
    exec(sql->database(), role + QStringLiteral("RESET standard_conforming_strings"));
    checkPayloads(*roleOff, QStringLiteral("the role's setting off at connect"));
    if (withLibPq) {
        exec(roleOff->database(), QStringLiteral("SET client_encoding = 'SJIS'"));
        checkPayloads(*roleOff, QStringLiteral("off at connect, client_encoding SJIS"));
    }
    exec(roleOff->database(), QStringLiteral("SET standard_conforming_strings = on"));
    checkPayloads(*roleOff, QStringLiteral("off at connect, SET on"));

    const QString database = QStringLiteral("ALTER DATABASE %1 ").arg(options.database);
    exec(sql->database(), database + QStringLiteral("SET standard_conforming_strings = off"));
    auto databaseOff = m_databases.openAnother(db);
    exec(sql->database(), database + QStringLiteral("RESET standard_conforming_strings"));
    checkPayloads(*databaseOff, QStringLiteral("the database's setting off at connect"));
    exec(databaseOff->database(), QStringLiteral("SET standard_conforming_strings = on"));
    checkPayloads(*databaseOff, QStringLiteral("the database's setting off at connect, SET on"));

    Hy::ConnectionOptions connectOff = options;
    connectOff.connectOptions = QStringLiteral("options=-cstandard_conforming_strings=off");
    Hy::SqlDataSource optionsOff(connectOff);
    optionsOff.open();
    checkPayloads(optionsOff, QStringLiteral("connect options off"));
    exec(optionsOff.database(), QStringLiteral("SET standard_conforming_strings = on"));
    checkPayloads(optionsOff, QStringLiteral("connect options off, SET on"));
}

QTEST_GUILESS_MAIN(tst_SqlDataSource)
#include "tst_sqldatasource.moc"
