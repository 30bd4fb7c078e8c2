// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_RELATIONS_H
#define HYSTERIAQT_RELATIONS_H

#include <HysteriaQt/error.h>
#include <HysteriaQt/model.h>
#include <HysteriaQt/modelinfo.h>
#include <HysteriaQt/detail/modeldata.h>
#include <HysteriaQt/detail/modeltraits.h>

#include <QtCore/QUuid>

#include <array>
#include <concepts>
#include <ranges>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>
#include <tuple>
#include <type_traits>

namespace Hy {

template <typename M>
class ModelQuery;

// The seed's defineRelations, apart from the models, in one schema header
// that includes them all, so that model headers never include each other:
//
//     template <>
//     inline constexpr auto Hy::relations<User> = Hy::defineRelations<User>(
//             Hy::hasMany<Post>("posts", {.foreignKey = "userId"}),
//             Hy::manyToMany<Address, UserAddress>("addresses", {.leftForeignKey = "userId",
//                                                                .rightForeignKey = "addressId"}));
//
// The compiler checks each foreign key against the model the seed's table
// names (the target's columns for hasOne and hasMany, the source's for
// belongsTo, the through model's for manyToMany) and its type against the
// key it refers to.
enum class RelationKind : quint8 { HasOne, HasMany, BelongsTo, ManyToMany };

// hasOne / hasMany: the target's column that holds the source's key.
struct HasOptions
{
    std::string_view foreignKey;
};

// belongsTo: the source's column that holds the target's key. `nullable =
// false` says every row has its target (the seed's option).
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

namespace detail {

// Deliberately not constexpr: a call from the consteval defineRelations()
// makes the compiler reject the definition and name the mistake.
inline void error_foreign_key_is_not_a_column_of_the_target_model() {}
inline void error_foreign_key_is_not_a_column_of_the_source_model() {}
inline void error_foreign_key_is_not_a_column_of_the_through_model() {}
inline void error_the_model_a_foreign_key_refers_to_has_no_primary_key() {}
inline void error_foreign_key_type_cannot_match_the_key_it_refers_to() {}
inline void error_two_relations_of_the_model_have_the_same_name() {}
inline void error_a_relation_needs_a_name() {}

// Which keys can be equal: whole numbers of any width, text, or UUIDs.
enum class KeyFamily : quint8 { None, Integer, Text, Uuid };

template <typename Stored>
constexpr KeyFamily keyFamilyOf()
{
    if constexpr (std::is_same_v<Stored, int> || std::is_same_v<Stored, qint64>)
        return KeyFamily::Integer;
    else if constexpr (std::is_same_v<Stored, QString>)
        return KeyFamily::Text;
    else if constexpr (std::is_same_v<Stored, QUuid>)
        return KeyFamily::Uuid;
    else
        return KeyFamily::None;
}

// The key family of column `index` of M, by what the database stores.
template <typename M>
constexpr KeyFamily columnKeyFamily(int index)
{
    KeyFamily family = KeyFamily::None;
    ModelColumns<M>::forEach([&](auto i, const auto &entry) {
        using Def = typename std::remove_cvref_t<decltype(entry)>::Definition;
        if (i == index)
            family = keyFamilyOf<typename Def::StoredType>();
    });
    return family;
}

// Which model a foreign key must be a column of.
enum class KeyHolder : quint8 { Target, Source, Through };

// A foreign key of `Holder`, referring to the primary key of `Referred`.
template <typename Holder, typename Referred>
consteval void checkForeignKey(std::string_view foreignKey, KeyHolder holder)
{
    const int column = columnIndexByAnyName<Holder>(foreignKey);
    if (column < 0) {
        if (holder == KeyHolder::Target)
            error_foreign_key_is_not_a_column_of_the_target_model();
        else if (holder == KeyHolder::Source)
            error_foreign_key_is_not_a_column_of_the_source_model();
        else
            error_foreign_key_is_not_a_column_of_the_through_model();
        return;
    }
    constexpr int key = ModelColumns<Referred>::primaryKey();
    if constexpr (key < 0) {
        error_the_model_a_foreign_key_refers_to_has_no_primary_key();
    } else {
        const KeyFamily family = columnKeyFamily<Holder>(column);
        if (family == KeyFamily::None || family != columnKeyFamily<Referred>(key))
            error_foreign_key_type_cannot_match_the_key_it_refers_to();
    }
}

template <typename Source, typename R>
consteval void checkRelation(const R &relation)
{
    using Target = typename R::TargetModel;
    if (relation.name.empty())
        error_a_relation_needs_a_name();
    if constexpr (R::kind == RelationKind::HasOne || R::kind == RelationKind::HasMany) {
        checkForeignKey<Target, Source>(relation.foreignKey, KeyHolder::Target);
    } else if constexpr (R::kind == RelationKind::BelongsTo) {
        checkForeignKey<Source, Target>(relation.foreignKey, KeyHolder::Source);
    } else {
        using Through = typename R::ThroughModel;
        checkForeignKey<Through, Source>(relation.leftForeignKey, KeyHolder::Through);
        checkForeignKey<Through, Target>(relation.rightForeignKey, KeyHolder::Through);
    }
}

} // namespace detail

// The seed's defineRelations(Source, ...): every mistake above fails to
// compile where the relations are defined, and names itself
// (error_foreign_key_is_not_a_column_of_the_target_model, ...).
template <typename Source, typename... Relations>
consteval RelationSet<Source, Relations...> defineRelations(Relations... relations)
{
    static_assert(detail::checkModel<Source>());
    (detail::checkRelation<Source>(relations), ...);
    const std::string_view names[] = {relations.name..., {}};
    for (std::size_t a = 0; a < sizeof...(Relations); ++a) {
        for (std::size_t b = a + 1; b < sizeof...(Relations); ++b) {
            if (names[a] == names[b])
                detail::error_two_relations_of_the_model_have_the_same_name();
        }
    }
    return {std::tuple<Relations...>{relations...}};
}

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

// What CallbackModel is for a callback that does not name its query's
// model: a generic lambda ([](auto &q) { ... }) or a function of anything else.
struct UnnamedCallbackModel;

// The model a relation callback's query is of: ModelQuery<T> in
// `[](Hy::ModelQuery<T> &query) { ... }`.
template <typename Member>
struct CallbackModelOfMember { using type = UnnamedCallbackModel; };
template <typename C, typename R, typename T>
struct CallbackModelOfMember<R (C::*)(ModelQuery<T> &) const> { using type = T; };
template <typename C, typename R, typename T>
struct CallbackModelOfMember<R (C::*)(ModelQuery<T> &)> { using type = T; };

template <typename F>
struct CallbackModelHelper { using type = UnnamedCallbackModel; };
template <typename F>
    requires requires { &F::operator(); }
struct CallbackModelHelper<F> : CallbackModelOfMember<decltype(&F::operator())> {};
template <typename R, typename T>
struct CallbackModelHelper<R (*)(ModelQuery<T> &)> { using type = T; };

template <typename F>
using CallbackModel = typename CallbackModelHelper<std::decay_t<F>>::type;

} // namespace detail

