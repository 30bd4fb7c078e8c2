// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "sql/jsonlist_p.h"

#include <limits>

namespace Hy::detail {

namespace {
void appendJsonText(QString &json, const QString &text)
{
    json += u'"';
    for (const QChar c : text) {
        if (c == u'"' || c == u'\\') {
            json += u'\\';
            json += c;
        } else if (c.unicode() < 0x20) {
            // Only control characters are escaped: MariaDB reads no
            // surrogate pair written as two escapes, so the rest stays as
            // it is and travels as UTF-8.
            json += QStringLiteral("\\u%1").arg(int(c.unicode()), 4, 16, QLatin1Char('0'));
        } else {
            json += c;
        }
    }
    json += u'"';
}

} // namespace

std::optional<SqlDialect::ListType> jsonList(const QVariantList &values, QString &json, qsizetype &maxLength)
{
    using Type = SqlDialect::ListType;
    std::optional<Type> type;
    auto takes = [&type](Type next) {
        if (!type || *type == next || (*type == Type::Integer && next == Type::Real)) {
            type = next;
            return true;
        }
        return *type == Type::Real && next == Type::Integer;
    };
    json.reserve(values.size() * 8 + 2);
    json += u'[';
    maxLength = 0;
    for (const QVariant &value : values) {
        if (json.size() > 1)
            json += u',';
        switch (value.typeId()) {
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
            if (!takes(Type::Integer))
                return std::nullopt;
            json += QString::number(value.toLongLong());
            break;
        case QMetaType::ULongLong:
            if (value.toULongLong() > quint64(std::numeric_limits<qint64>::max()) || !takes(Type::Integer))
                return std::nullopt;
            json += QString::number(value.toULongLong());
            break;
        case QMetaType::Double: {
            const double number = value.toDouble();
            if (!qIsFinite(number) || !takes(Type::Real))
                return std::nullopt;
            json += QString::number(number, 'g', 17);
            break;
        }
        case QMetaType::QString: {
            if (!takes(Type::Text))
                return std::nullopt;
            const QString text = value.toString();
            maxLength = qMax(maxLength, text.size());
            appendJsonText(json, text);
            break;
        }
        default:
            return std::nullopt;
        }
    }
    json += u']';
    return type;
}

} // namespace Hy::detail
