// EXPECT: no matching function for call to .*where
// A char is not a number here ('a' would be bound as 97), and not text either.
#include "testmodels.h"
#include <HysteriaQt/SqlDataSource>

void run(Hy::SqlDataSource &sql)
{
    sql.from<User>().where("name", 'a').many();
}
