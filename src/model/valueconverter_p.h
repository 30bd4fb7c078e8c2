// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_VALUECONVERTER_P_H
#define HYSTERIAQT_VALUECONVERTER_P_H

#include "model/modeldata_p.h"

#include <HysteriaQt/error.h>

#include <QtCore/QVariant>

namespace Hy::detail {

class SqlDialect;

enum class ValueUse {
    Write,   // a value to store: its length and a decimal's range are checked, decimals rounded
    Compare, // a value to compare with: any length or size just matches or not
};

// Checks a value given for a model column and converts it to what is bound
// for it. Throws Hy::Error before any SQL is sent:
//  - InvalidValue when the value is not of the column's kind ("abc" for an
//    integer, 1e10 for a 32-bit integer, an unparsable date-time, a decimal
//    beyond its precision, text holding U+0000, U+FFFE, U+FFFF or a lone
//    surrogate, JSON not of the column's shape or nested more than
//    MaxJsonDepth levels),
//  - NullValue for null in a column that is not nullable,
//  - ValueTooLong for a string longer than the column's length.
// Text is never null: a null QString is "", as null is spelled nullptr.
QVariant toDatabaseValue(const ColumnData &column, const QVariant &value, const SqlDialect &dialect,
                         const QString &table, ValueUse use = ValueUse::Write);

// The pattern of a LIKE comparison: storable text (see above) without a lone
// backslash at its end (InvalidValue), on a string or text column
// (InvalidQuery otherwise: the databases disagree on LIKE over numbers).
QVariant toLikePattern(const ColumnData &column, const QVariant &value, const QString &table);
// The value an equality (=, <>, IN) compares with: a value of the property's
// type goes through the column's prepare, as a write takes it, so that the
// value written finds its row. To be passed on to toDatabaseValue().
QVariant equalityValue(const ColumnData &column, const QVariant &value);
QVariant toLikePattern(const QVariant &value, const QString &table, const QString &column);

// A value for a column of a table without a model (Hy::QueryBuilder), as one
// of the types every driver binds: numbers, bool, text, bytes, null;
// date-times as HysteriaQt's UTC text, dates and times as ISO text, UUIDs as
// text. Throws InvalidValue for text holding U+0000, U+FFFE, U+FFFF or a
// lone surrogate, and for other types.
QVariant toRawDatabaseValue(const QVariant &value, const QString &table, const QString &column,
                            const SqlDialect &dialect);

// Throws InvalidValue, before any SQL, for text no database stores as it is:
// holding U+0000, U+FFFE, U+FFFF or a surrogate that is not half of a pair.
void requireStorable(const QString &text, const QString &table, const QString &column);

// Hy::Error(UnreadableValue) for a database value that does not fit its column.
Error unreadableValue(const ColumnData &column, const QVariant &value, const QString &table);

} // namespace Hy::detail

#endif // HYSTERIAQT_VALUECONVERTER_P_H
