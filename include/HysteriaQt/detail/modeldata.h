// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_DETAIL_MODELDATA_H
#define HYSTERIAQT_DETAIL_MODELDATA_H

// Not public API: what the library is told of a model class, built once per
// class from the compile-time column list, and the typed hydration functions.

#include <HysteriaQt/hysteriaqt_global.h>
#include <HysteriaQt/detail/modeltraits.h>

#include <QtCore/QDateTime>
#include <QtCore/QList>
#include <QtCore/QJsonValue>
#include <QtCore/QMetaEnum>
#include <QtCore/QString>
#include <QtCore/QUuid>
#include <QtCore/QVariant>

#include <array>
#include <memory>
#include <vector>
#include <limits>
#include <string_view>

struct QMetaObject;

namespace Hy::detail {

struct ModelData; // the library's own, built from a ModelSpec
class QueryCore;
struct RowValues;
template <typename M>
struct HookThunks; // HY_HOOKS's, in modelhooks.h

HYSTERIAQT_EXPORT QDateTime dateTimeFromDatabase(const QVariant &value);

HYSTERIAQT_EXPORT bool boolFromDatabase(const QVariant &value, bool *out);
HYSTERIAQT_EXPORT bool dateFromDatabase(const QVariant &value, QDate *out);
HYSTERIAQT_EXPORT bool timeFromDatabase(const QVariant &value, QTime *out);
HYSTERIAQT_EXPORT bool bytesFromDatabase(const QVariant &value, QByteArray *out);
HYSTERIAQT_EXPORT bool jsonFromDatabase(const QVariant &value, QJsonValue *out);
// The ISO 8601 text of the date columns' QString form.
HYSTERIAQT_EXPORT QString isoText(const QDate &value);
HYSTERIAQT_EXPORT QString isoText(const QTime &value);
HYSTERIAQT_EXPORT QString isoText(const QDateTime &value);
HYSTERIAQT_EXPORT bool uuidFromDatabase(const QVariant &value, QUuid *out);
// Whole numbers within [min, max] only: 3.7 or 1e30 in an integer column do not read.
HYSTERIAQT_EXPORT bool integerFromDatabase(const QVariant &value, qint64 min, qint64 max, qint64 *out);

// A database value as T; false when it is not one (text in an integer column
// of SQLite, a 64-bit key in a 32-bit column, an unparsable date-time), which
// the caller reports instead of storing a made-up value.
template <typename T>
bool fromDatabase(const QVariant &value, T *out)
{
    bool ok = true;
    if constexpr (std::is_same_v<T, int> || std::is_same_v<T, qint64>) {
        qint64 v = 0;
        ok = integerFromDatabase(value, std::numeric_limits<T>::min(), std::numeric_limits<T>::max(), &v);
        *out = T(v);
    } else if constexpr (std::is_same_v<T, double>) {
        *out = value.toDouble(&ok);
    } else if constexpr (std::is_same_v<T, bool>) {
        ok = boolFromDatabase(value, out);
    } else if constexpr (std::is_same_v<T, QString>) {
        *out = value.toString();
    } else if constexpr (std::is_same_v<T, QDateTime>) {
        *out = dateTimeFromDatabase(value);
        ok = out->isValid();
    } else if constexpr (std::is_same_v<T, QUuid>) {
        ok = uuidFromDatabase(value, out);
    } else if constexpr (std::is_same_v<T, QDate>) {
        ok = dateFromDatabase(value, out);
    } else if constexpr (std::is_same_v<T, QTime>) {
        ok = timeFromDatabase(value, out);
    } else if constexpr (std::is_same_v<T, QByteArray>) {
        ok = bytesFromDatabase(value, out);
    } else if constexpr (std::is_same_v<T, QJsonValue>) {
        ok = jsonFromDatabase(value, out);
    } else {
        ok = value.canConvert<T>();
        *out = value.value<T>();
    }
    return ok;
}

template <typename Storage>
bool assignFromDatabase(Storage &slot, const QVariant &value)
{
    if (value.isNull()) {
        slot = Storage{};
        return true;
    }
    if constexpr (IsOptional<Storage>) {
        typename Storage::value_type v{};
        if (!fromDatabase(value, &v))
            return false;
        slot = std::move(v);
        return true;
    } else {
        return fromDatabase(value, &slot);
    }
}

template <typename Storage>
QVariant toVariant(const Storage &slot)
{
    if constexpr (IsOptional<Storage>)
        return slot ? QVariant::fromValue(*slot) : QVariant();
    else
        return QVariant::fromValue(slot);
}

// The property's value from the stored one where the library converts by
// itself (see ConvertsItself); false when the stored value does not fit.
template <typename T, typename S>
bool convertStored(S &&stored, T *out)
{
    if constexpr (std::is_same_v<T, std::remove_cvref_t<S>>) {
        *out = std::forward<S>(stored);
        return true;
    } else if constexpr (std::is_same_v<T, QString>) {
        *out = isoText(stored);
        return true;
    } else if constexpr (std::is_same_v<T, QJsonObject>) {
        *out = stored.toObject();
        return stored.isObject();
    } else if constexpr (std::is_same_v<T, QJsonArray>) {
        *out = stored.toArray();
        return stored.isArray();
    } else {
        static_assert(RegisteredEnum<T>);
        bool ok = false;
        const int v = QMetaEnum::fromType<T>().keyToValue(stored.toUtf8().constData(), &ok);
        *out = T(v);
        return ok;
    }
}

template <typename Entry>
bool readColumn(Model *model, const QVariant &value)
{
    using Def = typename Entry::Definition;
    using T = typename Def::ValueType;
    using S = typename Def::StoredType;
    auto &slot = static_cast<typename Entry::Model *>(model)->*Entry::member;
    if constexpr (std::is_same_v<T, S> && !hasSerialize(Entry::def)) {
        return assignFromDatabase(slot, value);
    } else {
        if (value.isNull()) {
            slot = {};
            return true;
        }
        S stored{};
        if (!fromDatabase(value, &stored))
            return false;
        if constexpr (hasSerialize(Entry::def)) {
            slot = Entry::def.serialize(stored);
            return true;
        } else {
            T converted{};
            if (!convertStored(std::move(stored), &converted))
                return false;
            slot = std::move(converted);
            return true;
        }
    }
}

template <typename Entry>
QVariant columnValue(const Model *model)
{
    return toVariant(static_cast<const typename Entry::Model *>(model)->*Entry::member);
}

// The column's prepare applied to a value of the property's type (a number
// of another number type converts to it); values of other types are what
// is stored already and pass as they are.
template <typename Entry>
QVariant prepareColumn(const QVariant &value)
{
    using T = typename Entry::Definition::ValueType;
    if (value.metaType() == QMetaType::fromType<T>())
        return QVariant::fromValue(Entry::def.prepare(*static_cast<const T *>(value.constData())));
    if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>) {
        const bool number = value.typeId() == QMetaType::Int || value.typeId() == QMetaType::LongLong
                || value.typeId() == QMetaType::Double || value.typeId() == QMetaType::UInt;
        if (number) {
            QVariant converted = value;
            if (converted.convert(QMetaType::fromType<T>()) && converted == value)
                return QVariant::fromValue(Entry::def.prepare(converted.value<T>()));
        }
    }
    return value;
}

