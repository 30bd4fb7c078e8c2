// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_SQLDATASOURCE_P_H
#define HYSTERIAQT_SQLDATASOURCE_P_H

#include "exec/asyncworker_p.h"
#include "exec/connection_p.h"

#include <HysteriaQt/sqldatasource.h>
#include <HysteriaQt/detail/sourcehandle.h>

#include <QtCore/QMutex>
#include <QtCore/QThread>

#include <atomic>
#include <memory>
#include <optional>

namespace Hy {

// The calling thread's connection of a data source, for one operation: it
// keeps the data source's state alive while the operation runs, even if the
// SqlDataSource is destroyed meanwhile in another thread.
class Session
{
public:
    Session(std::shared_ptr<SqlDataSourcePrivate> owner, detail::Connection *connection)
        : m_owner(std::move(owner)), m_connection(connection)
    {
    }
    detail::Connection *operator->() const { return m_connection; }
    detail::Connection *connection() const { return m_connection; }

private:
    std::shared_ptr<SqlDataSourcePrivate> m_owner;
    detail::Connection *m_connection;
};

// What a data source, its builders and its connections share. The
// SqlDataSource owns it; builders hold it weakly, so that one outliving its
// data source (in a QML model, a lambda, another thread) throws
// ConnectionNotOpen instead of dangling; an operation holds it while it runs.
//
// Each thread that uses the data source gets a connection of its own, made
// on first use with the data source's options and owned by that thread: it
// is closed and removed when the thread ends, or when the thread next uses
// the data source after close() or open(), or destroys it. An adopted
// connection is the application's, and stays in its thread.
class SqlDataSourcePrivate : public std::enable_shared_from_this<SqlDataSourcePrivate>
{
public:
    // Where every operation starts: the calling thread's connection, made
    // now if it has none. Throws ConnectionNotOpen when the data source no
    // longer exists, is not open or lost its connection; WrongThread for an
    // adopted connection (or an in-memory SQLite database, which lives in one
    // connection) used from another thread than its own. Those checks read
    // nothing but atomics, so a refused call touches nothing.
    //
    // For a handle made from a transaction: throws WrongThread in another
    // thread than the transaction's, TransactionNotActive once it has ended.
    static Session session(const detail::SourceHandle &handle);
    static std::weak_ptr<SqlDataSourcePrivate> handle(const SqlDataSource *source);

    // A connection found lost closes the data source.
    void markLost();
    // Closes the calling thread's connection to this data source, if it has one.
    void closeThreadConnection();

    ConnectionOptions options;
    // The application's connection, for an adopted one.
    std::optional<QString> adopted;
    std::atomic<bool> open = false;
    std::atomic<bool> lost = false;
    std::atomic<QThread *> ownerThread = nullptr;
    // open() starts a new generation; connections of an earlier one are
    // remade on their next use.
    std::atomic<quint64> generation = 0;
    // Of the connection open() made, for databaseType() and hasFeature()
    // from any thread.
    std::atomic<int> databaseType = 0;
    std::atomic<quint32> features = 0;

    std::shared_ptr<detail::QueryObservers> observers = std::make_shared<detail::QueryObservers>();

    // SqlDataSource::async()'s thread, made on first use.
    QMutex workerMutex;
    std::unique_ptr<detail::AsyncWorker> worker;
};

} // namespace Hy

#endif // HYSTERIAQT_SQLDATASOURCE_P_H
