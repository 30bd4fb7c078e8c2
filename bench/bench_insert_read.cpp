// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
//
// insertMany and reading rows as models, against hand-written QSqlQuery code
// doing the same work, on one SQLite file, in the same run. Prints the median
// of each and the ratio HysteriaQt / raw (below 1 means HysteriaQt is faster).
// insertMany also reads every stored row back as a model (RETURNING); the raw
// loop reads nothing back. Reading is compared with two raw versions: one
// that parses date-times the usual Qt way, one that leaves them as text.
//
//     bench_insert_read [rows] [repetitions]

#include "benchsupport.h"

#include <HysteriaQt/ModelQuery>
#include <HysteriaQt/SchemaBuilder>
#include <HysteriaQt/SqlDataSource>

#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTextStream>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

#include <algorithm>
#include <functional>
#include <vector>

class BenchRow : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(BenchRow, "bench_rows")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(name, setName, Hy::col::string({.nullable = false}))
    HY_COLUMN(email, setEmail, Hy::col::string())
    HY_COLUMN(age, setAge, Hy::col::integer())
    HY_COLUMN(score, setScore, Hy::col::float_())
    HY_COLUMN(active, setActive, Hy::col::boolean())
    HY_COLUMN(createdAt, setCreatedAt, Hy::col::datetime())

public:
    using Hy::Model::Model;
};

using HyBench::check;
using HyBench::median;

namespace {

struct PlainRow
{
    int id = 0;
    QString name;
    QString email;
    int age = 0;
    double score = 0;
    bool active = false;
    QDateTime createdAt;
    QString createdAtText;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int rowCount = argc > 1 ? QByteArray(argv[1]).toInt() : 20000;
    const int repetitions = argc > 2 ? QByteArray(argv[2]).toInt() : 7;
    QTextStream out(stdout);

    QTemporaryDir dir;
    Hy::SqlDataSource sql({.database = dir.filePath(QStringLiteral("bench.sqlite"))});
    sql.open();
    auto schema = sql.schema();

    // The same data for both sides, made before any timing.
    const QDateTime base(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    std::vector<PlainRow> input(static_cast<std::size_t>(rowCount));
    QList<Hy::Values<BenchRow>> values;
    values.reserve(rowCount);
    for (int i = 0; i < rowCount; ++i) {
        PlainRow &row = input[std::size_t(i)];
        row.name = QStringLiteral("user %1").arg(i);
        row.email = QStringLiteral("user%1@example.com").arg(i);
        row.age = 18 + i % 60;
        row.score = i * 0.5;
        row.active = i % 3 == 0;
        row.createdAt = base.addSecs(i);
        // Formatted here, before any timing: the raw side's fastest fair form.
        row.createdAtText = row.createdAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
        values.append({{"name", row.name}, {"email", row.email}, {"age", row.age}, {"score", row.score},
                       {"active", row.active}, {"createdAt", row.createdAt}});
    }

    auto resetTable = [&] {
        schema.dropTables<BenchRow>(Hy::SchemaBuilder::IfMissing::Skip);
        schema.createTables<BenchRow>();
    };
    using HyBench::time;

    // The hand-written read: every column into a struct, the date-time parsed
    // the usual Qt way, or kept as text.
    auto rawRead = [&](bool parseDates) {
        QSqlQuery query(sql.database());
        query.setForwardOnly(true);
        check(query.exec(QStringLiteral(
                      "SELECT id, name, email, age, score, active, created_at FROM bench_rows")),
              query);
        std::vector<PlainRow> rows;
        while (query.next()) {
            PlainRow row;
            row.id = query.value(0).toInt();
            row.name = query.value(1).toString();
            row.email = query.value(2).toString();
            row.age = query.value(3).toInt();
            row.score = query.value(4).toDouble();
            row.active = query.value(5).toBool();
            if (parseDates) {
                row.createdAt = QDateTime::fromString(query.value(6).toString(), Qt::ISODateWithMs);
                row.createdAt.setTimeSpec(Qt::UTC);
            } else {
                row.createdAtText = query.value(6).toString();
            }
            rows.push_back(std::move(row));
        }
        if (int(rows.size()) != rowCount)
            qFatal("raw read %d rows", int(rows.size()));
    };

    std::vector<double> ormInsert, rawInsert, ormRead, rawReadParsed, rawReadText;
    for (int rep = 0; rep < repetitions; ++rep) {
        resetTable();
        rawInsert.push_back(time([&] {
            QSqlDatabase db = sql.database();
            db.transaction();
            QSqlQuery query(db);
            check(query.prepare(QStringLiteral(
                          "INSERT INTO bench_rows (name, email, age, score, active, created_at) "
                          "VALUES (?, ?, ?, ?, ?, ?)")),
                  query);
            for (const PlainRow &row : input) {
                query.bindValue(0, row.name);
                query.bindValue(1, row.email);
                query.bindValue(2, row.age);
                query.bindValue(3, row.score);
                query.bindValue(4, row.active);
                query.bindValue(5, row.createdAtText);
                check(query.exec(), query);
            }
            db.commit();
        }));

        rawReadText.push_back(time([&] { rawRead(false); }));
        rawReadParsed.push_back(time([&] { rawRead(true); }));

        resetTable();
        ormInsert.push_back(time([&] {
            const auto stored = sql.from<BenchRow>().insertMany(values);
            if (int(stored.size()) != rowCount)
                qFatal("insertMany returned %d models", int(stored.size()));
        }));

        ormRead.push_back(time([&] {
            const auto rows = sql.from<BenchRow>().many();
            if (int(rows.size()) != rowCount)
                qFatal("many() read %d rows", int(rows.size()));
        }));
    }

    const double oi = median(ormInsert), ri = median(rawInsert), orr = median(ormRead),
                 rr = median(rawReadParsed), rt = median(rawReadText);
    out << "SQLite file, " << rowCount << " rows, median of " << repetitions << " runs\n";
    out << QStringLiteral("insertMany  HysteriaQt %1 ms   raw prepared loop %2 ms   ratio %3\n")
                   .arg(oi, 0, 'f', 1).arg(ri, 0, 'f', 1).arg(oi / ri, 0, 'f', 2);
    out << QStringLiteral("read models HysteriaQt %1 ms   raw QSqlQuery     %2 ms   ratio %3"
                          "   (dates by QDateTime::fromString)\n")
                   .arg(orr, 0, 'f', 1).arg(rr, 0, 'f', 1).arg(orr / rr, 0, 'f', 2);
    out << QStringLiteral("read models HysteriaQt %1 ms   raw QSqlQuery     %2 ms   ratio %3"
                          "   (dates left as text)\n")
                   .arg(orr, 0, 'f', 1).arg(rt, 0, 'f', 1).arg(orr / rt, 0, 'f', 2);
    return 0;
}

#include "bench_insert_read.moc"
