// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_HOOKQUERY_H
#define HYSTERIAQT_HOOKQUERY_H

#include <HysteriaQt/comparison.h>
#include <HysteriaQt/hysteriaqt_global.h>
#include <HysteriaQt/modelinfo.h>
#include <HysteriaQt/value.h>

#include <QtCore/QAnyStringView>
#include <QtCore/QMetaType>

namespace Hy {

namespace detail {
class QueryCore;
}

// The query that Hy::ModelNotifier's beforeFetch, beforeUpdate and
// beforeDelete signals hand to their slots, which may narrow it. Columns are
// named by property name and checked when the slot runs: an unknown one
// throws Hy::Error(UnknownColumn) and the operation sends no SQL.
//
// The conditions a slot adds go after the query's own, which stay grouped:
// `(a OR b) AND tenant_id = ?`. Valid only during the signal's emission.
class HYSTERIAQT_EXPORT HookQuery
{
public:
    explicit HookQuery(detail::QueryCore *query) noexcept : m_query(query) {}

    ModelInfo modelInfo() const;

    // where(column, value): `=`, or IS NULL when the value is null.
    HookQuery &where(QAnyStringView column, const Value &value);
    HookQuery &where(QAnyStringView column, Comparison op, const Value &value);
    HookQuery &orWhere(QAnyStringView column, const Value &value);
    HookQuery &orWhere(QAnyStringView column, Comparison op, const Value &value);
    HookQuery &whereNull(QAnyStringView column);
    HookQuery &whereNotNull(QAnyStringView column);
    HookQuery &orderBy(QAnyStringView column, Qt::SortOrder order = Qt::AscendingOrder);

private:
    int columnIndex(QAnyStringView column) const;

    detail::QueryCore *m_query;
};

} // namespace Hy

#endif // HYSTERIAQT_HOOKQUERY_H
