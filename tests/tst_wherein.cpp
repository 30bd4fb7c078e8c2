// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "testdatabases.h"

#include <HysteriaQt/Model>
#include <HysteriaQt/SqlDataSource>

#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>
#include <QtTest/QTest>

using Hy::ErrorCode;
using HyTest::rawCount;
using HyTest::statementsOf;

class Item : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Item, "items")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(code, setCode, Hy::col::string({.nullable = false, .length = 64}))
    HY_COLUMN(n, setN, Hy::col::integer({.nullable = false}))
    HY_COLUMN(label, setLabel, Hy::col::string())

public:
    using Hy::Model::Model;
};

namespace {
constexpr int Rows = 80000;
constexpr int Keys = 70000;

// Codes with what a JSON array must escape or carry as UTF-8.
const QStringList &oddCodes()
{
    static const QStringList codes{QStringLiteral("it's \"q\""), QStringLiteral("back\\slash"),
                                   QStringLiteral("\u00e9\U0001F600"), QStringLiteral("tab\tline\n")};
    return codes;
}

// 70,000 ids: the 40,000 odd ones of the table, then 30,000 it does not have.
QVariantList idKeys()
{
    QVariantList keys;
    keys.reserve(Keys);
    for (int id = 1; id <= Rows; id += 2)
        keys.append(id);
    for (int id = 200001; keys.size() < Keys; ++id)
        keys.append(id);
    return keys;
}

// The same rows by their codes, with the odd codes, and codes of no row.
QVariantList codeKeys()
{
    QVariantList keys;
    keys.reserve(Keys);
    for (int id = 1; id <= Rows; id += 2)
        keys.append(QStringLiteral("k%1").arg(id));
    for (const QString &code : oddCodes())
        keys.append(code);
    for (int id = 200001; keys.size() < Keys; ++id)
        keys.append(QStringLiteral("k%1").arg(id));
    return keys;
}

qint64 sumOfIds(const Hy::ModelList<Item> &items)
{
    qint64 sum = 0;
    for (const auto &item : items)
        sum += item->id();
    return sum;
}

// The one statement of `statements`, which must bind its values: no key of
// the list in its text.
void requireBound(const QStringList &statements)
{
    QCOMPARE(statements.size(), 1);
    QVERIFY2(!statements[0].contains(QLatin1StringView("200001")), qPrintable(statements[0].left(200)));
    QVERIFY2(!statements[0].contains(QLatin1StringView("k79999")), qPrintable(statements[0].left(200)));
}
} // namespace

// whereIn() and whereNotIn() with lists past every database's placeholder
// limit (MariaDB's 65,535), on models and on tables, in reads and writes.
class tst_WhereIn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { HyTest::Databases::addRows(); }
    void init();

    void shortListsKeepPlaceholders();
    void longListOfIds();
    void longListOfText();
    void longListWithOtherConditions();
    void longListUpdateAndRemove();
    void longListOnTable();
    void nullInLongList();

private:
    HyTest::Databases m_databases{QStringLiteral("tst_wherein")};
};

void tst_WhereIn::init()
{
    HY_TEST_SOURCE(m_databases);
    sql.schema().dropTables<Item>(Hy::SchemaBuilder::IfMissing::Skip);
    sql.schema().createTables<Item>();
    // Rows 1..80,000, code "k<id>", n = id % 10, in a few statements of
    // literals (test data only), then the odd codes through the model.
    QSqlQuery query(sql.database());
    for (int start = 1; start <= Rows; start += 1000) {
        QString insert = QStringLiteral("INSERT INTO items (id, code, n) VALUES ");
        for (int id = start; id < start + 1000; ++id)
            insert += QStringLiteral("%1(%2, 'k%2', %3)").arg(id == start ? QString() : QStringLiteral(", ")).arg(id).arg(id % 10);
        QVERIFY2(query.exec(insert), qPrintable(query.lastError().text()));
    }
    QList<Hy::Values<Item>> odd;
    for (int i = 0; i < oddCodes().size(); ++i)
        odd.append({{"id", Rows + 1 + i}, {"code", oddCodes()[i]}, {"n", 0}});
    sql.from<Item>().insertMany(odd);
    QCOMPARE(rawCount(sql, "items"), Rows + oddCodes().size());
}

