// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_RELATIONMODELS_H
#define HYSTERIAQT_RELATIONMODELS_H

// The models of the seed's relations example, columns only: no model
// includes another. testschema.h defines their relations.

#include <HysteriaQt/Model>

class Address : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Address, "addresses")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(street, setStreet, Hy::col::string())
    HY_COLUMN(city, setCity, Hy::col::string())

public:
    using Hy::Model::Model;
};

// A link table without a key of its own.
class UserAddress : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(UserAddress, "user_addresses")
    HY_COLUMN(userId, setUserId, Hy::col::integer({.nullable = false}))
    HY_COLUMN(addressId, setAddressId, Hy::col::integer({.nullable = false}))

public:
    using Hy::Model::Model;
};

// Soft deletes in a relation: deleted reviews are not loaded or counted.
class Review : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Review, "reviews")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(userId, setUserId, Hy::col::integer({.nullable = false}))
    HY_COLUMN(stars, setStars, Hy::col::integer())
    HY_COLUMN(deletedAt, setDeletedAt, Hy::col::datetime())

public:
    using Hy::Model::Model;
};

// A soft-deleted link, between users: a user's follows.
class Follow : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Follow, "follows")
    HY_COLUMN(followerId, setFollowerId, Hy::col::integer({.nullable = false}))
    HY_COLUMN(followedId, setFollowedId, Hy::col::integer({.nullable = false}))
    HY_COLUMN(deletedAt, setDeletedAt, Hy::col::datetime())

public:
    using Hy::Model::Model;
};

// A tree: parent and children.
class Category : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Category, "categories")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(name, setName, Hy::col::string({.nullable = false}))
    HY_COLUMN(parentId, setParentId, Hy::col::integer())

public:
    using Hy::Model::Model;
};

// Cross-model and self-referencing relations together; PascalCase columns
// and a key not called id, as another tool makes them.
class Comment : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Comment, "Comments")
    HY_MODEL_OPTIONS({.databaseCaseConvention = Hy::CaseConvention::Pascal})
    HY_COLUMN(commentId, setCommentId, Hy::col::bigIncrement())
    HY_COLUMN(postId, setPostId, Hy::col::integer({.nullable = false}))
    HY_COLUMN(parentId, setParentId, Hy::col::bigInteger())
    HY_COLUMN(body, setBody, Hy::col::text())

public:
    using Hy::Model::Model;
};

#endif // HYSTERIAQT_RELATIONMODELS_H
