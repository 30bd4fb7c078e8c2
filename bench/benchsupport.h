// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_BENCHSUPPORT_H
#define HYSTERIAQT_BENCHSUPPORT_H

// What the benchmarks share: medians, timing, raw queries that must work.

#include <QtCore/QElapsedTimer>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

#include <algorithm>
#include <functional>
#include <vector>

namespace HyBench {

inline double median(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    const std::size_t n = samples.size();
    return n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

// Milliseconds `work` took.
inline double time(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return double(timer.nsecsElapsed()) / 1e6;
}

inline void check(bool ok, const QSqlQuery &query)
{
    if (!ok)
        qFatal("%s: %s", qPrintable(query.lastQuery()), qPrintable(query.lastError().text()));
}

} // namespace HyBench

#endif // HYSTERIAQT_BENCHSUPPORT_H