// A relation of model M, named as defineRelations names it. A literal is
// checked by the compiler; a QString at run time (UnknownRelation).
template <typename M>
class RelationName
{
public:
    template <std::size_t N>
    consteval RelationName(const char (&name)[N]) : m_index(detail::relationIndex<M>(std::string_view(name, N - 1)))
    {
        if (m_index < 0)
            detail::error_no_relation_with_this_name_in_the_schema();
    }
    RelationName(const QString &name) : m_index(-1)
    {
        static_assert(detail::relationCount<M>() > 0,
                      "HysteriaQt: the model has no relations here: include the schema header that defines them");
        const QByteArray utf8 = name.toUtf8();
        m_index = detail::relationIndex<M>(std::string_view(utf8.constData(), std::size_t(utf8.size())));
        if (m_index < 0)
            throw detail::unknownRelationError(name, M::hyTable);
    }

    constexpr int index() const { return m_index; }

private:
    int m_index;
};

// A manyToMany relation of M: the name attach(), detach() and sync() take.
// A literal is checked by the compiler; a QString at run time
// (UnknownRelation, RelationNotManyToMany).
template <typename M>
class ManyToManyName
{
public:
    template <std::size_t N>
    consteval ManyToManyName(const char (&name)[N]) : m_index(detail::relationIndex<M>(std::string_view(name, N - 1)))
    {
        if (m_index < 0)
            detail::error_no_relation_with_this_name_in_the_schema();
        else if (detail::relationKind<M>(m_index) != RelationKind::ManyToMany)
            detail::error_the_relation_is_not_many_to_many();
    }
    ManyToManyName(const QString &name) : m_index(RelationName<M>(name).index())
    {
        if (detail::relationKind<M>(m_index) != RelationKind::ManyToMany)
            throw detail::notManyToManyError(name, M::hyTable);
    }

    constexpr int index() const { return m_index; }

private:
    int m_index;
};

// A relation of M whose target is Target: load()'s name with a callback.
template <typename M, typename Target>
class RelationTo
{
public:
    template <std::size_t N>
    consteval RelationTo(const char (&name)[N]) : m_index(detail::relationIndex<M>(std::string_view(name, N - 1)))
    {
        if (m_index < 0)
            detail::error_no_relation_with_this_name_in_the_schema();
        else if (!std::is_same_v<Target, detail::UnnamedCallbackModel> && !targetIs(m_index))
            detail::error_the_callback_takes_the_query_of_another_model_than_the_relation();
    }

    constexpr int index() const { return m_index; }

private:
    static consteval bool targetIs(int index)
    {
        bool same = false;
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            ((int(I) == index ? same = std::is_same_v<typename detail::RelationAt<M, int(I)>::TargetModel, Target>
                              : false),
             ...);
        }(std::make_index_sequence<std::size_t(detail::relationCount<M>())>{});
        return same;
    }

    int m_index;
};

// A relation's name as a template argument: Hy::related<"posts">(user).
template <std::size_t N>
struct RelationLiteral
{
    consteval RelationLiteral(const char (&name)[N])
    {
        for (std::size_t i = 0; i < N; ++i)
            text[i] = name[i];
    }
    constexpr std::string_view view() const { return std::string_view(text, N - 1); }
    char text[N]{};
};

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

// What sync() did: the keys of the targets it linked and unlinked.
struct SyncResult
{
    QVariantList attached;
    QVariantList detached;
};

// The seed's createSchema: registers the relations of these models, so that
// their names are known at run time (Model::relation(), QML) before any
// load(). Returns the models' metadata.
template <typename... Models>
QList<ModelInfo> createSchema()
{
    QList<ModelInfo> models;
    ([&] {
        if constexpr (detail::relationCount<Models>() > 0)
            detail::relationData<Models>(0);
        models.append(ModelInfo(detail::modelData<Models>()));
    }(), ...);
    return models;
}

} // namespace Hy

#endif // HYSTERIAQT_RELATIONS_H
