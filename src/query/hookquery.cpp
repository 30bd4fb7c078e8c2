// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include <HysteriaQt/hookquery.h>

#include "model/modeldata_p.h"

#include <HysteriaQt/columnname.h>
#include <HysteriaQt/detail/querycore.h>

namespace Hy {

ModelInfo HookQuery::modelInfo() const
{
    return ModelInfo(m_query->model());
}

int HookQuery::columnIndex(QAnyStringView column) const
{
    const detail::ModelData *model = m_query->model();
    const QString name = column.toString();
    int index = model->indexByName.value(name, -1);
    for (qsizetype i = 0; index < 0 && i < model->columns.size(); ++i) {
        if (model->columns[i].databaseName == name)
            index = int(i);
    }
    if (index < 0)
        throw detail::unknownColumnError(name, model->table.toStdString());
    return index;
}

HookQuery &HookQuery::where(QAnyStringView column, const Value &value)
{
    return where(column, Comparison(Operator::Equal), value);
}

HookQuery &HookQuery::where(QAnyStringView column, Comparison op, const Value &value)
{
    m_query->compare(detail::ConditionJoin::And, columnIndex(column), op.op(), value.toVariant());
    return *this;
}

HookQuery &HookQuery::orWhere(QAnyStringView column, const Value &value)
{
    return orWhere(column, Comparison(Operator::Equal), value);
}

HookQuery &HookQuery::orWhere(QAnyStringView column, Comparison op, const Value &value)
{
    m_query->compare(detail::ConditionJoin::Or, columnIndex(column), op.op(), value.toVariant());
    return *this;
}

HookQuery &HookQuery::whereNull(QAnyStringView column)
{
    m_query->isNull(detail::ConditionJoin::And, columnIndex(column));
    return *this;
}

HookQuery &HookQuery::whereNotNull(QAnyStringView column)
{
    m_query->isNotNull(detail::ConditionJoin::And, columnIndex(column));
    return *this;
}

HookQuery &HookQuery::orderBy(QAnyStringView column, Qt::SortOrder order)
{
    m_query->orderBy(columnIndex(column), order);
    return *this;
}

} // namespace Hy
