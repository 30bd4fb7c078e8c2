// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "sql/sqlcompiler_p.h"

#include "query/querystate_p.h"
#include "sql/sqldialect_p.h"

namespace Hy::detail {

namespace {
QLatin1StringView operatorText(Operator op)
{
    switch (op) {
    case Operator::Equal: return QLatin1StringView(" = ?");
    case Operator::NotEqual: return QLatin1StringView(" <> ?");
    case Operator::Less: return QLatin1StringView(" < ?");
    case Operator::LessOrEqual: return QLatin1StringView(" <= ?");
    case Operator::Greater: return QLatin1StringView(" > ?");
    case Operator::GreaterOrEqual: return QLatin1StringView(" >= ?");
    case Operator::Like: return QLatin1StringView(" LIKE ?");
    }
    Q_UNREACHABLE();
    return QLatin1StringView();
}
} // namespace

QString SqlCompiler::quote(const QString &identifier) const
{
    return m_dialect.quoteIdentifier(identifier);
}

QString SqlCompiler::qualified(const QString &table, const QString &column) const
{
    return quote(table) + u'.' + quote(column);
}

QString SqlCompiler::comparable(const QString &table, const QString &column, bool dateTime) const
{
    const QString reference = qualified(table, column);
    return dateTime ? m_dialect.comparableDateTime(reference) : reference;
}

template <typename Conditions>
void SqlCompiler::appendConditions(SqlStatement &statement, const QString &table,
                                   const Conditions &conditions) const
{
    bool first = true;
    for (const Condition &condition : conditions) {
        if (!first)
            statement.sql += condition.orJoin ? QLatin1StringView(" OR ") : QLatin1StringView(" AND ");
        first = false;
        if (condition.kind == Condition::Group) {
            statement.sql += u'(';
            appendConditions(statement, table, condition.children);
            statement.sql += u')';
            continue;
        }
        // IS [NOT] NULL asks about the column itself: SQLite's strftime() of
        // text it cannot read is NULL too.
        statement.sql += condition.kind == Condition::Compare
                ? comparable(table, condition.column, condition.dateTime)
                : qualified(table, condition.column);
        switch (condition.kind) {
        case Condition::IsNull:
            statement.sql += QLatin1StringView(" IS NULL");
            break;
        case Condition::IsNotNull:
            statement.sql += QLatin1StringView(" IS NOT NULL");
            break;
        case Condition::Compare:
            statement.sql += operatorText(condition.op);
            if (condition.op == Operator::Like)
                statement.sql += m_dialect.likeEscape();
            statement.bindings.append(condition.value);
            break;
        case Condition::Group:
            break;
        }
    }
}

void SqlCompiler::appendWhere(SqlStatement &statement, const QueryState &state) const
{
    if (state.conditions.isEmpty())
        return;
    statement.sql += QLatin1StringView(" WHERE ");
    appendConditions(statement, state.table, state.conditions);
}

SqlStatement SqlCompiler::select(const QueryState &state, const QStringList &columns, qint64 limit) const
{
    SqlStatement statement;
    statement.sql = QStringLiteral("SELECT ")
            + (columns.isEmpty() ? QStringLiteral("*") : columns.join(QLatin1StringView(", ")))
            + QStringLiteral(" FROM ") + quote(state.table);
    appendWhere(statement, state);
    for (qsizetype i = 0; i < state.orders.size(); ++i) {
        const OrderTerm &term = state.orders[i];
        statement.sql += (i == 0 ? QLatin1StringView(" ORDER BY ") : QLatin1StringView(", "))
                + comparable(state.table, term.column, term.dateTime)
                + (term.order == Qt::AscendingOrder ? QLatin1StringView(" ASC")
                                                    : QLatin1StringView(" DESC"));
    }
    // one() asks for 1 row; a limit(0) of the user's still means none.
    const qint64 effectiveLimit = limit < 0 ? state.limit : state.limit < 0 ? limit : qMin(limit, state.limit);
    statement.sql += m_dialect.limitClause(effectiveLimit, state.offset, statement.bindings);
    return statement;
}

SqlStatement SqlCompiler::count(const QueryState &state) const
{
    if (state.limit >= 0 || state.offset > 0) {
        // COUNT(*) ignores LIMIT; count the rows the limited query returns.
        SqlStatement inner = select(state, {QStringLiteral("1")});
        inner.sql = QStringLiteral("SELECT COUNT(*) FROM (") + inner.sql
                + QStringLiteral(") AS hy_counted");
        return inner;
    }
    SqlStatement statement;
    statement.sql = QStringLiteral("SELECT COUNT(*) FROM ") + quote(state.table);
    appendWhere(statement, state);
    return statement;
}

QString SqlCompiler::insert(const QString &table, const QStringList &columns, int rowCount,
                            const QStringList &returning) const
{
    QString sql;
    if (columns.isEmpty()) {
        sql = m_dialect.insertDefaultValues(quote(table));
    } else {
        QString row = QStringLiteral("(?");
        for (qsizetype i = 1; i < columns.size(); ++i)
            row += QLatin1StringView(", ?");
        row += u')';

        sql.reserve(32 + columns.size() * 24 + rowCount * (row.size() + 2));
        sql += QStringLiteral("INSERT INTO ") + quote(table) + QStringLiteral(" (");
        for (qsizetype i = 0; i < columns.size(); ++i) {
            if (i > 0)
                sql += QLatin1StringView(", ");
            sql += quote(columns[i]);
        }
        sql += QStringLiteral(") VALUES ");
        for (int r = 0; r < rowCount; ++r) {
            if (r > 0)
                sql += QLatin1StringView(", ");
            sql += row;
        }
    }
    if (!returning.isEmpty())
        sql += QStringLiteral(" RETURNING ") + returning.join(QLatin1StringView(", "));
    return sql;
}

SqlStatement SqlCompiler::update(const QueryState &state, const QStringList &columns,
                              const QVariantList &values) const
{
    SqlStatement statement;
    statement.sql = QStringLiteral("UPDATE ") + quote(state.table) + QStringLiteral(" SET ");
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (i > 0)
            statement.sql += QLatin1StringView(", ");
        statement.sql += quote(columns[i]) + QLatin1StringView(" = ?");
    }
    statement.bindings = values;
    appendWhere(statement, state);
    return statement;
}

SqlStatement SqlCompiler::remove(const QueryState &state) const
{
    SqlStatement statement;
    statement.sql = QStringLiteral("DELETE FROM ") + quote(state.table);
    appendWhere(statement, state);
    return statement;
}

} // namespace Hy::detail
