// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_LIBPQ_P_H
#define HYSTERIAQT_LIBPQ_P_H

#include <QtCore/QByteArray>

QT_BEGIN_NAMESPACE
class QSqlDriver;
QT_END_NAMESPACE

namespace Hy::detail {

// The few libpq calls HysteriaQt makes on QPSQL's connection, all of them
// answered from the client's own state, without a round trip. Resolved at run
// time from the libpq that the QPSQL plugin has already loaded, so that
// HysteriaQt neither links libpq nor needs its headers, and SQLite-only
// applications do not carry it.
class LibPq
{
public:
    enum class TransactionStatus { Idle, Active, InTransaction, InError, Unknown };

    // nullptr when libpq cannot be found; callers then ask the server instead.
    static const LibPq *instance();

    // The PGconn of a QPSQL driver, nullptr for another driver or a closed one.
    static void *connection(const QSqlDriver *driver);

    // A setting the server reports to the client whenever it changes
    // (standard_conforming_strings, client_encoding, server_encoding...).
    QByteArray parameterStatus(void *connection, const char *name) const;
    TransactionStatus transactionStatus(void *connection) const;
    int socket(void *connection) const;

private:
    LibPq() = default;

    const char *(*m_parameterStatus)(const void *, const char *) = nullptr;
    int (*m_transactionStatus)(const void *) = nullptr;
    int (*m_socket)(const void *) = nullptr;
};

} // namespace Hy::detail

#endif // HYSTERIAQT_LIBPQ_P_H
