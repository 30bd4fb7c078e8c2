// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "testdatabases.h"
#include "testmodels.h"

#include <HysteriaQt/SqlDataSource>

#include <QtCore/QUrl>
#include <QtCore/QUuid>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>
#include <QtTest/QTest>

using Hy::ErrorCode;
using HyTest::rawCount;

namespace {
QDateTime utc(int year, int month, int day, int h, int m, int s, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(h, m, s, ms), Qt::UTC);
}

} // namespace

// How values are checked and converted on their way to each database and
// back (src/model/valueconverter.cpp): what is refused before any SQL, and
// what must round-trip exactly.
class tst_ValueConverter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { HyTest::Databases::addRows(); }
    void init();

    void emptyTextIsNotNull();
    void decimalsAreExact();
    void decimalsAddUpExactly();
    void decimalColumnTypes();
    void textRoundTripsExactly();
    void nulIsRefused();
    void dateTimeOffsetsAreChecked();
    void nullKeyInUpdateIsRefused();
    void likePatternsEndingInABackslash();
    void valuesWithoutAModel();

private:
    HyTest::Databases m_databases{QStringLiteral("tst_valueconverter")};
};

void tst_ValueConverter::init()
{
    HY_TEST_SOURCE(m_databases);
    sql.schema().dropTables<User, Sample, Tag, LedgerEntry>(Hy::SchemaBuilder::IfMissing::Skip);
    sql.schema().createTables<User, Sample, Tag, LedgerEntry>();
}

void tst_ValueConverter::emptyTextIsNotNull()
{
    HY_TEST_SOURCE(m_databases);
    // A null QString is empty text; null is spelled nullptr or std::nullopt.
    auto first = sql.from<User>().insert({{"email", QString()}});
    QCOMPARE(first->email(), QString());
    QVERIFY(first->email().isEmpty());
    auto second = sql.from<User>().insert({{"email", "x@example.com"}, {"name", QString()}});
    QCOMPARE(second->name(), std::optional<QString>(QString()));
    QCOMPARE(rawCount(sql, QStringLiteral("users"), QStringLiteral("name IS NULL")), 1); // the first row's
    QCOMPARE(rawCount(sql, QStringLiteral("users"), QStringLiteral("name = ''")), 1);
    QCOMPARE(rawCount(sql, QStringLiteral("users"), QStringLiteral("email = ''")), 1);
    QCOMPARE(sql.from<User>().where("name", QString()).oneOrFail()->id(), second->id());
    QCOMPARE(sql.from<User>().where("email", "").oneOrFail()->id(), first->id());

    // A fresh model: its non-null string column holds QString(). Set, it
    // inserts ""; left unset, it is missing, before any SQL.
    User draft;
    draft.setEmail(QString());
    draft.setName(QString());
    auto stored = sql.from<User>().insert(draft);
    QCOMPARE(stored->email(), QString());
    QCOMPARE(stored->name(), std::optional<QString>(QString()));
    HY_EXPECT_REFUSED(sql.from<User>().insert(User()), ErrorCode::MissingValue, "email");

    QCOMPARE(sql.from<User>().where("id", stored->id()).update({{"name", QString()}, {"email", QString()}}), 1);
    QCOMPARE(rawCount(sql, QStringLiteral("users"), QStringLiteral("name = ''")), 2);
    QCOMPARE(sql.from<User>().where("id", stored->id()).update({{"name", nullptr}}), 1);
    QCOMPARE(rawCount(sql, QStringLiteral("users"), QStringLiteral("name IS NULL")), 2);
    HY_EXPECT_REFUSED(sql.from<User>().update({{"email", nullptr}}), ErrorCode::NullValue, "email");

    const QVariantMap row = sql.from(QStringLiteral("users")).insert({{"email", QString()}, {"name", QString()}});
    QCOMPARE(row.value(QStringLiteral("name")).toString(), QString());
    QVERIFY(!row.value(QStringLiteral("name")).isNull());
    QCOMPARE(rawCount(sql, QStringLiteral("users"), QStringLiteral("email = ''")), 3);
    QCOMPARE(rawCount(sql, QStringLiteral("users")), 4);
}

