// EXPECT: this value does not fit the column's type
// ERRORS: 1
// A column named by its getter takes values of its type only: the seed's
// TypeScript refuses `where("isActive", "yes")`.
#include "testmodels.h"
#include <HysteriaQt/ModelQuery>

void run(Hy::SqlDataSource &sql)
{
    sql.from<User>().where(&User::isActive, "yes").many();
}
