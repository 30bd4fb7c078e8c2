// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_RELATIONS_H
#define HYSTERIAQT_RELATIONS_H

// Everything about relations, for a schema header (see docs/relations.md):
// the descriptors and defineRelations(), relation names, related<>() and
// createSchema().

#include <HysteriaQt/createschema.h>
#include <HysteriaQt/definerelations.h>
#include <HysteriaQt/related.h>
#include <HysteriaQt/relation.h>
#include <HysteriaQt/relationname.h>
#include <HysteriaQt/syncresult.h>

#endif // HYSTERIAQT_RELATIONS_H
