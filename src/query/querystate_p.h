// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_QUERYSTATE_P_H
#define HYSTERIAQT_QUERYSTATE_P_H

#include <HysteriaQt/comparison.h>

#include <QtCore/QList>
#include <QtCore/QSharedData>
#include <QtCore/QString>
#include <QtCore/QVariant>

#include <vector>

namespace Hy::detail {

struct Condition
{
    // Group: the children in parentheses, so that conditions the library adds
    // (find()'s key, later scopes and relation keys) cannot be bypassed by an
    // orWhere() of the user's: `(a OR b) AND id = ?`, not `a OR b AND id = ?`.
    enum Kind : quint8 { Compare, IsNull, IsNotNull, Group };

    Kind kind = Compare;
    bool orJoin = false;
    Operator op = Operator::Equal;
    QString column; // database name, unquoted
    int modelColumn = -1; // index in the model, when there is one
    bool dateTime = false; // a model's date-time column: compared through the dialect
    QVariant value; // as given; a model column's value is checked and converted when run
    std::vector<Condition> children; // of a Group
};

struct OrderTerm
{
    QString column; // database name, unquoted
    Qt::SortOrder order = Qt::AscendingOrder;
    bool dateTime = false; // a model's date-time column: sorted through the dialect
};

// What a query builder has been told, before any SQL is made of it.
class QueryState : public QSharedData
{
public:
    QString table;
    QList<Condition> conditions;
    QList<OrderTerm> orders;
    qint64 limit = -1;
    qint64 offset = -1;
};

} // namespace Hy::detail

#endif // HYSTERIAQT_QUERYSTATE_P_H
