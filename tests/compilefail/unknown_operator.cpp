// EXPECT: error_unknown_comparison_operator
// ERRORS: 1
// An operator hysteria-orm does not know does not build.
#include "testmodels.h"
#include <HysteriaQt/ModelQuery>

void run(Hy::SqlDataSource &sql)
{
    sql.from<User>().where("id", "=>", 1).many();
}
