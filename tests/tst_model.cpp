// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "testmodels.h"

#include <HysteriaQt/ColumnName>
#include <HysteriaQt/Error>
#include <HysteriaQt/Values>

#include <QtCore/QMetaProperty>
#include <QtQml/QQmlEngine>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <optional>
#include <type_traits>

// Nullable-aware types, checked by the compiler as the seed's TypeScript does.
static_assert(std::is_same_v<std::remove_cvref_t<decltype(std::declval<User>().id())>, int>);
static_assert(std::is_same_v<std::remove_cvref_t<decltype(std::declval<User>().name())>,
                             std::optional<QString>>);
static_assert(std::is_same_v<std::remove_cvref_t<decltype(std::declval<User>().email())>, QString>);
static_assert(std::is_same_v<std::remove_cvref_t<decltype(std::declval<User>().isActive())>,
                             std::optional<bool>>);
static_assert(std::is_same_v<std::remove_cvref_t<decltype(std::declval<User>().createdAt())>,
                             std::optional<QDateTime>>);
static_assert(std::is_same_v<std::remove_cvref_t<decltype(std::declval<Sample>().id())>, qint64>);
static_assert(std::is_same_v<std::remove_cvref_t<decltype(std::declval<Sample>().total())>, qint64>);
static_assert(std::is_same_v<std::remove_cvref_t<decltype(std::declval<Sample>().ratio())>,
                             std::optional<double>>);
static_assert(std::is_same_v<std::remove_cvref_t<decltype(std::declval<Sample>().enabled())>, bool>);
// A primary key is never nullable, whatever the default says.
static_assert(std::is_same_v<std::remove_cvref_t<decltype(std::declval<Tag>().code())>, QString>);

// Column names known to the compiler.
static_assert(Hy::ColumnName<User>("email").index() == 2);
static_assert(Hy::ColumnName<Sample>("total").name() == "total");
static_assert(Hy::detail::ModelColumns<User>::count == 6);
static_assert(Hy::detail::ModelColumns<User>::primaryKey() == 0);
static_assert(Hy::detail::ModelColumns<LogEntry>::primaryKey() == -1);
static_assert(Hy::detail::toSnakeCase("isActive").view() == "is_active");

// A hidden column, left out of what a model shows of itself.
class Account : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Account, "accounts")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(email, setEmail, Hy::col::string({.nullable = false}))
    HY_COLUMN(passwordHash, setPasswordHash, Hy::col::string({.nullable = false, .hidden = true}))
    HY_COLUMN(balance, setBalance, Hy::col::decimal({.precision = 12, .scale = 2}))
    HY_COLUMN(externalId, setExternalId, Hy::col::uuid())
    HY_COLUMN(lastLogin, setLastLogin, Hy::col::datetime())

public:
    using Hy::Model::Model;
};

class tst_Model : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableAndColumns();
    void columnOptions();
    void databaseNames_data();
    void databaseNames();
    void properties();
    void nullableProperties();
    void nullableColumnsAreNullInQml();
    void serialization();
    void settersNotifyAndTrackChanges();
    void metaObjectLookup();
    void runtimeColumnNames();
    void valuesFromMap();
    void invalidHandlesAreEmpty();
};

void tst_Model::tableAndColumns()
{
    const Hy::ModelInfo info = Hy::modelInfo<User>();
    QVERIFY(info.isValid());
    QCOMPARE(info.tableName(), QStringLiteral("users"));
    QCOMPARE(info.columnCount(), 6);
    QStringList names, databaseNames;
    for (const Hy::ColumnInfo &column : info.columns()) {
        names << column.name();
        databaseNames << column.databaseName();
    }
    QCOMPARE(names, (QStringList{"id", "name", "email", "isActive", "createdAt", "updatedAt"}));
    QCOMPARE(databaseNames,
             (QStringList{"id", "name", "email", "is_active", "created_at", "updated_at"}));
    QVERIFY(info.hasPrimaryKey());
    QCOMPARE(info.primaryKey().name(), QStringLiteral("id"));
    QVERIFY(!Hy::modelInfo<LogEntry>().hasPrimaryKey());
    // The same metadata from an instance.
    User user;
    QCOMPARE(user.modelInfo(), info);
    QCOMPARE(user.metaObject()->classInfo(user.metaObject()->indexOfClassInfo("hysteria.table")).value(),
             "users");
}

