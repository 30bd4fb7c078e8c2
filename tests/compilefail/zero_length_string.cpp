// EXPECT: a string column's length must be positive
// ERRORS: 1
#include <HysteriaQt/Model>

class Wrong : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Wrong, "wrong")
    HY_COLUMN(code, setCode, Hy::col::string({.length = 0}))

public:
    using Hy::Model::Model;
};
