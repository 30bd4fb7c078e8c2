// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_MODEL_H
#define HYSTERIAQT_MODEL_H

#include <HysteriaQt/columns.h>
#include <HysteriaQt/hysteriaqt_global.h>
#include <HysteriaQt/modelinfo.h>
#include <HysteriaQt/detail/modeldata.h>
#include <HysteriaQt/detail/modeltraits.h>

#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QObject>
#include <QtCore/QVariantMap>
#include <QtCore/QStringList>

#include <bitset>
#include <memory>
#include <vector>

namespace Hy {

namespace detail {
struct ModelAccess;
struct LoadedRelations;
}

// Base of every model class. A model is a QObject whose columns are declared
// with HY_COLUMN: each one is a Q_PROPERTY with a NOTIFY signal, a typed
// getter and setter, typed storage, and a descriptor the compiler can see.
//
//     class User : public Hy::Model
//     {
//         Q_OBJECT
//         HY_MODEL(User, "users")
//         HY_COLUMN(id, setId, Hy::col::increment())
//         HY_COLUMN(email, setEmail, Hy::col::string({.nullable = false}))
//     public:
//         using Hy::Model::Model;
//     };
class HYSTERIAQT_EXPORT Model : public QObject
{
    Q_OBJECT

public:
    explicit Model(QObject *parent = nullptr);
    ~Model() override;

    virtual ModelInfo modelInfo() const = 0;

    // Columns given a value through their setter since construction or the
    // last clearChanges(). Inserting a model writes these columns only, so
    // the database applies its defaults to the others.
    QStringList changedColumns() const;
    bool isChanged(const QString &column) const;
    void clearChanges();

    // Columns that hold what the database has: every column of a model read
    // with many()/one() or returned by insert(), the selected ones of a
    // model read with select(), none of a model made in C++. A column not
    // loaded holds its type's default, which is not data. Throws
    // Hy::Error(UnknownColumn) for a name the model does not have.
    bool isLoaded(const QString &column) const;
    QStringList loadedColumns() const;

    // The columns by property name, hidden ones left out, for QML and
    // generic code: an empty column is a QVariant holding nullptr (null in
    // QML, as the properties are).
    QVariantMap toVariantMap() const;
    // The same as JSON: null for an empty column; a date-time as ISO 8601 in
    // UTC with milliseconds, a Hy::Decimal as its text (exact), a QUuid
    // without braces.
    QJsonObject toJson() const;

    // Sets the columns named in `values` by property name, from what
    // toVariantMap() and toJson() make (null, or a date-time, a decimal, a
    // UUID as text, bytes as base64 in JSON), as if by their setters: they
    // become changed columns. A value that does not fit its column throws
    // Hy::Error (InvalidValue, NullValue) and sets nothing. A key that names
    // no column throws UnknownColumn, or is added to `unknownKeys` when
    // that is given.
    void setValues(const QVariantMap &values, QStringList *unknownKeys = nullptr);
    void setValues(const QJsonObject &values, QStringList *unknownKeys = nullptr);