void tst_Model::columnOptions()
{
    const Hy::ModelInfo user = Hy::modelInfo<User>();
    const Hy::ColumnInfo id = user.column(QStringLiteral("id"));
    QCOMPARE(id.kind(), Hy::ColumnKind::Increment);
    QVERIFY(id.isPrimaryKey());
    QVERIFY(id.isAutoIncrement());
    QVERIFY(!id.isNullable());
    const Hy::ColumnInfo email = user.column(QStringLiteral("email"));
    QCOMPARE(email.kind(), Hy::ColumnKind::String);
    QVERIFY(!email.isNullable());
    QCOMPARE(email.length(), 255);
    QVERIFY(user.column(QStringLiteral("name")).isNullable());
    const Hy::ColumnInfo updatedAt = user.column(QStringLiteral("updatedAt"));
    QVERIFY(updatedAt.isAutoCreate());
    QVERIFY(updatedAt.isAutoUpdate());
    QVERIFY(user.column(QStringLiteral("createdAt")).isAutoCreate());
    QVERIFY(!user.column(QStringLiteral("createdAt")).isAutoUpdate());
    QVERIFY(!user.column(QStringLiteral("nope")).isValid());
    QCOMPARE(user.indexOf(QStringLiteral("nope")), -1);

    const Hy::ModelInfo sample = Hy::modelInfo<Sample>();
    QCOMPARE(sample.column(QStringLiteral("code")).length(), 8);
    QCOMPARE(sample.column(QStringLiteral("price")).precision(), 10);
    QCOMPARE(sample.column(QStringLiteral("price")).scale(), 2);
    QCOMPARE(sample.column(QStringLiteral("price")).length(), -1);
    QCOMPARE(sample.column(QStringLiteral("id")).kind(), Hy::ColumnKind::BigIncrement);
    QCOMPARE(sample.column(QStringLiteral("ratio")).kind(), Hy::ColumnKind::Float);

    const Hy::ColumnInfo tagCode = Hy::modelInfo<Tag>().column(QStringLiteral("code"));
    QVERIFY(tagCode.isPrimaryKey());
    QVERIFY(!tagCode.isAutoIncrement());
    QVERIFY(!tagCode.isNullable());
}

void tst_Model::databaseNames_data()
{
    QTest::addColumn<QString>("property");
    QTest::addColumn<QString>("expected");
    QTest::newRow("camel") << "isActive" << "is_active";
    QTest::newRow("single word") << "email" << "email";
    QTest::newRow("two humps") << "createdAtUtc" << "created_at_utc";
    QTest::newRow("trailing acronym") << "userID" << "user_id";
    QTest::newRow("leading acronym") << "HTTPStatus" << "http_status";
    QTest::newRow("pascal") << "UserName" << "user_name";
    QTest::newRow("digits") << "address2Line" << "address2_line";
    QTest::newRow("already snake") << "is_active" << "is_active";
}

void tst_Model::databaseNames()
{
    QFETCH(QString, property);
    QFETCH(QString, expected);
    const QByteArray latin = property.toLatin1();
    const auto snake = Hy::detail::toSnakeCase(std::string_view(latin.constData(), latin.size()));
    QCOMPARE(QString::fromLatin1(snake.view().data(), qsizetype(snake.view().size())), expected);
    // databaseName overrides the convention.
    QCOMPARE(Hy::modelInfo<Sample>().column(QStringLiteral("total")).databaseName(),
             QStringLiteral("grand_total"));
}

