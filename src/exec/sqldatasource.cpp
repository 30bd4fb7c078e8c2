// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "exec/sqldatasource_p.h"
#include "exec/transaction_p.h"

#include "core/logging_p.h"

#include <HysteriaQt/error.h>
#include <HysteriaQt/querybuilder.h>
#include <HysteriaQt/schemabuilder.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QMetaEnum>
#include <QtCore/QThread>

#include <vector>

namespace Hy {

namespace {

// The connections the calling thread has made, one per data source, owned
// by the thread: destroyed (closed and removed from QtSql's registry) when
// the thread ends. A QThread's go when it emits finished(), before wait()
// returns in the thread that waits for it; others (std::thread, the threads
// of a QThreadPool, which retire without a word) with thread_local's own
// destruction when they exit.
class ThreadConnections
{
public:
    ~ThreadConnections() { m_entries.clear(); }

    struct Entry
    {
        std::weak_ptr<SqlDataSourcePrivate> owner;
        std::unique_ptr<detail::Connection> connection;
    };

    // The entry of `owner`, if the thread has one; drops those of data
    // sources that no longer exist on the way.
    Entry *find(const std::shared_ptr<SqlDataSourcePrivate> &owner)
    {
        std::erase_if(m_entries, [](const Entry &entry) { return entry.owner.expired(); });
        for (Entry &entry : m_entries) {
            if (!entry.owner.owner_before(owner) && !owner.owner_before(entry.owner))
                return &entry;
        }
        return nullptr;
    }

    detail::Connection *add(const std::shared_ptr<SqlDataSourcePrivate> &owner,
                            std::unique_ptr<detail::Connection> connection)
    {
        watchThread();
        m_entries.push_back({owner, std::move(connection)});
        return m_entries.back().connection.get();
    }

    void remove(const std::shared_ptr<SqlDataSourcePrivate> &owner)
    {
        if (Entry *entry = find(owner))
            m_entries.erase(m_entries.begin() + (entry - m_entries.data()));
    }

private:
    void watchThread();

