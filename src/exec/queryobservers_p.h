// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_QUERYOBSERVERS_P_H
#define HYSTERIAQT_QUERYOBSERVERS_P_H

#include <HysteriaQt/queryevent.h>

#include <QtCore/QMutex>
#include <QtCore/QSharedData>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace Hy {

class QueryEventData : public QSharedData
{
public:
    static QueryEvent make(QueryEvent::Stage stage, const QString &sql, const QVariantList &bindings,
                           const QString &connectionName, std::chrono::nanoseconds duration = {},
                           qint64 rows = -1, const Error *error = nullptr);

    QueryEvent::Stage stage = QueryEvent::Stage::Started;
    QString sql;
    QVariantList bindings;
    std::chrono::nanoseconds duration{};
    qint64 rows = -1;
    QString connectionName;
    std::optional<Error> error;
};

namespace detail {

// A data source's query observers, called from whichever thread runs a
// statement. Adding or removing one swaps the list, so that notifying takes
// the lock only to copy a pointer, and an observer may remove itself.
class QueryObservers
{
public:
    int add(QueryObserver observer);
    void remove(int id);
    // Cheap enough to ask before every statement.
    bool isEmpty() const { return !m_any.load(std::memory_order_acquire); }
    // An observer that throws is logged and otherwise ignored: watching a
    // statement must not change its outcome.
    void notify(const QueryEvent &event) const;

private:
    using List = std::vector<std::pair<int, QueryObserver>>;
    mutable QMutex m_mutex;
    std::shared_ptr<const List> m_list = std::make_shared<const List>();
    std::atomic<bool> m_any = false;
    int m_nextId = 1;
};

} // namespace detail
} // namespace Hy

#endif // HYSTERIAQT_QUERYOBSERVERS_P_H
