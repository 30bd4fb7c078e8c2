// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_SYNCRESULT_H
#define HYSTERIAQT_SYNCRESULT_H

#include <QtCore/QVariantList>

namespace Hy {

// What sync() did: the keys of the targets it linked and unlinked.
struct SyncResult
{
    QVariantList attached;
    QVariantList detached;
};

} // namespace Hy

#endif // HYSTERIAQT_SYNCRESULT_H
