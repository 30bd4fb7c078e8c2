// EXPECT: error_foreign_key_type_cannot_match_the_key_it_refers_to
// ERRORS: GNU 1, Clang 2
// An integer foreign key cannot refer to a UUID key.
#include "testmodels.h"
#include <HysteriaQt/Relations>

template <>
inline constexpr auto Hy::relations<Post> = Hy::defineRelations<Post>(Hy::belongsTo<Document>("document", {.foreignKey = "userId"}));
