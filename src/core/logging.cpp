// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "core/logging_p.h"

namespace Hy::detail {
Q_LOGGING_CATEGORY(lcSql, "hysteria.sql", QtWarningMsg)
}
