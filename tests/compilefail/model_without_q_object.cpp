// EXPECT: HysteriaQt: a model class needs Q_OBJECT
// ERRORS: 1
// Without Q_OBJECT the class has Hy::Model's meta-object: none of its columns
// would be properties, and every such model would share one registration.
#include <HysteriaQt/Model>

class Plain : public Hy::Model
{
    HY_MODEL(Plain, "plain")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(name, setName, Hy::col::string())

public:
    using Hy::Model::Model;
};
