// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_DETAIL_MODELTRAITS_H
#define HYSTERIAQT_DETAIL_MODELTRAITS_H

// Not public API: the compile-time side of HY_MODEL / HY_COLUMN.
//
// Each HY_COLUMN declares `static constexpr auto hyColumn(Slot<N>)`, N being
// its position among the model's columns (taken from __COUNTER__, relative to
// HY_MODEL). ModelColumns<M> probes the indexes to get the model's columns as a
// constexpr tuple: names, options and member pointers known to the compiler,
// without a second list of columns for the user to keep in sync.

#include <HysteriaQt/columns.h>
#include <HysteriaQt/modeloptions.h>
#include <HysteriaQt/detail/casing.h>
#include <HysteriaQt/detail/columnchecks.h>

#include <QtCore/QVariant>
#include <QtCore/qobjectdefs.h>

#include <array>
#include <concepts>
#include <optional>
#include <span>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace Hy {
class Model;
}

namespace Hy::detail {

inline constexpr int MaxColumns = 128;

template <int N>
struct Slot
{
    static_assert(N >= 0 && N < MaxColumns,
                  "HysteriaQt: a model has at most 128 columns, and HY_MODEL must come "
                  "before its HY_COLUMNs");
};

template <typename T>
struct IsColumnDefinitionHelper : std::false_type {};
template <ColumnKind K, typename T, typename O, typename S>
struct IsColumnDefinitionHelper<ColumnDefinition<K, T, O, S>> : std::true_type {};

template <typename T>
concept ColumnDefinitionType = IsColumnDefinitionHelper<std::remove_cvref_t<T>>::value;

template <typename T>
inline constexpr bool NotADescriptor = false;

// HY_COLUMN's descriptor, or, for anything else, one error and an integer
// column in its place, so that the rest of HY_COLUMN adds no errors to it.
template <typename T>
constexpr auto descriptor(const T &definition)
{
    if constexpr (ColumnDefinitionType<T>) {
        return definition;
    } else {
        static_assert(NotADescriptor<T>, "HysteriaQt: HY_COLUMN's third argument must be a Hy::col:: descriptor");
        return col::integer();
    }
}

template <typename Def>
constexpr bool isPrimaryKey(const Def &def)
{
    if constexpr (Def::kind == ColumnKind::Increment || Def::kind == ColumnKind::BigIncrement)
        return true;
    else if constexpr (requires { def.primaryKey; })
        return def.primaryKey;
    else
        return false;
}

template <typename Def>
constexpr bool isAutoIncrement(const Def &)
{
    return Def::kind == ColumnKind::Increment || Def::kind == ColumnKind::BigIncrement;
}

// Primary keys are never nullable, whatever the options say (as in hysteria-orm).
template <typename Def>
constexpr bool isNullable(const Def &def)
{
    if constexpr (requires { def.nullable; })
        return def.nullable && !isPrimaryKey(def);
    else
        return false;
}

template <typename Def>
constexpr bool hasValidLength(const Def &def)
{
    if constexpr (requires { def.length; })
        return def.length > 0;
    else
        return true;
}

template <typename Def>
constexpr bool hasValidPrecision(const Def &def)
{
    if constexpr (requires { def.precision; def.scale; })
        return def.precision > 0 && def.precision <= 65 && def.scale >= 0
                && def.scale <= def.precision;
    else
        return true;
}

template <typename Def>
constexpr bool fitsItsType(const Def &def)
{
    if constexpr (std::is_same_v<typename Def::ValueType, Decimal>)
        return def.precision <= Decimal::MaxDigits;
    else
        return true;
}

template <typename M>
concept HasModelOptions = requires { M::hyOptions; };

// HY_MODEL_OPTIONS's, or the defaults.
template <typename M>
constexpr ModelOptions optionsOf()
{
    if constexpr (HasModelOptions<M>)
        return M::hyOptions;
    else
        return ModelOptions{};
}

// A column's database name: its databaseName, or its property name in the
// model's databaseCaseConvention. A Custom convention is applied when the
// model is registered; the property name stands for it until then.
template <typename M, typename Def>
constexpr FixedName databaseName(std::string_view property, const Def &def)
{
    FixedName out;
    if (!def.databaseName.empty()) {
        for (char c : def.databaseName)
            out.append(c);
        return out;
    }
    constexpr ModelOptions options = optionsOf<M>();
    const auto from = options.modelCaseConvention.style();
    const auto to = options.databaseCaseConvention.style();
    if (to == CaseConvention::Custom)
        return convertCase(property, false, CaseConvention::Preserve);
    return convertCase(property, from == CaseConvention::Camel || from == CaseConvention::Pascal, to);
}

// Nullable columns hold std::optional<T>: C++ sees the null that TypeScript
// spells `T | null | undefined`.
template <typename T>
struct IsOptionalHelper : std::false_type {};
template <typename T>
struct IsOptionalHelper<std::optional<T>> : std::true_type {};
template <typename T>
inline constexpr bool IsOptional = IsOptionalHelper<T>::value;

template <typename Def, bool Nullable>
using StorageType = std::conditional_t<Nullable, std::optional<typename Def::ValueType>,
                                       typename Def::ValueType>;

// The column HY_COLUMN declares, from a pointer to its descriptor: its
// definition and its storage type. HY_COLUMN picks it with two overloads of
// hyDeclare_<name>(): the first names the descriptor through a template
// parameter (dependentOn), so when the descriptor did not compile (an option
// the kind does not have) it drops out of overload resolution instead of
// failing again, and the second declares fallbackDefinition's column. The
// compiler has reported the descriptor's error; the getter, the setter, the
// property and the storage still have a type, and report nothing more.
template <auto DefinitionPointer>
struct DeclaredColumn
{
    static constexpr auto definition = DefinitionPointer;
    using Definition = std::remove_cvref_t<decltype(*DefinitionPointer)>;
    using Storage = StorageType<Definition, isNullable(*DefinitionPointer)>;
};

inline constexpr auto fallbackDefinition = col::integer();

// `value`, in an expression that depends on a template parameter: checked when
// the template is used, where a failure removes a candidate.
template <typename, typename T>
constexpr T dependentOn(T value) { return value; }

template <typename T>
struct PropertyTypeHelper { using type = T; };
template <typename T>
struct PropertyTypeHelper<std::optional<T>> { using type = QVariant; };

// The Q_PROPERTY type: the value type itself, or QVariant for a nullable
// column, because QML sees a std::optional as an opaque object but a
// QVariant holding nullptr as null.
template <typename T>
using PropertyType = typename PropertyTypeHelper<T>::type;

template <typename T>
const T &toProperty(const T &value) { return value; }

// An empty column is a QVariant holding nullptr, which QML reads as null; an
// invalid QVariant would read as undefined.
template <typename T>
QVariant toProperty(const std::optional<T> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant::fromValue(nullptr);
}

template <typename T>
T fromProperty(const T &value) { return value; }

template <typename Storage>
    requires IsOptional<Storage>
Storage fromProperty(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.value<typename Storage::value_type>();
}

template <typename M, auto Member, auto DefinitionPointer, auto Getter>
struct ColumnEntry
{
    using Model = M;
    // The column's getter, &User::email: how typed code names the column.
    static constexpr auto getter = Getter;
    using Definition = std::remove_cvref_t<decltype(*DefinitionPointer)>;
    using Def = Definition;
    using Storage = std::remove_cvref_t<decltype(std::declval<const M &>().*Member)>;
    static constexpr auto member = Member;
    // The descriptor as a constant: serialize and prepare are called through it.
    static constexpr const Definition &def = *DefinitionPointer;

