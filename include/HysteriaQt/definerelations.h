// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_DEFINERELATIONS_H
#define HYSTERIAQT_DEFINERELATIONS_H

#include <HysteriaQt/model.h>
#include <HysteriaQt/relation.h>
#include <HysteriaQt/detail/modeltraits.h>

#include <QtCore/QUuid>

#include <cstddef>
#include <string_view>
#include <type_traits>

namespace Hy {

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

// hysteria-orm's defineRelations(Source, ...): every mistake above fails to
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

} // namespace Hy

#endif // HYSTERIAQT_DEFINERELATIONS_H
