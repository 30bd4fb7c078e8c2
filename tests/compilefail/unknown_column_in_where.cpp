// EXPECT: error_no_column_with_this_name_in_the_model
// ERRORS: 1
// A misspelt column name in a where() does not build.
#include "testmodels.h"
#include <HysteriaQt/ModelQuery>

void run(Hy::SqlDataSource &sql)
{
    sql.from<User>().where("nmae", "Alice").many();
}
