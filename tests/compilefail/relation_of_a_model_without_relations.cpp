// EXPECT: error_no_relation_with_this_name_in_the_schema
// ERRORS: GNU 1, Clang 5
// A model that defineRelations never named has no relation to load or filter by.
#include "testschema.h"
#include <HysteriaQt/ModelQuery>

void filterSamples(Hy::SqlDataSource &sql)
{
    sql.from<Sample>().havingRelated("posts").many();
}
