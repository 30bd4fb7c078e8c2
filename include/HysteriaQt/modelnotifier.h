// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_MODELNOTIFIER_H
#define HYSTERIAQT_MODELNOTIFIER_H

#include <HysteriaQt/hookquery.h>
#include <HysteriaQt/hysteriaqt_global.h>
#include <HysteriaQt/modelinfo.h>

#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QStringList>
#include <QtCore/QVariantList>
#include <QtCore/QVariantMap>

namespace Hy {

class Model;
class ModelNotifier;

namespace detail {
struct ModelData;
struct NotifierAccess;
HYSTERIAQT_EXPORT ModelNotifier *notifierOf(const ModelData *model);
} // namespace detail

// The signals of one model class, one object per class (never one per row),
// made by the library and living as long as the program: Hy::notifier<User>().
//
// The before-signals are the model's hooks as signals: they are emitted
// after its HY_HOOKS callback of the same name, in the thread that runs the
// operation (a worker's for async queries), and a slot connected with
// Qt::DirectConnection may change the query or the data through the
// reference it gets; throwing from it cancels the operation. They are not
// emitted for a query that ignores that hook (ModelQuery::ignoreHooks()).
//
// The after-signals say which rows a write touched, by primary key, once it
// is done (committed, or written inside the caller's transaction): they
// carry values and may be queued to another thread. Finding the keys of an
// update() or remove() costs a RETURNING clause, or a locking SELECT on
// MySQL and MariaDB, paid only while a slot is connected. An empty key list
// means the keys are not known: a model without a primary key, or
// bulkInsert(), which reads nothing back.
class HYSTERIAQT_EXPORT ModelNotifier : public QObject
{
    Q_OBJECT

public:
    ~ModelNotifier() override;

    ModelInfo modelInfo() const { return m_info; }

Q_SIGNALS:
    void beforeFetch(Hy::HookQuery &query);
    // May drop or reorder the models (a dropped one is deleted), not add any.
    void afterFetch(QList<Hy::Model *> &models);
    // The values by property name; a slot may change, add or remove them.
    void beforeInsert(QVariantMap &values);
    void beforeInsertMany(QList<QVariantMap> &rows);
    void beforeUpdate(Hy::HookQuery &query);
    void beforeDelete(Hy::HookQuery &query);

    void inserted(const QVariantList &keys);
    // `columns`: the property names written, autoUpdate columns included.
    // softDelete() and restore() are updates of the soft-delete column.
    void updated(const QVariantList &keys, const QStringList &columns);
    void deleted(const QVariantList &keys);

private:
    friend struct detail::NotifierAccess;
    explicit ModelNotifier(ModelInfo info);

    ModelInfo m_info;
};

// The notifier of model class M.
template <typename M>
ModelNotifier *notifier()
{
    return detail::notifierOf(detail::modelData<M>());
}

} // namespace Hy

#endif // HYSTERIAQT_MODELNOTIFIER_H