void tst_ValueConverter::decimalsAddUpExactly()
{
    HY_TEST_SOURCE(m_databases);
    // Amounts of two decimals read back from the database add up to the
    // cent, which doubles do not: ten times 0.10 is 0.9999999999999999.
    double tenDimes = 0;
    for (int i = 0; i < 10; ++i)
        tenDimes += 0.10;
    QVERIFY(tenDimes != 1.0);

    const QStringList amounts{"0.10", "0.20", "19.99", "0.01", "1234.56", "-0.07", "0.30", "99.95"};
    QList<Hy::Values<LedgerEntry>> rows;
    qint64 expectedCents = 0;
    for (int i = 0; i < 1000; ++i) {
        const QString amount = amounts[i % amounts.size()];
        rows.append({{"amount", *Hy::Decimal::fromString(amount)}});
        expectedCents += Hy::Decimal::fromString(amount)->rounded(2).units();
    }
    sql.from<LedgerEntry>().insertMany(rows);
    Hy::Decimal total;
    for (const auto &entry : sql.from<LedgerEntry>().many())
        total += entry->amount();
    QCOMPARE(total, *Hy::Decimal::fromUnits(expectedCents, 2));
    QCOMPARE(total.toString(), QStringLiteral("169380.00")); // 125 times 1355.04
    // Compared exactly by the database too.
    QCOMPARE(sql.from<LedgerEntry>().where("amount", *Hy::Decimal::fromString("0.10")).count(), 125);
    QCOMPARE(sql.from<LedgerEntry>().where("amount", "<", Hy::Decimal(0)).count(), 125);
}

void tst_ValueConverter::decimalColumnTypes()
{
    HY_TEST_SOURCE(m_databases);
    const bool sqlite = sql.databaseType() == Hy::SqlDataSource::DatabaseType::SQLite;
    // 15 significant digits on every database; 18 where the database keeps them.
    const QString fifteen = QStringLiteral("9999999999999.99");
    // Text for numbers wider than a Hy::Decimal, exact where the database keeps them.
    const QString wideText = sqlite ? QStringLiteral("12345.0123456789")
                                    : QStringLiteral("12345678901234567890.0123456789");
    auto entry = sql.from<LedgerEntry>().insert(
            {{"amount", *Hy::Decimal::fromString(fifteen)}, {"rate", 0.12345}, {"wide", wideText}});
    QCOMPARE(entry->wide(), std::optional<QString>(wideText));
    const auto read = sql.from<LedgerEntry>().find(entry->id());
    QCOMPARE(read->amount().toString(), fifteen);
    QCOMPARE(read->rate(), std::optional<double>(0.1235)); // a double, rounded to the column's scale
    QCOMPARE(read->wide(), std::optional<QString>(wideText));

    const QString eighteen = QStringLiteral("9999999999999999.99");
    if (sqlite) {
        // SQLite would keep 10000000000000000: refused before any SQL.
        HY_EXPECT_REFUSED(sql.from<LedgerEntry>().insert({{"amount", *Hy::Decimal::fromString(eighteen)}}),
                          ErrorCode::InvalidValue, "amount");
        QCOMPARE(sql.from<LedgerEntry>().count(), 1);
    } else {
        auto wide = sql.from<LedgerEntry>().insert({{"amount", *Hy::Decimal::fromString(eighteen)}});
        QCOMPARE(wide->amount().toString(), eighteen);
        QCOMPARE(sql.from<LedgerEntry>().find(wide->id())->amount().toString(), eighteen);
        QCOMPARE(sql.from<LedgerEntry>().where("amount", *Hy::Decimal::fromString(eighteen)).count(), 1);
    }
    // Beyond the column's precision: refused everywhere.
    HY_EXPECT_REFUSED(sql.from<LedgerEntry>().insert({{"amount", *Hy::Decimal::fromString("10000000000000000")}}),
                      ErrorCode::InvalidValue, "amount");
}