    std::string_view name;
    Def definition;
    int slot;
};

template <typename M, int N>
concept HasColumnSlot = requires { M::hyColumn(Slot<N>{}); };

template <typename M>
struct SlotList
{
    std::array<int, MaxColumns> indexes{};
    int count = 0;
};

template <typename M>
consteval SlotList<M> findSlots()
{
    return []<int... N>(std::integer_sequence<int, N...>) {
        SlotList<M> list;
        ((HasColumnSlot<M, N> ? (list.indexes[list.count++] = N, 0) : 0), ...);
        return list;
    }(std::make_integer_sequence<int, MaxColumns>{});
}

template <typename M>
struct ModelColumns
{
    static constexpr SlotList<M> found = findSlots<M>();
    static constexpr int count = found.count;

    template <int I>
    static constexpr auto entry() { return M::hyColumn(Slot<found.indexes[I]>{}); }

    static constexpr auto entries = []<int... I>(std::integer_sequence<int, I...>) {
        return std::tuple{entry<I>()...};
    }(std::make_integer_sequence<int, count>{});

    static constexpr std::array<std::string_view, count> names = []<int... I>(
            std::integer_sequence<int, I...>) {
        return std::array<std::string_view, count>{std::get<I>(entries).name...};
    }(std::make_integer_sequence<int, count>{});

