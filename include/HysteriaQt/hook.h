// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_HOOK_H
#define HYSTERIAQT_HOOK_H

#include <QtCore/QFlags>

namespace Hy {

// hysteria-orm's lifecycle hooks of a model, for ModelQuery::ignoreHooks():
// each runs as the model's callback (HY_HOOKS) and as the signal of the same
// name of its Hy::ModelNotifier.
enum class Hook : quint8 {
    BeforeFetch = 0x01,
    AfterFetch = 0x02,
    BeforeInsert = 0x04,
    BeforeInsertMany = 0x08,
    BeforeUpdate = 0x10,
    BeforeDelete = 0x20,
    All = 0x3f,
};
Q_DECLARE_FLAGS(Hooks, Hook)
Q_DECLARE_OPERATORS_FOR_FLAGS(Hooks)

} // namespace Hy

#endif // HYSTERIAQT_HOOK_H