    // Relations loaded with ModelQuery::load(), by name, for QML and
    // dynamic code (C++ has Hy::related<"posts">(model), typed): a
    // QVariantList of the models (QObject *) for hasMany and manyToMany, the
    // model or null for hasOne and belongsTo. Throws Hy::Error
    // UnknownRelation for a name the model's relations do not have, and
    // RelationNotLoaded for one that was not loaded: an empty relation is
    // an empty list or null, a relation not loaded is an error.
    bool isRelationLoaded(const QString &name) const;
    QVariant relation(const QString &name) const;

protected:
    void hyMarkChanged(int slot) { m_changed.set(std::size_t(slot)); }

private:
    friend struct detail::ModelAccess;
    std::bitset<detail::MaxColumns> m_changed;
    std::bitset<detail::MaxColumns> m_loaded; // by column index, not slot
    // Null until a relation is loaded: nothing to pay without relations.
    std::unique_ptr<detail::LoadedRelations> m_relations;
};

// `User(id: 1, email: "ann@example.com", ...)`: the class and its columns,
// hidden ones shown as <hidden>.
HYSTERIAQT_EXPORT QDebug operator<<(QDebug debug, const Model &model);
HYSTERIAQT_EXPORT QDebug operator<<(QDebug debug, const Model *model);

// Results are owned by the caller: deleting the list (or the unique_ptr)
// deletes the models. Move one out with release() to give it a QObject parent.
template <typename M>
using ModelList = std::vector<std::unique_ptr<M>>;

// A model made from what toVariantMap() or toJson() gives (see
// Model::setValues()): a model to insert, from a form or a REST body.
template <typename M>
std::unique_ptr<M> fromVariantMap(const QVariantMap &values, QStringList *unknownKeys = nullptr)
{
    auto model = std::make_unique<M>();
    model->setValues(values, unknownKeys);
    return model;
}

template <typename M>
std::unique_ptr<M> fromJson(const QJsonObject &values, QStringList *unknownKeys = nullptr)
{
    auto model = std::make_unique<M>();
    model->setValues(values, unknownKeys);
    return model;
}

// toJson() of every model of a list, in order.
template <typename M>
QJsonArray toJson(const ModelList<M> &models)
{
    QJsonArray array;
    for (const auto &model : models)
        array.append(model->toJson());
    return array;
}

// toVariantMap() of every model of a list, in order.
template <typename M>
QVariantList toVariantList(const ModelList<M> &models)
{
    QVariantList list;
    list.reserve(qsizetype(models.size()));
    for (const auto &model : models)
        list.append(model->toVariantMap());
    return list;
}

namespace detail {
struct ModelAccess
{
    static bool isChanged(const Model &model, int slot) { return model.m_changed.test(std::size_t(slot)); }
    static void setLoaded(Model &model, const std::bitset<MaxColumns> &columns) { model.m_loaded = columns; }
    static const std::bitset<MaxColumns> &loaded(const Model &model) { return model.m_loaded; }
    static std::unique_ptr<LoadedRelations> &relations(Model &model) { return model.m_relations; }
    static const LoadedRelations *relations(const Model &model) { return model.m_relations.get(); }
};
} // namespace detail

} // namespace Hy

// Declares the table of a model class. Must come before its HY_COLUMNs.
#define HY_MODEL(Class, table)                                                                   \
    Q_CLASSINFO("hysteria.table", table)                                                         \
public:                                                                                          \
    using HyThis = Class;                                                                        \
    static constexpr ::std::string_view hyTable = table;                                         \
    static constexpr int hyCounterBase = __COUNTER__;                                            \
    ::Hy::ModelInfo modelInfo() const override { return ::Hy::modelInfo<Class>(); }             \
                                                                                                 \
private:

// hysteria-orm's defineModel `options` (Hy::ModelOptions), anywhere after HY_MODEL:
// HY_MODEL_OPTIONS({.databaseCaseConvention = Hy::CaseConvention::Pascal}).
#define HY_MODEL_OPTIONS(...)                                                                    \
public:                                                                                          \
    static constexpr ::Hy::ModelOptions hyOptions = __VA_ARGS__;                                 \
                                                                                                 \
private:

// hysteria-orm's indexes, uniques and checks (Hy::IndexDefinition,
// Hy::CheckDefinition), anywhere after HY_MODEL; the compiler checks that
// indexes and uniques name columns of the model:
// HY_INDEXES({{"email"}}, {.columns = {"name", "email"}, .name = "idx_name_email"})
// HY_UNIQUES({{"email"}})
// HY_CHECKS({"age >= 18"}, {.expression = "status IN ('a', 'b')", .name = "chk_status"})
#define HY_INDEXES(...)                                                                          \
public:                                                                                          \
    static constexpr ::Hy::IndexDefinition hyIndexes[] = {__VA_ARGS__};                          \
                                                                                                 \
private:
#define HY_UNIQUES(...)                                                                          \
public:                                                                                          \
    static constexpr ::Hy::IndexDefinition hyUniques[] = {__VA_ARGS__};                          \
                                                                                                 \
private:
#define HY_CHECKS(...)                                                                           \
public:                                                                                          \
    static constexpr ::Hy::CheckDefinition hyChecks[] = {__VA_ARGS__};                           \
                                                                                                 \
private:

