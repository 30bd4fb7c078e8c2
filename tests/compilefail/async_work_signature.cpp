// EXPECT: async work is callable as work\(Hy::SqlDataSource &\)
// Work for the worker thread takes the data source it runs on.
#include "testmodels.h"
#include <HysteriaQt/SqlDataSource>

void run(Hy::SqlDataSource &sql)
{
    sql.async([](int rows) { return rows; });
}