    template <typename F>
    static constexpr void forEach(F &&f)
    {
        [&]<int... I>(std::integer_sequence<int, I...>) {
            (f(std::integral_constant<int, I>{}, std::get<I>(entries)), ...);
        }(std::make_integer_sequence<int, count>{});
    }

    // The database names as the compiler knows them: a Custom convention's
    // are applied at run time, and stand as the property names here.
    static constexpr std::array<FixedName, count> databaseNames = [] {
        std::array<FixedName, count> out{};
        forEach([&](auto i, const auto &e) { out[i] = databaseName<M>(e.name, e.definition); });
        return out;
    }();

    static constexpr int primaryKeyCount()
    {
        int n = 0;
        forEach([&](auto, const auto &e) { n += isPrimaryKey(e.definition) ? 1 : 0; });
        return n;
    }

    static constexpr int primaryKey()
    {
        int pk = -1;
        forEach([&](auto i, const auto &e) {
            if (pk < 0 && isPrimaryKey(e.definition))
                pk = i;
        });
        return pk;
    }

    static constexpr bool databaseNamesFit()
    {
        bool ok = true;
        forEach([&](auto, const auto &e) {
            const FixedName n = databaseName<M>(e.name, e.definition);
            ok = ok && n.size > 0 && n.size <= MaxIdentifierLength;
        });
        return ok;
    }

