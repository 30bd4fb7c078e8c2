// EXPECT: (hyCounterBase.* was not declared in this scope|use of undeclared identifier 'hyCounterBase')
// ERRORS: GNU 3, Clang 2
// HY_MODEL comes first: a column before it has no table to belong to.
#include <HysteriaQt/Model>

class Early : public Hy::Model
{
    Q_OBJECT
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_MODEL(Early, "early")

public:
    using Hy::Model::Model;
};