void tst_Model::properties()
{
    const QMetaObject *mo = &User::staticMetaObject;
    const Hy::ModelInfo info = Hy::modelInfo<User>();
    for (const Hy::ColumnInfo &column : info.columns()) {
        const QMetaProperty property = mo->property(column.propertyIndex());
        QCOMPARE(QString::fromLatin1(property.name()), column.name());
        QVERIFY(property.isReadable());
        QVERIFY(property.isWritable());
        QVERIFY2(property.hasNotifySignal(), property.name());
        QCOMPARE(property.notifySignal().name(), QByteArray(property.name()) + "Changed");
    }
    QCOMPARE(mo->property(info.column(QStringLiteral("email")).propertyIndex()).metaType(),
             QMetaType::fromType<QString>());
    QCOMPARE(mo->property(info.column(QStringLiteral("id")).propertyIndex()).metaType(),
             QMetaType::fromType<int>());
    // Nullable columns are QVariant properties, so that QML sees null.
    QCOMPARE(mo->property(info.column(QStringLiteral("name")).propertyIndex()).metaType(),
             QMetaType::fromType<QVariant>());
}

void tst_Model::nullableProperties()
{
    User user;
    QVERIFY(user.property("name").isNull());
    user.setName(QStringLiteral("Alice"));
    QCOMPARE(user.property("name"), QVariant(QStringLiteral("Alice")));
    QVERIFY(user.setProperty("name", QVariant()));
    QVERIFY(!user.name().has_value());
    QVERIFY(user.setProperty("name", QStringLiteral("Bob")));
    QCOMPARE(user.name(), std::optional<QString>(QStringLiteral("Bob")));
    QVERIFY(user.setProperty("email", QStringLiteral("bob@example.com")));
    QCOMPARE(user.email(), QStringLiteral("bob@example.com"));
    QVERIFY(user.setProperty("isActive", true));
    QCOMPARE(user.isActive(), std::optional<bool>(true));
}

void tst_Model::nullableColumnsAreNullInQml()
{
    QQmlEngine engine;
    User user;
    user.setEmail(QStringLiteral("ann@example.com"));
    QQmlEngine::setObjectOwnership(&user, QQmlEngine::CppOwnership);
    engine.globalObject().setProperty(QStringLiteral("user"), engine.newQObject(&user));
    auto evaluate = [&](const char *code) {
        const QJSValue result = engine.evaluate(QString::fromLatin1(code));
        if (result.isError())
            qFatal("%s: %s", code, qPrintable(result.toString()));
        return result;
    };
    // Null, not undefined: `=== null` holds and `typeof` is "object".
    QVERIFY(evaluate("user.name").isNull());
    QVERIFY(!evaluate("user.name").isUndefined());
    QCOMPARE(evaluate("user.name === null").toBool(), true);
    QCOMPARE(evaluate("user.name === undefined").toBool(), false);
    QCOMPARE(evaluate("typeof user.name").toString(), QStringLiteral("object"));
    QCOMPARE(evaluate("user.isActive === null").toBool(), true);
    QCOMPARE(evaluate("user.createdAt === null").toBool(), true);
    // A value, and null again, written from QML.
    evaluate("user.name = 'Ann'");
    QCOMPARE(user.name(), std::optional<QString>(QStringLiteral("Ann")));
    QCOMPARE(evaluate("user.name").toString(), QStringLiteral("Ann"));
    evaluate("user.name = null");
    QVERIFY(!user.name().has_value());
    QCOMPARE(evaluate("user.name === null").toBool(), true);
    evaluate("user.isActive = true");
    QCOMPARE(user.isActive(), std::optional<bool>(true));
    QCOMPARE(evaluate("user.isActive === true").toBool(), true);
    // A column that is not nullable is its plain value.
    QCOMPARE(evaluate("user.email").toString(), QStringLiteral("ann@example.com"));
    QCOMPARE(evaluate("typeof user.id").toString(), QStringLiteral("number"));
}

