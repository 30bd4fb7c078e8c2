// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_COLUMNINFO_H
#define HYSTERIAQT_COLUMNINFO_H

#include <HysteriaQt/columns.h>
#include <HysteriaQt/hysteriaqt_global.h>

#include <QtCore/QString>

namespace Hy {

namespace detail {
struct ColumnData;
}

// Run-time description of one model column. A cheap handle: the metadata it
// points to lives as long as the program, like a QMetaObject.
class HYSTERIAQT_EXPORT ColumnInfo
{
public:
    constexpr ColumnInfo() noexcept = default;
    explicit constexpr ColumnInfo(const detail::ColumnData *data) noexcept : d(data) {}

    // An invalid handle (default-constructed, or a look-up that found
    // nothing) answers empty values: "", -1, false, nullptr.
    bool isValid() const noexcept { return d != nullptr; }

    // The Q_PROPERTY name, e.g. "isActive".
    QString name() const;
    // The column in the database, e.g. "is_active".
    QString databaseName() const;
    ColumnKind kind() const;
    bool isNullable() const;
    bool isPrimaryKey() const;
    bool isAutoIncrement() const;
    bool isAutoCreate() const;
    bool isAutoUpdate() const;
    // Left out of toJson(), toVariantMap() and qDebug().
    bool isHidden() const;
    // -1 when the kind has no such option.
    int length() const;
    int precision() const;
    int scale() const;
    // Index of the Q_PROPERTY in the model's QMetaObject.
    int propertyIndex() const;

    friend bool operator==(ColumnInfo a, ColumnInfo b) noexcept { return a.d == b.d; }

private:
    const detail::ColumnData *d = nullptr;
};

} // namespace Hy

#endif // HYSTERIAQT_COLUMNINFO_H
