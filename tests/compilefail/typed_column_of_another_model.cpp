// EXPECT: this getter is a column of another model
// ERRORS: 1
// A getter names a column of its own model only.
#include "testmodels.h"
#include <HysteriaQt/ModelQuery>

void run(Hy::SqlDataSource &sql)
{
    sql.from<User>().where(&Post::title, "x").many();
}
