// EXPECT: two columns of this model map to the same database column name
// ERRORS: 1
#include <HysteriaQt/Model>

class Clash : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Clash, "clashes")
    HY_COLUMN(userId, setUserId, Hy::col::integer())
    HY_COLUMN(owner, setOwner, Hy::col::integer({.databaseName = "user_id"}))

public:
    using Hy::Model::Model;
};

Hy::ModelInfo info = Hy::modelInfo<Clash>();
