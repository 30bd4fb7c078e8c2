// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_DETAIL_ASYNCCALL_H
#define HYSTERIAQT_DETAIL_ASYNCCALL_H

// Not public API: the work SqlDataSource::async() queues for its worker.

#include <HysteriaQt/hysteriaqt_global.h>

#include <QtCore/QFuture>
#include <QtCore/QMutex>
#include <QtCore/QObject>
#include <QtCore/QPromise>
#include <QtCore/QString>
#include <QtCore/QThread>

#include <concepts>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

namespace Hy {
class Model;
class SqlDataSource;
}

namespace Hy::detail {

// A queued piece of work. Destroyed without having run (its data source went
// first), it cancels its future.
class HYSTERIAQT_EXPORT AsyncJob
{
public:
    virtual ~AsyncJob();
    virtual void run(SqlDataSource &source) = 0;
};

template <typename T>
struct IsStdVector : std::false_type
{
};
template <typename T, typename A>
struct IsStdVector<std::vector<T, A>> : std::true_type
{
};
template <typename T>
struct IsStdOptional : std::false_type
{
};
template <typename T>
struct IsStdOptional<std::optional<T>> : std::true_type
{
};

// Hands the models in a result over to `thread`, the one that asked for it:
// a model made in the worker would otherwise live there, where nothing runs
// its events. Models are the QObjects a result owns: a std::unique_ptr or
// std::shared_ptr to one, in a std::vector or a std::optional, as queries
// return them.
// A model and the models of the relations it loaded, to `thread`.
HYSTERIAQT_EXPORT void moveModelToThread(Model *model, QThread *thread);

template <typename T>
void moveResultToThread(T &value, QThread *thread)
{
    if constexpr (IsStdVector<T>::value) {
        for (auto &element : value)
            moveResultToThread(element, thread);
    } else if constexpr (IsStdOptional<T>::value) {
        if (value)
            moveResultToThread(*value, thread);
    } else if constexpr (requires { moveModelToThread(value.get(), thread); }) {
        if (value)
            moveModelToThread(value.get(), thread); // with the relations it loaded
    } else if constexpr (requires { value.get()->moveToThread(thread); }) {
        if (value && value->thread() != thread)
            value->moveToThread(thread);
    }
}

// The thread that asked for a result, for as long as it runs. A thread can
// end before its result is ready (a std::thread joined, a QThread finished
// and deleted), and a QThread that has ended may be gone: models must not be
// moved to it.
class HYSTERIAQT_EXPORT AskingThread
{
public:
    // The calling thread's, made on its first call, ended with the thread.
    static std::shared_ptr<AskingThread> current();

    explicit AskingThread(QThread *thread) : m_thread(thread) {}
    AskingThread(const AskingThread &) = delete;
    AskingThread &operator=(const AskingThread &) = delete;

    // Calls `handOver` with the thread, which cannot end meanwhile, or with
    // nullptr when it has ended.
    template <typename HandOver>
    void whileRunning(HandOver &&handOver)
    {
        QMutexLocker locker(&m_mutex);
        std::forward<HandOver>(handOver)(m_thread);
    }
    // Called by the thread as it ends.
    void end();

private:
    QMutex m_mutex;
    QThread *m_thread;
};

template <typename Work, typename Result>
class AsyncCall final : public AsyncJob
{
public:
    explicit AsyncCall(Work work) : m_work(std::move(work)), m_asker(AskingThread::current())
    {
        // Started from the moment it is queued: a QFuture waits only for
        // work that is running or pending, and takeResult() on one that is
        // neither reads a result that is not there.
        m_promise.start();
    }

    QFuture<Result> future() { return m_promise.future(); }

    void run(SqlDataSource &source) override
    {
        // Cancelled by the application before its turn came.
        if (!m_promise.isCanceled()) {
            try {
                if constexpr (std::is_void_v<Result>) {
                    std::invoke(m_work, source);
                } else {
                    Result result = std::invoke(m_work, source);
                    // To the asking thread; to no thread when it has ended,
                    // so that the one taking the result can pull them in.
                    m_asker->whileRunning([&](QThread *thread) { moveResultToThread(result, thread); });
                    m_promise.addResult(std::move(result));
                }
            } catch (...) {
                m_promise.setException(std::current_exception());
            }
        }
        m_promise.finish();
    }

private:
    Work m_work;
    std::shared_ptr<AskingThread> m_asker;
    QPromise<Result> m_promise;
};

// Logs an error no one was given to handle (Hy::onFinished() without an
// error callback, or an exception that is not a Hy::Error).
HYSTERIAQT_EXPORT void reportUnhandledAsyncError(std::exception_ptr error);
// What a cancelled future reports.
HYSTERIAQT_EXPORT QString cancelledMessage();

} // namespace Hy::detail

#endif // HYSTERIAQT_DETAIL_ASYNCCALL_H
