// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "sql/sqliteapi_p.h"

#include <QtCore/QHash>
#include <QtCore/QMetaObject>
#include <QtCore/QMutex>
#include <QtCore/QVariant>
#include <QtSql/QSqlDriver>

#ifndef Q_OS_WIN
#  include <dlfcn.h>
#endif

namespace Hy::detail {

template <typename Lookup>
bool SqliteApi::resolve(Lookup &&lookup)
{
    bool complete = true;
    auto bind = [&](auto &function, const char *name) {
        function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(lookup(name));
        complete = complete && function;
    };
    bind(prepare, "sqlite3_prepare_v2");
    bind(finalize, "sqlite3_finalize");
    bind(reset, "sqlite3_reset");
    bind(clearBindings, "sqlite3_clear_bindings");
    bind(step, "sqlite3_step");
    bind(parameterCount, "sqlite3_bind_parameter_count");
    bind(bindNull, "sqlite3_bind_null");
    bind(bindInt64, "sqlite3_bind_int64");
    bind(bindDouble, "sqlite3_bind_double");
    bind(bindText, "sqlite3_bind_text");
    bind(bindBlob, "sqlite3_bind_blob");
    bind(columnCount, "sqlite3_column_count");
    bind(columnName, "sqlite3_column_name");
    bind(columnType, "sqlite3_column_type");
    bind(columnInt64, "sqlite3_column_int64");
    bind(columnDouble, "sqlite3_column_double");
    bind(columnText, "sqlite3_column_text");
    bind(columnBlob, "sqlite3_column_blob");
    bind(columnBytes, "sqlite3_column_bytes");
    bind(changes, "sqlite3_changes");
    bind(lastInsertRowId, "sqlite3_last_insert_rowid");
    bind(extendedErrorCode, "sqlite3_extended_errcode");
    bind(errorMessage, "sqlite3_errmsg");
    bind(isReadOnly, "sqlite3_stmt_readonly");
    return complete;
}

const SqliteApi *SqliteApi::forDriver(const QSqlDriver *driver)
{
    if (!connection(driver))
        return nullptr;
    static const bool disabled = qEnvironmentVariableIntValue("HYSTERIAQT_NO_NATIVE_SQLITE") == 1;
    if (disabled)
        return nullptr;
#ifdef Q_OS_WIN
    // Qt's Windows plugin carries its own SQLite, whose symbols it does not export.
    return nullptr;
#else
    // The library the driver's class lives in: its plugin. Looked up from
    // there, a symbol is the plugin's own SQLite or that of a library it
    // links, the one its handle belongs to.
    Dl_info info{};
    if (!dladdr(driver->metaObject(), &info) || !info.dli_fname)
        return nullptr;
    static QMutex mutex;
    // By plugin; never destroyed, like the plugins, so that a data source
    // destroyed late at exit still finds its calls.
    static auto *const apis = new QHash<const void *, const SqliteApi *>;
    const QMutexLocker locker(&mutex);
    const auto found = apis->constFind(info.dli_fbase);
    if (found != apis->cend())
        return *found;
    const SqliteApi *api = nullptr;
    if (void *plugin = dlopen(info.dli_fname, RTLD_NOW | RTLD_NOLOAD)) {
        SqliteApi resolved;
        if (resolved.resolve([plugin](const char *name) { return dlsym(plugin, name); }))
            api = new SqliteApi(resolved);
        dlclose(plugin); // drops the reference RTLD_NOLOAD took, not the plugin
    }
    apis->insert(info.dli_fbase, api);
    return api;
#endif
}

void *SqliteApi::connection(const QSqlDriver *driver)
{
    if (!driver || driver->dbmsType() != QSqlDriver::SQLite || !driver->isOpen())
        return nullptr;
    // QSQLITE documents its handle as a QVariant holding a sqlite3*.
    const QVariant handle = driver->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<void *const *>(handle.constData());
}

} // namespace Hy::detail
