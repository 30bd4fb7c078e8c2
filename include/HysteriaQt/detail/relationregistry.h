// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_DETAIL_RELATIONREGISTRY_H
#define HYSTERIAQT_DETAIL_RELATIONREGISTRY_H

// Not public API: a model's relations as the library keeps them, registered
// on first use from the schema's Hy::relations<M>.

#include <HysteriaQt/error.h>
#include <HysteriaQt/hysteriaqt_global.h>
#include <HysteriaQt/relation.h>
#include <HysteriaQt/detail/modeldata.h>

#include <array>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace Hy {

namespace detail {

// What a relation is, handed by the schema's code to the library, which
// keeps its own RelationData; sized, as ModelSpec is.
struct RelationSpec
{
    quint32 size = sizeof(RelationSpec);
    RelationKind kind = RelationKind::HasMany;
    std::string_view name;
    const ModelData *target = nullptr;
    const ModelData *through = nullptr;
    int foreignKey = -1; // the target's column (hasOne, hasMany), the source's (belongsTo)
    int leftKey = -1;    // the through model's columns (manyToMany)
    int rightKey = -1;
    bool nullable = true;
};

struct RelationData; // the library's own

// Registers the relations of `source` once; their metadata, in order.
HYSTERIAQT_EXPORT const RelationData *const *registerRelations(const ModelData *source, const RelationSpec *specs,
                                                               int count);

template <typename M>
constexpr int relationCount()
{
    return relations<M>.count;
}

template <typename M>
constexpr int relationIndex(std::string_view name)
{
    if constexpr (relationCount<M>() == 0) {
        return -1;
    } else {
        int index = -1;
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            ((index < 0 && std::get<I>(relations<M>.relations).name == name ? index = int(I) : 0), ...);
        }(std::make_index_sequence<std::size_t(relationCount<M>())>{});
        return index;
    }
}

template <typename M, int I>
using RelationAt = std::remove_cvref_t<decltype(std::get<I>(relations<M>.relations))>;

template <typename R>
const ModelData *throughData()
{
    if constexpr (std::is_void_v<typename R::ThroughModel>)
        return nullptr;
    else
        return modelData<typename R::ThroughModel>();
}

// The library's metadata of relation `index` of M, registered on first use.
template <typename M>
const RelationData *relationData(int index)
{
    // Read in a file that does not see the schema's specialization, the
    // model would have no relations there and others elsewhere.
    static_assert(relationCount<M>() > 0,
                  "HysteriaQt: the model has no relations here: include the schema header that defines them");
    static const RelationData *const *const table = [] {
        constexpr int count = relationCount<M>();
        std::array<RelationSpec, std::size_t(count)> specs{};
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            ((specs[I] = [] {
                 using R = RelationAt<M, int(I)>;
                 constexpr R relation = std::get<I>(relations<M>.relations);
                 using Target = typename R::TargetModel;
                 RelationSpec spec;
                 spec.kind = R::kind;
                 spec.name = relation.name;
                 spec.target = modelData<Target>();
                 spec.through = throughData<R>();
                 spec.nullable = relation.nullable;
                 if constexpr (R::kind == RelationKind::HasOne || R::kind == RelationKind::HasMany)
                     spec.foreignKey = columnIndexByAnyName<Target>(relation.foreignKey);
                 else if constexpr (R::kind == RelationKind::BelongsTo)
                     spec.foreignKey = columnIndexByAnyName<M>(relation.foreignKey);
                 else {
                     spec.leftKey = columnIndexByAnyName<typename R::ThroughModel>(relation.leftForeignKey);
                     spec.rightKey = columnIndexByAnyName<typename R::ThroughModel>(relation.rightForeignKey);
                 }
                 return spec;
             }()),
             ...);
        }(std::make_index_sequence<std::size_t(count)>{});
        return registerRelations(modelData<M>(), specs.data(), count);
    }();
    return table[index];
}

// The target model's metadata of relation `index` of M.
template <typename M>
const ModelData *relationTargetData(int index)
{
    const ModelData *target = nullptr;
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        ((int(I) == index ? (target = modelData<typename RelationAt<M, int(I)>::TargetModel>(), 0) : 0), ...);
    }(std::make_index_sequence<std::size_t(relationCount<M>())>{});
    return target;
}

inline void error_no_relation_with_this_name_in_the_schema() {}
inline void error_the_relation_is_not_many_to_many() {}
inline void error_the_callback_takes_the_query_of_another_model_than_the_relation() {}

HYSTERIAQT_EXPORT Error unknownRelationError(const QString &relation, std::string_view table);
HYSTERIAQT_EXPORT Error notManyToManyError(const QString &relation, std::string_view table);

template <typename M>
constexpr RelationKind relationKind(int index)
{
    RelationKind kind = RelationKind::HasMany;
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        ((int(I) == index ? (kind = RelationAt<M, int(I)>::kind, 0) : 0), ...);
    }(std::make_index_sequence<std::size_t(relationCount<M>())>{});
    return kind;
}

} // namespace detail
} // namespace Hy

#endif // HYSTERIAQT_DETAIL_RELATIONREGISTRY_H
