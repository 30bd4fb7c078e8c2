// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_MODELQUERYSUPPORT_H
#define HYSTERIAQT_MODELQUERYSUPPORT_H

// What the ModelQuery suites share: rows to start from, and a column of a
// result as a list.

#include "testmodels.h"

#include <HysteriaQt/ModelQuery>

#include <QtCore/QDateTime>
#include <QtCore/QStringList>

namespace HyTest {

template <typename M>
QStringList column(const Hy::ModelList<M> &models, QString (*get)(const M &))
{
    QStringList out;
    for (const auto &model : models)
        out << get(*model);
    return out;
}

inline QString userName(const User &user) { return user.name().value_or(QStringLiteral("<null>")); }
inline QString sampleCode(const Sample &sample) { return sample.code(); }

inline QDateTime utc(int year, int month, int day, int h, int m, int s, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(h, m, s, ms), Qt::UTC);
}

inline void seedUsers(Hy::SqlDataSource &sql)
{
    sql.from<User>().insertMany({
            {{"name", "Alice"}, {"email", "alice@example.com"}, {"isActive", true}},
            {{"name", "Bob"}, {"email", "bob@example.com"}, {"isActive", false}},
            {{"email", "nameless@example.com"}, {"isActive", true}},
            {{"name", "Carol"}, {"email", "carol@example.com"}},
    });
}

inline void seedSamples(Hy::SqlDataSource &sql, int count)
{
    QList<Hy::Values<Sample>> rows;
    for (int i = 1; i <= count; ++i) {
        rows.append({{"code", QString(QChar(u'a' + i - 1))}, {"quantity", i}, {"total", i * 100},
                     {"enabled", i % 2 == 1}});
    }
    sql.from<Sample>().insertMany(rows);
}

} // namespace HyTest

#endif // HYSTERIAQT_MODELQUERYSUPPORT_H
