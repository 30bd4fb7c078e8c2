// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "exec/statementdeadline_p.h"

#include <QtCore/qsystemdetection.h>

#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#ifdef Q_OS_WIN
#  include <winsock2.h>
#else
#  include <sys/socket.h>
#  include <unistd.h>
#endif

namespace Hy::detail {

namespace {
using Clock = std::chrono::steady_clock;

class Watchdog
{
public:
    static Watchdog &instance()
    {
        static Watchdog watchdog;
        return watchdog;
    }

    ~Watchdog()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_one();
        if (m_thread.joinable())
            m_thread.join();
    }

    std::uint64_t arm(int socket, Clock::time_point deadline)
    {
        std::lock_guard lock(m_mutex);
        if (!m_thread.joinable())
            m_thread = std::thread([this] { run(); });
        const std::uint64_t id = ++m_lastId;
        m_entries.emplace(id, Entry{socket, deadline, false});
        m_wake.notify_one();
        return id;
    }

    void disarm(std::uint64_t id)
    {
        std::lock_guard lock(m_mutex);
        m_entries.erase(id);
    }

    bool expired(std::uint64_t id)
    {
        std::lock_guard lock(m_mutex);
        const auto found = m_entries.find(id);
        return found != m_entries.end() && found->second.expired;
    }

private:
    struct Entry
    {
        int socket;
        Clock::time_point deadline;
        bool expired;
    };

    void run()
    {
        std::unique_lock lock(m_mutex);
        while (!m_stopping) {
            auto next = Clock::time_point::max();
            const auto now = Clock::now();
            for (auto &[id, entry] : m_entries) {
                if (entry.expired)
                    continue;
                if (entry.deadline <= now) {
                    // Under the lock: the owner cannot have disarmed it and
                    // moved on to another statement on the same socket.
                    // Shutting the socket (not closing a descriptor) ends
                    // the connection for every descriptor of it, the
                    // driver's included.
#ifdef Q_OS_WIN
                    ::shutdown(SOCKET(entry.socket), SD_BOTH);
#else
                    ::shutdown(entry.socket, SHUT_RDWR);
#endif
                    entry.expired = true;
                } else if (entry.deadline < next) {
                    next = entry.deadline;
                }
            }
            if (next == Clock::time_point::max())
                m_wake.wait(lock);
            else
                m_wake.wait_until(lock, next);
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::map<std::uint64_t, Entry> m_entries;
    std::uint64_t m_lastId = 0;
    bool m_stopping = false;
    std::thread m_thread;
};
} // namespace

namespace {
int ownDescriptor(int socket)
{
#ifdef Q_OS_WIN
    return socket; // a SOCKET is not a descriptor to duplicate cheaply
#else
    return ::dup(socket);
#endif
}
} // namespace

StatementDeadline::StatementDeadline(int socket, std::chrono::milliseconds timeout)
    : m_socket(ownDescriptor(socket)), m_id(Watchdog::instance().arm(m_socket, Clock::now() + timeout))
{
}

StatementDeadline::~StatementDeadline()
{
    Watchdog::instance().disarm(m_id);
#ifndef Q_OS_WIN
    if (m_socket >= 0)
        ::close(m_socket);
#endif
}

bool StatementDeadline::expired() const
{
    return Watchdog::instance().expired(m_id);
}

} // namespace Hy::detail
