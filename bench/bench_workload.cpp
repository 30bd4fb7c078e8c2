// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
//
// The standard workload: 1,000 users and 20,000 posts (a user id, a title, a
// sentence of body text, a creation date-time). HysteriaQt against the
// fastest fair hand-written QSqlQuery code doing the same work, in the same
// run, with the same data made before any timing:
//
// - insert: insertMany() of the 20,000 posts, returning the stored models,
//   against one prepared INSERT executed per row in one transaction, values
//   bound by index, date-times formatted as text beforehand;
// - read: many() of the 20,000 posts into models, against a forward-only
//   QSqlQuery read into structs by index, date-times read as text (cast to
//   text by the server on PostgreSQL and MariaDB, whose Qt drivers would
//   otherwise parse them);
// - eager load: the 1,000 users with their posts, load("posts") (2 queries),
//   against the same two queries by hand: the users read into structs, then
//   their posts with `WHERE user_id IN (...)` (the 1,000 ids bound), each
//   appended to its user's list through a hash of the ids.
//
// Prints the median of each and the ratio HysteriaQt / raw (below 1 means
// HysteriaQt is faster), with the page faults of each side, on a SQLite file
// with the allocator as it is, on PostgreSQL and MariaDB when
// HYSTERIA_TEST_POSTGRES / HYSTERIA_TEST_MARIADB (user:password@host:port,
// as for the tests) name a server, and last on SQLite again with the
// allocator keeping freed memory (see benchsupport.h).
//
//     bench_workload [repetitions=7]

#include "benchsupport.h"

#include <HysteriaQt/Relations>
#include <HysteriaQt/ModelQuery>
#include <HysteriaQt/SchemaBuilder>
#include <HysteriaQt/SqlDataSource>

#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTextStream>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

#include <algorithm>
#include <functional>
#include <optional>
#include <vector>

class WorkloadUser : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(WorkloadUser, "workload_users")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(name, setName, Hy::col::string({.nullable = false}))
    HY_COLUMN(email, setEmail, Hy::col::string({.nullable = false}))

public:
    using Hy::Model::Model;
};

class WorkloadPost : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(WorkloadPost, "workload_posts")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(userId, setUserId, Hy::col::integer({.nullable = false}))
    HY_COLUMN(title, setTitle, Hy::col::string({.nullable = false}))
    HY_COLUMN(body, setBody, Hy::col::text({.nullable = false}))
    HY_COLUMN(createdAt, setCreatedAt, Hy::col::datetime({.nullable = false}))

public:
    using Hy::Model::Model;
};

template <>
inline constexpr auto Hy::relations<WorkloadUser> =
        Hy::defineRelations<WorkloadUser>(Hy::hasMany<WorkloadPost>("posts", {.foreignKey = "userId"}));

using HyBench::check;
using HyBench::median;
using HyBench::time;

