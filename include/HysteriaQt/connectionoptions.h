// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_CONNECTIONOPTIONS_H
#define HYSTERIAQT_CONNECTIONOPTIONS_H

#include <QtCore/QString>

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
};

} // namespace Hy

#endif // HYSTERIAQT_CONNECTIONOPTIONS_H
