// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "testdatabases.h"
#include "testmodels.h"

#include <HysteriaQt/SqlDataSource>

#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>
#include <QtTest/QTest>

using Hy::ErrorCode;
using HyTest::rawCount;

namespace {
template <typename M>
QStringList databaseNames()
{
    QStringList names;
    for (const Hy::ColumnInfo &column : Hy::modelInfo<M>().columns())
        names.append(column.databaseName());
    return names;
}

template <typename M, typename Get>
QStringList values(const Hy::ModelList<M> &models, Get get)
{
    QStringList out;
    for (const auto &model : models)
        out.append(get(*model));
    return out;
}
} // namespace

// The seed's defineModel options (Hy::ModelOptions): case conventions and
// soft deletes, on every database.
class tst_ModelOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void caseConventions_data();
    void caseConventions();
    void conventionsNameTheColumns();

    void initTestCase_data() { HyTest::Databases::addRows(); }
    void init();
    void pascalCaseTable();
    void softDeleteHidesRows();
    void softDeleteByKeyAndRestore();
    void softDeleteScopesUpdatesAndDeletes();
    void softDeleteWithABooleanFlag();
    void softDeleteWithText();
    void softDeleteValueIsPrepared();

private:
    HyTest::Databases m_databases{QStringLiteral("tst_modeloptions")};
};

void tst_ModelOptions::caseConventions_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<QString>("expected");
    using C = Hy::CaseConvention;
    QTest::newRow("camel to snake") << "isActive" << int(C::Camel) << int(C::Snake) << "is_active";
    QTest::newRow("acronym to snake") << "userID" << int(C::Camel) << int(C::Snake) << "user_id";
    QTest::newRow("acronym first") << "HTTPStatus" << int(C::Camel) << int(C::Snake) << "http_status";
    QTest::newRow("digits") << "line2Text" << int(C::Camel) << int(C::Snake) << "line2_text";
    QTest::newRow("camel to pascal") << "customerName" << int(C::Camel) << int(C::Pascal) << "CustomerName";
    QTest::newRow("acronym to pascal") << "userID" << int(C::Camel) << int(C::Pascal) << "UserId";
    QTest::newRow("camel to camel") << "customerName" << int(C::Camel) << int(C::Camel) << "customerName";
    QTest::newRow("snake to camel") << "record_name" << int(C::Snake) << int(C::Camel) << "recordName";
    QTest::newRow("snake to pascal") << "record_name" << int(C::Snake) << int(C::Pascal) << "RecordName";
    QTest::newRow("snake keeps its case") << "record_ID" << int(C::Snake) << int(C::Camel) << "recordID";
    QTest::newRow("snake to snake") << "record_name" << int(C::Snake) << int(C::Snake) << "record_name";
    QTest::newRow("preserve") << "Odd_Name" << int(C::Camel) << int(C::Preserve) << "Odd_Name";
}

void tst_ModelOptions::caseConventions()
{
    QFETCH(QString, name);
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(QString, expected);
    const QByteArray utf8 = name.toUtf8();
    const bool splitCase = from == Hy::CaseConvention::Camel || from == Hy::CaseConvention::Pascal;
    const auto converted = Hy::detail::convertCase(std::string_view(utf8.constData(), std::size_t(utf8.size())),
                                                   splitCase, to);
    QCOMPARE(QString::fromLatin1(converted.view().data(), qsizetype(converted.view().size())), expected);
}

void tst_ModelOptions::conventionsNameTheColumns()
{
    QCOMPARE(databaseNames<Invoice>(), QStringList({"InvoiceId", "CustomerName", "Total", "State"}));
    QCOMPARE(databaseNames<LegacyRecord>(), QStringList({"record_id", "record_name", "is_deleted"}));
    QCOMPARE(databaseNames<Shout>(), QStringList({"C_ID", "C_MESSAGE"}));
    QCOMPARE(databaseNames<Article>(), QStringList({"id", "title", "updated_at", "deleted_at"}));
    // A function's names are checked as the compiler checks the others, when the model is first used.
    HY_EXPECT_ERROR(Hy::modelInfo<Clash>(), ErrorCode::InvalidQuery);
    HY_EXPECT_ERROR(Hy::modelInfo<Clash>(), ErrorCode::InvalidQuery);
    // The compiler knows them too.
    static_assert(Hy::detail::databaseName<Invoice>("customerName", Invoice::hyDef_customerName).view()
                  == "CustomerName");
    static_assert(Hy::detail::softDeleteColumn<Article>() == 3 && Hy::detail::softDeleteColumn<User>() == -1);
}

void tst_ModelOptions::init()
{
    HY_TEST_SOURCE(m_databases);
    sql.schema().dropTables<Article, LegacyRecord, Invoice, Parcel, Shout>(Hy::SchemaBuilder::IfMissing::Skip);
    sql.schema().createTables<Article, LegacyRecord, Invoice, Parcel, Shout>();
}