namespace {

constexpr int Users = 1000;
constexpr int Posts = 20000;

struct PlainPost
{
    int id = 0;
    int userId = 0;
    QString title;
    QString body;
    QString createdAt;
};

struct PlainUser
{
    int id = 0;
    QString name;
    QString email;
    std::vector<PlainPost> posts;
};

void run(const QString &label, Hy::SqlDataSource &sql, int repetitions, QTextStream &out)
{
    auto schema = sql.schema();
    schema.dropTables<WorkloadPost, WorkloadUser>(Hy::SchemaBuilder::IfMissing::Skip);
    schema.createTables<WorkloadUser, WorkloadPost>();

    // The same data for both sides, made before any timing.
    QList<Hy::Values<WorkloadUser>> users;
    for (int u = 0; u < Users; ++u)
        users.append({{"name", QStringLiteral("user %1").arg(u)}, {"email", QStringLiteral("user%1@example.com").arg(u)}});
    const auto storedUsers = sql.from<WorkloadUser>().insertMany(users);
    const QDateTime base(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    std::vector<PlainPost> plain(static_cast<std::size_t>(Posts));
    QList<Hy::Values<WorkloadPost>> posts;
    posts.reserve(Posts);
    for (int p = 0; p < Posts; ++p) {
        PlainPost &post = plain[std::size_t(p)];
        post.userId = storedUsers[std::size_t(p % Users)]->id();
        post.title = QStringLiteral("Post number %1").arg(p);
        post.body = QStringLiteral("A sentence of body text for post %1, long enough to look like one.").arg(p);
        const QDateTime createdAt = base.addSecs(p * 7);
        post.createdAt = createdAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
        posts.append({{"userId", post.userId}, {"title", post.title}, {"body", post.body}, {"createdAt", createdAt}});
    }

    // Date-times as text from the server too: QPSQL and QMYSQL would
    // otherwise parse them into QDateTime, which the library does not do.
    QString createdAtText = QStringLiteral("created_at");
    if (sql.databaseType() == Hy::SqlDataSource::DatabaseType::PostgreSQL)
        createdAtText = QStringLiteral("created_at::text");
    else if (sql.databaseType() != Hy::SqlDataSource::DatabaseType::SQLite)
        createdAtText = QStringLiteral("CAST(created_at AS CHAR)");
    const QString rawSelect =
            QStringLiteral("SELECT id, user_id, title, body, %1 FROM workload_posts").arg(createdAtText);

    const QString rawUsers = QStringLiteral("SELECT id, name, email FROM workload_users");
    QString rawPostsOfUsers = rawSelect + QStringLiteral(" WHERE user_id IN (?");
    for (int u = 1; u < Users; ++u)
        rawPostsOfUsers += QStringLiteral(", ?");
    rawPostsOfUsers += u')';

    auto clearPosts = [&] { sql.from<WorkloadPost>().remove(); };
    std::vector<double> ormInsert, rawInsert, ormRead, rawRead, ormLoad, rawLoad;
    std::vector<double> ormInsertFaults, rawInsertFaults, ormReadFaults, rawReadFaults, ormLoadFaults, rawLoadFaults;
    qsizetype loadQueries = 0;
    for (int rep = 0; rep < repetitions; ++rep) {
        clearPosts();
        rawInsert.push_back(time([&] {
            QSqlDatabase db = sql.database();
            check(db.transaction(), QSqlQuery(db));
            QSqlQuery query(db);
            check(query.prepare(QStringLiteral("INSERT INTO workload_posts (user_id, title, body, created_at) "
                                               "VALUES (?, ?, ?, ?)")),
                  query);
            for (const PlainPost &post : plain) {
                query.bindValue(0, post.userId);
                query.bindValue(1, post.title);
                query.bindValue(2, post.body);
                query.bindValue(3, post.createdAt);
                check(query.exec(), query);
            }
            check(db.commit(), query);
        }, &rawInsertFaults));

        rawRead.push_back(time([&] {
            QSqlQuery query(sql.database());
            query.setForwardOnly(true);
            check(query.exec(rawSelect), query);
            std::vector<PlainPost> rows;
            rows.reserve(std::size_t(Posts));
            while (query.next()) {
                PlainPost post;
                post.id = query.value(0).toInt();
                post.userId = query.value(1).toInt();
                post.title = query.value(2).toString();
                post.body = query.value(3).toString();
                post.createdAt = query.value(4).toString();
                rows.push_back(std::move(post));
            }
            if (rows.size() != std::size_t(Posts))
                qFatal("raw read %d rows", int(rows.size()));
        }, &rawReadFaults));

        clearPosts();
        ormInsert.push_back(time([&] {
            const auto stored = sql.from<WorkloadPost>().insertMany(posts);
            if (stored.size() != std::size_t(Posts) || stored.back()->id() == 0)
                qFatal("insertMany returned %d models", int(stored.size()));
        }, &ormInsertFaults));

        ormRead.push_back(time([&] {
            const auto rows = sql.from<WorkloadPost>().many();
            if (rows.size() != std::size_t(Posts))
                qFatal("many() read %d rows", int(rows.size()));
        }, &ormReadFaults));

        rawLoad.push_back(time([&] {
            QSqlQuery query(sql.database());
            query.setForwardOnly(true);
            check(query.exec(rawUsers), query);
            std::vector<PlainUser> users;
            users.reserve(std::size_t(Users));
            QHash<int, std::size_t> byId;
            byId.reserve(Users);
            while (query.next()) {
                PlainUser user;
                user.id = query.value(0).toInt();
                user.name = query.value(1).toString();
                user.email = query.value(2).toString();
                byId.insert(user.id, users.size());
                users.push_back(std::move(user));
            }
            QSqlQuery posts(sql.database());
            posts.setForwardOnly(true);
            check(posts.prepare(rawPostsOfUsers), posts);
            for (std::size_t u = 0; u < users.size(); ++u)
                posts.bindValue(int(u), users[u].id);
            check(posts.exec(), posts);
            std::size_t read = 0;
            while (posts.next()) {
                PlainPost post;
                post.id = posts.value(0).toInt();
                post.userId = posts.value(1).toInt();
                post.title = posts.value(2).toString();
                post.body = posts.value(3).toString();
                post.createdAt = posts.value(4).toString();
                users[byId.value(post.userId)].posts.push_back(std::move(post));
                ++read;
            }
            if (read != std::size_t(Posts) || users.front().posts.size() != std::size_t(Posts / Users))
                qFatal("raw eager load read %d posts", int(read));
        }, &rawLoadFaults));

        const int observer = sql.addQueryObserver([&](const Hy::QueryEvent &event) {
            if (event.stage() == Hy::QueryEvent::Stage::Started)
                ++loadQueries;
        });
        loadQueries = 0;
        ormLoad.push_back(time([&] {
            const auto loaded = sql.from<WorkloadUser>().load("posts").many();
            if (loaded.size() != std::size_t(Users) || Hy::related<"posts">(*loaded.front()).size() != Posts / Users)
                qFatal("load() read %d users", int(loaded.size()));
        }, &ormLoadFaults));
        sql.removeQueryObserver(observer);
    }
    schema.dropTables<WorkloadPost, WorkloadUser>();

    const double oi = median(ormInsert), ri = median(rawInsert), orr = median(ormRead), rr = median(rawRead);
    out << label << ": " << Users << " users, " << Posts << " posts, median of " << repetitions << " runs\n";
    out << QStringLiteral("  insertMany -> models  HysteriaQt %1 ms   raw prepared loop %2 ms   ratio %3"
                          "   (page faults %4 / %5)\n")
                   .arg(oi, 7, 'f', 1).arg(ri, 7, 'f', 1).arg(oi / ri, 0, 'f', 2)
                   .arg(median(ormInsertFaults)).arg(median(rawInsertFaults));
    out << QStringLiteral("  many() -> models      HysteriaQt %1 ms   raw QSqlQuery     %2 ms   ratio %3"
                          "   (page faults %4 / %5)\n")
                   .arg(orr, 7, 'f', 1).arg(rr, 7, 'f', 1).arg(orr / rr, 0, 'f', 2)
                   .arg(median(ormReadFaults)).arg(median(rawReadFaults));
    const double ol = median(ormLoad), rl = median(rawLoad);
    out << QStringLiteral("  load(\"posts\")         HysteriaQt %1 ms   raw two queries   %2 ms   ratio %3"
                          "   (page faults %4 / %5, %6 queries)\n")
                   .arg(ol, 7, 'f', 1).arg(rl, 7, 'f', 1).arg(ol / rl, 0, 'f', 2)
                   .arg(median(ormLoadFaults)).arg(median(rawLoadFaults)).arg(loadQueries);
    out.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int repetitions = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 7;
    QTextStream out(stdout);

    QTemporaryDir dir;
    Hy::SqlDataSource sqlite({.database = dir.filePath(QStringLiteral("workload.sqlite"))});
    sqlite.open();
    run(QStringLiteral("SQLite file"), sqlite, repetitions, out);
    HyBench::onEachServer([&](const QString &name, Hy::SqlDataSource &sql) { run(name, sql, repetitions, out); });
    // Last, since it cannot be undone: SQLite again with freed memory kept
    // (see keepFreedMemory()), which leaves the work itself.
    if (HyBench::keepFreedMemory())
        run(QStringLiteral("SQLite file, freed memory kept"), sqlite, repetitions, out);
    return 0;
}

#include "bench_workload.moc"
