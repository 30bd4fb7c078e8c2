// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_CONNECTIONOPTIONS_H
#define HYSTERIAQT_CONNECTIONOPTIONS_H

#include <QtCore/QString>

#include <chrono>

namespace Hy {

// Where Hy::SqlDataSource connects to:
//     Hy::SqlDataSource sql({.driver = "QPSQL", .database = "app", .host = "localhost",
//                            .user = "app", .password = secret});
struct ConnectionOptions
{
    // A QtSql driver: "QSQLITE" (the default), "QPSQL", "QMYSQL" or "QMARIADB".
    QString driver = QStringLiteral("QSQLITE");
    // SQLite: a file path, or ":memory:". Otherwise the database name.
    QString database = {};
    QString host = {};
    int port = -1;
    QString user = {};
    QString password = {};
    // Passed to QSqlDatabase::setConnectOptions(), before HysteriaQt's own.
    QString connectOptions = {};
    // How long open() waits for the server to answer (PostgreSQL, MariaDB and
    // MySQL; rounded up to whole seconds, the drivers' unit). Zero waits as
    // long as the operating system does.
    std::chrono::milliseconds connectTimeout = std::chrono::seconds(10);
    // How long one statement may take, from sending it until its result is
    // in; zero (the default) sets no limit. Past it the statement fails with
    // QueryTimeout: cancelled by the server where the server still answers,
    // otherwise by closing the connection (see docs/sqldatasource.md). On
    // SQLite it bounds the wait for another connection's lock.
    std::chrono::milliseconds statementTimeout = {};
};

} // namespace Hy

#endif // HYSTERIAQT_CONNECTIONOPTIONS_H