void tst_ModelOptions::pascalCaseTable()
{
    HY_TEST_SOURCE(m_databases);
    // Written by another tool with PascalCase names: no databaseName needed.
    QSqlQuery query(sql.database());
    const QString table = sql.databaseType() == Hy::SqlDataSource::DatabaseType::MariaDB ? "`Invoices`"
                                                                                        : "\"Invoices\"";
    const QString quote = sql.databaseType() == Hy::SqlDataSource::DatabaseType::MariaDB ? "`" : "\"";
    QVERIFY2(query.exec(QStringLiteral("INSERT INTO %1 (%2CustomerName%2, %2Total%2, %2State%2) VALUES "
                                       "('Ann', 1250, 'open'), ('Bob', 99, 'paid')")
                                .arg(table, quote)),
             qPrintable(query.lastError().text()));
    const auto invoices = sql.from<Invoice>().where("totalCents", ">", 100).many();
    QCOMPARE(invoices.size(), 1u);
    QCOMPARE(invoices[0]->customerName(), std::optional<QString>("Ann"));
    QCOMPARE(invoices[0]->totalCents(), std::optional<qint64>(1250));
    auto inserted = sql.from<Invoice>().insert({{"customerName", "Cy"}, {"state", "open"}});
    QCOMPARE(inserted->invoiceId(), 3);
    QCOMPARE(rawCount(sql, table, quote + "CustomerName" + quote + " = 'Cy'"), 1);
    // The shouting convention of a function.
    sql.from<Shout>().insert({{"message", "hello"}});
    QCOMPARE(rawCount(sql, QStringLiteral("shouts"), quote + "C_MESSAGE" + quote + " = 'hello'"), 1);
    QCOMPARE(sql.from<Shout>().where("message", "hello").oneOrFail()->id(), 1);
}

void tst_ModelOptions::softDeleteHidesRows()
{
    HY_TEST_SOURCE(m_databases);
    sql.from<Article>().insertMany({{{"title", "a"}}, {{"title", "b"}}, {{"title", "c"}}});
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    QCOMPARE(sql.from<Article>().where("title", "b").softDelete(), 1);
    auto titles = [](const Hy::ModelList<Article> &list) {
        return values(list, [](const Article &a) { return a.title(); });
    };
    // Reads leave it out, whatever the conditions say.
    QCOMPARE(titles(sql.from<Article>().orderBy("id").many()), QStringList({"a", "c"}));
    QCOMPARE(sql.from<Article>().count(), 2);
    QVERIFY(!sql.from<Article>().where("title", "b").one());
    QVERIFY(!sql.from<Article>().find(2));
    QCOMPARE(titles(sql.from<Article>().where("title", "a").orWhere("title", "b").orderBy("id").many()),
             QStringList({"a"}));
    QCOMPARE(titles(sql.from<Article>().withTrashed().orderBy("id").many()), QStringList({"a", "b", "c"}));
    QCOMPARE(titles(sql.from<Article>().onlyTrashed().many()), QStringList({"b"}));
    // Marked with the time of the delete, in UTC; autoUpdate columns are updated too.
    const auto deleted = sql.from<Article>().withTrashed().find(2);
    QVERIFY(deleted->deletedAt().has_value());
    QVERIFY(*deleted->deletedAt() >= before && *deleted->deletedAt() <= QDateTime::currentDateTimeUtc());
    QVERIFY(deleted->updatedAt().has_value());
    QCOMPARE(rawCount(sql, QStringLiteral("articles")), 3);
    QCOMPARE(rawCount(sql, QStringLiteral("articles"), QStringLiteral("deleted_at IS NOT NULL")), 1);
    // A deleted row is deleted once: its time stays.
    QCOMPARE(sql.from<Article>().withTrashed().softDelete(), 2);
    QCOMPARE(sql.from<Article>().withTrashed().find(2)->deletedAt(), deleted->deletedAt());
}

void tst_ModelOptions::softDeleteByKeyAndRestore()
{
    HY_TEST_SOURCE(m_databases);
    sql.from<Article>().insertMany({{{"title", "a"}}, {{"title", "b"}}});
    QCOMPARE(sql.from<Article>().softDelete(1), 1);
    QCOMPARE(sql.from<Article>().softDelete(1), 0); // already
    QCOMPARE(sql.from<Article>().softDelete(99), 0);
    QCOMPARE(sql.from<Article>().count(), 1);
    QCOMPARE(sql.from<Article>().where("title", "b").restore(), 0); // not deleted
    QCOMPARE(sql.from<Article>().restore(), 1);
    QCOMPARE(sql.from<Article>().count(), 2);
    QCOMPARE(sql.from<Article>().find(1)->deletedAt(), std::optional<QDateTime>());
    QCOMPARE(rawCount(sql, QStringLiteral("articles"), QStringLiteral("deleted_at IS NULL")), 2);
}

