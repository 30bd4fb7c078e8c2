// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "testdatabases.h"
#include "testmodels.h"

#include <HysteriaQt/SqlDataSource>

#include <QtCore/QLoggingCategory>
#include <QtCore/QRegularExpression>
#include <QtTest/QTest>

using Hy::ErrorCode;

namespace {
// The dialect's SQL of a statement: SQLite, PostgreSQL, MariaDB.
QString perDatabase(const QString &db, const char *sqlite, const char *postgres, const char *mariadb)
{
    return QString::fromUtf8(db == u"sqlite" ? sqlite : db == u"postgres" ? postgres : mariadb);
}

QStringList sqlOf(const Hy::SqlStatements &statements)
{
    QStringList list;
    for (const Hy::SqlStatement &statement : statements)
        list.append(statement.sql);
    return list;
}

// HysteriaQt's UTC text of "now", as bound for autoCreate/autoUpdate columns.
bool isNowText(const QVariant &value, const QString &db)
{
    static const QRegularExpression text(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}(\\+00)?$"));
    return value.typeId() == QMetaType::QString && text.match(value.toString()).hasMatch()
            && value.toString().endsWith(u"+00") == (db == u"postgres");
}
} // namespace

// The SQL the compiler writes for each dialect, read through toSql(), which
// shows it without running anything.
class tst_SqlCompiler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { HyTest::Databases::addRows(); }
    void init();

    void selectWithGroupedConditions();
    void selectedColumnsAndPaging();
    void countOfALimitedQuery();
    void writes();
    void insertManyInChunks();
    void rowsWithoutAModel();
    void toSqlRunsNothing();
    void toSqlChecksValuesFirst();

private:
    HyTest::Databases m_databases{QStringLiteral("tst_sqlcompiler")};
};

void tst_SqlCompiler::init()
{
    HY_TEST_SOURCE(m_databases);
    sql.schema().dropTables<User, Sample>(Hy::SchemaBuilder::IfMissing::Skip);
    sql.schema().createTables<User, Sample>();
}

void tst_SqlCompiler::selectWithGroupedConditions()
{
    HY_TEST_SOURCE(m_databases);
    const auto statements = sql.from<User>()
                                    .where("isActive", true)
                                    .where([](auto &q) {
                                        q.where("name", "like", "A%").orWhere([](auto &r) {
                                            r.whereNull("email").where("id", ">", 3);
                                        });
                                    })
                                    .orderBy("createdAt", Qt::DescendingOrder)
                                    .toSql()
                                    .many();
    QCOMPARE(statements.size(), 1);
    QCOMPARE(statements.front().sql,
             perDatabase(db,
                         "SELECT `id`, `name`, `email`, `is_active`, `created_at`, `updated_at` FROM `users` "
                         "WHERE `users`.`is_active` = ? AND (`users`.`name` LIKE ? ESCAPE '\\' OR "
                         "(`users`.`email` IS NULL AND `users`.`id` > ?)) "
                         "ORDER BY strftime('%Y-%m-%d %H:%M:%f', `users`.`created_at`) DESC",
                         "SELECT \"id\", CASE WHEN left(\"name\", 1) = chr(65279) THEN chr(65279) || \"name\" "
                         "ELSE \"name\" END AS \"name\", CASE WHEN left(\"email\", 1) = chr(65279) THEN "
                         "chr(65279) || \"email\" ELSE \"email\" END AS \"email\", \"is_active\", "
                         "extract(epoch FROM \"created_at\")::float8 AS \"created_at\", "
                         "extract(epoch FROM \"updated_at\")::float8 AS \"updated_at\" FROM \"users\" "
                         "WHERE \"users\".\"is_active\" = ? AND (\"users\".\"name\" LIKE ? OR "
                         "(\"users\".\"email\" IS NULL AND \"users\".\"id\" > ?)) "
                         "ORDER BY \"users\".\"created_at\" DESC",
                         "SELECT `id`, CASE WHEN ORD(CONVERT(`name` USING utf8mb4)) = 15711167 THEN "
                         "CONCAT(LEFT(`name`, 1), `name`) ELSE `name` END AS `name`, CASE WHEN "
                         "ORD(CONVERT(`email` USING utf8mb4)) = 15711167 THEN CONCAT(LEFT(`email`, 1), `email`) "
                         "ELSE `email` END AS `email`, `is_active`, "
                         "DATE_FORMAT(`created_at`, '%Y-%m-%d %H:%i:%s.%f') AS `created_at`, "
                         "DATE_FORMAT(`updated_at`, '%Y-%m-%d %H:%i:%s.%f') AS `updated_at` FROM `users` "
                         "WHERE `users`.`is_active` = ? AND (`users`.`name` LIKE ? OR "
                         "(`users`.`email` IS NULL AND `users`.`id` > ?)) ORDER BY `users`.`created_at` DESC"));
    QCOMPARE(statements.front().bindings, (QVariantList{true, QStringLiteral("A%"), 3}));

    // Null with = is IS NULL; a date-time is bound as HysteriaQt's UTC text.
    const auto dates = sql.from<Sample>()
                               .where("happenedAt", ">=", "2026-01-01 10:00+02:00")
                               .orWhere("notes", nullptr)
                               .toSql()
                               .count();
    QCOMPARE(dates.front().sql,
             perDatabase(db,
                         "SELECT COUNT(*) FROM `samples` WHERE strftime('%Y-%m-%d %H:%M:%f', "
                         "`samples`.`happened_at`) >= ? OR `samples`.`notes` IS NULL",
                         "SELECT COUNT(*) FROM \"samples\" WHERE \"samples\".\"happened_at\" >= ? OR "
                         "\"samples\".\"notes\" IS NULL",
                         "SELECT COUNT(*) FROM `samples` WHERE `samples`.`happened_at` >= ? OR "
                         "`samples`.`notes` IS NULL"));
    QCOMPARE(dates.front().bindings,
             QVariantList{db == u"postgres" ? QStringLiteral("2026-01-01 08:00:00.000+00")
                                            : QStringLiteral("2026-01-01 08:00:00.000")});
}