template <typename E>
QMetaEnum metaEnumOf()
{
    return QMetaEnum::fromType<E>();
}

// What a column is, handed by the application's code to the library, which
// builds its own metadata from it: plain data whose size comes first, so that
// options added later are appended and an application compiled with an older
// header still hands over what the library can read.
struct ColumnSpec
{
    enum Flag : quint32 {
        Nullable = 0x1,
        PrimaryKey = 0x2,
        AutoIncrement = 0x4,
        AutoCreate = 0x8,
        AutoUpdate = 0x10,
        Hidden = 0x20,
        NamedInDatabase = 0x40, // a databaseName of its own, kept whatever the convention
        ConvertsType = 0x80,    // the property's type is not the stored one (serialize/prepare convert)
        JsonObject = 0x100,     // a JSON column read into a QJsonObject: only objects read back
        JsonArray = 0x200,      // a JSON column read into a QJsonArray: only arrays read back
    };

    quint32 size = sizeof(ColumnSpec);
    ColumnKind kind = ColumnKind::Integer;
    quint32 flags = 0;
    std::string_view name;         // property name
    std::string_view databaseName;
    int length = -1;
    int precision = -1;
    int scale = -1;
    int slot = -1;                 // change-tracking bit in Hy::Model
    // Typed hydration: stores a database value straight into the member;
    // false when the value does not fit the member's type.
    bool (*read)(Model *model, const QVariant &value) = nullptr;
    // The member's current value; a null QVariant for an empty optional.
    QVariant (*value)(const Model *model) = nullptr;
    ColumnDefault defaultValue;
    const EnumValues *enumValues = nullptr; // hysteria-orm's list form of enum_
    QMetaEnum (*metaEnum)() = nullptr;      // enum_<E>()
    // The column's prepare, or null.
    QVariant (*prepare)(const QVariant &value) = nullptr;
    std::string_view sqlType;               // generic()'s `type`
    // An encrypted column's keys.
    EncryptionKey (*encryptionKey)() = nullptr;
    QByteArray (*publicKey)() = nullptr;
    QByteArray (*privateKey)() = nullptr;
};

// The hooks of a model (HY_HOOKS), each null when not given; sized like
// ModelSpec, for the same reason.
struct HookTable
{
    quint32 size = sizeof(HookTable);
    void (*beforeFetch)(QueryCore &query) = nullptr;
    void (*afterFetch)(std::vector<std::unique_ptr<Model>> &models) = nullptr;
    void (*beforeInsert)(RowValues &row) = nullptr;
    void (*beforeInsertMany)(QList<RowValues> &rows) = nullptr;
    void (*beforeUpdate)(QueryCore &query) = nullptr;
    void (*beforeDelete)(QueryCore &query) = nullptr;
};

