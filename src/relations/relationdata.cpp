// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "relations/relationdata_p.h"

#include "model/modeldata_p.h"

#include <HysteriaQt/error.h>
#include <HysteriaQt/detail/asynccall.h>
#include <HysteriaQt/model.h>

#include <QtCore/QHash>
#include <QtCore/QReadWriteLock>
#include <QtCore/QThread>
#include <QtCore/QUuid>

#include <algorithm>
#include <cstring>
#include <utility>

namespace Hy::detail {

namespace {
struct RelationRegistry
{
    QReadWriteLock lock;
    // Live as long as the program, like the models' metadata.
    QHash<const ModelData *, QList<const RelationData *>> bySource;
};

RelationRegistry &registry()
{
    // Never destroyed: the schema's tables point into it until the very end.
    static RelationRegistry *const instance = new RelationRegistry;
    return *instance;
}

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}
} // namespace

RelationKey relationKey(const QVariant &value)
{
    RelationKey key;
    if (value.isNull())
        return key;
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
        key.kind = RelationKey::Kind::Number;
        key.number = value.toLongLong();
        return key;
    default:
        break;
    }
    key.kind = RelationKey::Kind::Text;
    key.text = value.metaType() == QMetaType::fromType<QUuid>() ? value.toUuid().toString(QUuid::WithoutBraces)
                                                                  : value.toString();
    return key;
}

const RelationData *const *registerRelations(const ModelData *source, const RelationSpec *specs, int count)
{
    RelationRegistry &r = registry();
    QWriteLocker locker(&r.lock);
    QList<const RelationData *> &list = r.bySource[source];
    if (list.isEmpty()) {
        const char *bytes = reinterpret_cast<const char *>(specs);
        const quint32 stride = count > 0 ? specs[0].size : 0;
        for (int i = 0; i < count; ++i) {
            RelationSpec spec;
            std::memcpy(static_cast<void *>(&spec), bytes + std::size_t(i) * stride,
                        std::min<std::size_t>(stride, sizeof(RelationSpec)));
            auto *data = new RelationData;
            data->name = fromView(spec.name);
            data->kind = spec.kind;
            data->source = source;
            data->target = spec.target;
            data->through = spec.through;
            data->foreignKey = spec.foreignKey;
            data->leftKey = spec.leftKey;
            data->rightKey = spec.rightKey;
            data->nullable = spec.nullable;
            list.append(data);
        }
    }
    return list.constData();
}

const RelationData *findRelation(const ModelData *source, const QString &name)
{
    RelationRegistry &r = registry();
    QReadLocker locker(&r.lock);
    for (const RelationData *relation : r.bySource.value(source)) {
        if (relation->name == name)
            return relation;
    }
    return nullptr;
}

Error unknownRelationError(const QString &relation, std::string_view table)
{
    return Error(ErrorCode::UnknownRelation,
                 QStringLiteral("The model of table \"%1\" has no relation \"%2\" (are its relations defined, "
                                "and registered by Hy::createSchema()?)")
                         .arg(fromView(table), relation));
}

QVariant relationKeyValue(const RelationData *relation, const ModelData *model, int column, const Model &instance,
                          NullKey null)
{
    const ColumnData &data = model->columns[column];
    if (instance.modelInfo().data() != model) {
        throw Error(ErrorCode::InvalidValue,
                    QStringLiteral("Relation \"%1\" takes models of \"%2\", not of \"%3\"")
                            .arg(relation->name, model->table, instance.modelInfo().tableName()));
    }
    // A column neither read nor set holds its type's default, not a key.
    const bool known = ModelAccess::loaded(instance).test(std::size_t(column))
            || ModelAccess::isChanged(instance, data.slot);
    const QVariant key = known ? data.value(&instance) : QVariant();
    if (!known || (key.isNull() && null == NullKey::Refused)) {
        Error error(ErrorCode::InvalidValue,
                    QStringLiteral("Relation \"%1\" needs the \"%2\" of a %3 model, which %4")
                            .arg(relation->name, data.name, model->table,
                                 known ? QStringLiteral("is null")
                                       : QStringLiteral("was neither read (see select()) nor set")));
        error.setColumn(data.name);
        throw error;
    }
    return key;
}

Error notManyToManyError(const QString &relation, std::string_view table)
{
    return Error(ErrorCode::RelationNotManyToMany,
                 QStringLiteral("Relation \"%1\" of the model of table \"%2\" is not manyToMany: attach(), detach() "
                                "and sync() write link rows")
                         .arg(relation, fromView(table)));
}

Error relationNotLoadedError(const RelationData *relation)
{
    return Error(ErrorCode::RelationNotLoaded,
                 QStringLiteral("The relation \"%1\" of a \"%2\" model was not loaded: load(\"%1\") loads it")
                         .arg(relation->name, relation->source->table));
}

const std::vector<std::shared_ptr<Model>> *loadedModels(const Model &model, const RelationData *relation)
{
    const LoadedRelations *loaded = ModelAccess::relations(model);
    const LoadedRelations::Entry *entry = loaded ? loaded->find(relation) : nullptr;
    return entry ? &entry->models : nullptr;
}

void moveModelToThread(Model *model, QThread *thread)
{
    if (model->thread() != thread)
        model->moveToThread(thread);
    if (const LoadedRelations *loaded = ModelAccess::relations(std::as_const(*model))) {
        for (const LoadedRelations::Entry &entry : loaded->entries) {
            for (const auto &related : entry.models)
                moveModelToThread(related.get(), thread);
        }
    }
}

} // namespace Hy::detail
