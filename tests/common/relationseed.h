// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_RELATIONSEED_H
#define HYSTERIAQT_RELATIONSEED_H

#include "testschema.h"

#include <HysteriaQt/SqlDataSource>

namespace HyTest {

// Users 1 Alice (posts a, b), 2 Bob (none), 3 Carol (post c); post d has no user.
inline void seedUsersAndPosts(Hy::SqlDataSource &sql)
{
    sql.from<User>().insertMany({{{"name", "Alice"}, {"email", "alice@example.com"}},
                                 {{"name", "Bob"}, {"email", "bob@example.com"}},
                                 {{"name", "Carol"}, {"email", "carol@example.com"}}});
    sql.from<Post>().insertMany({{{"title", "a"}, {"userId", 1}},
                                 {{"title", "c"}, {"userId", 3}},
                                 {{"title", "b"}, {"userId", 1}},
                                 {{"title", "d"}, {"userId", nullptr}}});
}

} // namespace HyTest

#endif // HYSTERIAQT_RELATIONSEED_H
