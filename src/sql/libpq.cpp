// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "sql/libpq_p.h"

#include <QtCore/QLibrary>
#include <QtCore/QVariant>
#include <QtSql/QSqlDriver>

namespace Hy::detail {

const LibPq *LibPq::instance()
{
    static const LibPq *const api = []() -> const LibPq * {
        // Makes HysteriaQt ask the server instead, as where libpq cannot be
        // found; the test suite runs that way too.
        if (qEnvironmentVariableIntValue("HYSTERIAQT_NO_LIBPQ") == 1)
            return nullptr;
        // Loading bumps the reference count of the copy QPSQL uses; a library
        // that is never unloaded, like the plugin itself.
        const std::pair<const char *, int> names[] = {{"pq", 5}, {"pq", -1}, {"libpq", -1}};
        for (const auto &[name, version] : names) {
            QLibrary library(QString::fromLatin1(name), version);
            if (!library.load())
                continue;
            auto *found = new LibPq;
            found->m_parameterStatus = reinterpret_cast<decltype(m_parameterStatus)>(
                    library.resolve("PQparameterStatus"));
            found->m_transactionStatus = reinterpret_cast<decltype(m_transactionStatus)>(
                    library.resolve("PQtransactionStatus"));
            found->m_socket = reinterpret_cast<decltype(m_socket)>(library.resolve("PQsocket"));
            if (found->m_parameterStatus && found->m_transactionStatus && found->m_socket)
                return found;
            delete found;
        }
        return nullptr;
    }();
    return api;
}

void *LibPq::connection(const QSqlDriver *driver)
{
    if (!driver || driver->dbmsType() != QSqlDriver::PostgreSQL)
        return nullptr;
    // QPSQL documents its handle as a QVariant holding a PGconn*, whose
    // type name is that of the struct behind the typedef.
    const QVariant handle = driver->handle();
    if (!handle.isValid()
        || (qstrcmp(handle.typeName(), "PGconn*") != 0 && qstrcmp(handle.typeName(), "pg_conn*") != 0)) {
        return nullptr;
    }
    return *static_cast<void *const *>(handle.constData());
}

QByteArray LibPq::parameterStatus(void *connection, const char *name) const
{
    return connection ? QByteArray(m_parameterStatus(connection, name)) : QByteArray();
}

LibPq::TransactionStatus LibPq::transactionStatus(void *connection) const
{
    if (!connection)
        return TransactionStatus::Unknown;
    // PGTransactionStatusType: PQTRANS_IDLE, _ACTIVE, _INTRANS, _INERROR, _UNKNOWN.
    switch (m_transactionStatus(connection)) {
    case 0: return TransactionStatus::Idle;
    case 1: return TransactionStatus::Active;
    case 2: return TransactionStatus::InTransaction;
    case 3: return TransactionStatus::InError;
    default: return TransactionStatus::Unknown;
    }
}

int LibPq::socket(void *connection) const
{
    return connection ? m_socket(connection) : -1;
}

} // namespace Hy::detail
