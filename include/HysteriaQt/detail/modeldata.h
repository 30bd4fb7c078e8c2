// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_DETAIL_MODELDATA_H
#define HYSTERIAQT_DETAIL_MODELDATA_H

// Not public API: the run-time metadata of a model, built once per model class
// from the compile-time column list, and the typed hydration functions.

#include <HysteriaQt/hysteriaqt_global.h>
#include <HysteriaQt/detail/modeltraits.h>

#include <QtCore/QDateTime>
#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QVariant>

#include <limits>

struct QMetaObject;

namespace Hy::detail {

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
    int length = -1;
    int precision = -1;
    int scale = -1;
    int slot = -1;         // change-tracking bit in Hy::Model
    int propertyIndex = -1;
    // Typed hydration: stores a database value straight into the member;
    // false when the value does not fit the member's type.
    bool (*read)(Model *model, const QVariant &value) = nullptr;
    // The member's current value; a null QVariant for an empty optional.
    QVariant (*value)(const Model *model) = nullptr;
};

struct ModelData
{
    QString table;
    const QMetaObject *metaObject = nullptr;
    QList<ColumnData> columns;
    QHash<QString, int> indexByName;
    int primaryKey = -1;
    Model *(*create)() = nullptr;
};

HYSTERIAQT_EXPORT QDateTime dateTimeFromDatabase(const QVariant &value);
HYSTERIAQT_EXPORT void registerModelData(const ModelData *data);
HYSTERIAQT_EXPORT void finishModelData(ModelData *data);

HYSTERIAQT_EXPORT bool boolFromDatabase(const QVariant &value, bool *out);
// Whole numbers within [min, max] only: 3.7 or 1e30 in an integer column do not read.
HYSTERIAQT_EXPORT bool integerFromDatabase(const QVariant &value, qint64 min, qint64 max, qint64 *out);

// A database value as T; false when it is not one (text in an integer column
// of SQLite, a 64-bit key in a 32-bit column, an unparsable date-time), which
// the caller reports instead of storing a made-up value.
template <typename T>
bool fromDatabase(const QVariant &value, T *out)
{
    bool ok = true;
    if constexpr (std::is_same_v<T, int> || std::is_same_v<T, qint64>) {
        qint64 v = 0;
        ok = integerFromDatabase(value, std::numeric_limits<T>::min(), std::numeric_limits<T>::max(), &v);
        *out = T(v);
    } else if constexpr (std::is_same_v<T, double>) {
        *out = value.toDouble(&ok);
    } else if constexpr (std::is_same_v<T, bool>) {
        ok = boolFromDatabase(value, out);
    } else if constexpr (std::is_same_v<T, QString>) {
        *out = value.toString();
    } else if constexpr (std::is_same_v<T, QDateTime>) {
        *out = dateTimeFromDatabase(value);
        ok = out->isValid();
    } else {
        ok = value.canConvert<T>();
        *out = value.value<T>();
    }
    return ok;
}

template <typename Storage>
bool assignFromDatabase(Storage &slot, const QVariant &value)
{
    if (value.isNull()) {
        slot = Storage{};
        return true;
    }
    if constexpr (IsOptional<Storage>) {
        typename Storage::value_type v{};
        if (!fromDatabase(value, &v))
            return false;
        slot = std::move(v);
        return true;
    } else {
        return fromDatabase(value, &slot);
    }
}

template <typename Storage>
QVariant toVariant(const Storage &slot)
{
    if constexpr (IsOptional<Storage>)
        return slot ? QVariant::fromValue(*slot) : QVariant();
    else
        return QVariant::fromValue(slot);
}

template <typename Entry>
bool readColumn(Model *model, const QVariant &value)
{
    return assignFromDatabase(static_cast<typename Entry::Model *>(model)->*Entry::member, value);
}

template <typename Entry>
QVariant columnValue(const Model *model)
{
    return toVariant(static_cast<const typename Entry::Model *>(model)->*Entry::member);
}

template <typename Entry>
ColumnData makeColumnData(const Entry &entry)
{
    const auto &def = entry.definition;
    ColumnData c;
    c.name = QString::fromLatin1(entry.name.data(), qsizetype(entry.name.size()));
    const FixedName dbName = databaseName(entry.name, def);
    c.databaseName = QString::fromUtf8(dbName.view().data(), qsizetype(dbName.view().size()));
    c.kind = std::remove_cvref_t<decltype(def)>::kind;
    c.nullable = isNullable(def);
    c.primaryKey = isPrimaryKey(def);
    c.autoIncrement = isAutoIncrement(def);
    if constexpr (requires { def.autoCreate; def.autoUpdate; }) {
        c.autoCreate = def.autoCreate;
        c.autoUpdate = def.autoUpdate;
    }
    if constexpr (requires { def.length; })
        c.length = def.length;
    if constexpr (requires { def.precision; def.scale; }) {
        c.precision = def.precision;
        c.scale = def.scale;
    }
    c.slot = entry.slot;
    c.read = &readColumn<Entry>;
    c.value = &columnValue<Entry>;
    return c;
}

template <typename M>
const ModelData *modelData()
{
    static_assert(checkModel<M>());
    static const ModelData *const data = [] {
        auto *d = new ModelData; // lives as long as the program, like a QMetaObject
        d->table = QString::fromUtf8(M::hyTable.data(), qsizetype(M::hyTable.size()));
        d->metaObject = &M::staticMetaObject;
        d->primaryKey = ModelColumns<M>::primaryKey();
        d->create = []() -> Model * { return new M; };
        d->columns.reserve(ModelColumns<M>::count);
        ModelColumns<M>::forEach([&](auto, const auto &entry) {
            d->columns.append(makeColumnData(entry));
        });
        finishModelData(d);
        registerModelData(d);
        return d;
    }();
    return data;
}

} // namespace Hy::detail

#endif // HYSTERIAQT_DETAIL_MODELDATA_H
