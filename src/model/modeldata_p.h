// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_MODELDATA_P_H
#define HYSTERIAQT_MODELDATA_P_H

#include <HysteriaQt/detail/modeldata.h>

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QMetaEnum>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <memory>

struct QMetaObject;

namespace Hy {
class ModelNotifier;
}

namespace Hy::detail {

// The run-time metadata of a model class, built by the library from the
// ModelSpec the class's code hands over (registerModelSpec()), once per class.
// Its layout is the library's own: no application code depends on it.
class EncryptedColumn;

// The JSON values a JSON column reads back: a QJsonValue takes any, a
// QJsonObject or QJsonArray only its own.
enum class JsonShape { Any, Object, Array };

struct ColumnData
{
    QString name;          // property name
    QString databaseName;
    ColumnKind kind = ColumnKind::Integer;
    bool nullable = true;
    bool primaryKey = false;
    bool autoIncrement = false;
    bool autoCreate = false;
    bool autoUpdate = false;
    bool hidden = false;   // left out of toJson(), toVariantMap(), qDebug()
    bool convertsType = false; // the property's type is not the stored one
    JsonShape jsonShape = JsonShape::Any;
    int length = -1;
    int precision = -1;
    int scale = -1;
    int slot = -1;         // change-tracking bit in Hy::Model
    int propertyIndex = -1;
    bool (*read)(Model *model, const QVariant &value) = nullptr;
    QVariant (*value)(const Model *model) = nullptr;
    QVariant (*prepare)(const QVariant &value) = nullptr;
    ColumnDefault defaultValue;
    QString defaultText;       // defaultValue's text, when it is text
    QStringList enumValues;    // the values an enum column takes
    QMetaEnum metaEnum;        // of enum_<E>(), whose keys those are
    QString sqlType;           // generic()'s own SQL type, or empty
    std::shared_ptr<const EncryptedColumn> encrypted; // of an encrypted column

    bool hasDefault() const { return defaultValue.type() != ColumnDefault::Type::None; }
    bool isDateTime() const { return kind == ColumnKind::DateTime || kind == ColumnKind::Timestamp; }
};

// An index or unique constraint: its name and columns (indexes into ModelData::columns).
struct IndexData
{
    QString name;
    QList<int> columns;
};

struct CheckData
{
    QString name;
    QString expression;
};

struct ModelData
{
    QString table;
    const QMetaObject *metaObject = nullptr;
    QList<ColumnData> columns;
    QHash<QString, int> indexByName;
    int primaryKey = -1;
    Model *(*create)() = nullptr;
    // Soft deletes: the column (-1 for none) and what marks a row deleted,
    // a bool or text; null for the current time at each delete.
    int softDeleteColumn = -1;
    QVariant softDeleteValue;
    QList<IndexData> indexes;
    QList<IndexData> uniques;
    QList<CheckData> checks;
    HookTable hooks;
    // Made with the metadata, and as long-lived.
    ModelNotifier *notifier = nullptr;
};

} // namespace Hy::detail

#endif // HYSTERIAQT_MODELDATA_P_H
