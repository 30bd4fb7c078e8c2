// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "sql/libpq_p.h"

#include <QtCore/QVariant>
#include <QtSql/QSqlDriver>

#ifdef Q_OS_WIN
#  include <qt_windows.h>
#else
#  include <dlfcn.h>
#endif

namespace Hy::detail {

namespace {
// The libpq that is already loaded (by the QPSQL plugin), never another
// copy: QPSQL's connection handed to a libpq of another version would be
// undefined behaviour.
void *loadedSymbol(const char *name)
{
#ifdef Q_OS_WIN
    HMODULE module = GetModuleHandleW(L"libpq.dll");
    return module ? reinterpret_cast<void *>(GetProcAddress(module, name)) : nullptr;
#else
    for (const char *file : {"libpq.so.5", "libpq.5.dylib", "libpq.dylib", "libpq.so"}) {
        if (void *library = dlopen(file, RTLD_NOW | RTLD_NOLOAD)) {
            void *symbol = dlsym(library, name);
            dlclose(library); // drops the reference RTLD_NOLOAD took, not the library
            if (symbol)
                return symbol;
        }
    }
    return nullptr;
#endif
}
} // namespace

const LibPq *LibPq::instance()
{
    // Called with a QPSQL connection open, so libpq is loaded by now unless
    // the plugin has it linked in; then it stays not found.
    static const LibPq *const api = []() -> const LibPq * {
        // Makes HysteriaQt ask the server instead, as where libpq cannot be
        // found; the test suite runs that way too.
        if (qEnvironmentVariableIntValue("HYSTERIAQT_NO_LIBPQ") == 1)
            return nullptr;
        LibPq found;
        found.m_parameterStatus = reinterpret_cast<decltype(m_parameterStatus)>(loadedSymbol("PQparameterStatus"));
        found.m_transactionStatus =
                reinterpret_cast<decltype(m_transactionStatus)>(loadedSymbol("PQtransactionStatus"));
        found.m_socket = reinterpret_cast<decltype(m_socket)>(loadedSymbol("PQsocket"));
        if (!found.m_parameterStatus || !found.m_transactionStatus || !found.m_socket)
            return nullptr;
        return new LibPq(found); // lives as long as the program, like the library
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
