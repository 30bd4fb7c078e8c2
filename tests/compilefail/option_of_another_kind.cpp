// EXPECT: (could not convert .* to .*Hy::col::IntegerOptions|field designator 'length' does not refer to any field in type '(Hy::col::)?IntegerOptions<int>')
// ERRORS: 1
// An option the kind does not have is an error, not silently ignored, and the
// only one: the rest of HY_COLUMN does not report the column again.
#include <HysteriaQt/Model>

class Wrong : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Wrong, "wrong")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(age, setAge, Hy::col::integer({.length = 3}))

public:
    using Hy::Model::Model;
};
