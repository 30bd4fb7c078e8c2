// EXPECT: a transaction's work is callable as work\(Hy::Transaction &\) or work\(\)
// ERRORS: GNU 3, Clang 2
// A transaction's callback takes the transaction, or nothing.
#include "testmodels.h"
#include <HysteriaQt/ModelQuery>

void run(Hy::SqlDataSource &sql)
{
    sql.transaction([](Hy::SqlDataSource &) {});
}
