// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_SQLSTATEMENT_H
#define HYSTERIAQT_SQLSTATEMENT_H

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QVariantList>

namespace Hy {

// SQL text with `?` placeholders and the values bound to them, in order, as a
// builder runs it. Values never appear in the text. toSql() gives these
// without running anything:
//
//     const Hy::SqlStatement select = sql.from<User>().where("isActive", true).toSql().many().front();
//     select.sql;       // SELECT ... FROM "users" WHERE "users"."is_active" = ?
//     select.bindings;  // {true}
struct SqlStatement
{
    QString sql;
    QVariantList bindings;

    friend bool operator==(const SqlStatement &a, const SqlStatement &b)
    {
        return a.sql == b.sql && a.bindings == b.bindings;
    }
    friend bool operator!=(const SqlStatement &a, const SqlStatement &b) { return !(a == b); }
};

using SqlStatements = QList<SqlStatement>;

} // namespace Hy

#endif // HYSTERIAQT_SQLSTATEMENT_H
