// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_LOGGING_P_H
#define HYSTERIAQT_LOGGING_P_H

#include <QtCore/QLoggingCategory>

namespace Hy::detail {
// "hysteria.sql": every statement with its bindings count and duration.
Q_DECLARE_LOGGING_CATEGORY(lcSql)
}

#endif // HYSTERIAQT_LOGGING_P_H
