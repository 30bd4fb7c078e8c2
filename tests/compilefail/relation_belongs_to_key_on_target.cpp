// EXPECT: error_foreign_key_is_not_a_column_of_the_source_model
// ERRORS: GNU 1, Clang 2
// A belongsTo's foreign key is the source's column: "userId" is Post's, not User's.
#include "testmodels.h"
#include <HysteriaQt/Relations>

template <>
inline constexpr auto Hy::relations<User> = Hy::defineRelations<User>(Hy::belongsTo<Post>("post", {.foreignKey = "userId"}));
