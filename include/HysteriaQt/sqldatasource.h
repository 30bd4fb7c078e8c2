// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_SQLDATASOURCE_H
#define HYSTERIAQT_SQLDATASOURCE_H

#include <HysteriaQt/connectionoptions.h>
#include <HysteriaQt/hysteriaqt_global.h>
#include <HysteriaQt/queryevent.h>
#include <HysteriaQt/transaction.h>

#include <QtCore/QAnyStringView>
#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtSql/QSqlDatabase>

#include <memory>

namespace Hy {

class QueryBuilder;
class SchemaBuilder;
template <typename M>
class ModelQuery;
class SqlDataSourcePrivate;
namespace detail {
class AsyncJob;
}

// The entry point, over one QSqlDatabase connection:
//
//     Hy::SqlDataSource sql({.database = "app.db"});
//     sql.open();
//     auto users = sql.from<User>().where("isActive", true).many();
//
// A data source can be used from any thread: each thread gets a connection
// of its own, made on first use and removed when the thread ends (QtSql
// connections belong to one thread). An adopted QSqlDatabase is the
// application's, and is used from its own thread only.
class HYSTERIAQT_EXPORT SqlDataSource : public QObject
{
    Q_OBJECT

public:
    enum class DatabaseType { Unknown, SQLite, PostgreSQL, MySQL, MariaDB };
    Q_ENUM(DatabaseType)

    // What the connected server can do, as QSqlDriver::hasFeature() answers
    // for the driver: known after open(), from the server's version.
    enum class Feature {
        Returning,              // INSERT ... RETURNING, with its rows reaching the application
        TransactionalDdl,       // CREATE/DROP TABLE inside a transaction that can roll back
        Savepoints,
        IsolationLevels,        // choosing a transaction's isolation level (SQLite has one)
        UpsertOnConflict,       // INSERT ... ON CONFLICT (PostgreSQL, SQLite 3.24+)
        UpsertOnDuplicateKey,   // INSERT ... ON DUPLICATE KEY UPDATE (MySQL, MariaDB)
        WindowFunctions,        // ROW_NUMBER() OVER (...) and friends
        CommonTableExpressions, // WITH, and WITH RECURSIVE
        RowLocks,               // SELECT ... FOR UPDATE / FOR SHARE
        Json,                   // JSON values and functions (jsonb, JSON, SQLite's JSON1)
    };
    Q_ENUM(Feature)

    // A connection of its own, made from the options by open() and removed
    // from QSqlDatabase's registry when the data source is destroyed.
    explicit SqlDataSource(const ConnectionOptions &options = {}, QObject *parent = nullptr);
    // Adopts an existing connection (QSqlDatabase::database("name")). It is
    // opened by open() if it is not open yet, and left alone on destruction.
    explicit SqlDataSource(const QSqlDatabase &connection, QObject *parent = nullptr);
    ~SqlDataSource() override;

    // Connects and prepares the session (see docs/sqldatasource.md).
    // Throws Hy::Error: DriverNotAvailable, ConnectionFailed.
    void open();
    void close();
    bool isOpen() const;

    QString connectionName() const;
    // The underlying connection, for work HysteriaQt does not do.
    QSqlDatabase database() const;
    DatabaseType databaseType() const;
    // False before open().
    bool hasFeature(Feature feature) const;

    // The builders come with their own headers, so that code that only
    // holds a data source does not compile them: from<M>() needs
    // <HysteriaQt/ModelQuery>, from(table) <HysteriaQt/QueryBuilder>, and
    // schema() <HysteriaQt/SchemaBuilder> (<HysteriaQt/HysteriaQt> has all).
    template <typename M>
    ModelQuery<M> from();
    // Rows of any table as QVariantMaps, columns named as in the database.
    QueryBuilder from(QAnyStringView table);
    SchemaBuilder schema();

    // Runs `work` in a transaction on the calling thread's connection (a
    // savepoint when one is open there already) and returns what it returns:
    // commits when it returns, rolls back and rethrows when it throws.
    // `work` takes a Hy::Transaction & or nothing. See docs/transactions.md.
    //     auto user = sql.transaction([&](Hy::Transaction &trx) { ... return user; });
    template <typename Work>
    auto transaction(Work &&work, Transaction::IsolationLevel isolation = Transaction::IsolationLevel::Default)
    {
        return detail::runInTransaction(beginTransaction(isolation), work);
    }
    // The same, by hand: commit() or rollback(); rolled back when the
    // returned guard is destroyed still active. Throws Hy::Error:
    // IsolationLevelNotSupported (before any SQL), TransactionFailed.
    Transaction beginTransaction(Transaction::IsolationLevel isolation = Transaction::IsolationLevel::Default);

    // Calls `observer` for every statement that any thread runs on this data
    // source: as it starts, and as it finishes or fails, with its SQL, values,
    // duration and rows (see docs/sqldatasource.md#observing-statements).
    // Observers run in the thread of the statement, so they must be
    // thread-safe and quick; one that throws is logged and ignored. Returns
    // an id for removeQueryObserver().
    int addQueryObserver(QueryObserver observer);
    void removeQueryObserver(int id);

    // Runs `work(sql)` on the data source's worker thread, which has a
    // connection of its own, and returns at once with the future of what it
    // returns (or throws). Works run one at a time, in the order they were
    // asked for. Models in the result arrive owned by, and living in, the
    // thread that called async(); in no thread when that thread has ended
    // (the thread taking the result can pull them in). Continue with
    // Hy::onFinished() (see
    // docs/threads.md):
    //     QFuture<Hy::ModelList<User>> users =
    //             sql.async([](Hy::SqlDataSource &sql) { return sql.from<User>().many(); });
    // Works still queued when the data source is destroyed are cancelled;
    // the running one is waited for. Defined in <HysteriaQt/Async>, with
    // what it needs of QFuture.
    template <typename Work>
    auto async(Work &&work);

private:
    friend class SqlDataSourcePrivate;
    void enqueue(std::unique_ptr<detail::AsyncJob> job);
    // Shared with the builders (weakly) and the operations running.
    std::shared_ptr<SqlDataSourcePrivate> d;
};

} // namespace Hy

#endif // HYSTERIAQT_SQLDATASOURCE_H
