// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_RELATED_H
#define HYSTERIAQT_RELATED_H

#include <HysteriaQt/model.h>
#include <HysteriaQt/relationname.h>
#include <HysteriaQt/detail/relationregistry.h>

#include <QtCore/QList>

#include <concepts>
#include <memory>
#include <ranges>
#include <type_traits>
#include <vector>

namespace Hy {

namespace detail {
// The models loaded for a relation, or null when it was not loaded.
HYSTERIAQT_EXPORT const std::vector<std::shared_ptr<Model>> *loadedModels(const Model &model,
                                                                        const RelationData *relation);
HYSTERIAQT_EXPORT Error relationNotLoadedError(const RelationData *relation);
} // namespace detail

namespace detail {
template <typename>
inline constexpr bool dependentFalse = false;

// The target model of relation `index` of M.
template <typename M, int Index>
using RelationTarget = typename RelationAt<M, Index>::TargetModel;

// A model, a pointer to one or a smart pointer to one, as a pointer.
template <typename T>
const Model *modelPointer(const T &model)
{
    if constexpr (std::is_base_of_v<Model, T>)
        return &model;
    else
        return &*model;
}

// A range of models, or of (smart) pointers to models: attach()'s targets.
template <typename R>
concept ModelRange = requires(std::ranges::range_reference_t<const R &> element) {
    { modelPointer(element) } -> std::same_as<const Model *>;
} && (std::is_base_of_v<Model, std::remove_cvref_t<std::ranges::range_reference_t<const R &>>>
      || requires(std::ranges::range_reference_t<const R &> element) {
             requires std::is_base_of_v<Model, std::remove_cvref_t<decltype(*element)>>;
         });

// The index of M's relation called Name, checked.
template <typename M, RelationLiteral Name>
consteval int checkedRelationIndex()
{
    constexpr int index = relationIndex<M>(Name.view());
    static_assert(index >= 0, "HysteriaQt: the model has no relation of this name (is its schema header included?)");
    return index;
}
} // namespace detail

// A relation loaded with load(), typed: QList<Post *> for hasMany and
// manyToMany, Post * (null for none) for hasOne and belongsTo. The models
// belong to `model` (a belongsTo target may be shared by several models).
// Throws Hy::Error(RelationNotLoaded) when it was not loaded.
template <RelationLiteral Name, typename M>
auto related(const M &model)
{
    constexpr int index = detail::checkedRelationIndex<M, Name>();
    using R = detail::RelationAt<M, index>;
    using Target = typename R::TargetModel;
    const auto *models = detail::loadedModels(model, detail::relationData<M>(index));
    if (!models)
        throw detail::relationNotLoadedError(detail::relationData<M>(index));
    if constexpr (R::kind == RelationKind::HasMany || R::kind == RelationKind::ManyToMany) {
        QList<Target *> list;
        list.reserve(qsizetype(models->size()));
        for (const auto &related : *models)
            list.append(static_cast<Target *>(related.get()));
        return list;
    } else {
        return models->empty() ? static_cast<Target *>(nullptr) : static_cast<Target *>(models->front().get());
    }
}

} // namespace Hy

#endif // HYSTERIAQT_RELATED_H