void tst_ValueConverter::decimalsAreExact()
{
    HY_TEST_SOURCE(m_databases);
    // decimal(10, 2), rounded half away from zero from the value as written:
    // the same on every database, whatever the double's binary value.
    const QList<std::pair<Hy::Value, const char *>> values{
            {1.005, "1.01"},  {2.675, "2.68"},   {1.004, "1.00"},     {-1.005, "-1.01"}, {0.005, "0.01"},
            {"12.345", "12.35"}, {" 7 ", "7.00"}, {"-0.001", "0.00"}, {99999999.99, "99999999.99"},
            {-99999999.99, "-99999999.99"}, {42, "42.00"}, {"1e3", "1000.00"}, {Q_INT64_C(12345678), "12345678.00"},
            {*Hy::Decimal::fromString("0.125"), "0.13"}, {*Hy::Decimal::fromUnits(-5, 3), "-0.01"},
    };
    int n = 0;
    for (const auto &[value, text] : values) {
        const QString code = QString::number(++n);
        const auto stored = Hy::Decimal::fromString(QString::fromLatin1(text));
        auto sample = sql.from<Sample>().insert({{"code", code}, {"total", n}, {"enabled", true}, {"price", value}});
        QCOMPARE(sample->price(), stored);
        QCOMPARE(sample->price()->toString(), QString::fromLatin1(text));
        const auto read = sql.from<Sample>().where("code", code).oneOrFail()->price();
        QCOMPARE(read, stored);
        QCOMPARE(read->toString(), QString::fromLatin1(text)); // at the column's scale
        QCOMPARE(sql.from<Sample>().where("code", code).where("price", *stored).count(), 1);
    }
    QCOMPARE(sql.from<Sample>().where("price", ">", 1.005).where("price", "<", 2).count(), 1); // 1.01
    QCOMPARE(sql.from<Sample>().where("price", "<=", 1.005).where("price", ">", 0.5).count(), 1); // 1.00

    // Beyond the precision, or not a number: refused before SQL.
    const QList<Hy::Value> refused{1e12, 99999999.995, 100000000, "abc", "1.2.3", "", true,
                                   std::numeric_limits<double>::quiet_NaN(),
                                   std::numeric_limits<double>::infinity(), "1e999999"};
    for (const Hy::Value &value : refused) {
        HY_EXPECT_REFUSED(sql.from<Sample>().insert({{"code", "x"}, {"total", 1}, {"enabled", true}, {"price", value}}),
                          ErrorCode::InvalidValue, "price");
        HY_EXPECT_REFUSED(sql.from<Sample>().where("code", "1").update({{"price", value}}), ErrorCode::InvalidValue,
                          "price");
    }
    QCOMPARE(rawCount(sql, QStringLiteral("samples")), values.size());
    QCOMPARE(sql.from<Sample>().where("code", "1").oneOrFail()->price(), Hy::Decimal::fromString(u"1.01"));
}

void tst_ValueConverter::textRoundTripsExactly()
{
    HY_TEST_SOURCE(m_databases);
    const QStringList texts{
            QStringLiteral("\uFEFFbom first"),
            QStringLiteral("\uFEFF"),
            QStringLiteral("\uFEFF\uFEFFtwo marks"),
            QStringLiteral("mark \uFEFF inside"),
            QStringLiteral("😀 Grüße \u200B zero width"),
            QStringLiteral("trailing space "),
            QStringLiteral(" "),
    };
    int n = 0;
    for (const QString &text : texts) {
        auto user = sql.from<User>().insert({{"name", text}, {"email", QStringLiteral("%1@example.com").arg(++n)}});
        QCOMPARE(user->name(), std::optional<QString>(text));
        auto found = sql.from<User>().where("name", text).many();
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found.front()->name(), std::optional<QString>(text));
        QCOMPARE(found.front()->id(), user->id());
    }
    QStringList stored;
    for (const auto &user : sql.from<User>().orderBy("id").many())
        stored.append(*user->name());
    QCOMPARE(stored, texts);

    // Keys starting with a byte order mark, put back in order by insertMany.
    const QStringList codes{QStringLiteral("\uFEFFz"), QStringLiteral("a"), QStringLiteral("\uFEFFb"),
                            QStringLiteral("\uFEFF"), QStringLiteral("b")};
    QList<Hy::Values<Tag>> rows;
    for (const QString &code : codes)
        rows.append({{"code", code}, {"label", QStringLiteral("label of ") + code}});
    const auto tags = sql.from<Tag>().insertMany(rows);
    QCOMPARE(tags.size(), std::size_t(codes.size()));
    for (qsizetype i = 0; i < codes.size(); ++i) {
        QCOMPARE(tags[std::size_t(i)]->code(), codes[i]);
        QCOMPARE(tags[std::size_t(i)]->label(), std::optional<QString>(QStringLiteral("label of ") + codes[i]));
        QCOMPARE(sql.from<Tag>().find(codes[i])->code(), codes[i]);
    }
    QCOMPARE(sql.from<Tag>().count(), codes.size());
}