void tst_ModelOptions::softDeleteScopesUpdatesAndDeletes()
{
    HY_TEST_SOURCE(m_databases);
    sql.from<Article>().insertMany({{{"title", "a"}}, {{"title", "b"}}, {{"title", "c"}}});
    sql.from<Article>().softDelete(2);
    // update() and remove() leave deleted rows alone unless told.
    QCOMPARE(sql.from<Article>().update({{"title", "x"}}), 2);
    QCOMPARE(rawCount(sql, QStringLiteral("articles"), QStringLiteral("title = 'x'")), 2);
    QCOMPARE(sql.from<Article>().withTrashed().find(2)->title(), QStringLiteral("b"));
    QCOMPARE(sql.from<Article>().where("id", 2).remove(), 0);
    QCOMPARE(rawCount(sql, QStringLiteral("articles")), 3);
    QCOMPARE(sql.from<Article>().onlyTrashed().remove(), 1);
    QCOMPARE(rawCount(sql, QStringLiteral("articles")), 2);
    QCOMPARE(sql.from<Article>().withTrashed().remove(), 2);
    QCOMPARE(rawCount(sql, QStringLiteral("articles")), 0);
}

void tst_ModelOptions::softDeleteWithABooleanFlag()
{
    HY_TEST_SOURCE(m_databases);
    // The seed's LegacyModel: softDeleteValue true in a boolean column.
    sql.from<LegacyRecord>().insertMany({{{"record_name", "kept"}, {"is_deleted", false}},
                                         {{"record_name", "gone"}, {"is_deleted", false}},
                                         {{"record_name", "back"}, {"is_deleted", false}}});
    QCOMPARE(sql.from<LegacyRecord>().where("record_name", "!=", "kept").softDelete(), 2);
    QCOMPARE(rawCount(sql, QStringLiteral("legacy_records"), QStringLiteral("is_deleted = TRUE")), 2);
    auto names = [](const Hy::ModelList<LegacyRecord> &list) {
        return values(list, [](const LegacyRecord &r) { return *r.record_name(); });
    };
    QCOMPARE(names(sql.from<LegacyRecord>().many()), QStringList({"kept"}));
    QCOMPARE(sql.from<LegacyRecord>().where("record_name", "back").onlyTrashed().restore(), 1);
    // Restored to false: the column is not nullable.
    QCOMPARE(rawCount(sql, QStringLiteral("legacy_records"), QStringLiteral("is_deleted = FALSE")), 2);
    QCOMPARE(names(sql.from<LegacyRecord>().orderBy("record_id").many()), QStringList({"kept", "back"}));
}

void tst_ModelOptions::softDeleteWithText()
{
    HY_TEST_SOURCE(m_databases);
    // softDeleteValue "void" in an enum column: other values, and null, are not deleted.
    sql.from<Invoice>().insertMany({{{"customerName", "a"}, {"state", "open"}},
                                    {{"customerName", "b"}, {"state", "paid"}},
                                    {{"customerName", "c"}}});
    QCOMPARE(sql.from<Invoice>().where("customerName", "b").softDelete(), 1);
    QCOMPARE(sql.from<Invoice>().count(), 2);
    QCOMPARE(sql.from<Invoice>().onlyTrashed().oneOrFail()->state(), std::optional<QString>("void"));
    QCOMPARE(sql.from<Invoice>().restore(), 1);
    QCOMPARE(sql.from<Invoice>().count(), 3);
    QCOMPARE(sql.from<Invoice>().where("customerName", "b").oneOrFail()->state(), std::optional<QString>());
}

void tst_ModelOptions::softDeleteValueIsPrepared()
{
    HY_TEST_SOURCE(m_databases);
    // softDelete() writes "void" through prepare, as "VOID"; the scope compares
    // with that too, or deleted rows would still be read.
    sql.from<Parcel>().insertMany({{{"subject", "a"}, {"state", "open"}}, {{"subject", "b"}, {"state", "open"}}});
    QCOMPARE(sql.from<Parcel>().where("subject", "b").softDelete(), 1);
    QCOMPARE(rawCount(sql, QStringLiteral("parcels"), QStringLiteral("state = 'VOID'")), 1);
    const auto kept = sql.from<Parcel>().many();
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.front()->subject(), std::optional<QString>("a"));
    QCOMPARE(sql.from<Parcel>().onlyTrashed().oneOrFail()->subject(), std::optional<QString>("b"));
    QCOMPARE(sql.from<Parcel>().onlyTrashed().restore(), 1);
    QCOMPARE(sql.from<Parcel>().count(), 2);
}

QTEST_GUILESS_MAIN(tst_ModelOptions)
#include "tst_modeloptions.moc"