// Declares one column: HY_COLUMN(name, setter, Hy::col::kind({options})).
// The value type follows from the descriptor (QString, int, qint64, double,
// bool, QDateTime; std::optional<T> when the column is nullable). Generates
// Q_PROPERTY(name ... NOTIFY nameChanged), `name()`, `setter(value)`, the
// `nameChanged()` signal and the storage. Leaves the access at `private:`,
// as Q_OBJECT does. The column's type comes from hyColumn_name
// (Hy::detail::DeclaredColumn), which stands in an integer column for a
// descriptor that did not compile: one error, not one per use of the type.
#define HY_COLUMN(name, setter, ...)                                                             \
public:                                                                                          \
    static constexpr auto hyDef_##name = ::Hy::detail::descriptor(__VA_ARGS__);                 \
    static_assert(::Hy::detail::hasValidLength(hyDef_##name),                                    \
                  "HysteriaQt: a string column's length must be positive");                      \
    static_assert(::Hy::detail::hasValidPrecision(hyDef_##name),                                 \
                  "HysteriaQt: a decimal column needs 0 < precision <= 65 and "                  \
                  "0 <= scale <= precision");                                                    \
    static_assert(::Hy::detail::fitsItsType(hyDef_##name),                                       \
                  "HysteriaQt: a Hy::Decimal holds 18 digits: give a wider decimal column "      \
                  "as Hy::col::decimal<QString>()");                                             \
    static_assert(::Hy::detail::hasValidDefault(hyDef_##name),                                   \
                  "HysteriaQt: default_ must be a value of the column's kind: a number for numbers, "  \
                  "true or false for a boolean, text in the column's own form for dates (\"2026-11-30\"), " \
                  "times (\"14:05:00\"), date-times (\"2026-11-30 14:05:00\"), UUIDs and decimals, "   \
                  "one of the values of an enum_, at most length characters for a string");          \
    static_assert(::Hy::detail::hasValidEnumValues(hyDef_##name),                                \
                  "HysteriaQt: enum_ takes 1 to 64 distinct, non-empty values");                   \
    static_assert(::Hy::detail::hasIndexableKey(hyDef_##name),                                   \
                  "HysteriaQt: a primary key cannot be TEXT, JSON or bytes: use primary<QString>() or " \
                  "string({.primaryKey = true}), a VARCHAR every database indexes");                \
    static_assert(::Hy::detail::hasConversions(hyDef_##name),                                    \
                  "HysteriaQt: a column of a type of the application's needs both serialize "        \
                  "(from the stored type) and prepare (to it)");                                     \
    static constexpr int hySlot_##name = __COUNTER__ - hyCounterBase - 1;                        \
    template <typename HyDeferred = void>                                                        \
    static auto hyDeclare_##name(int) -> ::Hy::detail::DeclaredColumn<                           \
            ::Hy::detail::dependentOn<HyDeferred>(&hyDef_##name)>;                               \
    static auto hyDeclare_##name(...)                                                            \
            -> ::Hy::detail::DeclaredColumn<&::Hy::detail::fallbackDefinition>;                  \
    using hyColumn_##name = decltype(hyDeclare_##name(0));                                       \
    using hyType_##name = typename hyColumn_##name::Storage;                                     \
    using hyProperty_##name = ::Hy::detail::PropertyType<hyType_##name>;                         \
    Q_PROPERTY(hyProperty_##name name READ hyRead_##name WRITE hyWrite_##name NOTIFY name##Changed FINAL) \
    const hyType_##name &name() const noexcept { return hy_##name; }                             \
    void setter(const hyType_##name &value)                                                      \
    {                                                                                            \
        hyMarkChanged(hySlot_##name);                                                            \
        if (hy_##name == value)                                                                  \
            return;                                                                              \
        hy_##name = value;                                                                       \
        Q_EMIT name##Changed();                                                                  \
    }                                                                                            \
    Q_SIGNAL void name##Changed();                                                               \
    static constexpr auto hyColumn(::Hy::detail::Slot<hySlot_##name>)                            \
    {                                                                                            \
        return ::Hy::detail::ColumnEntry<HyThis, &HyThis::hy_##name, hyColumn_##name::definition, \
                                         &HyThis::name>{                                         \
            #name, *hyColumn_##name::definition, hySlot_##name};                                 \
    }                                                                                            \
    hyProperty_##name hyRead_##name() const { return ::Hy::detail::toProperty(hy_##name); }      \
    void hyWrite_##name(const hyProperty_##name &value)                                          \
    {                                                                                            \
        setter(::Hy::detail::fromProperty<hyType_##name>(value));                                \
    }                                                                                            \
                                                                                                 \
private:                                                                                         \
    hyType_##name hy_##name{};

#endif // HYSTERIAQT_MODEL_H