void tst_ValueConverter::nulIsRefused()
{
    HY_TEST_SOURCE(m_databases);
    // SQLite reads the noncharacters back as U+FFFD: refused with NUL.
    for (const char16_t c : {u'\uFFFE', u'\uFFFF'}) {
        HY_EXPECT_REFUSED(sql.from<User>().insert({{"name", QStringLiteral("x") + QChar(c)}, {"email", "a@example.com"}}),
                          ErrorCode::InvalidValue, "name");
    }
    // Wherever it is in the text (the check reads four units at a time).
    for (const char16_t c : {u'\u0000', u'\uFFFE', u'\uFFFF'}) {
        for (qsizetype at = 0; at < 9; ++at) {
            QString text = QStringLiteral("abcdefghi");
            text[at] = QChar(c);
            HY_EXPECT_REFUSED(sql.from<User>().insert({{"name", text}, {"email", "a@example.com"}}),
                              ErrorCode::InvalidValue, "name");
        }
    }
    // Their neighbours are stored, and those of the surrogates (D800 to DFFF).
    QStringList neighbours;
    for (const char16_t c : {u'\u0001', u'\u7FFF', u'\u8000', u'\uFFFC', u'\uFFFD', u'\uD7FF', u'\uE000'})
        neighbours.append(QStringLiteral("abcdefg") + QChar(c));
    for (const QString &text : neighbours)
        QCOMPARE(sql.from<User>().insert({{"name", text}, {"email", "n@example.com"}})->name(), text);
    QCOMPARE(rawCount(sql, QStringLiteral("users")), neighbours.size());
    sql.from<User>().remove();

    const QString withNul = QStringLiteral("before") + QChar(0) + QStringLiteral("after");
    HY_EXPECT_REFUSED(sql.from<User>().insert({{"name", withNul}, {"email", "a@example.com"}}),
                      ErrorCode::InvalidValue, "name");
    HY_EXPECT_REFUSED(sql.from<User>().insertMany({{{"email", "b@example.com"}}, {{"email", withNul}}}),
                      ErrorCode::InvalidValue, "email");
    HY_EXPECT_REFUSED(sql.from<User>().where("name", withNul).count(), ErrorCode::InvalidValue, "name");
    HY_EXPECT_REFUSED(sql.from<User>().where("name", "like", withNul).count(), ErrorCode::InvalidValue, "name");
    HY_EXPECT_REFUSED(sql.from(QStringLiteral("users")).insert({{"email", withNul}}), ErrorCode::InvalidValue,
                      "email");
    HY_EXPECT_REFUSED(sql.from(QStringLiteral("users")).where(QStringLiteral("name"), withNul).count(),
                      ErrorCode::InvalidValue, "name");
    sql.from<User>().insert({{"email", "c@example.com"}});
    HY_EXPECT_REFUSED(sql.from<User>().update({{"name", withNul}}), ErrorCode::InvalidValue, "name");
    QCOMPARE(rawCount(sql, QStringLiteral("users")), 1);
    QCOMPARE(rawCount(sql, QStringLiteral("users"), QStringLiteral("name IS NULL")), 1);
}

