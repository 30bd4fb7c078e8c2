// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_MODELINFO_H
#define HYSTERIAQT_MODELINFO_H

#include <HysteriaQt/columninfo.h>
#include <HysteriaQt/hysteriaqt_global.h>

#include <QtCore/QList>
#include <QtCore/QString>

struct QMetaObject;

namespace Hy {

namespace detail {
struct ModelData;
// Defined in detail/modeldata.h, which every model's header brings with
// <HysteriaQt/Model>.
template <typename M>
const ModelData *modelData();
} // namespace detail

// Run-time description of a model class: its table and columns. Obtained
// without an instance: Hy::modelInfo<User>(), or ModelInfo::fromMetaObject()
// for a model that has been used (or passed to Hy::registerModel) before.
class HYSTERIAQT_EXPORT ModelInfo
{
public:
    constexpr ModelInfo() noexcept = default;
    explicit constexpr ModelInfo(const detail::ModelData *data) noexcept : d(data) {}

    static ModelInfo fromMetaObject(const QMetaObject *metaObject);

    // An invalid handle (default-constructed, or a look-up that found
    // nothing) answers empty values: "", -1, false, nullptr.
    bool isValid() const noexcept { return d != nullptr; }
    QString tableName() const;
    const QMetaObject *metaObject() const;

    int columnCount() const;
    ColumnInfo column(int index) const;
    // By property name; an invalid ColumnInfo when there is none.
    ColumnInfo column(const QString &name) const;
    int indexOf(const QString &name) const;
    QList<ColumnInfo> columns() const;

    bool hasPrimaryKey() const;
    ColumnInfo primaryKey() const;

    const detail::ModelData *data() const noexcept { return d; }

    friend bool operator==(ModelInfo a, ModelInfo b) noexcept { return a.d == b.d; }

private:
    const detail::ModelData *d = nullptr;
};

template <typename M>
ModelInfo modelInfo()
{
    return ModelInfo(detail::modelData<M>());
}

// Makes ModelInfo::fromMetaObject() know the model before its first use.
template <typename M>
void registerModel()
{
    (void)detail::modelData<M>();
}

} // namespace Hy

#endif // HYSTERIAQT_MODELINFO_H
