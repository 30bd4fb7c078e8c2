// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_SQLCOMPILER_P_H
#define HYSTERIAQT_SQLCOMPILER_P_H

#include "sql/statement_p.h"

#include <QtCore/QStringList>

namespace Hy::detail {

class QueryState;
class SqlDialect;

// Turns query state into SQL text for one dialect. Identifiers are quoted by
// the dialect; every value goes into the bindings.
class SqlCompiler
{
public:
    explicit SqlCompiler(const SqlDialect &dialect) : m_dialect(dialect) {}

    // `columns` are select-list expressions, already quoted; empty for `*`.
    // A `limit` >= 0 overrides the state's (one() uses 1).
    SqlStatement select(const QueryState &state, const QStringList &columns, qint64 limit = -1) const;
    SqlStatement count(const QueryState &state) const;
    // `columns` are database names. `rowCount` rows of placeholders; the
    // caller binds the values row by row. `returning` are select-list
    // expressions (the dialect must support RETURNING when non-empty).
    QString insert(const QString &table, const QStringList &columns, int rowCount,
                   const QStringList &returning = {}) const;
    SqlStatement update(const QueryState &state, const QStringList &columns,
                     const QVariantList &values) const;
    SqlStatement remove(const QueryState &state) const;

    QString quote(const QString &identifier) const;

private:
    void appendWhere(SqlStatement &statement, const QueryState &state) const;
    template <typename Conditions>
    void appendConditions(SqlStatement &statement, const QString &table, const Conditions &conditions) const;
    // "table"."column": a column of the table, never an output column of the
    // same name (a date-time column is selected as formatted text under its name).
    QString qualified(const QString &table, const QString &column) const;
    // qualified(), through the dialect's comparableDateTime() for a date-time column.
    QString comparable(const QString &table, const QString &column, bool dateTime) const;

    const SqlDialect &m_dialect;
};

} // namespace Hy::detail

#endif // HYSTERIAQT_SQLCOMPILER_P_H
