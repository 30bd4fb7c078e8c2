// EXPECT: softDeleteColumn must name a column
// ERRORS: 1
// The seed's `softDeleteColumn: "removed"` on a model without that column.
#include <HysteriaQt/Model>

class Wrong : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Wrong, "wrong")
    HY_MODEL_OPTIONS({.softDeleteColumn = "removed"})
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(deletedAt, setDeletedAt, Hy::col::datetime())

public:
    using Hy::Model::Model;
};

const Hy::detail::ModelData *wrong()
{
    return Hy::detail::modelData<Wrong>();
}
