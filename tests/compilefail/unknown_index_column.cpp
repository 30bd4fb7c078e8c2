// EXPECT: HY_INDEXES and HY_UNIQUES take 1 to 16 distinct columns of the model
// ERRORS: 1
// The seed's `indexes: [["nonExistent"]]`.
#include <HysteriaQt/Model>

class Wrong : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Wrong, "wrong")
    HY_INDEXES({{"nonExistent"}})
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(email, setEmail, Hy::col::string())

public:
    using Hy::Model::Model;
};

const Hy::detail::ModelData *wrong()
{
    return Hy::detail::modelData<Wrong>();
}
