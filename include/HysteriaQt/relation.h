// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_RELATION_H
#define HYSTERIAQT_RELATION_H

#include <QtCore/qglobal.h>

#include <string_view>
#include <tuple>

namespace Hy {

// hysteria-orm's defineRelations, apart from the models, in one schema header
// that includes them all, so that model headers never include each other:
//
//     template <>
//     inline constexpr auto Hy::relations<User> = Hy::defineRelations<User>(
//             Hy::hasMany<Post>("posts", {.foreignKey = "userId"}),
//             Hy::manyToMany<Address, UserAddress>("addresses", {.leftForeignKey = "userId",
//                                                                .rightForeignKey = "addressId"}));
//
// The compiler checks each foreign key against the model it must be a
// column of, as hysteria-orm's relation table says (the target for hasOne and
// hasMany, the source for belongsTo, the through model for manyToMany), and
// its type against the key it refers to.
enum class RelationKind : quint8 { HasOne, HasMany, BelongsTo, ManyToMany };

// hasOne / hasMany: the target's column that holds the source's key.
struct HasOptions
{
    std::string_view foreignKey;
};

// belongsTo: the source's column that holds the target's key. `nullable =
// false` says every row has its target (hysteria-orm's option).
struct BelongsToOptions
{
    std::string_view foreignKey;
    bool nullable = true;
};

// manyToMany: the through model's columns holding the source's key (left)
// and the target's key (right).
struct ManyToManyOptions
{
    std::string_view leftForeignKey;
    std::string_view rightForeignKey;
};

template <RelationKind Kind, typename Target, typename Through = void>
struct Relation
{
    using TargetModel = Target;
    using ThroughModel = Through;
    static constexpr RelationKind kind = Kind;

    std::string_view name;
    std::string_view foreignKey;      // hasOne, hasMany, belongsTo
    std::string_view leftForeignKey;  // manyToMany
    std::string_view rightForeignKey; // manyToMany
    bool nullable = true;             // belongsTo
};

template <typename Target>
constexpr Relation<RelationKind::HasOne, Target> hasOne(std::string_view name, HasOptions options)
{
    return {name, options.foreignKey, {}, {}, true};
}

template <typename Target>
constexpr Relation<RelationKind::HasMany, Target> hasMany(std::string_view name, HasOptions options)
{
    return {name, options.foreignKey, {}, {}, true};
}

template <typename Target>
constexpr Relation<RelationKind::BelongsTo, Target> belongsTo(std::string_view name, BelongsToOptions options)
{
    return {name, options.foreignKey, {}, {}, options.nullable};
}

template <typename Target, typename Through>
constexpr Relation<RelationKind::ManyToMany, Target, Through> manyToMany(std::string_view name,
                                                                        ManyToManyOptions options)
{
    return {name, {}, options.leftForeignKey, options.rightForeignKey, true};
}

// The relations of one model, made by defineRelations().
template <typename Source, typename... Relations>
struct RelationSet
{
    using Model = Source;
    static constexpr int count = int(sizeof...(Relations));
    std::tuple<Relations...> relations;
};

// What a model without defineRelations has.
struct NoRelations
{
    static constexpr int count = 0;
};

// A model's relations: specialized in the schema header, as above.
template <typename M>
inline constexpr auto relations = NoRelations{};

} // namespace Hy

#endif // HYSTERIAQT_RELATION_H
