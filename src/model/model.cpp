// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "model/modeldata_p.h"
#include "relations/relationdata_p.h"

#include <HysteriaQt/comparison.h>
#include <HysteriaQt/error.h>
#include <HysteriaQt/model.h>
#include <HysteriaQt/modelquery.h>
#include <HysteriaQt/values.h>

#include <QtCore/QMetaProperty>

namespace Hy {

Model::Model(QObject *parent) : QObject(parent) {}

Model::~Model() = default;

namespace {
const detail::RelationData *namedRelation(const Model &model, const QString &name)
{
    const ModelInfo info = model.modelInfo();
    const detail::RelationData *relation = detail::findRelation(info.data(), name);
    if (!relation)
        throw detail::unknownRelationError(name, info.tableName().toStdString());
    return relation;
}
} // namespace

bool Model::isRelationLoaded(const QString &name) const
{
    return detail::loadedModels(*this, namedRelation(*this, name)) != nullptr;
}

QVariant Model::relation(const QString &name) const
{
    const detail::RelationData *relation = namedRelation(*this, name);
    const auto *models = detail::loadedModels(*this, relation);
    if (!models)
        throw detail::relationNotLoadedError(relation);
    if (!relation->isToMany())
        return models->empty() ? QVariant::fromValue(nullptr) : QVariant::fromValue<QObject *>(models->front().get());
    QVariantList list;
    list.reserve(qsizetype(models->size()));
    for (const auto &related : *models)
        list.append(QVariant::fromValue<QObject *>(related.get()));
    return list;
}

QStringList Model::changedColumns() const
{
    QStringList names;
    for (const detail::ColumnData &column : modelInfo().data()->columns) {
        if (m_changed.test(std::size_t(column.slot)))
            names.append(column.name);
    }
    return names;
}

bool Model::isChanged(const QString &column) const
{
    const ModelInfo info = modelInfo();
    const int index = info.indexOf(column);
    if (index < 0)
        throw detail::unknownColumnError(column, info.tableName().toStdString());
    return m_changed.test(std::size_t(info.data()->columns[index].slot));
}

void Model::clearChanges()
{
    m_changed.reset();
}

bool Model::isLoaded(const QString &column) const
{
    const ModelInfo info = modelInfo();
    const int index = info.indexOf(column);
    if (index < 0)
        throw detail::unknownColumnError(column, info.tableName().toStdString());
    return m_loaded.test(std::size_t(index));
}

QStringList Model::loadedColumns() const
{
    QStringList names;
    const QList<detail::ColumnData> &columns = modelInfo().data()->columns;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (m_loaded.test(std::size_t(i)))
            names.append(columns[i].name);
    }
    return names;
}

namespace detail {

Error unknownColumnError(const QString &column, std::string_view table)
{
    return Error(ErrorCode::UnknownColumn,
                 QStringLiteral("The model of table \"%1\" has no column \"%2\"")
                         .arg(QString::fromUtf8(table.data(), qsizetype(table.size())), column))
            .setColumn(column);
}

Error notAColumnGetterError(std::string_view table)
{
    return Error(ErrorCode::UnknownColumn,
                 QStringLiteral("A member function of the model of \"%1\" named as a column is not a "
                                "column's getter")
                         .arg(QString::fromUtf8(table.data(), qsizetype(table.size()))));
}

Error rowNotFoundError(const ModelData *model)
{
    return Error(ErrorCode::RowNotFound,
                 QStringLiteral("No row of \"%1\" matches the query").arg(model->table));
}

Operator parseOperatorOrThrow(const QString &text)
{
    if (const auto op = parseOperator(text.trimmed().toLower().toStdString()))
        return *op;
    throw Error(ErrorCode::UnknownOperator,
                QStringLiteral("Unknown comparison operator \"%1\"; use one of = != <> < <= > >= like")
                        .arg(text));
}

RowValues rowValuesFromMap(const ModelData *model, const QVariantMap &map)
{
    RowValues row;
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        const auto found = model->indexByName.constFind(it.key());
        if (found == model->indexByName.cend())
            throw unknownColumnError(it.key(), model->table.toStdString());
        row.set(*found, it.value());
    }
    return row;
}

RowValues rowValuesFromModel(const Model &model)
{
    RowValues row;
    const ModelData *data = model.modelInfo().data();
    for (qsizetype i = 0; i < data->columns.size(); ++i) {
        const ColumnData &column = data->columns[i];
        if (ModelAccess::isChanged(model, column.slot))
            row.set(int(i), column.value(&model));
    }
    return row;
}

} // namespace detail
} // namespace Hy
