#pragma once

#include <HysteriaQt/Model>

class Post : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Post, "posts")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(title, setTitle, Hy::col::string())
    HY_COLUMN(body, setBody, Hy::col::text())
    HY_COLUMN(userId, setUserId, Hy::col::integer())
    HY_COLUMN(createdAt, setCreatedAt, Hy::col::datetime({.autoCreate = true}))
    HY_COLUMN(updatedAt, setUpdatedAt, Hy::col::datetime({.autoCreate = true, .autoUpdate = true}))

public:
    using Hy::Model::Model;
};
