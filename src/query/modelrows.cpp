// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "query/modelrows_p.h"

#include "crypto/encryptedcolumn_p.h"
#include "model/decimaldigits_p.h"
#include "model/valueconverter_p.h"
#include "sql/sqldialect_p.h"

#include <HysteriaQt/decimal.h>
#include <HysteriaQt/model.h>

namespace Hy::detail {

namespace {
// A decimal column's value as a Hy::Decimal at the column's scale, from the
// text, integer or double the driver gives (SQLite keeps NUMERIC as a
// double, exact to 15 digits); the column's own type (Decimal, double or
// QString) is read from that. Invalid when it is not a number.
QVariant decimalValue(const ColumnData &column, const QVariant &value)
{
    const auto digits = DecimalDigits::fromVariant(value);
    if (!digits)
        return {};
    const QString text = digits->rounded(column.scale).toString(column.scale);
    if (const auto decimal = Decimal::fromString(text))
        return QVariant::fromValue(*decimal);
    return QVariant(text); // wider than a Decimal: as text
}
} // namespace

bool readInto(const ModelData *model, Model *instance, const ColumnData &column, const QVariant &value, ReadOf of)
{
    if (column.kind == ColumnKind::Decimal && !value.isNull()) {
        const QVariant decimal = decimalValue(column, value);
        if (decimal.isValid() && column.read(instance, decimal))
            return true;
        throw unreadableValue(column, value, model->table);
    }
    if (column.kind == ColumnKind::Encrypted && !value.isNull()) {
        if (of == ReadOf::OwnWrite && !column.encrypted->canDecrypt(model->table, column.name))
            return false;
        column.read(instance, column.encrypted->decrypt(value, model->table, column.name));
        return true;
    }
    if (!column.read(instance, value))
        throw unreadableValue(column, value, model->table);
    return true;
}

std::unique_ptr<Model> hydrate(const ModelData *model, const QVariantList &values, ReadOf of)
{
    std::unique_ptr<Model> instance(model->create());
    std::bitset<MaxColumns> loaded;
    for (qsizetype i = 0; i < model->columns.size() && i < values.size(); ++i) {
        if (readInto(model, instance.get(), model->columns[i], values[i], of))
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
