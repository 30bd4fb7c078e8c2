// An application outside the HysteriaQt tree, built against the installed package.
#include <HysteriaQt/Model>
#include <HysteriaQt/ModelQuery>
#include <HysteriaQt/SchemaBuilder>
#include <HysteriaQt/SqlDataSource>

#include <QtCore/QCoreApplication>
#include <QtCore/QTextStream>

class User : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(User, "users")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(name, setName, Hy::col::string({.nullable = false}))

public:
    using Hy::Model::Model;
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Hy::SqlDataSource sql({.database = QStringLiteral(":memory:")});
    sql.open();
    sql.schema().createTables<User>();
    sql.from<User>().insertMany({{{"name", "Alice"}}, {{"name", "Bob"}}});
    const auto users = sql.from<User>().orderBy("id").many();
    QTextStream(stdout) << "consumer: " << users.size() << " users, " << users.front()->name()
                        << " first\n";
    return 0;
}

#include "main.moc"
