// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_BENCHSUPPORT_H
#define HYSTERIAQT_BENCHSUPPORT_H

// What the benchmarks share: medians, timing, raw queries that must work.

#include <HysteriaQt/SqlDataSource>

#include <QtCore/QElapsedTimer>
#include <QtCore/QRegularExpression>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

#ifdef Q_OS_UNIX
#  include <sys/resource.h>
#endif
#ifdef __GLIBC__
#  include <malloc.h>
#endif

#include <algorithm>
#include <functional>
#include <optional>
#include <vector>

namespace HyBench {

// A server named as for the tests, in `variable` as user:password@host:port.
inline std::optional<Hy::ConnectionOptions> serverOptions(const char *variable, const QString &driver)
{
    static const QRegularExpression form(QStringLiteral("^([^:]*):([^@]*)@(.*):(\\d+)$"));
    const QRegularExpressionMatch match = form.match(qEnvironmentVariable(variable));
    if (!match.hasMatch())
        return std::nullopt;
    Hy::ConnectionOptions options;
    options.driver = driver;
    options.user = match.captured(1);
    options.password = match.captured(2);
    options.host = match.captured(3);
    options.port = match.captured(4).toInt();
    options.database = driver == u"QPSQL" ? QStringLiteral("postgres") : QStringLiteral("mysql");
    return options;
}

// Calls run(name, sql) with each server configured (HYSTERIA_TEST_POSTGRES,
// HYSTERIA_TEST_MARIADB), opened.
template <typename Run>
void onEachServer(Run run)
{
    const std::pair<const char *, QString> servers[] = {{"HYSTERIA_TEST_POSTGRES", QStringLiteral("QPSQL")},
                                                        {"HYSTERIA_TEST_MARIADB", QStringLiteral("QMYSQL")}};
    for (const auto &[variable, driver] : servers) {
        if (const auto options = serverOptions(variable, driver)) {
            Hy::SqlDataSource sql(*options);
            sql.open();
            run(driver == u"QPSQL" ? QStringLiteral("PostgreSQL") : QStringLiteral("MariaDB"), sql);
        }
    }
}

inline double median(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    const std::size_t n = samples.size();
    return n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

// The page faults of the process so far: memory touched for the first time,
// or again after the allocator gave it back to the system.
inline long pageFaults()
{
#ifdef Q_OS_UNIX
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_minflt + usage.ru_majflt;
#else
    return 0;
#endif
}

// Milliseconds `work` took; its page faults are added to `*faults` when given.
inline double time(const std::function<void()> &work, std::vector<double> *faults = nullptr)
{
    const long faultsBefore = pageFaults();
    QElapsedTimer timer;
    timer.start();
    work();
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    if (faults)
        faults->push_back(double(pageFaults() - faultsBefore));
    return ms;
}

// Makes the allocator keep freed memory for reuse instead of giving it back
// to the system, as the heap of a long-running application mostly does.
// Where a page fault is costly (virtual machines: several microseconds, tens
// of times bare metal), the side that allocates more, the one building
// QObjects, pays for giving memory back and faulting it in again at every
// run; this shows the work without that. False where it cannot be done.
inline bool keepFreedMemory()
{
#ifdef __GLIBC__
    constexpr int Large = 1 << 30;
    return mallopt(M_TRIM_THRESHOLD, Large) == 1 && mallopt(M_MMAP_THRESHOLD, 32 << 20) == 1;
#else
    return false;
#endif
}

inline void check(bool ok, const QSqlQuery &query)
{
    if (!ok)
        qFatal("%s: %s", qPrintable(query.lastQuery()), qPrintable(query.lastError().text()));
}

} // namespace HyBench

#endif // HYSTERIAQT_BENCHSUPPORT_H