void tst_WhereIn::shortListsKeepPlaceholders()
{
    HY_TEST_SOURCE(m_databases);
    const QStringList statements = statementsOf(sql, [&] { QCOMPARE(sql.from<Item>().whereIn("id", {1, 2, 3}).count(), 3); });
    QCOMPARE(statements.size(), 1);
    QVERIFY2(statements[0].endsWith(QLatin1StringView(" IN (?, ?, ?)")), qPrintable(statements[0]));
    // 1,000 values still take one placeholder each.
    QVariantList thousand;
    for (int id = 1; id <= 1000; ++id)
        thousand.append(id);
    const QStringList more = statementsOf(sql, [&] { QCOMPARE(sql.from<Item>().whereIn("id", thousand).count(), 1000); });
    QCOMPARE(more.size(), 1);
    QCOMPARE(more[0].count(u'?'), 1000);
}

void tst_WhereIn::longListOfIds()
{
    HY_TEST_SOURCE(m_databases);
    const QVariantList keys = idKeys();
    QStringList statements = statementsOf(sql, [&] { QCOMPARE(sql.from<Item>().whereIn("id", keys).count(), 40000); });
    requireBound(statements);
    Hy::ModelList<Item> items;
    statements = statementsOf(sql, [&] { items = sql.from<Item>().whereIn("id", keys).orderBy("id").many(); });
    requireBound(statements);
    QCOMPARE(items.size(), 40000);
    QCOMPARE(items.front()->id(), 1);
    QCOMPARE(items.back()->id(), Rows - 1);
    QCOMPARE(sumOfIds(items), qint64(40000) * 40000); // 1 + 3 + ... + 79,999
    for (const auto &item : items)
        QCOMPARE(item->id() % 2, 1);
    // Everything else: the 40,000 even rows and the odd codes' 4.
    QCOMPARE(sql.from<Item>().whereNotIn("id", keys).count(), 40000 + oddCodes().size());
    // Given as text, converted for the integer column like a short list.
    QVariantList asText;
    for (const QVariant &key : keys)
        asText.append(key.toString());
    QCOMPARE(sql.from<Item>().whereIn("id", asText).count(), 40000);
}

void tst_WhereIn::longListOfText()
{
    HY_TEST_SOURCE(m_databases);
    const QVariantList keys = codeKeys();
    const QStringList statements = statementsOf(sql, [&] { QCOMPARE(sql.from<Item>().whereIn("code", keys).count(), 40004); });
    requireBound(statements);
    const auto odd = sql.from<Item>().whereIn("code", keys).where("id", Hy::Comparison(">"), Rows).orderBy("id").many();
    QStringList codes;
    for (const auto &item : odd)
        codes.append(item->code());
    QCOMPARE(codes, oddCodes());
    QCOMPARE(sql.from<Item>().whereNotIn("code", keys).count(), 40000);
    // Text compares exactly: another case, or a trailing space, is another code.
    QVariantList near = keys;
    near[0] = QStringLiteral("K1");
    near[1] = QStringLiteral("k3 ");
    QCOMPARE(sql.from<Item>().whereIn("code", near).count(), 40002);
}

void tst_WhereIn::longListWithOtherConditions()
{
    HY_TEST_SOURCE(m_databases);
    const QVariantList keys = idKeys();
    // Bindings before and after the list: odd ids with n 1 or 3.
    QCOMPARE(sql.from<Item>().where("n", Hy::Comparison(">"), 0).whereIn("id", keys).where("n", Hy::Comparison("<"), 5).count(),
             16000);
    // OR: the 8,000 rows with n = 2 (all even) and the 40,000 odd ones.
    QCOMPARE(sql.from<Item>().where("n", 2).orWhereIn("id", keys).count(), 48000);
    // Two long lists: odd ids whose code is in the list of codes from 60,001.
    QVariantList codes;
    for (int id = 60001; id <= Rows + 100000; ++id)
        codes.append(QStringLiteral("k%1").arg(id));
    QCOMPARE(sql.from<Item>().whereIn("id", keys).whereIn("code", codes).count(), 10000);
    // With a limit and an offset, which bind after the list.
    const auto page = sql.from<Item>().whereIn("id", keys).orderBy("id").limit(3).offset(10).many();
    QCOMPARE(page.size(), 3);
    QCOMPARE(page[0]->id(), 21);
    QCOMPARE(page[2]->id(), 25);
}

