// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_GENERATEDVALUES_P_H
#define HYSTERIAQT_GENERATEDVALUES_P_H

#include <QtCore/QString>
#include <QtCore/QStringView>

namespace Hy::detail {

// A new ULID: the current time in milliseconds (48 bits), then 80 random
// bits, in Crockford's base 32 (26 characters). Within one millisecond, each
// ULID is the previous one plus one, so ULIDs made in a process increase
// strictly; a clock set back keeps the last time until it catches up.
QString newUlid();
// The ULID as stored (upper case), or an empty string when `text` is not one.
QString normalizedUlid(QStringView text);

} // namespace Hy::detail

#endif // HYSTERIAQT_GENERATEDVALUES_P_H