void tst_Model::serialization()
{
    Account account;
    account.setId(7);
    account.setEmail(QStringLiteral("ann@example.com"));
    account.setPasswordHash(QStringLiteral("secret-hash"));
    account.setBalance(*Hy::Decimal::fromString("1234.50"));
    account.setLastLogin(QDateTime(QDate(2026, 5, 1), QTime(10, 30, 0, 250), Qt::OffsetFromUTC, 2 * 3600));
    QVERIFY(account.modelInfo().column(QStringLiteral("passwordHash")).isHidden());
    QVERIFY(!account.modelInfo().column(QStringLiteral("email")).isHidden());

    const QJsonObject json = account.toJson();
    QCOMPARE(json.keys(), (QStringList{"balance", "email", "externalId", "id", "lastLogin"}));
    QCOMPARE(json.value(QStringLiteral("id")), QJsonValue(7));
    QCOMPARE(json.value(QStringLiteral("email")), QJsonValue(QStringLiteral("ann@example.com")));
    QCOMPARE(json.value(QStringLiteral("balance")), QJsonValue(QStringLiteral("1234.50"))); // exact, as text
    QCOMPARE(json.value(QStringLiteral("externalId")), QJsonValue(QJsonValue::Null));
    QCOMPARE(json.value(QStringLiteral("lastLogin")), QJsonValue(QStringLiteral("2026-05-01T08:30:00.250Z")));

    const QVariantMap map = account.toVariantMap();
    QCOMPARE(map.keys(), json.keys());
    QCOMPARE(map.value(QStringLiteral("email")), QVariant(QStringLiteral("ann@example.com")));
    QCOMPARE(map.value(QStringLiteral("balance")).value<Hy::Decimal>(), *Hy::Decimal::fromString("1234.5"));
    QCOMPARE(map.value(QStringLiteral("externalId")).typeId(), QMetaType::Nullptr); // null in QML

    const QUuid external = QUuid::fromString(QStringLiteral("6f1a2b3c-4d5e-4f60-8172-839405a6b7c8"));
    account.setExternalId(external);
    QCOMPARE(account.toJson().value(QStringLiteral("externalId")),
             QJsonValue(QStringLiteral("6f1a2b3c-4d5e-4f60-8172-839405a6b7c8")));

    QString shown;
    QDebug(&shown) << account;
    QCOMPARE(shown, QStringLiteral("Account(id: 7, email: \"ann@example.com\", passwordHash: <hidden>, balance: 1234.50, "
                                   "externalId: 6f1a2b3c-4d5e-4f60-8172-839405a6b7c8, "
                                   "lastLogin: 2026-05-01T08:30:00.250Z) "));
    QString shownPointer;
    QDebug(&shownPointer) << static_cast<const Hy::Model *>(&account);
    QCOMPARE(shownPointer, shown);

    Hy::ModelList<Account> list;
    list.push_back(std::make_unique<Account>());
    list.push_back(std::make_unique<Account>());
    list.back()->setEmail(QStringLiteral("bob@example.com"));
    const QJsonArray array = Hy::toJson(list);
    QCOMPARE(array.size(), 2);
    QCOMPARE(array.at(1).toObject().value(QStringLiteral("email")), QJsonValue(QStringLiteral("bob@example.com")));
    QCOMPARE(Hy::toVariantList(list).at(1).toMap().value(QStringLiteral("email")), QVariant(QStringLiteral("bob@example.com")));
}

void tst_Model::settersNotifyAndTrackChanges()
{
    User user;
    QSignalSpy nameChanged(&user, &User::nameChanged);
    QSignalSpy emailChanged(&user, &User::emailChanged);
    QVERIFY(user.changedColumns().isEmpty());

    user.setName(QStringLiteral("Alice"));
    QCOMPARE(nameChanged.count(), 1);
    user.setName(QStringLiteral("Alice")); // same value: no signal, still "given"
    QCOMPARE(nameChanged.count(), 1);
    user.setEmail(QString()); // the default value, given explicitly
    QCOMPARE(emailChanged.count(), 0);
    QCOMPARE(user.changedColumns(), (QStringList{"name", "email"}));
    QVERIFY(user.isChanged(QStringLiteral("email")));
    QVERIFY(!user.isChanged(QStringLiteral("isActive")));
    try {
        user.isChanged(QStringLiteral("nope"));
        QFAIL("expected UnknownColumn");
    } catch (const Hy::Error &error) {
        QCOMPARE(error.code(), Hy::ErrorCode::UnknownColumn);
    }

    user.clearChanges();
    QVERIFY(user.changedColumns().isEmpty());
    QVERIFY(user.setProperty("isActive", true));
    QCOMPARE(user.changedColumns(), QStringList{"isActive"});
}