void tst_SqlCompiler::selectedColumnsAndPaging()
{
    HY_TEST_SOURCE(m_databases);
    const auto one = sql.from<User>().select({"id", "isActive"}).offset(5).toSql().one();
    QCOMPARE(one.front().sql, perDatabase(db, "SELECT `id`, `is_active` FROM `users` LIMIT ? OFFSET ?",
                                          "SELECT \"id\", \"is_active\" FROM \"users\" LIMIT ? OFFSET ?",
                                          "SELECT `id`, `is_active` FROM `users` LIMIT ? OFFSET ?"));
    QCOMPARE(one.front().bindings, (QVariantList{qint64(1), qint64(5)}));
    // An offset without a limit: each database's way to say "no limit".
    const auto offsetOnly = sql.from<User>().select({"id"}).offset(5).toSql().many();
    QCOMPARE(offsetOnly.front().sql, perDatabase(db, "SELECT `id` FROM `users` LIMIT -1 OFFSET ?",
                                                 "SELECT \"id\" FROM \"users\" OFFSET ?",
                                                 "SELECT `id` FROM `users` LIMIT 18446744073709551615 OFFSET ?"));
    QCOMPARE(offsetOnly.front().bindings, QVariantList{qint64(5)});
}

void tst_SqlCompiler::countOfALimitedQuery()
{
    HY_TEST_SOURCE(m_databases);
    const auto count = sql.from<User>().where("isActive", true).limit(10).toSql().count();
    QCOMPARE(count.front().sql,
             perDatabase(db,
                         "SELECT COUNT(*) FROM (SELECT 1 FROM `users` WHERE `users`.`is_active` = ? LIMIT ?) "
                         "AS hy_counted",
                         "SELECT COUNT(*) FROM (SELECT 1 FROM \"users\" WHERE \"users\".\"is_active\" = ? "
                         "LIMIT ?) AS hy_counted",
                         "SELECT COUNT(*) FROM (SELECT 1 FROM `users` WHERE `users`.`is_active` = ? LIMIT ?) "
                         "AS hy_counted"));
    QCOMPARE(count.front().bindings, (QVariantList{true, qint64(10)}));
}

