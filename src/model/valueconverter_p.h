// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_VALUECONVERTER_P_H
#define HYSTERIAQT_VALUECONVERTER_P_H

#include <HysteriaQt/detail/modeldata.h>

#include <HysteriaQt/error.h>

#include <QtCore/QVariant>

namespace Hy::detail {

class SqlDialect;

// Checks a value given for a model column and converts it to what is bound
// for it. Throws Hy::Error before any SQL is sent:
//  - InvalidValue when the value is not of the column's kind ("abc" for an
//    integer, 1e10 for a 32-bit integer, an unparsable date-time),
//  - NullValue for null in a column that is not nullable,
//  - ValueTooLong for a string longer than the column's length.
QVariant toDatabaseValue(const ColumnData &column, const QVariant &value, const SqlDialect &dialect,
                         const QString &table);

// The pattern of a LIKE comparison: text, on a string or text column
// (InvalidQuery otherwise: the databases disagree on LIKE over numbers).
QVariant toLikePattern(const ColumnData &column, const QVariant &value, const QString &table);

// Hy::Error(UnreadableValue) for a database value that does not fit its column.
Error unreadableValue(const ColumnData &column, const QVariant &value, const QString &table);

} // namespace Hy::detail

#endif // HYSTERIAQT_VALUECONVERTER_P_H
