// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
//
// A model as a QVariantMap, as JSON and in qDebug().

#include "model/modeldata_p.h"
#include "relations/relationdata_p.h"
#include "query/modelrows_p.h"

#include <HysteriaQt/decimal.h>
#include <HysteriaQt/error.h>
#include <HysteriaQt/model.h>

#include <QtCore/QDebug>
#include <QtCore/QJsonValue>
#include <QtCore/QMetaProperty>
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

void Model::setValues(const QVariantMap &values, QStringList *unknownKeys)
{
    const detail::ModelData &model = dataOf(*this);
    // Every value is checked on a scratch model first: all or nothing.
    std::unique_ptr<Model> scratch(model.create());
    QList<int> columns;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const int index = model.indexByName.value(it.key(), -1);
        // A loaded relation in toJson()'s output: not a column, not set here.
        if (index < 0 && detail::findRelation(&model, it.key()))
            continue;
        if (index < 0) {
            if (!unknownKeys) {
                throw Error(ErrorCode::UnknownColumn,
                            QStringLiteral("%1 has no column \"%2\"").arg(model.table, it.key()))
                        .setColumn(it.key());
            }
            unknownKeys->append(it.key());
            continue;
        }
        const detail::ColumnData &column = model.columns[index];
        QVariant value = it.value();
        auto refuse = [&](ErrorCode code, const QString &why) {
            return Error(code, QStringLiteral("%1.%2 %3").arg(model.table, column.name, why)).setColumn(column.name);
        };
        if (value.isNull()) {
            if (!column.nullable)
                throw refuse(ErrorCode::NullValue, QStringLiteral("is not nullable"));
            column.read(scratch.get(), QVariant());
            columns.append(index);
            continue;
        }
        if (column.kind == ColumnKind::Binary && value.typeId() == QMetaType::QString) {
            const auto decoded = QByteArray::fromBase64Encoding(value.toString().toLatin1(),
                                                                QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                throw refuse(ErrorCode::InvalidValue, QStringLiteral("takes bytes as base64 text"));
            value = *decoded;
        } else if (column.kind == ColumnKind::Json) {
            value = QVariant::fromValue(QJsonValue::fromVariant(value));
        }
        // A type of the application's (in a map from toVariantMap()): as it is stored.
        if (column.prepare && value.typeId() >= QMetaType::User
            && !(value.metaType().flags() & QMetaType::IsEnumeration)) {
            value = column.prepare(value);
        }
        // The reading of database values, which takes text forms of dates,
        // decimals, UUIDs and enum keys; an encrypted column's text is its own.
        bool fits = false;
        try {
            fits = column.kind == ColumnKind::Encrypted
                    ? value.typeId() == QMetaType::QString && column.read(scratch.get(), value)
                    : (detail::readInto(&model, scratch.get(), column, value), true);
        } catch (const Error &) {
            fits = false;
        }
        if (!fits) {
            // An encrypted column's value is a secret: not shown.
            const QString shown = column.kind == ColumnKind::Encrypted
                    ? QString()
                    : QStringLiteral(" \"%1\"").arg(value.toString().left(40));
            throw refuse(ErrorCode::InvalidValue, QStringLiteral("cannot take %1%2")
                                                          .arg(QString::fromLatin1(value.metaType().name()), shown));
        }
        columns.append(index);
    }
    // Through the properties: the setters mark the columns changed and notify.
    for (int index : std::as_const(columns)) {
        const QMetaProperty property = metaObject()->property(model.columns[index].propertyIndex);
        property.write(this, property.read(scratch.get()));
    }
}

void Model::setValues(const QJsonObject &values, QStringList *unknownKeys)
{
    setValues(values.toVariantMap(), unknownKeys);
}

QVariantMap Model::toVariantMap() const
{
    QVariantMap map;
    for (const detail::ColumnData &column : dataOf(*this).columns) {
        if (column.hidden)
            continue;
        const QVariant value = column.value(this);
        map.insert(column.name, value.isNull() ? QVariant::fromValue(nullptr) : value);
    }
    // Loaded relations, by name: a list of maps, or a map or null.
    if (const detail::LoadedRelations *loaded = detail::ModelAccess::relations(*this)) {
        for (const detail::LoadedRelations::Entry &entry : loaded->entries) {
            if (entry.relation->isToMany()) {
                QVariantList list;
                for (const auto &related : entry.models)
                    list.append(related->toVariantMap());
                map.insert(entry.relation->name, list);
            } else {
                map.insert(entry.relation->name, entry.models.empty() ? QVariant::fromValue(nullptr)
                                                                      : QVariant(entry.models.front()->toVariantMap()));
            }
        }
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
    if (const detail::LoadedRelations *loaded = detail::ModelAccess::relations(*this)) {
        for (const detail::LoadedRelations::Entry &entry : loaded->entries) {
            if (entry.relation->isToMany()) {
                QJsonArray array;
                for (const auto &related : entry.models)
                    array.append(related->toJson());
                object.insert(entry.relation->name, array);
            } else {
                object.insert(entry.relation->name,
                              entry.models.empty() ? QJsonValue(QJsonValue::Null) : QJsonValue(entry.models.front()->toJson()));
            }
        }
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
