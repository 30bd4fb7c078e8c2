// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_QUERYEVENT_H
#define HYSTERIAQT_QUERYEVENT_H

#include <HysteriaQt/error.h>
#include <HysteriaQt/hysteriaqt_global.h>

#include <QtCore/QMetaType>
#include <QtCore/QObject>
#include <QtCore/QSharedDataPointer>
#include <QtCore/QString>
#include <QtCore/QVariantList>

#include <chrono>
#include <functional>
#include <optional>

namespace Hy {

class QueryEventData;

// One statement HysteriaQt sends, as its query observers see it (see
// SqlDataSource::addQueryObserver() and docs/sqldatasource.md#observing-statements):
// once when it starts, and once when it has finished or failed.
class HYSTERIAQT_EXPORT QueryEvent
{
    Q_GADGET
    Q_PROPERTY(Stage stage READ stage CONSTANT)
    Q_PROPERTY(QString sql READ sql CONSTANT)
    Q_PROPERTY(QVariantList bindings READ bindings CONSTANT)
    Q_PROPERTY(qint64 durationNs READ durationNs CONSTANT)
    Q_PROPERTY(qint64 rows READ rows CONSTANT)
    Q_PROPERTY(QString connectionName READ connectionName CONSTANT)
    Q_PROPERTY(QString errorMessage READ errorMessage CONSTANT)

public:
    enum class Stage { Started, Finished, Failed };
    Q_ENUM(Stage)

    QueryEvent();
    QueryEvent(const QueryEvent &other);
    QueryEvent &operator=(const QueryEvent &other);
    QueryEvent(QueryEvent &&other) noexcept;
    QueryEvent &operator=(QueryEvent &&other) noexcept;
    ~QueryEvent();

    Stage stage() const;
    // The statement as prepared, with placeholders, and the values bound to
    // them in order.
    QString sql() const;
    QVariantList bindings() const;
    // From the start of the statement to its end (zero when Started).
    std::chrono::nanoseconds duration() const;
    qint64 durationNs() const { return duration().count(); }
    // Finished: rows a write changed, or rows a SELECT returned where the
    // driver knows before they are read (PostgreSQL, MariaDB); otherwise -1.
    qint64 rows() const;
    // The thread's connection the statement ran on.
    QString connectionName() const;
    // Failed: the error the caller gets.
    std::optional<Error> error() const;
    QString errorMessage() const;

private:
    friend class QueryEventData;
    QSharedDataPointer<QueryEventData> d;
};

// Called for every QueryEvent, in the thread running the statement.
using QueryObserver = std::function<void(const QueryEvent &)>;

} // namespace Hy

Q_DECLARE_METATYPE(Hy::QueryEvent)

#endif // HYSTERIAQT_QUERYEVENT_H
