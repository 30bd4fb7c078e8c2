// EXPECT: (could not convert .* to .*Hy::col::StringOptions|no viable conversion from .* to 'Serialize<QString, QString>')
// ERRORS: 1
// The seed's `serialize: (raw) => 42` on a string column: refused, as TypeScript does.
#include <HysteriaQt/Model>

class Wrong : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Wrong, "wrong")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(name, setName, Hy::col::string({.serialize = [](const QString &) { return 42; }}))

public:
    using Hy::Model::Model;
};