struct ModelSpec
{
    quint32 size = sizeof(ModelSpec);
    std::string_view table;
    const QMetaObject *metaObject = nullptr;
    const ColumnSpec *columns = nullptr;
    int columnCount = 0;
    int primaryKey = -1;
    Model *(*create)() = nullptr;
    int softDeleteColumn = -1;
    SoftDeleteValue softDeleteValue;
    // A Custom databaseCaseConvention, applied to the property names of
    // columns without a databaseName.
    CaseConvention::Function databaseCase = nullptr;
    std::span<const IndexDefinition> indexes;
    std::span<const IndexDefinition> uniques;
    std::span<const CheckDefinition> checks;
    const HookTable *hooks = nullptr;
};

// Builds and registers the metadata of a model class; once per class.
HYSTERIAQT_EXPORT const ModelData *registerModelSpec(const ModelSpec &spec);

template <typename Entry>
constexpr ColumnSpec columnSpec(const Entry &entry, std::string_view databaseName)
{
    const auto &def = entry.definition;
    ColumnSpec c;
    c.kind = std::remove_cvref_t<decltype(def)>::kind;
    c.flags = (isNullable(def) ? ColumnSpec::Nullable : 0u) | (isPrimaryKey(def) ? ColumnSpec::PrimaryKey : 0u)
            | (isAutoIncrement(def) ? ColumnSpec::AutoIncrement : 0u) | (def.hidden ? ColumnSpec::Hidden : 0u)
            | (!def.databaseName.empty() ? ColumnSpec::NamedInDatabase : 0u)
            | (!std::is_same_v<typename Entry::Definition::ValueType, typename Entry::Definition::StoredType>
                       ? ColumnSpec::ConvertsType
                       : 0u);
    if constexpr (Entry::Definition::kind == ColumnKind::Json && !hasSerialize(Entry::def)) {
        using T = typename Entry::Definition::ValueType;
        c.flags |= std::is_same_v<T, QJsonObject> ? ColumnSpec::JsonObject
                 : std::is_same_v<T, QJsonArray>  ? ColumnSpec::JsonArray
                                                  : 0u;
    }
    if constexpr (requires { def.autoCreate; def.autoUpdate; }) {
        c.flags |= (def.autoCreate ? ColumnSpec::AutoCreate : 0u) | (def.autoUpdate ? ColumnSpec::AutoUpdate : 0u);
    }
    c.name = entry.name;
    c.databaseName = databaseName;
    if constexpr (requires { def.length; })
        c.length = def.length;
    if constexpr (requires { def.precision; def.scale; }) {
        c.precision = def.precision;
        c.scale = def.scale;
    }
    c.slot = entry.slot;
    c.read = &readColumn<Entry>;
    c.value = &columnValue<Entry>;
    if constexpr (requires { def.default_; })
        c.defaultValue = def.default_;
    if constexpr (Entry::Definition::kind == ColumnKind::Enum) {
        if constexpr (RegisteredEnum<typename Entry::Definition::ValueType>)
            c.metaEnum = &metaEnumOf<typename Entry::Definition::ValueType>;
        else
            c.enumValues = &Entry::def.values;
    }
    if constexpr (hasPrepare(Entry::def))
        c.prepare = &prepareColumn<Entry>;
    if constexpr (requires { def.type; })
        c.sqlType = def.type;
    if constexpr (requires { def.key; })
        c.encryptionKey = def.key;
    if constexpr (requires { def.publicKey; def.privateKey; }) {
        c.publicKey = def.publicKey;
        c.privateKey = def.privateKey;
    }
    return c;
}

template <typename M>
const ModelData *modelData()
{
    static_assert(checkModel<M>());
    static const ModelData *const data = [] {
        using Columns = ModelColumns<M>;
        std::array<FixedName, Columns::count> databaseNames{};
        std::array<ColumnSpec, Columns::count> columns{};
        Columns::forEach([&](auto i, const auto &entry) {
            databaseNames[i] = databaseName<M>(entry.name, entry.definition);
            columns[i] = columnSpec(entry, databaseNames[i].view());
        });
        ModelSpec spec;
        spec.table = M::hyTable;
        spec.metaObject = &M::staticMetaObject;
        spec.columns = columns.data();
        spec.columnCount = Columns::count;
        spec.primaryKey = Columns::primaryKey();
        spec.create = []() -> Model * { return new M; };
        constexpr ModelOptions options = optionsOf<M>();
        spec.softDeleteColumn = softDeleteColumn<M>();
        spec.softDeleteValue = options.softDeleteValue;
        spec.databaseCase = options.databaseCaseConvention.function();
        spec.indexes = indexesOf<M>();
        spec.uniques = uniquesOf<M>();
        spec.checks = checksOf<M>();
        if constexpr (requires { M::hyHooks(); }) {
            static constexpr HookTable hooks = HookThunks<M>::table();
            spec.hooks = &hooks;
        }
        return registerModelSpec(spec);
    }();
    return data;
}

} // namespace Hy::detail

#endif // HYSTERIAQT_DETAIL_MODELDATA_H
