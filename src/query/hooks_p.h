// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_HOOKS_P_H
#define HYSTERIAQT_HOOKS_P_H

#include <HysteriaQt/hook.h>

#include <QtCore/QStringList>
#include <QtCore/QVariantList>

#include <memory>
#include <vector>

namespace Hy {
class Model;
}

namespace Hy::detail {

struct ModelData;
struct RowValues;

// afterFetch, callback then signal, unless ignored: the models the caller gets.
void runAfterFetch(const ModelData *model, Hooks ignored, std::vector<std::unique_ptr<Model>> &models);

// The after-write signals, emitted only while a slot listens; whether one
// does, so that finding the keys is skipped otherwise.
bool notifiesInserted(const ModelData *model);
bool notifiesUpdated(const ModelData *model);
bool notifiesDeleted(const ModelData *model);
void notifyInserted(const ModelData *model, const std::vector<std::unique_ptr<Model>> &models);
// Rows whose keys are not known (bulkInsert()).
void notifyInsertedUnknown(const ModelData *model);
void notifyUpdated(const ModelData *model, const QVariantList &keys, const RowValues &row);
void notifyDeleted(const ModelData *model, const QVariantList &keys);

// A key as the driver returns it, as the key property's type.
QVariant keyFromDatabase(const ModelData *model, const QVariant &value);

} // namespace Hy::detail

#endif // HYSTERIAQT_HOOKS_P_H
