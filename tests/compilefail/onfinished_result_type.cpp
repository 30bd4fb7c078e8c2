// EXPECT: the result callback takes the future's result type, by value
// ERRORS: 2
// A continuation that takes another type than the future's does not build.
#include "testmodels.h"
#include <HysteriaQt/Async>
#include <HysteriaQt/ModelQuery>

void run(Hy::SqlDataSource &sql, QObject *context)
{
    auto users = sql.async([](Hy::SqlDataSource &source) { return source.from<User>().many(); });
    Hy::onFinished(users, context, [](qint64) {});
}
