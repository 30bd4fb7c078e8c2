// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "model/modeldata_p.h"

#include "crypto/encryptedcolumn_p.h"
#include "model/modelnotifier_p.h"

#include <HysteriaQt/columninfo.h>
#include <HysteriaQt/modelinfo.h>

#include <QtCore/QMetaObject>

#include <HysteriaQt/error.h>

#include <QtCore/QHash>
#include <QtCore/QReadWriteLock>
#include <QtCore/QSet>

#include <algorithm>
#include <cstring>
#include <memory>
#include <type_traits>

namespace Hy {

QString ColumnInfo::name() const { return d ? d->name : QString(); }
QString ColumnInfo::databaseName() const { return d ? d->databaseName : QString(); }
ColumnKind ColumnInfo::kind() const { return d ? d->kind : ColumnKind{}; }
bool ColumnInfo::isNullable() const { return d && d->nullable; }
bool ColumnInfo::isPrimaryKey() const { return d && d->primaryKey; }
bool ColumnInfo::isAutoIncrement() const { return d && d->autoIncrement; }
bool ColumnInfo::isAutoCreate() const { return d && d->autoCreate; }
bool ColumnInfo::isHidden() const { return d && d->hidden; }
bool ColumnInfo::isAutoUpdate() const { return d && d->autoUpdate; }
int ColumnInfo::length() const { return d ? d->length : -1; }
int ColumnInfo::precision() const { return d ? d->precision : -1; }
int ColumnInfo::scale() const { return d ? d->scale : -1; }
int ColumnInfo::propertyIndex() const { return d ? d->propertyIndex : -1; }

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
namespace {
// What the compiler checks of other conventions, for a function's names.
void checkDatabaseNames(const ModelData &model)
{
    QSet<QString> seen;
    for (const ColumnData &column : model.columns) {
        if (column.databaseName.isEmpty() || column.databaseName.toUtf8().size() > qsizetype(MaxIdentifierLength)) {
            throw Error(ErrorCode::InvalidQuery,
                        QStringLiteral("The databaseCaseConvention of %1 makes \"%2\" of %3: a column "
                                       "name must have 1 to 63 characters")
                                .arg(model.table, column.databaseName, column.name));
        }
        if (seen.contains(column.databaseName)) {
            throw Error(ErrorCode::InvalidQuery,
                        QStringLiteral("The databaseCaseConvention of %1 makes \"%2\" of two columns")
                                .arg(model.table, column.databaseName));
        }
        seen.insert(column.databaseName);
    }
}
QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// A name of at most 63 characters, the longest PostgreSQL keeps: a longer
// one is cut and ends with a hash of the whole, so that it stays unique.
QString identifier(const QString &name)
{
    if (name.toUtf8().size() <= qsizetype(MaxIdentifierLength))
        return name;
    quint32 hash = 2166136261u; // FNV-1a
    for (const char c : name.toUtf8()) {
        hash ^= quint8(c);
        hash *= 16777619u;
    }
    QString head = name.left(54);
    while (head.toUtf8().size() > 54)
        head.chop(1);
    return head + u'_' + QString::number(hash, 16).rightJustified(8, u'0');
}

QList<IndexData> indexData(const ModelData &model, std::span<const IndexDefinition> definitions,
                           const QString &prefix)
{
    QList<IndexData> list;
    for (const IndexDefinition &definition : definitions) {
        IndexData index;
        QStringList names;
        for (int i = 0; i < definition.columns.size(); ++i) {
            index.columns.append(model.indexByName.value(fromView(definition.columns[i])));
            names.append(model.columns[index.columns.last()].databaseName);
        }
        index.name = definition.name.empty()
                ? identifier(prefix + model.table + u'_' + names.join(u'_'))
                : fromView(definition.name);
        list.append(index);
    }
    return list;
}

// chk_<table>_<the expression's letters and digits, runs of others as _>.
QString checkName(const QString &table, const QString &expression)
{
    QString slug;
    for (const QChar c : expression.toLower()) {
        if (c.isLetterOrNumber())
            slug += c;
        else if (!slug.isEmpty() && !slug.endsWith(u'_'))
            slug += u'_';
    }
    while (slug.endsWith(u'_'))
        slug.chop(1);
    return identifier(QStringLiteral("chk_") + table + u'_' + slug);
}
// Default names are made of words, so "a > b" and "a >= b" would share one,
// and the seed's own example names one unique twice (["email"] and
// uq_users_email): a later constraint of a name already taken is numbered.
// A name given longer than PostgreSQL keeps is refused, not cut.
void uniqueConstraintNames(ModelData &model)
{
    QSet<QString> seen;
    auto claim = [&](QString &name) {
        if (name.toUtf8().size() > qsizetype(MaxIdentifierLength)) {
            throw Error(ErrorCode::InvalidQuery,
                        QStringLiteral("The constraint name \"%1\" of %2 is longer than 63 bytes").arg(name, model.table));
        }
        const QString base = name;
        for (int n = 2; seen.contains(name); ++n)
            name = identifier(base + u'_' + QString::number(n));
        seen.insert(name);
    };
    for (IndexData &index : model.indexes)
        claim(index.name);
    for (IndexData &unique : model.uniques)
        claim(unique.name);
    for (CheckData &check : model.checks)
        claim(check.name);
}
} // namespace

// A spec of the application's header, which may be older (shorter: the
// fields it lacks keep their defaults) or newer (longer: the fields this
// library does not know are left out) than the library's.
template <typename Spec>
Spec specOfThisVersion(const void *given, quint32 givenSize)
{
    static_assert(std::is_trivially_copyable_v<Spec>);
    Spec spec;
    std::memcpy(static_cast<void *>(&spec), given, std::min<std::size_t>(givenSize, sizeof(Spec)));
    return spec;
}

const ModelData *registerModelSpec(const ModelSpec &givenSpec)
{
    const ModelSpec spec = specOfThisVersion<ModelSpec>(&givenSpec, givenSpec.size);
    // The columns are an array of the application's ColumnSpec: its size is their stride.
    const char *columnBytes = reinterpret_cast<const char *>(spec.columns);
    const quint32 columnStride = spec.columnCount > 0 ? spec.columns[0].size : 0;

    // Lives as long as the program, like a QMetaObject, once registered.
    auto owner = std::make_unique<ModelData>();
    ModelData *data = owner.get();
    data->table = QString::fromUtf8(spec.table.data(), qsizetype(spec.table.size()));
    data->metaObject = spec.metaObject;
    data->primaryKey = spec.primaryKey;
    data->create = spec.create;
    data->columns.reserve(spec.columnCount);
    for (int i = 0; i < spec.columnCount; ++i) {
        const ColumnSpec c = specOfThisVersion<ColumnSpec>(columnBytes + std::size_t(i) * columnStride, columnStride);
        ColumnData column;
        column.name = QString::fromLatin1(c.name.data(), qsizetype(c.name.size()));
        column.databaseName = QString::fromUtf8(c.databaseName.data(), qsizetype(c.databaseName.size()));
        column.kind = c.kind;
        column.nullable = c.flags & ColumnSpec::Nullable;
        column.primaryKey = c.flags & ColumnSpec::PrimaryKey;
        column.autoIncrement = c.flags & ColumnSpec::AutoIncrement;
        column.autoCreate = c.flags & ColumnSpec::AutoCreate;
        column.autoUpdate = c.flags & ColumnSpec::AutoUpdate;
        column.hidden = c.flags & ColumnSpec::Hidden;
        column.convertsType = c.flags & ColumnSpec::ConvertsType;
        column.jsonShape = c.flags & ColumnSpec::JsonObject ? JsonShape::Object
                         : c.flags & ColumnSpec::JsonArray  ? JsonShape::Array
                                                            : JsonShape::Any;
        column.length = c.length;
        column.precision = c.precision;
        column.scale = c.scale;
        column.slot = c.slot;
        column.propertyIndex = spec.metaObject->indexOfProperty(column.name.toLatin1().constData());
        column.read = c.read;
        column.value = c.value;
        column.prepare = c.prepare;
        column.defaultValue = c.defaultValue;
        const std::string_view defaultText = c.defaultValue.text();
        column.defaultText = QString::fromUtf8(defaultText.data(), qsizetype(defaultText.size()));
        column.sqlType = QString::fromUtf8(c.sqlType.data(), qsizetype(c.sqlType.size()));
        if (c.metaEnum) {
            column.metaEnum = c.metaEnum();
            for (int k = 0; k < column.metaEnum.keyCount(); ++k)
                column.enumValues.append(QString::fromLatin1(column.metaEnum.key(k)));
        } else if (c.enumValues) {
            for (int k = 0; k < c.enumValues->size(); ++k) {
                const std::string_view value = (*c.enumValues)[k];
                column.enumValues.append(QString::fromUtf8(value.data(), qsizetype(value.size())));
            }
        }
        if (column.kind == ColumnKind::Encrypted)
            column.encrypted = std::make_shared<EncryptedColumn>(c.encryptionKey, c.publicKey, c.privateKey);
        if (column.kind == ColumnKind::Enum) {
            column.length = 1; // VARCHAR wide enough for the longest value
            for (const QString &value : std::as_const(column.enumValues))
                column.length = std::max(column.length, int(value.size()));
        }
        if (spec.databaseCase && !(c.flags & ColumnSpec::NamedInDatabase))
            column.databaseName = spec.databaseCase(column.name);
        data->indexByName.insert(column.name, i);
        data->columns.append(column);
    }
    if (spec.databaseCase)
        checkDatabaseNames(*data);
    data->indexes = indexData(*data, spec.indexes, QStringLiteral("idx_"));
    data->uniques = indexData(*data, spec.uniques, QStringLiteral("uq_"));
    for (const CheckDefinition &definition : spec.checks) {
        const QString expression = fromView(definition.expression);
        data->checks.append({definition.name.empty() ? checkName(data->table, expression) : fromView(definition.name),
                             expression});
    }
    uniqueConstraintNames(*data);
    data->softDeleteColumn = spec.softDeleteColumn;
    switch (spec.softDeleteValue.type()) {
    case SoftDeleteValue::Type::CurrentTime:
        break;
    case SoftDeleteValue::Type::Boolean:
        data->softDeleteValue = spec.softDeleteValue.boolean();
        break;
    case SoftDeleteValue::Type::Text: {
        const std::string_view text = spec.softDeleteValue.text();
        data->softDeleteValue = QString::fromUtf8(text.data(), qsizetype(text.size()));
        break;
    }
    }
    if (spec.hooks)
        data->hooks = specOfThisVersion<HookTable>(spec.hooks, spec.hooks->size);
    Registry &r = registry();
    QWriteLocker locker(&r.lock);
    // Registered already through another library's copy of modelData<M>():
    // one metadata and one notifier per class.
    if (const ModelData *existing = r.models.value(data->metaObject))
        return existing;
    data->notifier = NotifierAccess::create(data);
    r.models.insert(data->metaObject, owner.release());
    return data;
}
} // namespace detail

