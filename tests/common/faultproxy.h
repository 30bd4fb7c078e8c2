// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_FAULTPROXY_H
#define HYSTERIAQT_FAULTPROXY_H

// A TCP proxy on loopback between the library and a real database server,
// that the tests tell to fail: cut every connection (a server that died), or
// hold every byte (a server that froze, or a network that went silent).
// It injects the faults of a killed or stopped server without touching the
// shared servers the other suites run on at the same time.

#include <QtCore/QString>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace HyTest {

class FaultProxy
{
public:
    enum class Mode {
        Forward, // pass bytes both ways
        Freeze,  // accept connections, pass nothing: a server that stopped answering
    };

    // Listens on 127.0.0.1, on a free port, forwarding to host:port.
    FaultProxy(const QString &host, int port);
    ~FaultProxy();
    FaultProxy(const FaultProxy &) = delete;
    FaultProxy &operator=(const FaultProxy &) = delete;

    int port() const { return m_port; }
    void setMode(Mode mode) { m_mode = mode; }
    // Closes every connection made so far, as a server that died does.
    void cutConnections();

private:
    struct Link
    {
        int client;
        int server; // -1 until connected
    };
    void run();
    void closeLink(Link &link);

    int m_listener = -1;
    int m_port = 0;
    int m_wakeup[2] = {-1, -1};
    QString m_host;
    int m_serverPort;
    std::atomic<Mode> m_mode = Mode::Forward;
    std::atomic<bool> m_stopping = false;
    std::atomic<bool> m_cut = false;
    std::vector<Link> m_links;
    std::thread m_thread;
};

} // namespace HyTest

#endif // HYSTERIAQT_FAULTPROXY_H
