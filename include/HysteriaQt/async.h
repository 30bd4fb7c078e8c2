// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_ASYNC_H
#define HYSTERIAQT_ASYNC_H

#include <HysteriaQt/error.h>
#include <HysteriaQt/hysteriaqt_global.h>
#include <HysteriaQt/sqldatasource.h>
#include <HysteriaQt/detail/asynccall.h>

#include <QtCore/QFuture>
#include <QtCore/QFutureWatcher>
#include <QtCore/QObject>

#include <concepts>
#include <exception>
#include <type_traits>
#include <utility>

namespace Hy {

// Calls `onResult` with the result of `future` (moved out of it: model lists
// cannot be copied) in `context`'s thread once the future has finished, or
// `onError` with the error it holds; neither when `context` is destroyed
// first. The continuation for SqlDataSource::async():
//
//     Hy::onFinished(sql.async([](Hy::SqlDataSource &sql) { return sql.from<User>().many(); }),
//                    this, [this](Hy::ModelList<User> users) { show(users); },
//                    [this](const Hy::Error &error) { report(error); });
//
// QFuture::then(context, ...) does the same for copyable results, but on
// Qt 6.4 neither takes a model list nor survives its context's destruction
// (an assertion in debug builds). A future cancelled before its work ran (its
// data source was destroyed, or the application cancelled it) reaches
// `onError` as CONNECTION_NOT_OPEN. Without `onError`, errors are logged to
// hysteria.sql; so is an exception that is not a Hy::Error. Call it from
// `context`'s thread.
template <typename T, typename OnResult, typename OnError = std::nullptr_t>
void onFinished(const QFuture<T> &future, QObject *context, OnResult onResult, OnError onError = nullptr)
{
    if constexpr (std::is_void_v<T>) {
        static_assert(std::invocable<OnResult &>, "HysteriaQt: the result callback of a QFuture<void> takes nothing");
    } else {
        static_assert(std::invocable<OnResult &, T>,
                      "HysteriaQt: the result callback takes the future's result type, by value");
    }
    static_assert(std::is_null_pointer_v<OnError> || std::invocable<OnError &, const Error &>,
                  "HysteriaQt: the error callback takes a const Hy::Error &");

    auto *watcher = new QFutureWatcher<T>();
    watcher->moveToThread(context->thread());
    QObject::connect(context, &QObject::destroyed, watcher, &QObject::deleteLater);
    // Dropped with `context`: a connection to a destroyed receiver is gone.
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, onResult = std::move(onResult), onError = std::move(onError)]() mutable {
                         watcher->deleteLater();
                         QFuture<T> done = watcher->future();
                         try {
                             done.waitForFinished(); // throws the error the work threw, if any
                             if constexpr (std::is_void_v<T>) {
                                 if (done.isCanceled())
                                     throw Error(ErrorCode::ConnectionNotOpen, detail::cancelledMessage());
                                 onResult();
                             } else {
                                 if (done.resultCount() == 0)
                                     throw Error(ErrorCode::ConnectionNotOpen, detail::cancelledMessage());
                                 onResult(done.takeResult());
                             }
                         } catch (const Error &error) {
                             if constexpr (std::is_null_pointer_v<OnError>)
                                 detail::reportUnhandledAsyncError(std::current_exception());
                             else
                                 onError(error);
                         } catch (...) {
                             detail::reportUnhandledAsyncError(std::current_exception());
                         }
                     });
    watcher->setFuture(future);
}

} // namespace Hy

// SqlDataSource::async(), declared with the data source.
template <typename Work>
auto Hy::SqlDataSource::async(Work &&work)
{
    using Callable = std::decay_t<Work>;
    static_assert(std::invocable<Callable &, SqlDataSource &>,
                  "HysteriaQt: async work is callable as work(Hy::SqlDataSource &)");
    using Result = std::remove_cvref_t<std::invoke_result_t<Callable &, SqlDataSource &>>;
    auto job = std::make_unique<detail::AsyncCall<Callable, Result>>(std::forward<Work>(work));
    QFuture<Result> future = job->future();
    enqueue(std::move(job));
    return future;
}

#endif // HYSTERIAQT_ASYNC_H
