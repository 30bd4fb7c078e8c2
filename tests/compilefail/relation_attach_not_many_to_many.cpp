// EXPECT: error_the_relation_is_not_many_to_many
// ERRORS: 1
// attach(), detach() and sync() write link rows: a hasMany has none.
#include "testschema.h"
#include <HysteriaQt/ModelQuery>

void attachPosts(Hy::SqlDataSource &sql, const User &user)
{
    sql.from<User>().attach("posts", user, {1, 2});
}
