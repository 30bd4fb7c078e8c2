// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_GLOBAL_H
#define HYSTERIAQT_GLOBAL_H

#include <QtCore/qglobal.h>
#include <HysteriaQt/hysteriaqt_export.h>

#endif // HYSTERIAQT_GLOBAL_H
