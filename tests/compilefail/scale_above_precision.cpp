// EXPECT: a decimal column needs 0 < precision <= 65 and 0 <= scale <= precision
// ERRORS: 1
#include <HysteriaQt/Model>

class Money : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Money, "money")
    HY_COLUMN(amount, setAmount, Hy::col::decimal({.precision = 4, .scale = 6}))

public:
    using Hy::Model::Model;
};