void tst_SqlCompiler::writes()
{
    HY_TEST_SOURCE(m_databases);
    const auto insert = sql.from<User>().toSql().insert({{"name", "A"}, {"email", "a@example.com"}});
    QCOMPARE(insert.size(), 1);
    QCOMPARE(insert.front().sql,
             perDatabase(db,
                         "INSERT INTO `users` (`name`, `email`, `created_at`, `updated_at`) VALUES (?, ?, ?, ?) "
                         "RETURNING `id`, `name`, `email`, `is_active`, `created_at`, `updated_at`",
                         "INSERT INTO \"users\" (\"name\", \"email\", \"created_at\", \"updated_at\") "
                         "VALUES (?, ?, ?, ?) RETURNING \"id\", CASE WHEN left(\"name\", 1) = chr(65279) THEN "
                         "chr(65279) || \"name\" ELSE \"name\" END AS \"name\", CASE WHEN left(\"email\", 1) = "
                         "chr(65279) THEN chr(65279) || \"email\" ELSE \"email\" END AS \"email\", \"is_active\", "
                         "extract(epoch FROM \"created_at\")::float8 AS \"created_at\", "
                         "extract(epoch FROM \"updated_at\")::float8 AS \"updated_at\"",
                         "INSERT INTO `users` (`name`, `email`, `created_at`, `updated_at`) VALUES (?, ?, ?, ?)"));
    QCOMPARE(insert.front().bindings.mid(0, 2), (QVariantList{QStringLiteral("A"), QStringLiteral("a@example.com")}));
    QVERIFY(isNowText(insert.front().bindings.value(2), db));
    QCOMPARE(insert.front().bindings.value(3), insert.front().bindings.value(2));

    const auto update = sql.from<User>().where("id", 1).toSql().update({{"name", "B"}});
    QCOMPARE(update.front().sql,
             perDatabase(db, "UPDATE `users` SET `name` = ?, `updated_at` = ? WHERE `users`.`id` = ?",
                         "UPDATE \"users\" SET \"name\" = ?, \"updated_at\" = ? WHERE \"users\".\"id\" = ?",
                         "UPDATE `users` SET `name` = ?, `updated_at` = ? WHERE `users`.`id` = ?"));
    QCOMPARE(update.front().bindings.value(0), QVariant(QStringLiteral("B")));
    QVERIFY(isNowText(update.front().bindings.value(1), db));
    QCOMPARE(update.front().bindings.value(2), QVariant(1));

    const auto remove = sql.from<User>().where("name", nullptr).orWhere("id", "<", 0).toSql().remove();
    QCOMPARE(remove.front().sql,
             perDatabase(db, "DELETE FROM `users` WHERE `users`.`name` IS NULL OR `users`.`id` < ?",
                         "DELETE FROM \"users\" WHERE \"users\".\"name\" IS NULL OR \"users\".\"id\" < ?",
                         "DELETE FROM `users` WHERE `users`.`name` IS NULL OR `users`.`id` < ?"));
    QCOMPARE(remove.front().bindings, QVariantList{0});
}

void tst_SqlCompiler::insertManyInChunks()
{
    HY_TEST_SOURCE(m_databases);
    // As many rows per statement as the parameter limit allows, 500 at most
    // (SQLite: 500 values), and the rest in a shorter one.
    QList<Hy::Values<Sample>> rows;
    for (int i = 0; i < 1234; ++i)
        rows.append({{"code", QString::number(i)}, {"total", i}, {"enabled", true}});
    const auto statements = sql.from<Sample>().toSql().insertMany(rows);
    QList<int> sizes;
    for (const Hy::SqlStatement &statement : statements) {
        QVERIFY(statement.sql.startsWith(u"INSERT INTO"));
        QCOMPARE(statement.bindings.size() % 3, 0);
        sizes.append(int(statement.bindings.size() / 3));
    }
    // Where one INSERT's keys need not be consecutive, one row at a time.
    const int perStatement = db == u"sqlite" ? 166 : db == u"mariadb-interleaved" ? 1 : 500;
    QList<int> expected;
    for (int left = 1234; left > 0; left -= perStatement)
        expected.append(qMin(left, perStatement));
    QCOMPARE(sizes, expected);
    QCOMPARE(statements.front().bindings.mid(0, 3), (QVariantList{QStringLiteral("0"), qint64(0), true}));
    QCOMPARE(statements.back().bindings.mid(statements.back().bindings.size() - 3),
             (QVariantList{QStringLiteral("1233"), qint64(1233), true}));
    QCOMPARE(sql.from<Sample>().count(), 0);
}

