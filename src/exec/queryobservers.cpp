// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "exec/queryobservers_p.h"

#include "core/logging_p.h"

namespace Hy {

QueryEvent::QueryEvent() : d(new QueryEventData) {}
QueryEvent::QueryEvent(const QueryEvent &other) = default;
QueryEvent &QueryEvent::operator=(const QueryEvent &other) = default;
QueryEvent::QueryEvent(QueryEvent &&other) noexcept = default;
QueryEvent &QueryEvent::operator=(QueryEvent &&other) noexcept = default;
QueryEvent::~QueryEvent() = default;

QueryEvent::Stage QueryEvent::stage() const { return d->stage; }
QString QueryEvent::sql() const { return d->sql; }
QVariantList QueryEvent::bindings() const { return d->bindings; }
std::chrono::nanoseconds QueryEvent::duration() const { return d->duration; }
qint64 QueryEvent::rows() const { return d->rows; }
QString QueryEvent::connectionName() const { return d->connectionName; }
std::optional<Error> QueryEvent::error() const { return d->error; }
QString QueryEvent::errorMessage() const { return d->error ? QString::fromUtf8(d->error->what()) : QString(); }

QueryEvent QueryEventData::make(QueryEvent::Stage stage, const QString &sql, const QVariantList &bindings,
                                const QString &connectionName, std::chrono::nanoseconds duration, qint64 rows,
                                const Error *error)
{
    QueryEvent event;
    QueryEventData *data = event.d.data();
    data->stage = stage;
    data->sql = sql;
    data->bindings = bindings;
    data->connectionName = connectionName;
    data->duration = duration;
    data->rows = rows;
    if (error)
        data->error = *error;
    return event;
}

namespace detail {

int QueryObservers::add(QueryObserver observer)
{
    QMutexLocker locker(&m_mutex);
    auto list = std::make_shared<List>(*m_list);
    const int id = m_nextId++;
    list->emplace_back(id, std::move(observer));
    m_list = std::move(list);
    m_any = true;
    return id;
}

void QueryObservers::remove(int id)
{
    QMutexLocker locker(&m_mutex);
    auto list = std::make_shared<List>(*m_list);
    std::erase_if(*list, [id](const auto &entry) { return entry.first == id; });
    m_any = !list->empty();
    m_list = std::move(list);
}

void QueryObservers::notify(const QueryEvent &event) const
{
    std::shared_ptr<const List> list;
    {
        QMutexLocker locker(&m_mutex);
        list = m_list;
    }
    for (const auto &[id, observer] : *list) {
        try {
            observer(event);
        } catch (const std::exception &error) {
            qCWarning(lcSql) << "A query observer threw:" << error.what();
        } catch (...) {
            qCWarning(lcSql) << "A query observer threw";
        }
    }
}

} // namespace detail
} // namespace Hy
