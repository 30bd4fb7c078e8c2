// EXPECT: the callback does not name the relation's query type
// ERRORS: 1
// An auto callback cannot know its model from a name given at run time:
// the message says to name the type, or the relation as a template argument.
#include "testschema.h"
#include <HysteriaQt/ModelQuery>

void loadPosts(Hy::SqlDataSource &sql)
{
    sql.from<User>().load("posts", [](auto &q) { q.load("user"); }).many();
}
