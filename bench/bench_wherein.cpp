// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
//
// Long whereIn lists: a table of 100,000 rows (an integer primary key and a
// text column), read by lists of keys of which half are present, in random
// order. HysteriaQt against the fastest fair hand-written QSqlQuery code
// giving the same result, in the same run, with the same keys:
//
// - count: sql.from<M>().whereIn("id", keys).count() against
//   `SELECT COUNT(*) ... WHERE id IN (...)`;
// - many: sql.from<M>().whereIn("id", keys).many() into models against a
//   forward-only QSqlQuery read into structs by index.
//
// With 1,000 keys the raw side is one prepared `IN (?, ...)` with the keys
// bound by index. With 70,000 keys, more than a statement's placeholders,
// it is the faster of two things a careful user writes, both timed: chunks
// of at most the placeholder limit (32,766 on SQLite, 65,535 on MariaDB and
// PostgreSQL), counts summed and rows appended; or the keys bound as one
// value, read by the database (SQLite json_each(), MariaDB JSON_TABLE,
// PostgreSQL `= ANY` of an array). Each side prepares its statements in the
// timing, as a call of the library does.
//
// Then the list forms themselves, by raw QSqlQuery on SQLite and MariaDB:
// `IN (?, ...)` against one JSON array, at several lengths, next to
// HysteriaQt's count() at the same length (placeholders there, since the
// statement fits the limit). This is what the length above which a long
// list goes as JSON (maxListPlaceholders()) is chosen by.
//
// Prints medians in milliseconds and the ratio HysteriaQt / raw (below 1
// means HysteriaQt is faster), on a SQLite file, and on PostgreSQL and
// MariaDB when HYSTERIA_TEST_POSTGRES / HYSTERIA_TEST_MARIADB
// (user:password@host:port, as for the tests) name a server.
//
//     bench_wherein [repetitions=9]

#include "benchsupport.h"

#include <HysteriaQt/ModelQuery>
#include <HysteriaQt/SchemaBuilder>
#include <HysteriaQt/SqlDataSource>

#include <QtCore/QCoreApplication>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTextStream>
#include <QtSql/QSqlQuery>

#include <algorithm>
#include <optional>
#include <random>
#include <span>
#include <vector>

class WhereInRow : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(WhereInRow, "wherein_rows")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(name, setName, Hy::col::text({.nullable = false}))

public:
    using Hy::Model::Model;
};

using HyBench::check;
using HyBench::median;
using HyBench::time;

namespace {

constexpr int Rows = 100000;
constexpr int ShortList = 1000;
constexpr int LongList = 70000;
const int ThresholdLengths[] = {100, 300, 1000, 2000, 3000, 10000, 30000};

struct PlainRow
{
    int id = 0;
    QString name;
};

using Database = Hy::SqlDataSource::DatabaseType;

// `length` keys in random order, half of them stored ids spread over the
// table, half past its last id.
QList<int> keysOf(const std::vector<int> &ids, int length)
{
    QList<int> keys;
    keys.reserve(length);
    const int present = length / 2;
    for (int i = 0; i < present; ++i)
        keys.append(ids[std::size_t(qint64(i) * qint64(ids.size()) / present)]);
    const int last = *std::max_element(ids.begin(), ids.end());
    for (int i = present; i < length; ++i)
        keys.append(last + 1 + i);
    std::mt19937 random(length);
    std::shuffle(keys.begin(), keys.end(), random);
    return keys;
}

std::span<const int> span(const QList<int> &keys)
{
    return {keys.constData(), std::size_t(keys.size())};
}

QString placeholders(qsizetype count)
{
    QString list;
    list.reserve(count * 3);
    for (qsizetype i = 0; i < count; ++i)
        list += i == 0 ? QLatin1StringView("?") : QLatin1StringView(", ?");
    return list;
}

// The keys as one bound value, in the form the database reads.
QString oneValue(Database type, const QList<int> &keys)
{
    QString text;
    text.reserve(keys.size() * 7 + 2);
    text += type == Database::PostgreSQL ? u'{' : u'[';
    for (qsizetype i = 0; i < keys.size(); ++i) {
        if (i)
            text += u',';
        text += QString::number(keys[i]);
    }
    text += type == Database::PostgreSQL ? u'}' : u']';
    return text;
}

// The condition reading the keys from oneValue().
QString oneValueCondition(Database type)
{
    switch (type) {
    case Database::SQLite: return QStringLiteral("id IN (SELECT value FROM json_each(?))");
    case Database::PostgreSQL: return QStringLiteral("id = ANY(CAST(? AS integer[]))");
    default:
        return QStringLiteral("id IN (SELECT v FROM JSON_TABLE(?, '$[*]' COLUMNS (v BIGINT PATH '$')) AS keys_list)");
    }
}

QString oneValueName(Database type)
{
    switch (type) {
    case Database::SQLite: return QStringLiteral("json_each(?)");
    case Database::PostgreSQL: return QStringLiteral("= ANY(?::integer[])");
    default: return QStringLiteral("JSON_TABLE(?)");
    }
}

int placeholderLimit(Database type)
{
    return type == Database::SQLite ? 32766 : 65535;
}

// What the raw side runs: count or rows, for a list of keys.
class RawList
{
public:
    RawList(Hy::SqlDataSource &sql) : m_sql(sql) { }

