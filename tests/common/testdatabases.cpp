// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "testdatabases.h"

#include <QtCore/QMutex>
#include <QtCore/QRegularExpression>
#include <QtCore/QScopeGuard>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

namespace HyTest {

namespace {
struct Server
{
    QString user;
    QString password;
    QString host;
    int port = -1;
};

QByteArray environmentVariable(const QString &tag)
{
    if (tag == u"postgres")
        return qgetenv("HYSTERIA_TEST_POSTGRES");
    if (tag == u"mariadb")
        return qgetenv("HYSTERIA_TEST_MARIADB");
    if (tag == u"mariadb-interleaved")
        return qgetenv("HYSTERIA_TEST_MARIADB_INTERLEAVED");
    return {};
}

std::optional<Server> server(const QString &tag)
{
    static const QRegularExpression form(QStringLiteral("^([^:@]*):([^@]*)@([^:]+):(\\d+)$"));
    const auto match = form.match(QString::fromLocal8Bit(environmentVariable(tag)));
    if (!match.hasMatch())
        return std::nullopt;
    return Server{match.captured(1), match.captured(2), match.captured(3), match.captured(4).toInt()};
}

QString driverOf(const QString &tag)
{
    if (tag == u"postgres")
        return QStringLiteral("QPSQL");
    if (tag.startsWith(u"mariadb"))
        return QStringLiteral("QMYSQL");
    return QStringLiteral("QSQLITE");
}
} // namespace

Databases::Databases(const QString &suite) : m_suite(suite.toLower()) {}

Databases::~Databases()
{
    qDeleteAll(m_sources);
}

void Databases::addRows()
{
    QTest::addColumn<QString>("db");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    // The run through QSqlQuery instead of SQLite's own calls is a SQLite one.
    if (qEnvironmentVariableIntValue("HYSTERIAQT_NO_NATIVE_SQLITE") == 1)
        return;
    QTest::newRow("postgres") << QStringLiteral("postgres");
    QTest::newRow("mariadb") << QStringLiteral("mariadb");
    QTest::newRow("mariadb-interleaved") << QStringLiteral("mariadb-interleaved");
}

bool Databases::requireAll()
{
    return qEnvironmentVariableIntValue("HYSTERIA_TEST_REQUIRE_ALL") == 1;
}

bool Databases::isConfigured(const QString &tag) const
{
    return tag == u"sqlite" || server(tag).has_value();
}

Hy::ConnectionOptions Databases::options(const QString &tag) const
{
    Hy::ConnectionOptions options;
    options.driver = driverOf(tag);
    if (tag == u"sqlite") {
        options.database = m_dir.filePath(m_suite + QStringLiteral(".sqlite"));
        return options;
    }
    const Server s = *server(tag);
    options.host = s.host;
    options.port = s.port;
    options.user = s.user;
    options.password = s.password;
    options.database = databaseName();
    return options;
}

QString Databases::databaseName() const
{
    // CTest runs a suite's PostgreSQL cases a second time without libpq,
    // perhaps at the same time as the first run: a database of its own, so
    // that neither drops the other's (DROP DATABASE ... WITH (FORCE)).
    return QStringLiteral("hy_") + m_suite
            + (qEnvironmentVariableIsSet("HYSTERIAQT_NO_LIBPQ") ? QStringLiteral("_nolibpq") : QString());
}

void Databases::createDatabase(const QString &tag)
{
    if (tag == u"sqlite")
        return;
    const Server s = *server(tag);
    const QString name = databaseName();
    const QString connection = QStringLiteral("hytest-admin-") + tag;
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(driverOf(tag), connection);
        admin.setHostName(s.host);
        admin.setPort(s.port);
        admin.setUserName(s.user);
        admin.setPassword(s.password);
        if (tag == u"postgres")
            admin.setDatabaseName(QStringLiteral("postgres"));
        if (!admin.open())
            qFatal("cannot reach the %s server: %s", qPrintable(tag), qPrintable(admin.lastError().text()));
        QSqlQuery query(admin);
        const QStringList statements = tag == u"postgres"
                ? QStringList{QStringLiteral("SET client_min_messages TO WARNING"),
                              QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name),
                              QStringLiteral("CREATE DATABASE %1").arg(name)}
                : QStringList{QStringLiteral("DROP DATABASE IF EXISTS %1").arg(name),
                              QStringLiteral("CREATE DATABASE %1 CHARACTER SET utf8mb4").arg(name)};
        for (const QString &statement : statements) {
            if (!query.exec(statement))
                qFatal("%s: %s", qPrintable(statement), qPrintable(query.lastError().text()));
        }
    }
    QSqlDatabase::removeDatabase(connection);
}

Hy::SqlDataSource *Databases::source(const QString &tag, QString *why)
{
    if (auto *existing = m_sources.value(tag))
        return existing;
    if (!isConfigured(tag)) {
        *why = QStringLiteral("%1 is not configured (set HYSTERIA_TEST_%2=user:password@host:port, "
                              "or run scripts/run-tests.sh)")
                       .arg(tag, tag.toUpper().replace(u'-', u'_'));
        return nullptr;
    }
    createDatabase(tag);
    auto *source = new Hy::SqlDataSource(options(tag));
    source->open();
    m_sources.insert(tag, source);
    return source;
}

std::unique_ptr<Hy::SqlDataSource> Databases::openAnother(const QString &tag)
{
    auto source = std::make_unique<Hy::SqlDataSource>(options(tag));
    source->open();
    return source;
}

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

qint64 rawCount(Hy::SqlDataSource &sql, const QString &table, const QString &where)
{
    QSqlQuery query(sql.database());
    const QString statement = QStringLiteral("SELECT COUNT(*) FROM ") + table
            + (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where);
    if (!query.exec(statement) || !query.next())
        qFatal("%s: %s", qPrintable(statement), qPrintable(query.lastError().text()));
    return query.value(0).toLongLong();
}

QStringList statementsOf(Hy::SqlDataSource &sql, const std::function<void()> &work)
{
    QMutex mutex;
    QStringList seen;
    const int id = sql.addQueryObserver([&](const Hy::QueryEvent &event) {
        if (event.stage() == Hy::QueryEvent::Stage::Started) {
            QMutexLocker locker(&mutex);
            seen.append(event.sql());
        }
    });
    auto removeObserver = qScopeGuard([&] { sql.removeQueryObserver(id); });
    work();
    return seen;
}

} // namespace HyTest
