// EXPECT: error_no_column_with_this_name_in_the_model
// ERRORS: 1
// A misspelt column name in the values of an insert does not build.
#include "testmodels.h"
#include <HysteriaQt/ModelQuery>

void run(Hy::SqlDataSource &sql)
{
    sql.from<User>().insert({{"email", "a@example.com"}, {"isActve", true}});
}
