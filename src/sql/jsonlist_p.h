// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_JSONLIST_P_H
#define HYSTERIAQT_JSONLIST_P_H

#include "sql/sqldialect_p.h"

#include <QtCore/QString>
#include <QtCore/QVariantList>

#include <optional>

namespace Hy::detail {

// The values of an IN list, resolved for the database, as one JSON array
// in `json`, when they are all of one type a JSON array carries exactly
// (integers of 64 bits, finite doubles, text); std::nullopt otherwise
// (bytes, mixed text and numbers), and the list keeps its placeholders.
// `maxLength` is the longest text element's length.
std::optional<SqlDialect::ListType> jsonList(const QVariantList &values, QString &json, qsizetype &maxLength);

} // namespace Hy::detail

#endif // HYSTERIAQT_JSONLIST_P_H