void tst_ValueConverter::dateTimeOffsetsAreChecked()
{
    HY_TEST_SOURCE(m_databases);
    auto at = [&](const char *text) {
        sql.from<Sample>().remove();
        return *sql.from<Sample>()
                        .insert({{"code", "t"}, {"total", 1}, {"enabled", true}, {"happenedAt", text}})
                        ->happenedAt();
    };
    QCOMPARE(at("2026-01-01 10:00+05:30"), utc(2026, 1, 1, 4, 30, 0));
    QCOMPARE(at("2026-01-01T10:00:00-0330"), utc(2026, 1, 1, 13, 30, 0));
    QCOMPARE(at("2026-01-01 10:00:00+15:59"), utc(2025, 12, 31, 18, 1, 0));
    QCOMPARE(at("2026-01-01 10:00:00+05:53:28"), utc(2026, 1, 1, 4, 6, 32));
    // Fractions rounded to the millisecond, as the databases round them.
    QCOMPARE(at("2026-01-01 10:00:00.1234567Z"), utc(2026, 1, 1, 10, 0, 0, 123));
    QCOMPARE(at("2026-01-01 10:00:00.1235Z"), utc(2026, 1, 1, 10, 0, 0, 124));
    QCOMPARE(at("2026-12-31 23:59:59.9996"), utc(2027, 1, 1, 0, 0, 0));

    for (const char *bad : {"2026-01-01 10:00+99:99", "2026-01-01 10:00+16:00", "2026-01-01 10:00+05:60",
                            "2026-01-01 10:00+5", "2026-01-01 10:00+05:30:60", "9999-12-31 23:59:59.9996"}) {
        HY_EXPECT_REFUSED(sql.from<Sample>().insert({{"code", "x"}, {"total", 1}, {"enabled", true},
                                                     {"happenedAt", bad}}),
                          ErrorCode::InvalidValue, "happenedAt");
        HY_EXPECT_REFUSED(sql.from<Sample>().where("happenedAt", bad).count(), ErrorCode::InvalidValue,
                          "happenedAt");
    }
    QCOMPARE(rawCount(sql, QStringLiteral("samples")), 1);
}

void tst_ValueConverter::nullKeyInUpdateIsRefused()
{
    HY_TEST_SOURCE(m_databases);
    const auto users = sql.from<User>().insertMany({{{"email", "a@example.com"}}, {{"email", "b@example.com"}}});
    HY_EXPECT_REFUSED(sql.from<User>().update({{"id", nullptr}}), ErrorCode::NullValue, "id");
    HY_EXPECT_REFUSED(sql.from<User>().where("id", users[0]->id()).update({{"id", std::nullopt}}),
                      ErrorCode::NullValue, "id");
    QCOMPARE(sql.from<User>().find(users[0]->id())->email(), QStringLiteral("a@example.com"));
    QCOMPARE(sql.from<User>().find(users[1]->id())->email(), QStringLiteral("b@example.com"));
    // In an insert, a null key still means "generate one".
    QVERIFY(sql.from<User>().insert({{"id", nullptr}, {"email", "c@example.com"}})->id() > users[1]->id());
}

void tst_ValueConverter::likePatternsEndingInABackslash()
{
    HY_TEST_SOURCE(m_databases);
    sql.from<User>().insert({{"name", "back\\"}, {"email", "a@example.com"}});
    sql.from<User>().insert({{"name", "back"}, {"email", "b@example.com"}});
    // A lone backslash at the end escapes nothing: refused everywhere alike.
    HY_EXPECT_REFUSED(sql.from<User>().where("name", "like", "back\\").count(), ErrorCode::InvalidValue, "name");
    HY_EXPECT_REFUSED(sql.from<User>().where("name", "like", "%\\\\\\").count(), ErrorCode::InvalidValue, "name");
    HY_EXPECT_REFUSED(sql.from(QStringLiteral("users")).where(QStringLiteral("name"), "like", "back\\").count(),
                      ErrorCode::InvalidValue, "name");
    // An escaped one matches a backslash.
    QCOMPARE(sql.from<User>().where("name", "like", "back\\\\").oneOrFail()->email(), QStringLiteral("a@example.com"));
    QCOMPARE(sql.from<User>().where("name", "like", "%\\\\").count(), 1);
    QCOMPARE(sql.from(QStringLiteral("users")).where(QStringLiteral("name"), "like", "back\\\\").count(), 1);
}

