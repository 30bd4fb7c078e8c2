// EXPECT: error_foreign_key_is_not_a_column_of_the_target_model
// ERRORS: GNU 1, Clang 2
// A hasMany's foreign key is a column of the target model, as in the seed's table.
#include "testmodels.h"
#include <HysteriaQt/Relations>

template <>
inline constexpr auto Hy::relations<User> = Hy::defineRelations<User>(Hy::hasMany<Post>("posts", {.foreignKey = "authorId"}));
