// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_PREPAREDSTATEMENT_P_H
#define HYSTERIAQT_PREPAREDSTATEMENT_P_H

#include "exec/sqlitestatement_p.h"

#include <QtCore/QStringList>
#include <QtSql/QSqlQuery>

#include <memory>

namespace Hy::detail {

class Connection;

// A statement prepared on a connection, to execute once or for every chunk
// of a batch (Connection::execPrepared()) and read forward: on SQLite,
// SQLite's own statement where HysteriaQt reaches the library (see
// SqliteApi), a QSqlQuery otherwise. Made by Connection::prepare(), used by
// the thread of its connection only, and let go (under the statement
// deadline, see Connection::release()) when destroyed.
class PreparedStatement
{
public:
    PreparedStatement(PreparedStatement &&other) noexcept;
    PreparedStatement &operator=(PreparedStatement &&) = delete;
    PreparedStatement(const PreparedStatement &) = delete;
    PreparedStatement &operator=(const PreparedStatement &) = delete;
    ~PreparedStatement();

    QString sql() const { return m_sql; }

    // The next row of the result; false after the last. A failure while
    // reading (a lock held too long, a lost connection) throws.
    bool next();
    // A column of the current row, as the Qt driver would give it.
    QVariant value(int column) const;
    QStringList fieldNames() const;
    // The number of rows, where the driver knows it before they are read; else -1.
    qsizetype size() const;
    qint64 rowsAffected() const;
    QVariant lastInsertId() const;
    // Lets go of the result, keeping the statement prepared.
    void finish();

private:
    friend class Connection;
    PreparedStatement(const Connection *connection, const QString &sql) : m_connection(connection), m_sql(sql) {}

    const Connection *m_connection;
    QString m_sql;
    std::unique_ptr<SqliteStatement> m_native; // or:
    QSqlQuery m_query;
};

} // namespace Hy::detail

#endif // HYSTERIAQT_PREPAREDSTATEMENT_P_H