void tst_ValueConverter::valuesWithoutAModel()
{
    HY_TEST_SOURCE(m_databases);
    auto users = [&] { return sql.from(QStringLiteral("users")); };
    // Only types every driver binds as values reach it; QPSQL would paste
    // any other type's text into the statement unquoted.
    HY_EXPECT_REFUSED(users().insert({{"email", QVariant::fromValue(QUrl(QStringLiteral("x'); DROP TABLE users; --")))}}),
                      ErrorCode::InvalidValue, "email");
    HY_EXPECT_REFUSED(users().where(QStringLiteral("id"), QVariant::fromValue(std::numeric_limits<quint64>::max())).count(),
                      ErrorCode::InvalidValue, "id");
    HY_EXPECT_REFUSED(users().where(QStringLiteral("id"), QVariant::fromValue(QStringList{QStringLiteral("1")})).count(),
                      ErrorCode::InvalidValue, "id");
    QCOMPARE(rawCount(sql, QStringLiteral("users")), 0);

    const QUuid uuid = QUuid::createUuid();
    users().insert({{"email", QVariant::fromValue(uuid)}, {"name", QVariant::fromValue(QChar(u'q'))}});
    QCOMPARE(users().where(QStringLiteral("email"), uuid.toString(QUuid::WithoutBraces)).count(), 1);
    QCOMPARE(users().where(QStringLiteral("name"), QStringLiteral("q")).count(), 1);
    users().insert({{"email", "when"}, {"created_at", utc(2026, 5, 6, 7, 8, 9, 10)}});
    QCOMPARE(*sql.from<User>().where("email", "when").oneOrFail()->createdAt(), utc(2026, 5, 6, 7, 8, 9, 10));
    QCOMPARE(users().where(QStringLiteral("created_at"), utc(2026, 5, 6, 7, 8, 9, 10)).count(), 1);
    QCOMPARE(users().where(QStringLiteral("id"), quint64(1)).count(), 1);

    // Bytes: every byte value, and empty bytes that are not NULL.
    const QString blob = db == u"postgres" ? QStringLiteral("BYTEA")
                       : db == u"sqlite"   ? QStringLiteral("BLOB")
                                           : QStringLiteral("LONGBLOB");
    QSqlQuery raw(sql.database());
    QVERIFY(raw.exec(QStringLiteral("DROP TABLE IF EXISTS blobs")));
    QVERIFY2(raw.exec(QStringLiteral("CREATE TABLE blobs (n INTEGER, b %1)").arg(blob)), qPrintable(raw.lastError().text()));
    QByteArray every;
    for (int c = 0; c < 256; ++c)
        every.append(char(c));
    const QList<QByteArray> values{every, QByteArray(), QByteArray("'\\'); DROP TABLE users; --"), QByteArray("\\x41")};
    for (int i = 0; i < values.size(); ++i)
        sql.from(QStringLiteral("blobs")).insert({{"n", i}, {"b", values[i]}});
    QCOMPARE(rawCount(sql, QStringLiteral("blobs"), QStringLiteral("b IS NULL")), 0);
    const auto rows = sql.from(QStringLiteral("blobs")).orderBy(QStringLiteral("n")).many();
    QCOMPARE(rows.size(), values.size());
    for (int i = 0; i < values.size(); ++i)
        QCOMPARE(rows[i].value(QStringLiteral("b")).toByteArray(), values[i]);
    QCOMPARE(sql.from(QStringLiteral("blobs")).where(QStringLiteral("b"), every).count(), 1);
    QCOMPARE(rawCount(sql, QStringLiteral("users")), 2);
}

QTEST_GUILESS_MAIN(tst_ValueConverter)
#include "tst_valueconverter.moc"
