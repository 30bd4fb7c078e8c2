// EXPECT: error_the_callback_takes_the_query_of_another_model_than_the_relation
// ERRORS: 1
// The callback's query is of the relation's target: posts, not users.
#include "testschema.h"
#include <HysteriaQt/ModelQuery>

void filter(Hy::SqlDataSource &sql)
{
    sql.from<User>().havingRelated("posts", [](Hy::ModelQuery<User> &q) { q.where("name", "x"); }).many();
}