void tst_Model::metaObjectLookup()
{
    Hy::registerModel<Post>();
    const Hy::ModelInfo info = Hy::ModelInfo::fromMetaObject(&Post::staticMetaObject);
    QVERIFY(info.isValid());
    QCOMPARE(info, Hy::modelInfo<Post>());
    QCOMPARE(info.metaObject(), &Post::staticMetaObject);
    QVERIFY(!Hy::ModelInfo::fromMetaObject(&QObject::staticMetaObject).isValid());
}

void tst_Model::runtimeColumnNames()
{
    const Hy::ColumnName<User> name(QStringLiteral("isActive"));
    QCOMPARE(name.index(), 3);
    // As in hysteria-orm, a database name names the column too.
    QCOMPARE(Hy::ColumnName<User>(QStringLiteral("is_active")).index(), 3);
    static_assert(Hy::ColumnName<User>("is_active").index() == 3 && Hy::ColumnName<User>("updated_at").index() == 5);
    try {
        Hy::ColumnName<User> unknown(QStringLiteral("isactive"));
        QFAIL("expected UnknownColumn");
    } catch (const Hy::Error &error) {
        QCOMPARE(error.code(), Hy::ErrorCode::UnknownColumn);
        QCOMPARE(error.column(), QStringLiteral("isactive"));
        QVERIFY(error.message().contains(u"users"));
    }
}

void tst_Model::valuesFromMap()
{
    const Hy::Values<User> values(QVariantMap{{"name", "Alice"}, {"isActive", true}});
    QCOMPARE(values.size(), 2);
    QVERIFY(values.contains("name"));
    QCOMPARE(values.value("isActive"), QVariant(true));
    try {
        Hy::Values<User> bad(QVariantMap{{"name", "Alice"}, {"nmae", "typo"}});
        QFAIL("expected UnknownColumn");
    } catch (const Hy::Error &error) {
        QCOMPARE(error.code(), Hy::ErrorCode::UnknownColumn);
        QCOMPARE(error.column(), QStringLiteral("nmae"));
    }

    User user;
    user.setEmail(QStringLiteral("a@example.com"));
    user.setActive(std::nullopt);
    const Hy::Values<User> fromModel(user);
    QCOMPARE(fromModel.size(), 2);
    QCOMPARE(fromModel.value("email"), QVariant(QStringLiteral("a@example.com")));
    QVERIFY(fromModel.contains("isActive"));
    QVERIFY(fromModel.value("isActive").isNull());
}

void tst_Model::invalidHandlesAreEmpty()
{
    const Hy::ModelInfo none;
    QVERIFY(!none.isValid());
    QCOMPARE(none.tableName(), QString());
    QCOMPARE(none.columnCount(), 0);
    QVERIFY(none.columns().isEmpty());
    QVERIFY(!none.hasPrimaryKey());
    QVERIFY(!none.primaryKey().isValid());
    QCOMPARE(none.metaObject(), nullptr);
    QCOMPARE(none.indexOf(QStringLiteral("id")), -1);

    const Hy::ColumnInfo typo = Hy::modelInfo<User>().column(QStringLiteral("typo"));
    QVERIFY(!typo.isValid());
    QCOMPARE(typo.name(), QString());
    QCOMPARE(typo.databaseName(), QString());
    QVERIFY(!typo.isNullable() && !typo.isPrimaryKey() && !typo.isAutoIncrement());
    QCOMPARE(typo.length(), -1);
    QCOMPARE(typo.propertyIndex(), -1);
    QVERIFY(!Hy::modelInfo<User>().column(99).isValid());
    QVERIFY(!Hy::ModelInfo::fromMetaObject(&QObject::staticMetaObject).isValid());
}

QTEST_GUILESS_MAIN(tst_Model)
#include "tst_model.moc"
