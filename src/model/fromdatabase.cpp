// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
//
// Database values into the C++ types of columns, checked: what does not fit
// is reported (UnreadableValue), never stored as a made-up value.

#include "model/datetime_p.h"

#include "model/modeldata_p.h"

#include <cmath>

namespace Hy::detail {

bool integerFromDatabase(const QVariant &value, qint64 min, qint64 max, qint64 *out)
{
    bool ok = false;
    switch (value.typeId()) {
    case QMetaType::Double:
    case QMetaType::Float: {
        const double d = value.toDouble();
        // 2^63 is exactly representable; anything at or above it does not fit.
        if (!std::isfinite(d) || std::trunc(d) != d || d < double(min) || d >= 9223372036854775808.0
            || d > double(max)) {
            return false;
        }
        *out = qint64(d);
        return true;
    }
    case QMetaType::ULongLong:
    case QMetaType::ULong: {
        const qulonglong u = value.toULongLong(&ok);
        if (!ok || u > qulonglong(max))
            return false;
        *out = qint64(u);
        return true;
    }
    default: {
        const qint64 v = value.toLongLong(&ok);
        if (!ok || v < min || v > max)
            return false;
        *out = v;
        return true;
    }
    }
}

bool uuidFromDatabase(const QVariant &value, QUuid *out)
{
    if (value.typeId() == QMetaType::QUuid) {
        *out = value.toUuid();
        return true;
    }
    if (value.typeId() != QMetaType::QString && value.typeId() != QMetaType::QByteArray)
        return false;
    const QString text = value.toString().trimmed();
    *out = QUuid::fromString(text);
    // QUuid reads what is not a UUID as the nil one.
    return !out->isNull() || text == u"00000000-0000-0000-0000-000000000000";
}

bool boolFromDatabase(const QVariant &value, bool *out)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
        *out = value.toBool();
        return true;
    case QMetaType::QString:
    case QMetaType::QByteArray: {
        const QString text = value.toString().trimmed().toLower();
        if (text == u"1" || text == u"true" || text == u"t")
            *out = true;
        else if (text == u"0" || text == u"false" || text == u"f")
            *out = false;
        else
            return false;
        return true;
    }
    default: {
        bool ok = false;
        const qlonglong v = value.toLongLong(&ok);
        if (!ok || (v != 0 && v != 1))
            return false;
        *out = v == 1;
        return true;
    }
    }
}

QDateTime dateTimeFromDatabase(const QVariant &value)
{
    if (value.typeId() == QMetaType::QString)
        return parseDateTime(QStringView(*static_cast<const QString *>(value.constData())));
    if (value.typeId() == QMetaType::QDateTime)
        return value.toDateTime().toUTC();
    if (value.typeId() == QMetaType::Double)
        return dateTimeFromSecondsSinceEpoch(value.toDouble());
    if (value.typeId() == QMetaType::QByteArray)
        return parseDateTime(QString::fromLatin1(value.toByteArray()));
    return parseDateTime(value.toString());
}

} // namespace Hy::detail
