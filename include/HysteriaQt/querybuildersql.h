// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_QUERYBUILDERSQL_H
#define HYSTERIAQT_QUERYBUILDERSQL_H

#include <HysteriaQt/hysteriaqt_global.h>
#include <HysteriaQt/sqlstatement.h>
#include <HysteriaQt/detail/querycore.h>

#include <QtCore/QList>
#include <QtCore/QVariantMap>

namespace Hy {

// The SQL the operations of a Hy::QueryBuilder run, without running anything:
// sql.from("users").where(...).toSql().many(). As Hy::ModelQuerySql, for rows
// without a model.
class HYSTERIAQT_EXPORT QueryBuilderSql
{
public:
    explicit QueryBuilderSql(const detail::QueryCore &core);

    SqlStatements many() const;
    SqlStatements one() const;
    SqlStatements count() const;
    SqlStatements insert(const QVariantMap &values) const;
    SqlStatements insertMany(const QList<QVariantMap> &rows) const;
    SqlStatements update(const QVariantMap &values) const;
    SqlStatements remove() const;

private:
    detail::QueryCore m_core;
};

} // namespace Hy

#endif // HYSTERIAQT_QUERYBUILDERSQL_H