    // One statement with a placeholder per key.
    qint64 countByPlaceholders(std::span<const int> keys) const
    {
        QSqlQuery query(m_sql.database());
        query.setForwardOnly(true);
        check(query.prepare(QStringLiteral("SELECT COUNT(*) FROM wherein_rows WHERE id IN (%1)")
                                    .arg(placeholders(qsizetype(keys.size())))),
              query);
        for (std::size_t i = 0; i < keys.size(); ++i)
            query.bindValue(int(i), keys[i]);
        check(query.exec() && query.next(), query);
        return query.value(0).toLongLong();
    }

    void readByPlaceholders(std::span<const int> keys, std::vector<PlainRow> &rows) const
    {
        QSqlQuery query(m_sql.database());
        query.setForwardOnly(true);
        check(query.prepare(QStringLiteral("SELECT id, name FROM wherein_rows WHERE id IN (%1)")
                                    .arg(placeholders(qsizetype(keys.size())))),
              query);
        for (std::size_t i = 0; i < keys.size(); ++i)
            query.bindValue(int(i), keys[i]);
        check(query.exec(), query);
        read(query, rows);
    }

    qint64 countByOneValue(const QList<int> &keys) const
    {
        QSqlQuery query(m_sql.database());
        query.setForwardOnly(true);
        check(query.prepare(QStringLiteral("SELECT COUNT(*) FROM wherein_rows WHERE ") + oneValueCondition(type())),
              query);
        query.bindValue(0, oneValue(type(), keys));
        check(query.exec() && query.next(), query);
        return query.value(0).toLongLong();
    }

    void readByOneValue(const QList<int> &keys, std::vector<PlainRow> &rows) const
    {
        QSqlQuery query(m_sql.database());
        query.setForwardOnly(true);
        check(query.prepare(QStringLiteral("SELECT id, name FROM wherein_rows WHERE ") + oneValueCondition(type())),
              query);
        query.bindValue(0, oneValue(type(), keys));
        check(query.exec(), query);
        read(query, rows);
    }

    qint64 countByChunks(const QList<int> &keys) const
    {
        const int chunk = placeholderLimit(type());
        qint64 count = 0;
        for (qsizetype at = 0; at < keys.size(); at += chunk)
            count += countByPlaceholders(std::span<const int>(keys.constData() + at, std::size_t(qMin<qsizetype>(chunk, keys.size() - at))));
        return count;
    }

    void readByChunks(const QList<int> &keys, std::vector<PlainRow> &rows) const
    {
        const int chunk = placeholderLimit(type());
        for (qsizetype at = 0; at < keys.size(); at += chunk)
            readByPlaceholders(std::span<const int>(keys.constData() + at, std::size_t(qMin<qsizetype>(chunk, keys.size() - at))), rows);
    }

