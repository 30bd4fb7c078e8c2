// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_STATEMENT_P_H
#define HYSTERIAQT_STATEMENT_P_H

#include <QtCore/QString>
#include <QtCore/QVariantList>

namespace Hy::detail {

// SQL text with `?` placeholders and the values bound to them, in order.
// Values never appear in the text.
struct Statement
{
    QString sql;
    QVariantList bindings;
};

} // namespace Hy::detail

#endif // HYSTERIAQT_STATEMENT_P_H
