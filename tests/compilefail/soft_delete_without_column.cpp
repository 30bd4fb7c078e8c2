// EXPECT: soft deletes need a .*deletedAt.* column
// ERRORS: 1
// softDelete() on a model without a soft-delete column.
#include "testmodels.h"

#include <HysteriaQt/ModelQuery>

qint64 wrong(Hy::SqlDataSource &sql)
{
    return sql.from<User>().where("name", "x").softDelete();
}
