// EXPECT: find\(\) needs a model with a primary key column
// ERRORS: 1
#include "testmodels.h"
#include <HysteriaQt/ModelQuery>

void run(Hy::SqlDataSource &sql)
{
    sql.from<LogEntry>().find(1);
}
