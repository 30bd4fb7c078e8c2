// EXPECT: (designator order for field .*Hy::col::StringOptions::nullable.* does not match declaration order|ISO C\+\+ requires field designators to be specified in declaration order; field 'length' will be initialized after field 'nullable')
// ERRORS: 1
// Options are written in declaration order: nullable, primaryKey, databaseName, then the kind's own.
#include <HysteriaQt/Model>

class Wrong : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Wrong, "wrong")
    HY_COLUMN(code, setCode, Hy::col::string({.length = 10, .nullable = false}))

public:
    using Hy::Model::Model;
};
