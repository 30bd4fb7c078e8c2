// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
//
// A model as a QVariantMap, as JSON and in qDebug().

#include "model/modeldata_p.h"

#include <HysteriaQt/decimal.h>
#include <HysteriaQt/model.h>

#include <QtCore/QDebug>
#include <QtCore/QJsonValue>
#include <QtCore/QUuid>

namespace Hy {

namespace {

const detail::ModelData &dataOf(const Model &model)
{
    return *model.modelInfo().data();
}

// What JSON keeps of a column's value, exactly where JSON's number would not.
QJsonValue jsonOf(const detail::ColumnData &column, const QVariant &value)
{
    if (value.isNull())
        return QJsonValue(QJsonValue::Null);
    switch (value.typeId()) {
    case QMetaType::QDateTime:
        return value.toDateTime().toUTC().toString(Qt::ISODateWithMs);
    case QMetaType::QDate:
        return value.toDate().toString(Qt::ISODate);
    case QMetaType::QTime:
        return value.toTime().toString(Qt::ISODateWithMs);
    case QMetaType::QUuid:
        return value.toUuid().toString(QUuid::WithoutBraces);
    case QMetaType::QByteArray:
        return QString::fromLatin1(value.toByteArray().toBase64());
    default:
        if (value.metaType() == QMetaType::fromType<Decimal>())
            return value.value<Decimal>().toString(); // a JSON number would be a double
        if (column.metaEnum.isValid())
            return QString::fromLatin1(column.metaEnum.valueToKey(value.toInt()));
        // A type of the application's: as it is stored.
        if (column.prepare && value.typeId() >= QMetaType::User)
            return jsonOf(column, column.prepare(value));
        return QJsonValue::fromVariant(value);
    }
}

} // namespace

QVariantMap Model::toVariantMap() const
{
    QVariantMap map;
    for (const detail::ColumnData &column : dataOf(*this).columns) {
        if (column.hidden)
            continue;
        const QVariant value = column.value(this);
        map.insert(column.name, value.isNull() ? QVariant::fromValue(nullptr) : value);
    }
    return map;
}

QJsonObject Model::toJson() const
{
    QJsonObject object;
    for (const detail::ColumnData &column : dataOf(*this).columns) {
        if (!column.hidden)
            object.insert(column.name, jsonOf(column, column.value(this)));
    }
    return object;
}

QDebug operator<<(QDebug debug, const Model &model)
{
    const QDebugStateSaver saver(debug);
    debug.nospace() << model.metaObject()->className() << '(';
    bool first = true;
    for (const detail::ColumnData &column : dataOf(model).columns) {
        debug << (first ? "" : ", ") << column.name.toUtf8().constData() << ": ";
        first = false;
        if (column.hidden) {
            debug << "<hidden>";
            continue;
        }
        const QVariant value = column.value(&model);
        if (value.isNull())
            debug << "null";
        else if (value.metaType() == QMetaType::fromType<Decimal>())
            debug << value.value<Decimal>().toString().toUtf8().constData();
        else if (value.typeId() == QMetaType::QString)
            debug << value.toString();
        else if (value.typeId() == QMetaType::QDateTime)
            debug << value.toDateTime().toUTC().toString(Qt::ISODateWithMs).toUtf8().constData();
        else if (value.typeId() == QMetaType::QUuid)
            debug << value.toUuid().toString(QUuid::WithoutBraces).toUtf8().constData();
        else
            debug << value.toString().toUtf8().constData();
    }
    debug << ')';
    return debug;
}

QDebug operator<<(QDebug debug, const Model *model)
{
    if (!model)
        return debug << "Hy::Model(nullptr)";
    return debug << *model;
}

} // namespace Hy