    std::vector<Entry> m_entries;
    bool m_watching = false;
};

thread_local ThreadConnections t_connections;

void ThreadConnections::watchThread()
{
    if (m_watching)
        return;
    m_watching = true;
    QThread *thread = QThread::currentThread();
    if (QCoreApplication::instance() && thread == QCoreApplication::instance()->thread())
        return; // the main thread ends with the program
    // Emitted by the thread itself as it finishes: the slot runs there.
    QObject::connect(thread, &QThread::finished, thread, [] { t_connections.m_entries.clear(); },
                     Qt::DirectConnection);
}

Error notOpen(const SqlDataSourcePrivate &d)
{
    return Error(ErrorCode::ConnectionNotOpen,
                 d.lost ? QStringLiteral("The connection to the database was lost: call open() to connect again")
                        : QStringLiteral("The data source is not open: call open() first"));
}

bool isInMemorySqlite(const ConnectionOptions &options)
{
    return options.driver == u"QSQLITE"
            && (options.database == u":memory:" || options.database.contains(u"mode=memory"));
}

// An adopted connection, or an in-memory SQLite database, is one connection,
// used (opened, closed) only in the thread that opened it. Reads atomics
// only, so that a refused call touches nothing.
void requireOwnerThreadForSingleConnection(const SqlDataSourcePrivate &d)
{
    const QThread *owner = d.ownerThread.load();
    if (!owner || owner == QThread::currentThread())
        return;
    if (d.adopted) {
        throw Error(ErrorCode::WrongThread,
                    QStringLiteral("An adopted connection is used from the thread it belongs to: make the "
                                   "data source from connection options for other threads"));
    }
    if (isInMemorySqlite(d.options)) {
        throw Error(ErrorCode::WrongThread,
                    QStringLiteral("An in-memory SQLite database lives in one connection, used from the "
                                   "thread that opened it: use a file for several threads"));
    }
}

} // namespace

detail::SourceHandle::SourceHandle(const SqlDataSource *source) : source(SqlDataSourcePrivate::handle(source)) {}

SqlDataSource::SqlDataSource(const ConnectionOptions &options, QObject *parent)
    : QObject(parent), d(std::make_shared<SqlDataSourcePrivate>())
{
    d->options = options;
}

SqlDataSource::SqlDataSource(const QSqlDatabase &connection, QObject *parent)
    : QObject(parent), d(std::make_shared<SqlDataSourcePrivate>())
{
    d->adopted = connection.connectionName();
    d->options.driver = connection.driverName();
}

SqlDataSource::~SqlDataSource()
{
    // First, while the works it is running can still use this object.
    std::unique_ptr<detail::AsyncWorker> worker;
    {
        QMutexLocker locker(&d->workerMutex);
        worker.swap(d->worker);
    }
    worker.reset();
    d->open = false;
    // The connections of other threads go when those threads end, or when
    // they next reach for this data source.
    d->closeThreadConnection();
}

void SqlDataSource::open()
{
    requireOwnerThreadForSingleConnection(*d);
    if (d->open)
        return;
    // The calling thread's connection, made now so that a failure is
    // reported here; other threads make theirs when they first need one.
    const quint64 generation = ++d->generation;
    d->closeThreadConnection();
    auto connection = std::make_unique<detail::Connection>(d, d->options, d->adopted, generation);
    d->databaseType = int(connection->dialect().type());
    quint32 features = 0;
    const QMetaEnum all = QMetaEnum::fromType<Feature>();
    for (int i = 0; i < all.keyCount(); ++i) {
        if (connection->dialect().hasFeature(Feature(all.value(i))))
            features |= 1u << all.value(i);
    }
    d->features = features;
    t_connections.add(d, std::move(connection));
    d->ownerThread = QThread::currentThread();
    d->lost = false;
    d->open = true;
}

void SqlDataSource::close()
{
    requireOwnerThreadForSingleConnection(*d);
    d->open = false;
    d->lost = false;
    d->closeThreadConnection();
}

bool SqlDataSource::isOpen() const
{
    return d->open;
}

QString SqlDataSource::connectionName() const
{
    if (!d->open)
        return QString();
    const auto found = t_connections.find(d);
    return found ? found->connection->name() : QString();
}

QSqlDatabase SqlDataSource::database() const
{
    return SqlDataSourcePrivate::session(detail::SourceHandle(this))->database();
}

int SqlDataSource::addQueryObserver(QueryObserver observer)
{
    return d->observers->add(std::move(observer));
}

void SqlDataSource::removeQueryObserver(int id)
{
    d->observers->remove(id);
}

void SqlDataSource::enqueue(std::unique_ptr<detail::AsyncJob> job)
{
    QMutexLocker locker(&d->workerMutex);
    if (!d->worker)
        d->worker = std::make_unique<detail::AsyncWorker>(this);
    d->worker->enqueue(std::move(job));
}

Transaction SqlDataSource::beginTransaction(Transaction::IsolationLevel isolation)
{
    return TransactionPrivate::begin(d, isolation);
}

SqlDataSource::DatabaseType SqlDataSource::databaseType() const
{
    return d->open ? DatabaseType(d->databaseType.load()) : DatabaseType::Unknown;
}

bool SqlDataSource::hasFeature(Feature feature) const
{
    return d->open && (d->features.load() & (1u << int(feature)));
}

QueryBuilder SqlDataSource::from(QAnyStringView table)
{
    return QueryBuilder(detail::SourceHandle(this), table);
}

SchemaBuilder SqlDataSource::schema()
{
    return SchemaBuilder(this);
}

std::weak_ptr<SqlDataSourcePrivate> SqlDataSourcePrivate::handle(const SqlDataSource *source)
{
    return source ? source->d : std::weak_ptr<SqlDataSourcePrivate>();
}

Session SqlDataSourcePrivate::session(const detail::SourceHandle &handle)
{
    std::shared_ptr<TransactionPrivate> transaction;
    if (handle.fromTransaction) {
        transaction = handle.transaction.lock();
        if (transaction)
            transaction->requireOwnThread();
    }
    std::shared_ptr<SqlDataSourcePrivate> d = handle.source.lock();
    if (!d) {
        throw Error(ErrorCode::ConnectionNotOpen,
                    QStringLiteral("The data source of this query no longer exists"));
    }
    if (!d->open)
        throw notOpen(*d);
    requireOwnerThreadForSingleConnection(*d);
    ThreadConnections::Entry *entry = t_connections.find(d);
    const quint64 generation = d->generation;
    if (entry && entry->connection->generation() != generation) {
        t_connections.remove(d); // made before the last open(): made again
        entry = nullptr;
    }
    detail::Connection *connection = entry ? entry->connection.get() : nullptr;
    if (!connection) {
        connection = t_connections.add(
                d, std::make_unique<detail::Connection>(d, d->options, d->adopted, generation));
    } else if (!connection->levels.empty()) {
        connection->rollbackAbandoned();
    }
    if (handle.fromTransaction && (!transaction || transaction->level->connection != connection)) {
        throw Error(ErrorCode::TransactionNotActive,
                    QStringLiteral("The transaction this query was made from has ended: run it on the "
                                   "data source, or in a transaction of its own"));
    }
    return Session(std::move(d), connection);
}

void SqlDataSourcePrivate::markLost()
{
    lost = true;
    open = false;
}

void SqlDataSourcePrivate::closeThreadConnection()
{
    t_connections.remove(shared_from_this());
}

} // namespace Hy
