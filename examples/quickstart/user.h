#pragma once

#include <HysteriaQt/Model>

// hysteria-orm's User, without its hooks (they come with the hooks support).
class User : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(User, "users")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(name, setName, Hy::col::string())
    HY_COLUMN(email, setEmail, Hy::col::string({.nullable = false}))
    HY_COLUMN(isActive, setActive, Hy::col::boolean())
    HY_COLUMN(createdAt, setCreatedAt, Hy::col::datetime({.autoCreate = true}))
    HY_COLUMN(updatedAt, setUpdatedAt, Hy::col::datetime({.autoCreate = true, .autoUpdate = true}))

public:
    using Hy::Model::Model;
};
