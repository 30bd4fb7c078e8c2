// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_CREATESCHEMA_H
#define HYSTERIAQT_CREATESCHEMA_H

#include <HysteriaQt/modelinfo.h>
#include <HysteriaQt/detail/relationregistry.h>

#include <QtCore/QList>

namespace Hy {

// hysteria-orm's createSchema: registers the relations of these models, so that
// their names are known at run time (Model::relation(), QML) before any
// load(). Returns the models' metadata.
template <typename... Models>
QList<ModelInfo> createSchema()
{
    QList<ModelInfo> models;
    ([&] {
        if constexpr (detail::relationCount<Models>() > 0)
            detail::relationData<Models>(0);
        models.append(ModelInfo(detail::modelData<Models>()));
    }(), ...);
    return models;
}

} // namespace Hy

#endif // HYSTERIAQT_CREATESCHEMA_H