ModelInfo ModelInfo::fromMetaObject(const QMetaObject *metaObject)
{
    Registry &r = registry();
    QReadLocker locker(&r.lock);
    return ModelInfo(r.models.value(metaObject));
}

QString ModelInfo::tableName() const { return d ? d->table : QString(); }
const QMetaObject *ModelInfo::metaObject() const { return d ? d->metaObject : nullptr; }
int ModelInfo::columnCount() const { return d ? int(d->columns.size()) : 0; }

ColumnInfo ModelInfo::column(int index) const
{
    if (!d || index < 0 || index >= d->columns.size())
        return ColumnInfo();
    return ColumnInfo(&d->columns[index]);
}

ColumnInfo ModelInfo::column(const QString &name) const
{
    return column(indexOf(name));
}

int ModelInfo::indexOf(const QString &name) const
{
    return d ? d->indexByName.value(name, -1) : -1;
}

QList<ColumnInfo> ModelInfo::columns() const
{
    QList<ColumnInfo> list;
    if (!d)
        return list;
    list.reserve(d->columns.size());
    for (const detail::ColumnData &column : d->columns)
        list.append(ColumnInfo(&column));
    return list;
}

bool ModelInfo::hasPrimaryKey() const { return d && d->primaryKey >= 0; }

ColumnInfo ModelInfo::primaryKey() const
{
    return d ? column(d->primaryKey) : ColumnInfo();
}

} // namespace Hy
