// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "faultproxy.h"

#include <QtCore/QtGlobal>

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>

namespace HyTest {

FaultProxy::FaultProxy(const QString &host, int port) : m_host(host), m_serverPort(port)
{
    m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
    int yes = 1;
    ::setsockopt(m_listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    if (::bind(m_listener, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0
        || ::listen(m_listener, 16) != 0 || ::pipe(m_wakeup) != 0) {
        qFatal("FaultProxy: cannot listen: %s", std::strerror(errno));
    }
    socklen_t length = sizeof address;
    ::getsockname(m_listener, reinterpret_cast<sockaddr *>(&address), &length);
    m_port = ntohs(address.sin_port);
    m_thread = std::thread([this] { run(); });
}

FaultProxy::~FaultProxy()
{
    m_stopping = true;
    const char byte = 0;
    [[maybe_unused]] const auto written = ::write(m_wakeup[1], &byte, 1);
    m_thread.join();
    for (Link &link : m_links)
        closeLink(link);
    ::close(m_listener);
    ::close(m_wakeup[0]);
    ::close(m_wakeup[1]);
}

void FaultProxy::cutConnections()
{
    m_cut = true;
    const char byte = 0;
    [[maybe_unused]] const auto written = ::write(m_wakeup[1], &byte, 1);
    // Wait until the proxy's thread has done it.
    while (m_cut)
        std::this_thread::yield();
}

void FaultProxy::closeLink(Link &link)
{
    if (link.client >= 0)
        ::close(link.client);
    if (link.server >= 0)
        ::close(link.server);
    link.client = link.server = -1;
}

void FaultProxy::run()
{
    char buffer[65536];
    while (!m_stopping) {
        if (m_cut) {
            for (Link &link : m_links)
                closeLink(link);
            m_links.clear();
            m_cut = false;
        }
        std::vector<pollfd> fds{{m_listener, POLLIN, 0}, {m_wakeup[0], POLLIN, 0}};
        const bool forward = m_mode == Mode::Forward;
        for (const Link &link : m_links) {
            fds.push_back({link.client, short(forward ? POLLIN : 0), 0});
            fds.push_back({link.server, short(forward ? POLLIN : 0), 0});
        }
        if (::poll(fds.data(), nfds_t(fds.size()), 100) < 0)
            continue;
        if (fds[1].revents & POLLIN) {
            char drain[16];
            [[maybe_unused]] const auto read = ::read(m_wakeup[0], drain, sizeof drain);
        }
        if (fds[0].revents & POLLIN) {
            const int client = ::accept(m_listener, nullptr, nullptr);
            if (client >= 0) {
                const int server = ::socket(AF_INET, SOCK_STREAM, 0);
                sockaddr_in address{};
                address.sin_family = AF_INET;
                address.sin_port = htons(quint16(m_serverPort));
                ::inet_pton(AF_INET, m_host.toLatin1().constData(), &address.sin_addr);
                if (::connect(server, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
                    ::close(server);
                    ::close(client);
                } else {
                    m_links.push_back({client, server});
                }
            }
        }
        if (!forward)
            continue;
        // The links polled above; one accepted just now waits for the next round.
        const std::size_t polled = (fds.size() - 2) / 2;
        for (std::size_t i = 0; i < polled; ++i) {
            Link &link = m_links[i];
            const pollfd &fromClient = fds[2 + 2 * i];
            const pollfd &fromServer = fds[3 + 2 * i];
            auto pass = [&](int from, int to) {
                const auto n = ::read(from, buffer, sizeof buffer);
                if (n <= 0)
                    return false;
                for (ssize_t sent = 0; sent < n;) {
                    const auto w = ::write(to, buffer + sent, std::size_t(n - sent));
                    if (w <= 0)
                        return false;
                    sent += w;
                }
                return true;
            };
            bool alive = true;
            if (fromClient.revents & (POLLIN | POLLHUP | POLLERR))
                alive = pass(link.client, link.server);
            if (alive && (fromServer.revents & (POLLIN | POLLHUP | POLLERR)))
                alive = pass(link.server, link.client);
            if (!alive)
                closeLink(link);
        }
        std::erase_if(m_links, [](const Link &link) { return link.client < 0; });
    }
}

} // namespace HyTest
