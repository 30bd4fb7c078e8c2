// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_RELATIONDATA_P_H
#define HYSTERIAQT_RELATIONDATA_P_H

#include <HysteriaQt/relations.h>

#include <QtCore/QHashFunctions>
#include <QtCore/QList>
#include <QtCore/QString>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace Hy::detail {

// A relation as the library keeps it, built once from its RelationSpec.
struct RelationData
{
    QString name;
    RelationKind kind = RelationKind::HasMany;
    const ModelData *source = nullptr;
    const ModelData *target = nullptr;
    const ModelData *through = nullptr;
    int foreignKey = -1;
    int leftKey = -1;
    int rightKey = -1;
    bool nullable = true;

    bool isToMany() const { return kind == RelationKind::HasMany || kind == RelationKind::ManyToMany; }
};

// The relations a model instance has loaded, in the order loaded.
struct LoadedRelations
{
    struct Entry
    {
        const RelationData *relation;
        std::vector<std::shared_ptr<Model>> models;
    };
    std::vector<Entry> entries;

    const Entry *find(const RelationData *relation) const
    {
        for (const Entry &entry : entries) {
            if (entry.relation == relation)
                return &entry;
        }
        return nullptr;
    }
};

// A key that is equal for equal keys whatever the driver returned (an int
// and a qint64 of the same value, a QUuid and its text), and costs no
// allocation for a whole number, the common key.
struct RelationKey
{
    enum class Kind : quint8 { Null, Number, Text };
    Kind kind = Kind::Null;
    qint64 number = 0;
    QString text;

    bool isNull() const { return kind == Kind::Null; }
    friend bool operator==(const RelationKey &a, const RelationKey &b)
    {
        return a.kind == b.kind && a.number == b.number && a.text == b.text;
    }
};

inline size_t qHash(const RelationKey &key, size_t seed = 0)
{
    return key.kind == RelationKey::Kind::Text ? ::qHash(key.text, seed) : ::qHash(key.number, seed);
}

RelationKey relationKey(const QVariant &value);

// `instance`'s value of `column` of `model`, a key of `relation`:
// INVALID_VALUE when the instance is of another model, when the column was
// neither read nor set (it then holds a default, not a key), and when it is
// null unless that is allowed.
enum class NullKey : quint8 { Refused, Allowed };
QVariant relationKeyValue(const RelationData *relation, const ModelData *model, int column, const Model &instance,
                          NullKey null = NullKey::Refused);

// The registered relation of `source` called `name`, or null.
const RelationData *findRelation(const ModelData *source, const QString &name);

} // namespace Hy::detail

#endif // HYSTERIAQT_RELATIONDATA_P_H
