// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_MODELNOTIFIER_P_H
#define HYSTERIAQT_MODELNOTIFIER_P_H

#include <HysteriaQt/modelnotifier.h>

namespace Hy::detail {

struct ModelData;

struct NotifierAccess
{
    enum class Signal : quint8 {
        BeforeFetch,
        AfterFetch,
        BeforeInsert,
        BeforeInsertMany,
        BeforeUpdate,
        BeforeDelete,
        Inserted,
        Updated,
        Deleted,
    };

    // The notifier of a model being registered; it lives in the
    // application's main thread when there is one, whichever thread used
    // the model first.
    static ModelNotifier *create(const ModelData *model);
    // Whether any slot listens, so that the work a signal needs (copying
    // values, finding keys) is done only then.
    static bool isConnected(const ModelNotifier *notifier, Signal signal);
};

} // namespace Hy::detail

#endif // HYSTERIAQT_MODELNOTIFIER_P_H
