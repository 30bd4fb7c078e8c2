// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_RELATIONLOADER_P_H
#define HYSTERIAQT_RELATIONLOADER_P_H

#include <QtCore/QList>

#include <memory>
#include <vector>

namespace Hy {
class Model;
}

namespace Hy::detail {

struct LoadRequest;
struct RelationData;

// The column of the parent model a relation's models are matched by: its
// key, or the foreign key of a belongsTo.
int parentKeyColumn(const RelationData *relation);

// Loads each requested relation of `parents`, batched: one query per
// relation (two for manyToMany: the link rows, then the targets) whatever
// the number of parents, split only where the parameter limit requires.
// The related queries run the related model's hooks and their own nested
// loads. Every parent gets the relation: an empty list or null when nothing
// is related.
void loadRelations(std::vector<std::unique_ptr<Model>> &parents, const QList<LoadRequest> &loads, int maxBindings);

} // namespace Hy::detail

#endif // HYSTERIAQT_RELATIONLOADER_P_H
