// EXPECT: error_no_relation_with_this_name_in_the_schema
// ERRORS: 1
// A relation name given as a literal is checked against the schema.
#include "testschema.h"
#include <HysteriaQt/ModelQuery>

void loadPostz(Hy::SqlDataSource &sql)
{
    sql.from<User>().load("postz").many();
}
