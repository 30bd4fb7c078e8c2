// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_STATEMENTDEADLINE_P_H
#define HYSTERIAQT_STATEMENTDEADLINE_P_H

#include <chrono>
#include <cstdint>

namespace Hy::detail {

// A client-side limit on waiting for the server: unless destroyed within
// `timeout`, it shuts the connection's socket down, so that a driver blocked
// on a server that no longer answers at all (stopped, or cut off by the
// network) returns with an error instead of waiting for ever. The connection
// is lost then. One thread per process keeps the watch, for every deadline.
class StatementDeadline
{
public:
    StatementDeadline(int socket, std::chrono::milliseconds timeout);
    ~StatementDeadline();
    StatementDeadline(const StatementDeadline &) = delete;
    StatementDeadline &operator=(const StatementDeadline &) = delete;

    // Whether the socket was shut because the deadline passed.
    bool expired() const;

private:
    // A descriptor of our own for the socket: the driver may close its own
    // (the server hung up) while the deadline is armed, and its number be
    // reused by another socket, which must not be shut.
    int m_socket;
    std::uint64_t m_id;
};

} // namespace Hy::detail

#endif // HYSTERIAQT_STATEMENTDEADLINE_P_H
