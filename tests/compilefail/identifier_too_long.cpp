// EXPECT: a database column name must have 1 to 63 characters
// ERRORS: 1
// PostgreSQL would cut such a name silently.
#include <HysteriaQt/Model>

class Long : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Long, "longs")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(aVeryLongPropertyNameThatBecomesAnEvenLongerDatabaseColumnNameHere, setLong,
              Hy::col::integer())

public:
    using Hy::Model::Model;
};

Hy::ModelInfo info = Hy::modelInfo<Long>();
