// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
//
// What the compiler refuses, asserted in code that compiles, with GCC and
// Clang alike: each refusal next to what is accepted in its place, so that a
// check that could never fail would show. (tests/compilefail holds the few
// refusals that can only be shown by a build that fails.)

#include "testmodels.h"

#include <HysteriaQt/ModelQuery>
#include <HysteriaQt/SchemaBuilder>
#include <HysteriaQt/SqlDataSource>

#include <QtCore/QPoint>

#include <limits>
#include <optional>
#include <type_traits>
#include <vector>

namespace {

template <typename V>
concept WhereTakes = requires(Hy::ModelQuery<User> query, const V &value) { query.where("name", value); };

// A char is not a number here ('a' would be bound as 97), and not text either.
static_assert(!WhereTakes<char>, "a char is refused as a value");
// A value of a type that cannot be bound (here a container) is refused.
static_assert(!WhereTakes<std::vector<int>>, "a container is refused as a value");
static_assert(WhereTakes<int> && WhereTakes<QString> && WhereTakes<const char *>, "values that bind are taken");
static_assert(WhereTakes<std::optional<QString>> && WhereTakes<std::nullptr_t>, "null is taken, for IS NULL");

// A nullable column is a std::optional: it is not used as a plain value by
// mistake, as TypeScript flags `string | null` used as `string`.
template <typename T>
using Plain = std::remove_cvref_t<T>;
static_assert(std::is_same_v<Plain<decltype(std::declval<const User &>().name())>, std::optional<QString>>);
static_assert(!std::is_convertible_v<decltype(std::declval<const User &>().name()), QString>,
              "a nullable column does not convert to its plain type");
static_assert(std::is_same_v<Plain<decltype(std::declval<const User &>().email())>, QString>,
              "a column that is not nullable is its plain type");

// A Hy::Decimal holds 18 digits: a wider decimal column takes QString (HY_COLUMN
// static_asserts this check), and a double does not become one by accident.
static_assert(!Hy::detail::fitsItsType(Hy::col::decimal({.precision = 19, .scale = 2})));
static_assert(Hy::detail::fitsItsType(Hy::col::decimal({.precision = 18, .scale = 2})));
static_assert(Hy::detail::fitsItsType(Hy::col::decimal<QString>({.precision = 30, .scale = 10})));
static_assert(!std::is_constructible_v<Hy::Decimal, double> && !std::is_convertible_v<double, Hy::Decimal>);
static_assert(std::is_convertible_v<int, Hy::Decimal> && std::is_convertible_v<qint64, Hy::Decimal>);
static_assert(WhereTakes<Hy::Decimal> && WhereTakes<QUuid>);

// serialize and prepare are typed: a callback whose parameter or result is
// not of the column's type does not convert (the seed's TypeScript errors).
using StringSerialize = Hy::col::Serialize<QString, QString>;
using StringPrepare = Hy::col::Prepare<QString, QString>;
constexpr auto trims = [](const QString &raw) { return raw.trimmed(); };
constexpr auto answers = [](const QString &) { return 42; };
constexpr auto takesNumber = [](int value) { return QString::number(value); };
static_assert(std::is_convertible_v<decltype(trims), StringSerialize>);
static_assert(!std::is_convertible_v<decltype(answers), StringSerialize>, "serialize must return a QString");
static_assert(!std::is_convertible_v<decltype(takesNumber), StringPrepare>, "prepare must take a QString");
static_assert(std::is_convertible_v<decltype([](int v) { return v * 2; }), Hy::col::Prepare<int, int>>,
              "numbers are taken by value");
// Only the kinds of the seed's table have them.
template <typename O>
concept HasPrepare = requires(O options) { options.prepare; };
template <typename O>
concept HasSerialize = requires(O options) { options.serialize; };
static_assert(!HasPrepare<Hy::col::BooleanOptions> && !HasSerialize<Hy::col::FloatOptions>);
static_assert(HasPrepare<Hy::col::IntegerOptions<int>> && !HasSerialize<Hy::col::IntegerOptions<int>>);
static_assert(HasSerialize<Hy::col::UuidOptions<QUuid>> && !HasPrepare<Hy::col::UuidOptions<QUuid>>);
static_assert(HasSerialize<Hy::col::StringOptions> && HasPrepare<Hy::col::StringOptions>);
// A type of the application's needs both; the library's own conversions need neither.
static_assert(!Hy::detail::hasConversions(Hy::col::generic<QPoint, QString>()));
static_assert(!Hy::detail::hasConversions(
        Hy::col::generic<QPoint, QString>({.serialize = [](const QString &) { return QPoint(); }})));
static_assert(Hy::detail::hasConversions(Hy::col::generic<QPoint, QString>(
        {.serialize = [](const QString &) { return QPoint(); }, .prepare = [](const QPoint &) { return QString(); }})));
static_assert(Hy::detail::hasConversions(Hy::col::datetime<QString>()));
static_assert(Hy::detail::hasConversions(Hy::col::json<QJsonObject>()));
// An enum converts itself in an enum_ column only.
static_assert(Hy::detail::hasConversions(Hy::col::enum_<Profile::Level>()));
static_assert(!Hy::detail::hasConversions(Hy::col::generic<Profile::Level, QString>()));
static_assert(Hy::detail::hasConversions(Hy::col::enum_<Profile::Level>(
        {.serialize = [](const QString &key) { return key == u"x" ? Profile::Level::Expert : Profile::Level::Beginner; },
         .prepare = [](Profile::Level) { return QStringLiteral("Beginner"); }})));
// A text, JSON or bytes primary key: no database indexes those alike.
static_assert(!Hy::detail::hasIndexableKey(Hy::col::generic<QString>({.primaryKey = true})));
static_assert(Hy::detail::hasIndexableKey(Hy::col::primary<QString>()));
static_assert(Hy::detail::hasIndexableKey(Hy::col::string({.primaryKey = true})));
static_assert(Hy::col::generic<QByteArray>().kind == Hy::ColumnKind::Binary
              && Hy::col::primary<QString>().kind == Hy::ColumnKind::String
              && Hy::col::primary<qint64>().kind == Hy::ColumnKind::BigInteger);

// default_ must suit its column (HY_COLUMN static_asserts hasValidDefault).
static_assert(Hy::detail::hasValidDefault(Hy::col::integer({.default_ = 10})));
static_assert(!Hy::detail::hasValidDefault(Hy::col::integer({.default_ = "ten"})));
static_assert(!Hy::detail::hasValidDefault(Hy::col::integer({.default_ = Q_INT64_C(3000000000)})));
static_assert(Hy::detail::hasValidDefault(Hy::col::bigInteger({.default_ = Q_INT64_C(3000000000)})));
static_assert(!Hy::detail::hasValidDefault(Hy::col::boolean({.default_ = 1})));
static_assert(Hy::detail::hasValidDefault(Hy::col::date({.default_ = "2024-02-29"})));
static_assert(!Hy::detail::hasValidDefault(Hy::col::date({.default_ = "2024-2-29"})));
static_assert(!Hy::detail::hasValidDefault(Hy::col::time({.default_ = "25:00:00"})));
static_assert(Hy::detail::hasValidDefault(Hy::col::datetime({.default_ = "2024-02-29 10:00:00.250"})));
static_assert(!Hy::detail::hasValidDefault(Hy::col::string({.default_ = "toolong", .length = 3})));
static_assert(Hy::detail::hasValidDefault(Hy::col::string({.default_ = "äöü", .length = 3})), "characters, not bytes");
static_assert(Hy::detail::hasValidDefault(Hy::col::decimal({.default_ = "12.50"})));
static_assert(!Hy::detail::hasValidDefault(Hy::col::decimal({.default_ = "12,50"})));
static_assert(Hy::detail::hasValidDefault(Hy::col::enum_({"a", "b"}, {.default_ = "b"})));
static_assert(!Hy::detail::hasValidDefault(Hy::col::enum_({"a", "b"}, {.default_ = "c"})), "not one of the values");
static_assert(Hy::detail::hasValidDefault(Hy::col::enum_<Profile::Level>({.default_ = Profile::Level::Expert})));
static_assert(!Hy::detail::hasValidDefault(Hy::col::enum_<Profile::Level>({.default_ = "Expert"})));
static_assert(!Hy::detail::hasValidDefault(Hy::col::uuid({.default_ = "not-a-uuid"})));
// Days that do not exist; decimals beyond their precision or scale; reals that are not finite.
static_assert(!Hy::detail::hasValidDefault(Hy::col::datetime({.default_ = "2026-02-30 10:00:00"})));
static_assert(!Hy::detail::hasValidDefault(Hy::col::date({.default_ = "2023-02-29"})));
static_assert(Hy::detail::hasValidDefault(Hy::col::date({.default_ = "2000-02-29"})), "a leap year");
static_assert(!Hy::detail::hasValidDefault(Hy::col::date({.default_ = "1900-02-29"})), "not a leap year");
static_assert(!Hy::detail::hasValidDefault(Hy::col::decimal({.default_ = "12345.67", .precision = 5, .scale = 2})));
static_assert(!Hy::detail::hasValidDefault(Hy::col::decimal({.default_ = "1.234", .precision = 5, .scale = 2})));
static_assert(Hy::detail::hasValidDefault(Hy::col::decimal({.default_ = "-123.45", .precision = 5, .scale = 2})));
static_assert(!Hy::detail::hasValidDefault(Hy::col::decimal({.default_ = 1000, .precision = 5, .scale = 2})));
static_assert(!Hy::detail::hasValidDefault(Hy::col::decimal({.default_ = 0.5})), "a double is not exact");
static_assert(!Hy::detail::hasValidDefault(Hy::col::float_({.default_ = std::numeric_limits<double>::infinity()})));
// An enum default is a value of the column's own enum.
static_assert(!Hy::detail::hasValidDefault(Hy::col::enum_<Profile::Level>({.default_ = Qt::Vertical})));

// Indexes and uniques name columns of the model (the seed's ["nonExistent"] is an error).
constexpr Hy::IndexDefinition knownColumns[] = {{{"email"}}, {.columns = {"name", "email"}, .name = "i"}};
constexpr Hy::IndexDefinition unknownColumn[] = {{{"nonExistent"}}};
constexpr Hy::IndexDefinition sameColumnTwice[] = {{{"email", "email"}}};
constexpr Hy::IndexDefinition textColumn[] = {{{"nickname"}}};
static_assert(Hy::detail::indexColumnsExist<Member>(knownColumns));
static_assert(!Hy::detail::indexColumnsExist<Member>(unknownColumn));
static_assert(!Hy::detail::indexColumnsExist<Member>(sameColumnTwice));
static_assert(Hy::detail::indexColumnsIndexable<Profile>(textColumn), "a VARCHAR is indexable");
constexpr Hy::IndexDefinition jsonColumn[] = {{{"settings"}}};
static_assert(!Hy::detail::indexColumnsIndexable<Profile>(jsonColumn), "JSON is not");

// enum_ values: 1 to 64, distinct, not empty; a C++ enum must be a Q_ENUM.
static_assert(Hy::detail::hasValidEnumValues(Hy::col::enum_({"a", "b"})));
static_assert(!Hy::detail::hasValidEnumValues(Hy::col::enum_({"a", "a"})));
static_assert(!Hy::detail::hasValidEnumValues(Hy::col::enum_({"a", ""})));
static_assert(!Hy::detail::hasValidEnumValues(Hy::col::enum_({})));
static_assert(Hy::detail::RegisteredEnum<Profile::Level> && !Hy::detail::RegisteredEnum<Qt::Orientation *>);
enum class Unregistered { A };
static_assert(!Hy::detail::RegisteredEnum<Unregistered>, "enum_<E>() static_asserts this");
static_assert(WhereTakes<Profile::Level> && !WhereTakes<Unregistered>, "a Q_ENUM is a value, another enum is not");
static_assert(WhereTakes<QJsonObject> && WhereTakes<QDate> && WhereTakes<QTime> && WhereTakes<QByteArray>);

// Typed column tokens: a getter names the column, and the getter's type says
// which values fit (the typed where(), orWhere(), Values and Values::set()
// static_assert this). `Storage` is what the getter returns.
template <typename M, typename Storage>
Storage storageOf(Hy::detail::Getter<M, Storage>);
template <auto Getter, typename V>
constexpr bool fits = Hy::detail::ValueFor<decltype(storageOf(Getter)), V>;
static_assert(fits<&User::email, QString> && fits<&User::email, const char *> && fits<&User::email, QLatin1StringView>);
static_assert(!fits<&User::email, int> && !fits<&User::email, bool> && !fits<&User::email, QDateTime>,
              "text takes text only");
static_assert(!fits<&User::email, std::nullptr_t> && !fits<&User::email, std::optional<QString>>,
              "null, or what may be null, does not fit a column that is not nullable");
static_assert(fits<&User::name, std::nullptr_t> && fits<&User::name, std::nullopt_t>
                      && fits<&User::name, std::optional<QString>> && fits<&User::name, QString>,
              "a nullable column takes null and its type");
static_assert(!fits<&User::name, std::optional<int>>, "an optional of another type does not fit");
static_assert(fits<&User::isActive, bool> && !fits<&User::isActive, int> && !fits<&User::isActive, const char *>,
              "a boolean takes a bool only");
static_assert(fits<&User::id, int> && fits<&User::id, qint64> && fits<&User::id, double>,
              "a number takes any number: the range is checked when the query is built");
static_assert(!fits<&User::id, bool> && !fits<&User::id, char> && !fits<&User::id, const char *>
                      && !fits<&User::id, std::nullptr_t>,
              "not a bool, a char, text or null");
static_assert(fits<&User::createdAt, QDateTime> && !fits<&User::createdAt, QString> && !fits<&User::createdAt, int>);
static_assert(fits<&Profile::level, Profile::Level> && !fits<&Profile::level, int>, "an enum takes its own enum");
static_assert(fits<&Document::parentId, QUuid> && fits<&Document::parentId, QString> && fits<&Document::parentId, std::nullptr_t>
                      && !fits<&Document::parentId, int>,
              "a uuid takes a QUuid or its text");
static_assert(fits<&LedgerEntry::amount, Hy::Decimal> && fits<&LedgerEntry::amount, int> && fits<&LedgerEntry::amount, const char *>
                      && !fits<&LedgerEntry::amount, double> && !fits<&LedgerEntry::amount, bool>,
              "a decimal takes exact values: not a double");
static_assert(fits<&Profile::settings, QJsonObject> && fits<&Profile::settings, const char *> && fits<&Profile::settings, int>,
              "JSON takes what a QJsonValue is made from");
static_assert(fits<&User::email, QVariant> && fits<&User::isActive, Hy::Value>,
              "a QVariant or a Hy::Value is checked at run time");

// HY_COLUMN declares each column from its own descriptor; the integer column it
// falls back to is there only for a descriptor that did not compile, and an
// integer column of the model's own is not taken for it.
static_assert(User::hyColumn_email::definition == &User::hyDef_email);
static_assert(User::hyColumn_id::definition == &User::hyDef_id);
static_assert(Post::hyColumn_userId::definition == &Post::hyDef_userId
                      && Post::hyColumn_userId::definition != &Hy::detail::fallbackDefinition,
              "an integer column is its own, not the fallback");
static_assert(std::is_same_v<User::hyColumn_name::Storage, std::optional<QString>>
                      && std::is_same_v<User::hyColumn_email::Storage, QString>,
              "the storage type follows the descriptor and its nullable");

// A model class needs Q_OBJECT: one that only inherits it from Hy::Model (or
// from another model) has no meta-object of its own.
class UserWithoutQObject : public User
{
};
static_assert(Hy::detail::DeclaresQObject<User> && Hy::detail::DeclaresQObject<Post>);
static_assert(!Hy::detail::DeclaresQObject<UserWithoutQObject>, "Q_OBJECT inherited is not Q_OBJECT declared");
static_assert(!Hy::detail::DeclaresQObject<int>);

} // namespace
