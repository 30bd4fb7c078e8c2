// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_TESTTHREADS_H
#define HYSTERIAQT_TESTTHREADS_H

#include <HysteriaQt/Error>

#include <QtCore/QThread>

#include <functional>
#include <memory>
#include <optional>

namespace HyTest {

// Runs `work` in a thread of its own and waits for it; an error it throws
// comes back as its code.
inline std::optional<Hy::ErrorCode> inThread(const std::function<void()> &work)
{
    std::optional<Hy::ErrorCode> code;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        try {
            work();
        } catch (const Hy::Error &error) {
            code = error.code();
        }
    }));
    thread->start();
    if (!thread->wait(60000))
        qFatal("a thread did not end");
    return code;
}

} // namespace HyTest

#endif // HYSTERIAQT_TESTTHREADS_H
