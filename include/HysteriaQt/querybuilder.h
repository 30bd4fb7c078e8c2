// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_QUERYBUILDER_H
#define HYSTERIAQT_QUERYBUILDER_H

#include <HysteriaQt/comparison.h>
#include <HysteriaQt/hysteriaqt_global.h>
#include <HysteriaQt/querybuildersql.h>
#include <HysteriaQt/value.h>
#include <HysteriaQt/detail/querycore.h>
#include <HysteriaQt/detail/sourcehandle.h>

#include <QtCore/QAnyStringView>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QVariantMap>

#include <functional>
#include <optional>

namespace Hy {

class SqlDataSource;

// Rows of one table without a model: sql.from("users"). Column names are the
// database's (QAnyStringView: literals work under QT_NO_CAST_FROM_ASCII too);
// rows come back as QVariantMaps holding what the driver returns.
// No hooks, no conversions: the fast, raw path.
//
// A builder is a value: copies are independent, and the methods that run SQL
// leave it unchanged, so it can be run again.
class HYSTERIAQT_EXPORT QueryBuilder
{
public:
    QueryBuilder(const detail::SourceHandle &source, QAnyStringView table);

    // where(column, value): `=`, or IS NULL when the value is null.
    QueryBuilder &where(QAnyStringView column, const Value &value);
    QueryBuilder &where(QAnyStringView column, Comparison op, const Value &value);
    QueryBuilder &orWhere(QAnyStringView column, const Value &value);
    QueryBuilder &orWhere(QAnyStringView column, Comparison op, const Value &value);
    // Conditions in parentheses, made by a callback on a builder of their own:
    //     where(QStringLiteral("a"), 1).where([](Hy::QueryBuilder &q) { q.where(...).orWhere(...); })
    QueryBuilder &where(const std::function<void(QueryBuilder &)> &group);
    QueryBuilder &orWhere(const std::function<void(QueryBuilder &)> &group);
    QueryBuilder &whereNull(QAnyStringView column);
    QueryBuilder &whereNotNull(QAnyStringView column);
    QueryBuilder &orWhereNull(QAnyStringView column);
    QueryBuilder &orWhereNotNull(QAnyStringView column);
    // whereIn("id", {1, 2, 3}): see Hy::ModelQuery::whereIn().
    QueryBuilder &whereIn(QAnyStringView column, const ValueList &values);
    QueryBuilder &orWhereIn(QAnyStringView column, const ValueList &values);
    QueryBuilder &whereNotIn(QAnyStringView column, const ValueList &values);
    QueryBuilder &orWhereNotIn(QAnyStringView column, const ValueList &values);
    QueryBuilder &orderBy(QAnyStringView column, Qt::SortOrder order = Qt::AscendingOrder);
    QueryBuilder &limit(qint64 count);
    QueryBuilder &offset(qint64 count);

    // The SQL each operation would run, without running it (see Hy::ModelQuerySql).
    QueryBuilderSql toSql() const;

    QList<QVariantMap> many() const;
    std::optional<QVariantMap> one() const;
    // Throws Hy::Error(RowNotFound) when no row matches.
    QVariantMap oneOrFail() const;
    qint64 count() const;

    // Returns the stored row, as the database has it (generated key and defaults included).
    QVariantMap insert(const QVariantMap &values) const;
    // All rows or none: runs in a transaction (a savepoint inside one).
    void insertMany(const QList<QVariantMap> &rows) const;
    // Return the number of rows matched. Use where() only: limit, offset and
    // orderBy on an update or delete throw Hy::Error(InvalidQuery).
    qint64 update(const QVariantMap &values) const;
    qint64 remove() const;

private:
    explicit QueryBuilder(detail::QueryCore core);
    QueryBuilder &addGroup(detail::ConditionJoin join, const std::function<void(QueryBuilder &)> &group);

    detail::QueryCore m_core;
};

} // namespace Hy

#endif // HYSTERIAQT_QUERYBUILDER_H
