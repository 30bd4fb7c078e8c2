// EXPECT: no matching function for call to .*where
// A value of a type that cannot be bound does not build (here a container).
#include "testmodels.h"
#include <HysteriaQt/SqlDataSource>

#include <vector>

void run(Hy::SqlDataSource &sql)
{
    sql.from<User>().where("name", std::vector<int>{1, 2}).many();
}
