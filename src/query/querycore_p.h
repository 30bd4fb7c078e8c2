// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_QUERYCORE_P_H
#define HYSTERIAQT_QUERYCORE_P_H

// What QueryCore's operations, split over several files, share.

#include "exec/sqldatasource_p.h"

#include <HysteriaQt/error.h>
#include <HysteriaQt/sqlstatement.h>
#include <HysteriaQt/detail/querycore.h>

namespace Hy::detail {

class Connection;
class QueryState;

Session openSession(const SourceHandle &connection);
Error invalidQuery(const QString &message);
// update() and remove() take conditions only (INVALID_QUERY otherwise).
void requireWhereOnly(const QueryState &state, const char *operation);
// One write statement; its affected row count.
qint64 runWrite(Connection *connection, const SqlStatement &statement);

} // namespace Hy::detail

#endif // HYSTERIAQT_QUERYCORE_P_H
