// hysteria-orm's quick start in C++: two models, a SQLite database, an insert and a query.
#include "post.h"
#include "user.h"

#include <HysteriaQt/ModelQuery>
#include <HysteriaQt/SchemaBuilder>
#include <HysteriaQt/SqlDataSource>

#include <QtCore/QCoreApplication>
#include <QtCore/QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QString path = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(":memory:");

    try {
        Hy::SqlDataSource sql({.database = path});
        sql.open();
        sql.schema().createTables<User, Post>(Hy::SchemaBuilder::IfExists::Skip);

        auto alice = sql.from<User>().insert({{"name", "Alice"}, {"email", "alice@example.com"},
                                              {"isActive", true}});
        sql.from<User>().insert({{"name", "Bob"}, {"email", "bob@example.com"}, {"isActive", false}});
        sql.from<Post>().insert({{"title", "Hello"}, {"body", "First post"}, {"userId", alice->id()}});

        const auto users = sql.from<User>().where("isActive", true).many();
        for (const auto &user : users) {
            out << "active user #" << user->id() << ": " << user->name().value_or(QString())
                << " <" << user->email() << ">, created "
                << user->createdAt()->toString(Qt::ISODateWithMs) << "\n";
        }
        const auto posts = sql.from<Post>().where("userId", alice->id()).many();
        out << posts.size() << " post(s) by " << *alice->name() << "\n";
        return users.size() == 1 && posts.size() == 1 ? 0 : 1;
    } catch (const Hy::Error &error) {
        out << "error: " << error.what() << "\n";
        return 2;
    }
}
