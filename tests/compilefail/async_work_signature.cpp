// EXPECT: async work is callable as work\(Hy::SqlDataSource &\)
// ERRORS: GNU 5, Clang 3
// Work for the worker thread takes the data source it runs on.
#include "testmodels.h"
#include <HysteriaQt/Async>

void run(Hy::SqlDataSource &sql)
{
    sql.async([](int rows) { return rows; });
}