    Database type() const { return m_sql.databaseType(); }

private:
    static void read(QSqlQuery &query, std::vector<PlainRow> &rows)
    {
        while (query.next()) {
            PlainRow row;
            row.id = query.value(0).toInt();
            row.name = query.value(1).toString();
            rows.push_back(std::move(row));
        }
    }

    Hy::SqlDataSource &m_sql;
};

void expect(qint64 got, qint64 wanted, const char *what)
{
    if (got != wanted)
        qFatal("%s: %lld rows, %lld expected", what, got, wanted);
}

QString ms(double value)
{
    return QStringLiteral("%1 ms").arg(value, 8, 'f', 2);
}

struct Timings
{
    std::vector<double> orm, raw, rawOther;
};

void run(const QString &label, Hy::SqlDataSource &sql, int repetitions, QTextStream &out)
{
    auto schema = sql.schema();
    schema.dropTables<WhereInRow>(Hy::SchemaBuilder::IfMissing::Skip);
    schema.createTables<WhereInRow>();
    QList<Hy::Values<WhereInRow>> values;
    values.reserve(Rows);
    for (int r = 0; r < Rows; ++r)
        values.append({{"name", QStringLiteral("row number %1").arg(r)}});
    std::vector<int> ids;
    ids.reserve(Rows);
    for (const auto &row : sql.from<WhereInRow>().insertMany(values))
        ids.push_back(row->id());
    values.clear();

    const RawList raw(sql);
    const Database type = raw.type();
    const QList<int> shortKeys = keysOf(ids, ShortList);
    const QList<int> longKeys = keysOf(ids, LongList);

    Timings shortCount, shortMany, longCount, longMany;
    for (int rep = 0; rep < repetitions; ++rep) {
        shortCount.raw.push_back(time([&] { expect(raw.countByPlaceholders(span(shortKeys)), ShortList / 2, "raw count"); }));
        shortCount.orm.push_back(time([&] {
            expect(sql.from<WhereInRow>().whereIn("id", shortKeys).count(), ShortList / 2, "count()");
        }));
        shortMany.raw.push_back(time([&] {
            std::vector<PlainRow> rows;
            rows.reserve(ShortList / 2);
            raw.readByPlaceholders(span(shortKeys), rows);
            expect(qint64(rows.size()), ShortList / 2, "raw read");
        }));
        shortMany.orm.push_back(time([&] {
            expect(qint64(sql.from<WhereInRow>().whereIn("id", shortKeys).many().size()), ShortList / 2, "many()");
        }));

        longCount.raw.push_back(time([&] { expect(raw.countByChunks(longKeys), LongList / 2, "raw chunks count"); }));
        longCount.rawOther.push_back(
                time([&] { expect(raw.countByOneValue(longKeys), LongList / 2, "raw one-value count"); }));
        longCount.orm.push_back(time([&] {
            expect(sql.from<WhereInRow>().whereIn("id", longKeys).count(), LongList / 2, "long count()");
        }));
        longMany.raw.push_back(time([&] {
            std::vector<PlainRow> rows;
            rows.reserve(LongList / 2);
            raw.readByChunks(longKeys, rows);
            expect(qint64(rows.size()), LongList / 2, "raw chunks read");
        }));
        longMany.rawOther.push_back(time([&] {
            std::vector<PlainRow> rows;
            rows.reserve(LongList / 2);
            raw.readByOneValue(longKeys, rows);
            expect(qint64(rows.size()), LongList / 2, "raw one-value read");
        }));
        longMany.orm.push_back(time([&] {
            expect(qint64(sql.from<WhereInRow>().whereIn("id", longKeys).many().size()), LongList / 2,
                   "long many()");
        }));
    }

    out << label << ": " << Rows << " rows, keys half present, median of " << repetitions << " runs\n";
    const auto line = [&](const QString &what, const Timings &t, const QString &rawName) {
        const double o = median(t.orm), r = median(t.raw);
        out << QStringLiteral("  %1 HysteriaQt %2   raw %3 %4   ratio %5\n")
                       .arg(what, -22).arg(ms(o), ms(r), rawName.leftJustified(26)).arg(o / r, 0, 'f', 2);
        return std::pair(o, r);
    };
    // The faster raw form of the long list is the raw side; both are shown.
    const auto longLine = [&](const QString &what, Timings t) {
        const double chunks = median(t.raw), one = median(t.rawOther);
        const QString chunksName = QStringLiteral("%1 chunks of <= %2").arg((LongList - 1) / placeholderLimit(type) + 1)
                                           .arg(placeholderLimit(type));
        QString name = oneValueName(type);
        if (chunks <= one) {
            name = chunksName;
        } else {
            std::swap(t.raw, t.rawOther);
        }
        const auto result = line(what, t, name);
        out << QStringLiteral("  %1 (raw by chunks %2, by one value %3 %4)\n")
                       .arg(QString(), -22).arg(ms(chunks), ms(one), oneValueName(type));
        return result;
    };
    const auto [sco, scr] = line(QStringLiteral("count(), 1,000 keys"), shortCount, QStringLiteral("IN (?, ...)"));
    const auto [smo, smr] = line(QStringLiteral("many(), 1,000 keys"), shortMany, QStringLiteral("IN (?, ...)"));
    const auto [lco, lcr] = longLine(QStringLiteral("count(), 70,000 keys"), longCount);
    const auto [lmo, lmr] = longLine(QStringLiteral("many(), 70,000 keys"), longMany);
    const double scale = double(ShortList) / LongList;
    out << QStringLiteral("  time per key, 70,000 / 1,000 keys: count() HysteriaQt %1 raw %2,"
                          " many() HysteriaQt %3 raw %4\n")
                   .arg(lco / sco * scale, 0, 'f', 2).arg(lcr / scr * scale, 0, 'f', 2)
                   .arg(lmo / smo * scale, 0, 'f', 2).arg(lmr / smr * scale, 0, 'f', 2);

    if (type != Database::PostgreSQL) {
        out << QStringLiteral("  list forms, count of keys half present: IN (?, ...) / one JSON array (%1)\n")
                       .arg(oneValueName(type));
        for (const int length : ThresholdLengths) {
            const QList<int> keys = keysOf(ids, length);
            std::vector<double> orm, byPlaceholders, byJson;
            for (int rep = 0; rep < repetitions; ++rep) {
                byPlaceholders.push_back(
                        time([&] { expect(raw.countByPlaceholders(span(keys)), length / 2, "raw count"); }));
                byJson.push_back(time([&] { expect(raw.countByOneValue(keys), length / 2, "raw JSON count"); }));
                orm.push_back(time([&] {
                    expect(sql.from<WhereInRow>().whereIn("id", keys).count(), length / 2, "count()");
                }));
            }
            const double p = median(byPlaceholders), j = median(byJson), o = median(orm);
            out << QStringLiteral("  %1 keys: raw IN (?, ...) %2   raw JSON %3   placeholders / JSON %4"
                                  "   HysteriaQt count() (placeholders) %5   HysteriaQt / JSON %6\n")
                           .arg(length, 6).arg(ms(p), ms(j)).arg(p / j, 0, 'f', 2).arg(ms(o)).arg(o / j, 0, 'f', 2);
        }
    }
    out.flush();
    schema.dropTables<WhereInRow>();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int repetitions = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 9;
    QTextStream out(stdout);

    QTemporaryDir dir;
    {
        Hy::SqlDataSource sqlite({.database = dir.filePath(QStringLiteral("wherein.sqlite"))});
        sqlite.open();
        run(QStringLiteral("SQLite file"), sqlite, repetitions, out);
    }
    HyBench::onEachServer([&](const QString &name, Hy::SqlDataSource &sql) { run(name, sql, repetitions, out); });
    return 0;
}

#include "bench_wherein.moc"
