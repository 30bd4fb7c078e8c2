// EXPECT: HY_COLUMN's third argument must be a Hy::col:: descriptor
// ERRORS: 1
#include <HysteriaQt/Model>

class Wrong : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Wrong, "wrong")
    HY_COLUMN(id, setId, 42)

public:
    using Hy::Model::Model;
};