    static constexpr bool databaseNamesUnique()
    {
        std::array<FixedName, count> dbNames{};
        forEach([&](auto i, const auto &e) { dbNames[i] = databaseName<M>(e.name, e.definition); });
        for (int a = 0; a < count; ++a) {
            for (int b = a + 1; b < count; ++b) {
                if (dbNames[a].view() == dbNames[b].view())
                    return false;
            }
        }
        return true;
    }
};

// The soft-delete column: the one named by softDeleteColumn, else a
// "deletedAt" column; -1 for none, -2 for a name the model does not have.
template <typename M>
constexpr int softDeleteColumn()
{
    constexpr std::string_view named = optionsOf<M>().softDeleteColumn;
    const std::string_view name = named.empty() ? std::string_view("deletedAt") : named;
    for (int i = 0; i < ModelColumns<M>::count; ++i) {
        if (ModelColumns<M>::names[i] == name)
            return i;
    }
    return named.empty() ? -1 : -2;
}

// softDeleteValue suits the column: the current time a date-time or text
// column, true or false a boolean one, text a text or enum column (one of
// its values). And the column can tell a deleted row: it is nullable, or a
// boolean (false or null is not deleted).
template <typename M>
constexpr bool softDeleteValueFits()
{
    constexpr int column = softDeleteColumn<M>();
    if constexpr (column < 0) {
        return true;
    } else {
        constexpr auto entry = std::get<column>(ModelColumns<M>::entries);
        using Def = typename decltype(entry)::Definition;
        constexpr SoftDeleteValue value = optionsOf<M>().softDeleteValue;
        constexpr ColumnKind kind = Def::kind;
        constexpr bool text = kind == ColumnKind::String || kind == ColumnKind::Text;
        constexpr auto def = entry.definition;
        // A value written on insert or update would mark rows deleted.
        if constexpr (requires { def.autoCreate; def.autoUpdate; }) {
            if (def.autoCreate || def.autoUpdate)
                return false;
        }
        if constexpr (requires { def.default_; }) {
            if (def.default_.type() != ColumnDefault::Type::None)
                return false;
        }
        if constexpr (!isNullable(entry.definition) && kind != ColumnKind::Boolean)
            return false;
        // restore() writes false to a boolean that is not nullable: false cannot mean deleted.
        else if constexpr (!isNullable(entry.definition) && value.type() == SoftDeleteValue::Type::Boolean
                           && !value.boolean())
            return false;
        else if constexpr (value.type() == SoftDeleteValue::Type::CurrentTime)
            return kind == ColumnKind::DateTime || kind == ColumnKind::Timestamp || text;
        else if constexpr (value.type() == SoftDeleteValue::Type::Boolean)
            return kind == ColumnKind::Boolean;
        else if constexpr (kind == ColumnKind::Enum && requires { entry.definition.values; })
            return entry.definition.values.contains(value.text());
        else
            return text && !value.text().empty();
    }
}

template <typename M>
constexpr std::span<const IndexDefinition> indexesOf()
{
    if constexpr (requires { M::hyIndexes; })
        return M::hyIndexes;
    else
        return {};
}

template <typename M>
constexpr std::span<const IndexDefinition> uniquesOf()
{
    if constexpr (requires { M::hyUniques; })
        return M::hyUniques;
    else
        return {};
}

template <typename M>
constexpr std::span<const CheckDefinition> checksOf()
{
    if constexpr (requires { M::hyChecks; })
        return M::hyChecks;
    else
        return {};
}

template <typename M>
constexpr int columnIndex(std::string_view name);

// Every column an index or unique names is one of the model's, once, of a
// kind every database indexes (not TEXT, JSON or bytes).
template <typename M>
constexpr bool indexColumnsExist(std::span<const IndexDefinition> indexes)
{
    for (const IndexDefinition &index : indexes) {
        if (!index.columns.isValid())
            return false;
        for (int i = 0; i < index.columns.size(); ++i) {
            if (columnIndex<M>(index.columns[i]) < 0)
                return false;
            for (int j = i + 1; j < index.columns.size(); ++j) {
                if (index.columns[i] == index.columns[j])
                    return false;
            }
        }
    }
    return true;
}

template <typename M>
constexpr bool indexColumnsIndexable(std::span<const IndexDefinition> indexes)
{
    bool ok = true;
    ModelColumns<M>::forEach([&](auto, const auto &entry) {
        using Def = typename std::remove_cvref_t<decltype(entry)>::Definition;
        const bool indexable = Def::kind != ColumnKind::Text && Def::kind != ColumnKind::Json
                && Def::kind != ColumnKind::Binary && Def::kind != ColumnKind::Encrypted;
        for (const IndexDefinition &index : indexes) {
            for (int i = 0; i < index.columns.size(); ++i)
                ok = ok && (indexable || index.columns[i] != entry.name);
        }
    });
    return ok;
}

template <typename M>
constexpr bool checksAreWritten()
{
    for (const CheckDefinition &check : checksOf<M>()) {
        if (check.expression.empty())
            return false;
    }
    return true;
}

// Dense index of a column by property name, or -1.
template <typename M>
constexpr int columnIndex(std::string_view name)
{
    for (int i = 0; i < ModelColumns<M>::count; ++i) {
        if (ModelColumns<M>::names[i] == name)
            return i;
    }
    return -1;
}

// A column named as hysteria-orm accepts it: by property name, or else by
// database name (`whereNull("deleted_at")`); -1 for neither.
template <typename M>
constexpr int columnIndexByAnyName(std::string_view name)
{
    const int index = columnIndex<M>(name);
    if (index >= 0)
        return index;
    for (int i = 0; i < ModelColumns<M>::count; ++i) {
        if (ModelColumns<M>::databaseNames[i].view() == name)
            return i;
    }
    return -1;
}

// Q_OBJECT gives the class a meta-object of its own: without it the model's
// properties would be looked up in Hy::Model's, which has none of them.
template <typename M>
concept DeclaresQObject = requires { &M::qt_metacall; } && bool(QtPrivate::HasQ_OBJECT_Macro<M>::Value);

template <typename M>
concept HasModelDeclaration = requires {
    typename M::HyThis;
    M::hyTable;
};

// Every check the compiler can make on a model definition, each with its own message.
template <typename M>
constexpr bool checkModel()
{
    static_assert(std::is_base_of_v<Hy::Model, M>,
                  "HysteriaQt: a model class must derive from Hy::Model");
    static_assert(!std::is_base_of_v<Hy::Model, M> || DeclaresQObject<M>,
                  "HysteriaQt: a model class needs Q_OBJECT");
    static_assert(HasModelDeclaration<M>,
                  "HysteriaQt: a model class needs HY_MODEL(Class, \"table\") before its columns");
    static_assert(std::is_same_v<typename M::HyThis, M>,
                  "HysteriaQt: HY_MODEL's first argument must be the class it is written in");
    static_assert(!M::hyTable.empty() && M::hyTable.size() <= MaxIdentifierLength,
                  "HysteriaQt: a table name must have 1 to 63 characters");
    static_assert(ModelColumns<M>::count > 0,
                  "HysteriaQt: a model needs at least one HY_COLUMN");
    static_assert(ModelColumns<M>::primaryKeyCount() <= 1,
                  "HysteriaQt: a model can have only one primary key column "
                  "(MULTIPLE_PRIMARY_KEYS_NOT_ALLOWED)");
    static_assert(ModelColumns<M>::databaseNamesFit(),
                  "HysteriaQt: a database column name must have 1 to 63 characters");
    static_assert(ModelColumns<M>::databaseNamesUnique(),
                  "HysteriaQt: two columns of this model map to the same database column name");
    static_assert(optionsOf<M>().databaseCaseConvention.style() != CaseConvention::Custom
                          || optionsOf<M>().databaseCaseConvention.hasFunction(),
                  "HysteriaQt: a Custom databaseCaseConvention is given as a function");
    static_assert(optionsOf<M>().modelCaseConvention.style() != CaseConvention::Custom,
                  "HysteriaQt: modelCaseConvention is camel, snake, pascal or preserve: the property "
                  "names are as written");
    static_assert(softDeleteColumn<M>() != -2,
                  "HysteriaQt: softDeleteColumn must name a column (a property name) of the model");
    static_assert(indexColumnsExist<M>(indexesOf<M>()) && indexColumnsExist<M>(uniquesOf<M>()),
                  "HysteriaQt: HY_INDEXES and HY_UNIQUES take 1 to 16 distinct columns of the model "
                  "each, by property name");
    static_assert(indexColumnsIndexable<M>(indexesOf<M>()) && indexColumnsIndexable<M>(uniquesOf<M>()),
                  "HysteriaQt: an index or unique cannot be on a text, JSON, bytes or encrypted column "
                  "(MySQL indexes only a prefix of those): use string()");
    static_assert(checksAreWritten<M>(), "HysteriaQt: a HY_CHECKS entry needs an expression");
    static_assert(softDeleteValueFits<M>(),
                  "HysteriaQt: the soft-delete column must be nullable (or a boolean marked deleted by "
                  "true), without autoCreate, autoUpdate or default_, and softDeleteValue must suit it: the "
                  "current time (the default) a datetime, timestamp or text column, a bool a boolean "
                  "column, text a text column or one of an enum_'s values");
    return true;
}

} // namespace Hy::detail

#endif // HYSTERIAQT_DETAIL_MODELTRAITS_H
