// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
//
// What the compiler refuses, asserted in code that compiles, with GCC and
// Clang alike: each refusal next to what is accepted in its place, so that a
// check that could never fail would show. (tests/compilefail holds the few
// refusals that can only be shown by a build that fails.)

#include "testmodels.h"

#include <HysteriaQt/SqlDataSource>

#include <optional>
#include <type_traits>
#include <vector>

namespace {

template <typename V>
concept WhereTakes = requires(Hy::ModelQuery<User> query, const V &value) { query.where("name", value); };

// A char is not a number here ('a' would be bound as 97), and not text either.
static_assert(!WhereTakes<char>, "a char is refused as a value");
// A value of a type that cannot be bound (here a container) is refused.
static_assert(!WhereTakes<std::vector<int>>, "a container is refused as a value");
static_assert(WhereTakes<int> && WhereTakes<QString> && WhereTakes<const char *>, "values that bind are taken");
static_assert(WhereTakes<std::optional<QString>> && WhereTakes<std::nullptr_t>, "null is taken, for IS NULL");

// A nullable column is a std::optional: it is not used as a plain value by
// mistake, as TypeScript flags `string | null` used as `string`.
template <typename T>
using Plain = std::remove_cvref_t<T>;
static_assert(std::is_same_v<Plain<decltype(std::declval<const User &>().name())>, std::optional<QString>>);
static_assert(!std::is_convertible_v<decltype(std::declval<const User &>().name()), QString>,
              "a nullable column does not convert to its plain type");
static_assert(std::is_same_v<Plain<decltype(std::declval<const User &>().email())>, QString>,
              "a column that is not nullable is its plain type");

// A Hy::Decimal holds 18 digits: a wider decimal column takes QString (HY_COLUMN
// static_asserts this check), and a double does not become one by accident.
static_assert(!Hy::detail::fitsItsType(Hy::col::decimal({.precision = 19, .scale = 2})));
static_assert(Hy::detail::fitsItsType(Hy::col::decimal({.precision = 18, .scale = 2})));
static_assert(Hy::detail::fitsItsType(Hy::col::decimal<QString>({.precision = 30, .scale = 10})));
static_assert(!std::is_constructible_v<Hy::Decimal, double> && !std::is_convertible_v<double, Hy::Decimal>);
static_assert(std::is_convertible_v<int, Hy::Decimal> && std::is_convertible_v<qint64, Hy::Decimal>);
static_assert(WhereTakes<Hy::Decimal> && WhereTakes<QUuid>);

} // namespace