void tst_WhereIn::longListUpdateAndRemove()
{
    HY_TEST_SOURCE(m_databases);
    const QVariantList keys = idKeys();
    QStringList statements;
    qint64 updated = 0;
    statements = statementsOf(sql, [&] { updated = sql.from<Item>().whereIn("id", keys).update({{"label", "picked"}}); });
    QCOMPARE(updated, 40000);
    QCOMPARE(rawCount(sql, "items", "label = 'picked'"), 40000);
    QCOMPARE(rawCount(sql, "items", "label = 'picked' AND id % 2 = 0"), 0);
    QCOMPARE(sql.from<Item>().whereNotIn("id", keys).update({{"label", "other"}}), 40000 + oddCodes().size());
    QCOMPARE(rawCount(sql, "items", "label = 'other' AND id % 2 = 1 AND id < 80001"), 0);
    QCOMPARE(sql.from<Item>().whereNotIn("id", keys).remove(), 40000 + oddCodes().size());
    QCOMPARE(rawCount(sql, "items"), 40000);
    QCOMPARE(sql.from<Item>().whereIn("id", keys).remove(), 40000);
    QCOMPARE(rawCount(sql, "items"), 0);
}

void tst_WhereIn::longListOnTable()
{
    HY_TEST_SOURCE(m_databases);
    const QVariantList keys = idKeys();
    const QString items = QStringLiteral("items");
    QStringList statements = statementsOf(sql, [&] { QCOMPARE(sql.from(items).whereIn("id", keys).count(), 40000); });
    requireBound(statements);
    const QList<QVariantMap> rows = sql.from(items).whereIn("id", keys).orderBy("id").many();
    QCOMPARE(rows.size(), 40000);
    QCOMPARE(rows.front().value(QStringLiteral("code")).toString(), QStringLiteral("k1"));
    QCOMPARE(rows.back().value(QStringLiteral("code")).toString(), QStringLiteral("k79999"));
    QCOMPARE(sql.from(items).whereIn("code", codeKeys()).count(), 40004);
    QCOMPARE(sql.from(items).whereNotIn("id", keys).count(), 40000 + oddCodes().size());
    QCOMPARE(sql.from(items).where("n", 2).orWhereIn("id", keys).count(), 48000);
    QCOMPARE(sql.from(items).whereIn("id", keys).update({{QStringLiteral("label"), QStringLiteral("picked")}}), 40000);
    QCOMPARE(rawCount(sql, "items", "label = 'picked' AND id % 2 = 1"), 40000);
    QCOMPARE(sql.from(items).whereIn("id", keys).remove(), 40000);
    QCOMPARE(rawCount(sql, "items"), 40000 + oddCodes().size());
    QCOMPARE(rawCount(sql, "items", "id % 2 = 1 AND id < 80001"), 0);
}

void tst_WhereIn::nullInLongList()
{
    HY_TEST_SOURCE(m_databases);
    QVariantList keys = idKeys();
    keys.append(QVariant());
    QVariantList text = codeKeys();
    text.insert(50000, QVariant());
    const QStringList statements = statementsOf(sql, [&] {
        HY_EXPECT_ERROR(sql.from<Item>().whereIn("id", keys).count(), ErrorCode::InvalidValue);
        HY_EXPECT_ERROR(sql.from<Item>().whereNotIn("code", text).update({{"label", "x"}}), ErrorCode::InvalidValue);
        HY_EXPECT_ERROR(sql.from<Item>().whereIn("id", keys).remove(), ErrorCode::InvalidValue);
        HY_EXPECT_ERROR(sql.from(QStringLiteral("items")).whereIn("id", keys).remove(), ErrorCode::InvalidValue);
        // Text for the integer column, after 60,000 good ids.
        QVariantList bad = keys.mid(0, 60000);
        bad.append(QStringLiteral("x"));
        HY_EXPECT_ERROR(sql.from<Item>().whereIn("id", bad).update({{"label", "x"}}), ErrorCode::InvalidValue);
    });
    QCOMPARE(statements, QStringList());
    QCOMPARE(rawCount(sql, "items"), Rows + oddCodes().size());
    QCOMPARE(rawCount(sql, "items", "label IS NOT NULL"), 0);
}

QTEST_GUILESS_MAIN(tst_WhereIn)
#include "tst_wherein.moc"
