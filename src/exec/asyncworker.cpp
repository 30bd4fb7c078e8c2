// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "exec/asyncworker_p.h"

#include "core/logging_p.h"

#include <HysteriaQt/error.h>

#include <QtCore/QCoreApplication>

namespace Hy::detail {

AsyncJob::~AsyncJob() = default;

namespace {
// The calling thread's AskingThread, ended as the thread exits.
struct ThreadEnd
{
    std::shared_ptr<AskingThread> asking;
    QMetaObject::Connection finished;
    ~ThreadEnd()
    {
        // An adopted thread (std::thread...) is deleted by Qt after its
        // thread_local objects, and not at all while a connection to it is
        // left: let go of it first. (A QThread deleted meanwhile took the
        // connection along, and this does nothing.)
        QObject::disconnect(finished);
        if (asking)
            asking->end();
    }
};
thread_local ThreadEnd t_threadEnd;
} // namespace

std::shared_ptr<AskingThread> AskingThread::current()
{
    if (t_threadEnd.asking)
        return t_threadEnd.asking;
    QThread *thread = QThread::currentThread();
    auto asking = std::make_shared<AskingThread>(thread);
    // A QThread may be deleted once it has finished, before its thread_local
    // objects are destroyed: the thread emits finished() itself, adopted
    // threads (std::thread...) included, before Qt lets go of the QThread.
    // The main thread ends with the program.
    if (!QCoreApplication::instance() || thread != QCoreApplication::instance()->thread()) {
        t_threadEnd.finished = QObject::connect(
                thread, &QThread::finished, thread,
                [ended = std::weak_ptr<AskingThread>(asking)] {
                    if (const auto asking = ended.lock())
                        asking->end();
                },
                Qt::DirectConnection);
    }
    t_threadEnd.asking = asking;
    return asking;
}

void AskingThread::end()
{
    QMutexLocker locker(&m_mutex);
    m_thread = nullptr;
}

void reportUnhandledAsyncError(std::exception_ptr error)
{
    try {
        std::rethrow_exception(error);
    } catch (const std::exception &exception) {
        qCWarning(lcSql) << "Unhandled error of asynchronous work:" << exception.what();
    } catch (...) {
        qCWarning(lcSql) << "Unhandled error of asynchronous work";
    }
}

QString cancelledMessage()
{
    return QStringLiteral("The work was cancelled before it ran: its data source was destroyed, or its "
                          "future cancelled");
}

AsyncWorker::AsyncWorker(SqlDataSource *source) : m_source(source) {}

AsyncWorker::~AsyncWorker()
{
    std::deque<std::unique_ptr<AsyncJob>> dropped;
    {
        QMutexLocker locker(&m_mutex);
        m_stopping = true;
        dropped.swap(m_jobs);
        m_ready.wakeAll();
    }
    dropped.clear(); // outside the lock: a QPromise destroyed unfinished cancels its future
    if (m_thread) {
        Q_ASSERT_X(QThread::currentThread() != m_thread.get(), "AsyncWorker",
                   "a data source destroyed by its own asynchronous work");
        m_thread->wait();
    }
}

void AsyncWorker::enqueue(std::unique_ptr<AsyncJob> job)
{
    QMutexLocker locker(&m_mutex);
    if (m_stopping)
        return; // the data source is going: the job's future is cancelled
    m_jobs.push_back(std::move(job));
    if (!m_thread) {
        m_thread.reset(QThread::create([this] { runJobs(); }));
        m_thread->setObjectName(QStringLiteral("HysteriaQt async"));
        m_thread->start();
    }
    m_ready.wakeOne();
}

void AsyncWorker::runJobs()
{
    for (;;) {
        std::unique_ptr<AsyncJob> job;
        {
            QMutexLocker locker(&m_mutex);
            while (m_jobs.empty() && !m_stopping)
                m_ready.wait(&m_mutex);
            if (m_stopping)
                return;
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        // The job catches what its work throws, into its future.
        job->run(*m_source);
    }
}

} // namespace Hy::detail
