// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_TESTSCHEMA_H
#define HYSTERIAQT_TESTSCHEMA_H

// The seed's schema.ts in C++: the one header that includes every model and
// defines their relations.

#include "relationmodels.h"
#include "testmodels.h"

#include <HysteriaQt/Relations>

template <>
inline constexpr auto Hy::relations<User> = Hy::defineRelations<User>(
        Hy::hasOne<Post>("post", {.foreignKey = "userId"}),
        Hy::hasMany<Post>("posts", {.foreignKey = "userId"}),
        Hy::manyToMany<Address, UserAddress>("addresses", {.leftForeignKey = "userId", .rightForeignKey = "addressId"}),
        Hy::hasMany<Review>("reviews", {.foreignKey = "userId"}),
        Hy::manyToMany<User, Follow>("follows", {.leftForeignKey = "followerId", .rightForeignKey = "followedId"}));

template <>
inline constexpr auto Hy::relations<Post> = Hy::defineRelations<Post>(
        Hy::belongsTo<User>("user", {.foreignKey = "userId"}),
        Hy::hasMany<Comment>("comments", {.foreignKey = "postId"}));

template <>
inline constexpr auto Hy::relations<Address> = Hy::defineRelations<Address>(
        Hy::manyToMany<User, UserAddress>("users", {.leftForeignKey = "addressId", .rightForeignKey = "userId"}));

template <>
inline constexpr auto Hy::relations<Category> = Hy::defineRelations<Category>(
        Hy::belongsTo<Category>("parent", {.foreignKey = "parentId"}),
        Hy::hasMany<Category>("children", {.foreignKey = "parentId"}));

// Foreign keys named by database name work too ("PostId").
template <>
inline constexpr auto Hy::relations<Comment> = Hy::defineRelations<Comment>(
        Hy::belongsTo<Post>("post", {.foreignKey = "PostId", .nullable = false}),
        Hy::belongsTo<Comment>("parent", {.foreignKey = "parentId"}),
        Hy::hasMany<Comment>("replies", {.foreignKey = "parentId"}));

#endif // HYSTERIAQT_TESTSCHEMA_H