void tst_SqlCompiler::rowsWithoutAModel()
{
    HY_TEST_SOURCE(m_databases);
    auto users = [&] { return sql.from(QStringLiteral("users")); };
    const auto select = users().where(QStringLiteral("name"), "x").orWhere([](Hy::QueryBuilder &q) {
        q.whereNotNull(QStringLiteral("email")).where(QStringLiteral("id"), ">", 2);
    }).toSql().many();
    QCOMPARE(select.front().sql,
             perDatabase(db,
                         "SELECT * FROM `users` WHERE `users`.`name` = ? OR (`users`.`email` IS NOT NULL AND "
                         "`users`.`id` > ?)",
                         "SELECT * FROM \"users\" WHERE \"users\".\"name\" = ? OR (\"users\".\"email\" IS NOT "
                         "NULL AND \"users\".\"id\" > ?)",
                         "SELECT * FROM `users` WHERE `users`.`name` = ? OR (`users`.`email` IS NOT NULL AND "
                         "`users`.`id` > ?)"));
    QCOMPARE(select.front().bindings, (QVariantList{QStringLiteral("x"), 2}));
    QCOMPARE(sqlOf(users().toSql().insert({{"email", "e"}})),
             QStringList{perDatabase(db, "INSERT INTO `users` (`email`) VALUES (?)",
                                     "INSERT INTO \"users\" (\"email\") VALUES (?)",
                                     "INSERT INTO `users` (`email`) VALUES (?)")});
    QCOMPARE(sqlOf(users().where(QStringLiteral("id"), 1).toSql().update({{"email", "e"}})),
             QStringList{perDatabase(db, "UPDATE `users` SET `email` = ? WHERE `users`.`id` = ?",
                                     "UPDATE \"users\" SET \"email\" = ? WHERE \"users\".\"id\" = ?",
                                     "UPDATE `users` SET `email` = ? WHERE `users`.`id` = ?")});
    QCOMPARE(users().toSql().insertMany({{{"email", "a"}}, {{"email", "b"}}, {{"name", "c"}}}).size(), 2);
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

void tst_SqlCompiler::toSqlRunsNothing()
{
    HY_TEST_SOURCE(m_databases);
    sql.from<User>().insert({{"email", "kept@example.com"}});
    capturedLog.clear();
    previousHandler = qInstallMessageHandler(captureLog);
    QLoggingCategory::setFilterRules(QStringLiteral("hysteria.sql.debug=true"));
    auto users = sql.from<User>().where("email", "kept@example.com");
    users.toSql().insert({{"email", "new@example.com"}});
    users.toSql().insertMany({{{"email", "a@example.com"}}, {{"email", "b@example.com"}}});
    users.toSql().update({{"name", "changed"}});
    users.toSql().remove();
    users.toSql().many();
    sql.from(QStringLiteral("users")).toSql().remove();
    QLoggingCategory::setFilterRules(QString());
    qInstallMessageHandler(previousHandler);
    QCOMPARE(capturedLog, QStringList());
    QCOMPARE(sql.from<User>().count(), 1);
    QCOMPARE(sql.from<User>().oneOrFail()->name(), std::nullopt);
}

void tst_SqlCompiler::toSqlChecksValuesFirst()
{
    HY_TEST_SOURCE(m_databases);
    // The same checks as the operations, with the same errors.
    HY_EXPECT_ERROR(sql.from<Sample>().toSql().insert({{"code", "x"}, {"total", "lots"}, {"enabled", true}}),
                    ErrorCode::InvalidValue);
    HY_EXPECT_ERROR(sql.from<Sample>().toSql().insert({{"code", "x"}, {"enabled", true}}), ErrorCode::MissingValue);
    HY_EXPECT_ERROR(sql.from<User>().limit(1).toSql().update({{"name", "x"}}), ErrorCode::InvalidQuery);
    HY_EXPECT_ERROR(sql.from<User>().where("id", "abc").toSql().many(), ErrorCode::InvalidValue);
    Hy::SqlDataSource closed(m_databases.options(db));
    HY_EXPECT_ERROR(closed.from<User>().toSql().many(), ErrorCode::ConnectionNotOpen);
}

QTEST_GUILESS_MAIN(tst_SqlCompiler)
#include "tst_sqlcompiler.moc"
