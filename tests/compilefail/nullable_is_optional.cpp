// EXPECT: std::optional<QString>.* to non-scalar type .*QString
// A nullable column is a std::optional: using it as a plain value does not build,
// as TypeScript flags `string | null` used as `string`.
#include "testmodels.h"

QString nameOf(const User &user)
{
    QString name = user.name();
    return name;
}
