// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_SQLITESTATEMENT_P_H
#define HYSTERIAQT_SQLITESTATEMENT_P_H

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlError>

namespace Hy::detail {

class SqliteApi;

// A statement prepared on a QSQLITE connection's own handle (see SqliteApi),
// behaving as QSQLITE's QSqlQuery does: the same values bound for the same
// QVariant types, the same QVariant types read, the same QSqlError (SQLite's
// extended result code as the native code), and the first row stepped to by
// exec(), so that a failing INSERT ... RETURNING fails there.
class SqliteStatement
{
public:
    // Prepares `sql` on `db`; on failure isValid() is false and lastError() says why.
    SqliteStatement(const SqliteApi *api, void *db, const QString &sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool isValid() const { return m_statement != nullptr; }
    QSqlError lastError() const { return m_error; }

    // Binds `values` (the types checkedBinding() lets through) and runs the
    // statement to its first row, or to its end.
    bool exec(const QVariantList &values);
    // The next row; false at the end, or on a failure (then lastError() is valid).
    bool next();
    // A column of the current row.
    QVariant value(int column) const;
    int columnCount() const;
    QString columnName(int column) const;
    // Whether the statement returns rows (a SELECT, or RETURNING).
    bool returnsRows() const { return columnCount() > 0; }
    qint64 rowsAffected() const;
    qint64 lastInsertId() const;
    // Lets go of the result and of the bound values; the statement can run again.
    void finish();

private:
    bool failed(int code, const QString &what);

    const SqliteApi *m_api;
    void *m_db;
    void *m_statement = nullptr;
    QSqlError m_error;
    QByteArray m_text; // the UTF-8 of bound text, alive until finish()
    enum class Cursor { OnFirstPending, OnRow, AtEnd } m_cursor = Cursor::AtEnd;
};

} // namespace Hy::detail

#endif // HYSTERIAQT_SQLITESTATEMENT_P_H
