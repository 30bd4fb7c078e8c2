// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_STATEMENT_P_H
#define HYSTERIAQT_STATEMENT_P_H

#include <HysteriaQt/sqlstatement.h>

#include <QtCore/QVariantList>

#include <span>

namespace Hy::detail {

// The bytes a bound value takes in a statement sent to the server, at most:
// text counted at three bytes per UTF-16 unit (its UTF-8 worst case), plus
// a little for the value's framing. Cheap, for sizing batches.
qint64 boundBytesAtMost(const QVariant &value);
// The same, with text counted exactly in UTF-8.
qint64 boundBytes(const QVariant &value);
// The bytes of `values`: the cheap upper bound when it is within `limit`,
// else the exact count (which the caller compares with the limit).
qint64 boundBytes(std::span<const QVariant> values, qint64 limit);

} // namespace Hy::detail

#endif // HYSTERIAQT_STATEMENT_P_H
