// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "sql/statement_p.h"

#include <QtCore/QByteArray>

namespace Hy::detail {

namespace {
// A length prefix, a type, a null flag: generous for every protocol.
constexpr qint64 Framing = 16;

qint64 utf8Length(QStringView text)
{
    qint64 bytes = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c < 0x80)
            bytes += 1;
        else if (c < 0x800)
            bytes += 2;
        else if (QChar::isHighSurrogate(c) && i + 1 < text.size() && QChar::isLowSurrogate(text[i + 1].unicode()))
            bytes += 4, ++i;
        else
            bytes += 3;
    }
    return bytes;
}
} // namespace

qint64 boundBytesAtMost(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QString:
        return 3 * qint64(static_cast<const QString *>(value.constData())->size()) + Framing;
    case QMetaType::QByteArray:
        return qint64(static_cast<const QByteArray *>(value.constData())->size()) + Framing;
    default:
        return Framing;
    }
}

qint64 boundBytes(const QVariant &value)
{
    if (value.typeId() == QMetaType::QString)
        return utf8Length(*static_cast<const QString *>(value.constData())) + Framing;
    return boundBytesAtMost(value);
}

qint64 boundBytes(std::span<const QVariant> values, qint64 limit)
{
    qint64 bytes = 0;
    for (const QVariant &value : values)
        bytes += boundBytesAtMost(value);
    if (bytes <= limit)
        return bytes;
    bytes = 0;
    for (const QVariant &value : values)
        bytes += boundBytes(value);
    return bytes;
}

} // namespace Hy::detail
