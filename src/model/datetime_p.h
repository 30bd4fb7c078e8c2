// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_DATETIME_P_H
#define HYSTERIAQT_DATETIME_P_H

#include <QtCore/QDateTime>
#include <QtCore/QString>
#include <QtCore/QStringView>

namespace Hy::detail {

// Date-times are stored as UTC with millisecond precision on every database,
// and cross the driver boundary as text "YYYY-MM-DD HH:MM:SS.mmm": a format
// SQLite's date functions understand, that sorts as text, and that needs no
// time-zone look-up to parse (QDateTime::fromString with a format costs tens of
// microseconds per value; this costs well under one).

QDateTime utcDateTime(QDate date, QTime time);

// "YYYY-MM-DD[ T]HH:MM[:SS[.fraction]][Z|+HH[[:]MM[:SS]]]"; an invalid
// QDateTime when the text is not of that form or the offset is beyond
// +-15:59:59. Fractions are rounded to the nearest millisecond, as the
// databases round them. The result is UTC.
QDateTime parseDateTime(QStringView text);

// What PostgreSQL's extract(epoch ...) gives; invalid outside years 1 to 9999.
QDateTime dateTimeFromSecondsSinceEpoch(double seconds);

// "YYYY-MM-DD HH:MM:SS.mmm" of the UTC time of `value`.
QString formatDateTime(const QDateTime &value);
// Whether the instant falls in the years 1 to 9999 in UTC: what every
// database (MySQL's DATETIME the narrowest) and the YYYY-MM-DD form hold.
bool isStorableDateTime(const QDateTime &value);

} // namespace Hy::detail

#endif // HYSTERIAQT_DATETIME_P_H
