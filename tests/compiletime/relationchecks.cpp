// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
//
// The seed's relations, checked by the compiler where they are defined
// (tests/common/testschema.h); the refusals are compile-fail tests
// (tests/compilefail/relation_*.cpp).

#include "testschema.h"

#include <tuple>

namespace {

static_assert(Hy::relations<User>.count == 5 && Hy::relations<Post>.count == 2 && Hy::relations<Category>.count == 2);
static_assert(Hy::relations<Document>.count == 0, "a model without defineRelations has none");

constexpr auto posts = std::get<1>(Hy::relations<User>.relations);
static_assert(posts.kind == Hy::RelationKind::HasMany && posts.name == "posts" && posts.foreignKey == "userId");
static_assert(std::is_same_v<decltype(posts)::TargetModel, Post>);
constexpr auto addresses = std::get<2>(Hy::relations<User>.relations);
static_assert(std::is_same_v<decltype(addresses)::ThroughModel, UserAddress>);
static_assert(!std::get<0>(Hy::relations<Comment>.relations).nullable, "the seed's nullable: false");

// Keys match by family: whole numbers of any width, text, UUIDs.
using Hy::detail::KeyFamily;
static_assert(Hy::detail::columnKeyFamily<Comment>(0) == KeyFamily::Integer, "a bigIncrement");
static_assert(Hy::detail::columnKeyFamily<Document>(0) == KeyFamily::Uuid);
static_assert(Hy::detail::columnKeyFamily<Document>(1) == KeyFamily::Text, "a ulid is text");
static_assert(Hy::detail::columnKeyFamily<User>(4) == KeyFamily::None, "a date-time is no key");

} // namespace
