// EXPECT: this value does not fit the column's type
// ERRORS: 1
// Null for a column that is not nullable, in an insert, does not build.
#include "testmodels.h"
#include <HysteriaQt/ModelQuery>

void run(Hy::SqlDataSource &sql)
{
    sql.from<User>().insert({{&User::name, "Ann"}, {&User::email, nullptr}});
}
