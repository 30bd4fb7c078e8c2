// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_ASYNCWORKER_P_H
#define HYSTERIAQT_ASYNCWORKER_P_H

#include <HysteriaQt/detail/asynccall.h>

#include <QtCore/QMutex>
#include <QtCore/QThread>
#include <QtCore/QWaitCondition>

#include <deque>
#include <memory>

namespace Hy {
class SqlDataSource;
}

namespace Hy::detail {

// The thread SqlDataSource::async() runs its works on, one at a time in the
// order they came. It is an ordinary user of the data source: the first work
// makes its connection (see ThreadConnections), which goes when the thread
// ends. Started on the first work, ended with the data source.
class AsyncWorker
{
public:
    explicit AsyncWorker(SqlDataSource *source);
    // Drops the works still queued (their futures are cancelled) and waits
    // for the running one.
    ~AsyncWorker();
    AsyncWorker(const AsyncWorker &) = delete;
    AsyncWorker &operator=(const AsyncWorker &) = delete;

    // From any thread.
    void enqueue(std::unique_ptr<AsyncJob> job);

private:
    void runJobs();

    SqlDataSource *m_source;
    QMutex m_mutex;
    QWaitCondition m_ready;
    std::deque<std::unique_ptr<AsyncJob>> m_jobs;
    bool m_stopping = false;
    std::unique_ptr<QThread> m_thread;
};

} // namespace Hy::detail

#endif // HYSTERIAQT_ASYNCWORKER_P_H
