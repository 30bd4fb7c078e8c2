// EXPECT: (integr.* is not a member of .*Hy::col|no member named 'integr' in namespace 'Hy::col')
// ERRORS: 1
// A misspelt kind: the one error names it, and the rest of HY_COLUMN (getter,
// setter, property, storage) adds none.
#include <HysteriaQt/Model>

class Wrong : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Wrong, "wrong")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(age, setAge, Hy::col::integr())

public:
    using Hy::Model::Model;
};
