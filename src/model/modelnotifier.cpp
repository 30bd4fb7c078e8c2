// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "model/modelnotifier_p.h"

#include "model/modeldata_p.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QMetaMethod>
#include <QtCore/QThread>

namespace Hy {

ModelNotifier::ModelNotifier(ModelInfo info) : m_info(info)
{
    setObjectName(info.tableName());
}

ModelNotifier::~ModelNotifier() = default;

namespace detail {

ModelNotifier *notifierOf(const ModelData *model)
{
    return model->notifier;
}

ModelNotifier *NotifierAccess::create(const ModelData *model)
{
    auto *notifier = new ModelNotifier(ModelInfo(model));
    // Queued slots run in their receivers' threads whatever the sender's,
    // but an object whose thread has ended cannot be moved or deleted
    // later: a worker thread that registered the model may end first.
    if (const QCoreApplication *application = QCoreApplication::instance())
        notifier->moveToThread(application->thread());
    return notifier;
}

bool NotifierAccess::isConnected(const ModelNotifier *notifier, Signal signal)
{
    // Looked up once: asked before every query of a model.
    static const QMetaMethod methods[] = {
        QMetaMethod::fromSignal(&ModelNotifier::beforeFetch),
        QMetaMethod::fromSignal(&ModelNotifier::afterFetch),
        QMetaMethod::fromSignal(&ModelNotifier::beforeInsert),
        QMetaMethod::fromSignal(&ModelNotifier::beforeInsertMany),
        QMetaMethod::fromSignal(&ModelNotifier::beforeUpdate),
        QMetaMethod::fromSignal(&ModelNotifier::beforeDelete),
        QMetaMethod::fromSignal(&ModelNotifier::inserted),
        QMetaMethod::fromSignal(&ModelNotifier::updated),
        QMetaMethod::fromSignal(&ModelNotifier::deleted),
    };
    return notifier->isSignalConnected(methods[int(signal)]);
}

} // namespace detail
} // namespace Hy
