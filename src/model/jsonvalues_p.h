// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_JSONVALUES_P_H
#define HYSTERIAQT_JSONVALUES_P_H

#include <QtCore/QByteArray>
#include <QtCore/QJsonValue>
#include <QtCore/QString>
#include <QtCore/QVariant>

#include <functional>
#include <optional>

namespace Hy::detail {

// The deepest nesting of arrays and objects a JSON column takes, on every
// database alike: MariaDB's JSON_VALID(), which checks its JSON columns,
// refuses 32 levels (SQLite and PostgreSQL take more, Qt's reader 1023).
constexpr int MaxJsonDepth = 31;

// The JSON value given for a JSON column: a QJsonValue, QJsonObject,
// QJsonArray or QJsonDocument; JSON text (QString, QByteArray), which must
// parse; what QJsonValue::fromVariant() takes of maps, lists, numbers and
// bools. std::nullopt for anything else.
std::optional<QJsonValue> jsonValueOf(const QVariant &value);

// How deeply arrays and objects nest in `value` (0 for a scalar): exact up
// to `limit` + 1, and more than `limit` for any deeper value, which is not
// walked further (a value built in memory may nest very deeply).
int jsonDepth(const QJsonValue &value, int limit = MaxJsonDepth);

// Calls `visit` with every string and object key of `value`.
void forEachJsonString(const QJsonValue &value, const std::function<void(const QString &)> &visit);

// The compact JSON text of any JSON value, as HysteriaQt stores it: a
// U+FEFF in a string or key written as the escape \ufeff, which Qt's reader
// keeps (it drops the character itself at the start of a string).
QString jsonText(const QJsonValue &value);

// JSON text of any JSON value (a scalar too) into `out`, a U+FEFF in a
// string or key kept; false when it does not parse.
bool parseJsonText(const QByteArray &utf8, QJsonValue *out);

} // namespace Hy::detail

#endif // HYSTERIAQT_JSONVALUES_P_H
