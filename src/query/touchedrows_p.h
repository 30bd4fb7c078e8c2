// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_TOUCHEDROWS_P_H
#define HYSTERIAQT_TOUCHEDROWS_P_H

#include <HysteriaQt/sqlstatement.h>

#include <QtCore/QVariantList>

namespace Hy::detail {

class Connection;
class QueryState;

// The rows an UPDATE or DELETE of a model with a primary key wrote, for the
// after-write signals.
struct TouchedRows
{
    qint64 count = 0;
    QVariantList keys;
};

// Runs `write`, an UPDATE or DELETE of the rows `state` (resolved) matches,
// and finds their keys as they are after it: with RETURNING where the
// database has it for these statements (PostgreSQL, SQLite 3.35+),
// otherwise by a SELECT just before it in one transaction, FOR UPDATE on
// MySQL and MariaDB, whose locks keep the rows matched from changing in
// between. `newKey`: the key an UPDATE writes, if it writes one.
TouchedRows writeTouchedRows(Connection *connection, const QueryState &state, const SqlStatement &write,
                             const QVariant *newKey = nullptr);

} // namespace Hy::detail

#endif // HYSTERIAQT_TOUCHEDROWS_P_H
