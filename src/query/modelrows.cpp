// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "query/modelrows_p.h"

#include "model/valueconverter_p.h"
#include "sql/sqldialect_p.h"

#include <HysteriaQt/model.h>

namespace Hy::detail {

QStringList modelSelectList(const ModelData *model, const SqlDialect &dialect)
{
    QStringList list;
    list.reserve(model->columns.size());
    for (const ColumnData &column : model->columns) {
        const QString quoted = dialect.quoteIdentifier(column.databaseName);
        QString expression;
        switch (column.kind) {
        case ColumnKind::DateTime:
            expression = dialect.selectDateTime(quoted);
            break;
        case ColumnKind::String:
        case ColumnKind::Text:
            expression = dialect.selectText(quoted);
            break;
        default:
            break;
        }
        list.append(expression.isEmpty() || expression == quoted
                            ? quoted
                            : expression + QStringLiteral(" AS ") + quoted);
    }
    return list;
}

void readInto(const ModelData *model, Model *instance, const ColumnData &column, const QVariant &value)
{
    if (!column.read(instance, value))
        throw unreadableValue(column, value, model->table);
}

std::unique_ptr<Model> hydrate(const ModelData *model, const QVariantList &values)
{
    std::unique_ptr<Model> instance(model->create());
    for (qsizetype i = 0; i < model->columns.size() && i < values.size(); ++i)
        readInto(model, instance.get(), model->columns[i], values[i]);
    return instance;
}

QString nowText(const SqlDialect &dialect)
{
    return dialect.dateTimeText(QDateTime::currentDateTimeUtc());
}

} // namespace Hy::detail
