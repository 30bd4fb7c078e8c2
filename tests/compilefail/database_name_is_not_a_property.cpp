// EXPECT: error_no_column_with_this_name_in_the_model
// Columns are named by property name; the database name is not accepted.
#include "testmodels.h"
#include <HysteriaQt/SqlDataSource>

void run(Hy::SqlDataSource &sql)
{
    sql.from<User>().orderBy("is_active").many();
}
