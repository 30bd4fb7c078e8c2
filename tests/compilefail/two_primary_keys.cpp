// EXPECT: a model can have only one primary key column
// ERRORS: 1
#include <HysteriaQt/Model>

class Twice : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Twice, "twice")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(code, setCode, Hy::col::string({.primaryKey = true}))

public:
    using Hy::Model::Model;
};

Hy::ModelInfo info = Hy::modelInfo<Twice>();
