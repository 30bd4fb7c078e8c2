// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include <HysteriaQt/columninfo.h>
#include <HysteriaQt/modelinfo.h>

#include <QtCore/QHash>
#include <QtCore/QReadWriteLock>

namespace Hy {

QString ColumnInfo::name() const { return d->name; }
QString ColumnInfo::databaseName() const { return d->databaseName; }
ColumnKind ColumnInfo::kind() const { return d->kind; }
bool ColumnInfo::isNullable() const { return d->nullable; }
bool ColumnInfo::isPrimaryKey() const { return d->primaryKey; }
bool ColumnInfo::isAutoIncrement() const { return d->autoIncrement; }
bool ColumnInfo::isAutoCreate() const { return d->autoCreate; }
bool ColumnInfo::isAutoUpdate() const { return d->autoUpdate; }
int ColumnInfo::length() const { return d->length; }
int ColumnInfo::precision() const { return d->precision; }
int ColumnInfo::scale() const { return d->scale; }
int ColumnInfo::propertyIndex() const { return d->propertyIndex; }

namespace {
struct Registry
{
    QReadWriteLock lock;
    QHash<const QMetaObject *, const detail::ModelData *> models;
};

Registry &registry()
{
    static Registry instance;
    return instance;
}
} // namespace

namespace detail {
void registerModelData(const ModelData *data)
{
    Registry &r = registry();
    QWriteLocker locker(&r.lock);
    r.models.insert(data->metaObject, data);
}
} // namespace detail

ModelInfo ModelInfo::fromMetaObject(const QMetaObject *metaObject)
{
    Registry &r = registry();
    QReadLocker locker(&r.lock);
    return ModelInfo(r.models.value(metaObject));
}

QString ModelInfo::tableName() const { return d->table; }
const QMetaObject *ModelInfo::metaObject() const { return d->metaObject; }
int ModelInfo::columnCount() const { return int(d->columns.size()); }

ColumnInfo ModelInfo::column(int index) const
{
    if (index < 0 || index >= d->columns.size())
        return ColumnInfo();
    return ColumnInfo(&d->columns[index]);
}

ColumnInfo ModelInfo::column(const QString &name) const
{
    return column(indexOf(name));
}

int ModelInfo::indexOf(const QString &name) const
{
    return d->indexByName.value(name, -1);
}

QList<ColumnInfo> ModelInfo::columns() const
{
    QList<ColumnInfo> list;
    list.reserve(d->columns.size());
    for (const detail::ColumnData &column : d->columns)
        list.append(ColumnInfo(&column));
    return list;
}

bool ModelInfo::hasPrimaryKey() const { return d->primaryKey >= 0; }

ColumnInfo ModelInfo::primaryKey() const
{
    return column(d->primaryKey);
}

} // namespace Hy
