// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_SQLITEAPI_P_H
#define HYSTERIAQT_SQLITEAPI_P_H

#include <QtCore/qglobal.h>

QT_BEGIN_NAMESPACE
class QSqlDriver;
QT_END_NAMESPACE

namespace Hy::detail {

// The SQLite calls HysteriaQt makes on a QSQLITE connection's own sqlite3
// handle, for the statements where QSqlQuery's per-value cost is most of
// the work (multi-row inserts, reading models): binding a value through
// QSqlQuery formats and hashes a placeholder name, and every row read is
// copied through a cache of QVariants.
//
// Resolved at run time from the SQLite the driver's plugin itself uses
// (found from the driver object, so a plugin with a bundled or a different
// SQLite, SQLCipher included, is never handed another library's handle), so
// that HysteriaQt neither links SQLite nor needs its headers. Where the
// plugin keeps SQLite's symbols hidden, there is no API and HysteriaQt goes
// through QSqlQuery, as it does with HYSTERIAQT_NO_NATIVE_SQLITE=1.
class SqliteApi
{
public:
    // Result codes and column types used here (sqlite3.h).
    enum : int { Ok = 0, Row = 100, Done = 101 };
    enum ColumnType : int { Integer = 1, Float = 2, Text = 3, Blob = 4, Null = 5 };

    // nullptr when the driver is not a SQLite one, is closed, or its SQLite
    // cannot be reached.
    static const SqliteApi *forDriver(const QSqlDriver *driver);
    // The driver's sqlite3 handle, nullptr when closed.
    static void *connection(const QSqlDriver *driver);

    int (*prepare)(void *db, const char *sql, int bytes, void **statement, const char **tail) = nullptr;
    int (*finalize)(void *statement) = nullptr;
    int (*reset)(void *statement) = nullptr;
    int (*clearBindings)(void *statement) = nullptr;
    int (*step)(void *statement) = nullptr;
    int (*parameterCount)(void *statement) = nullptr;
    int (*bindNull)(void *statement, int index) = nullptr;
    int (*bindInt64)(void *statement, int index, qint64 value) = nullptr;
    int (*bindDouble)(void *statement, int index, double value) = nullptr;
    int (*bindText)(void *statement, int index, const char *text, int bytes, void (*destructor)(void *)) = nullptr;
    int (*bindBlob)(void *statement, int index, const void *data, int bytes, void (*destructor)(void *)) = nullptr;
    int (*columnCount)(void *statement) = nullptr;
    const char *(*columnName)(void *statement, int column) = nullptr;
    int (*columnType)(void *statement, int column) = nullptr;
    qint64 (*columnInt64)(void *statement, int column) = nullptr;
    double (*columnDouble)(void *statement, int column) = nullptr;
    const unsigned char *(*columnText)(void *statement, int column) = nullptr;
    const void *(*columnBlob)(void *statement, int column) = nullptr;
    int (*columnBytes)(void *statement, int column) = nullptr;
    int (*changes)(void *db) = nullptr;
    qint64 (*lastInsertRowId)(void *db) = nullptr;
    int (*extendedErrorCode)(void *db) = nullptr;
    const char *(*errorMessage)(void *db) = nullptr;
    int (*isReadOnly)(void *statement) = nullptr;

private:
    SqliteApi() = default;
    // Resolves every call from `library`'s lookup; false if one is missing.
    template <typename Lookup>
    bool resolve(Lookup &&lookup);
};

} // namespace Hy::detail

#endif // HYSTERIAQT_SQLITEAPI_P_H
