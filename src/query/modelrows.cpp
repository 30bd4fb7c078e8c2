// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "query/modelrows_p.h"

#include "model/valueconverter_p.h"
#include "sql/sqldialect_p.h"

#include <HysteriaQt/model.h>

namespace Hy::detail {

void readInto(const ModelData *model, Model *instance, const ColumnData &column, const QVariant &value)
{
    if (!column.read(instance, value))
        throw unreadableValue(column, value, model->table);
}

std::unique_ptr<Model> hydrate(const ModelData *model, const QVariantList &values)
{
    std::unique_ptr<Model> instance(model->create());
    std::bitset<MaxColumns> loaded;
    for (qsizetype i = 0; i < model->columns.size() && i < values.size(); ++i) {
        readInto(model, instance.get(), model->columns[i], values[i]);
        loaded.set(std::size_t(i));
    }
    ModelAccess::setLoaded(*instance, loaded);
    return instance;
}

QString nowText(const SqlDialect &dialect)
{
    return dialect.dateTimeText(QDateTime::currentDateTimeUtc());
}

} // namespace Hy::detail
