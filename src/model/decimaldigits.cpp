// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "model/decimaldigits_p.h"

#include <HysteriaQt/decimal.h>

#include <QtCore/QLocale>

#include <charconv>
#include <cmath>

namespace Hy::detail {

namespace {
bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// Longer than any column's precision (65 at most) by far, and short enough
// that "1e999999999" cannot make a billion-digit string.
constexpr qsizetype MaxDigits = 400;
} // namespace

std::optional<DecimalDigits> DecimalDigits::fromVariant(const QVariant &value)
{
    QString text;
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::SChar:
    case QMetaType::UChar:
        text = value.toString();
        break;
    case QMetaType::Double: {
        const double d = value.toDouble();
        if (!std::isfinite(d))
            return std::nullopt;
        text = QString::number(d, 'g', QLocale::FloatingPointShortest);
        break;
    }
    case QMetaType::Float: {
        // The shortest form of the float itself: 1.1f, not 1.100000023841858.
        const float f = value.toFloat();
        if (!std::isfinite(f))
            return std::nullopt;
        char buffer[64];
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, f);
        text = QString::fromLatin1(buffer, result.ptr - buffer);
        break;
    }
    case QMetaType::QString:
        text = value.toString().trimmed();
        break;
    case QMetaType::QByteArray:
        text = QString::fromLatin1(value.toByteArray()).trimmed();
        break;
    default:
        if (value.metaType() != QMetaType::fromType<Decimal>())
            return std::nullopt;
        text = static_cast<const Decimal *>(value.constData())->toString();
        break;
    }

    DecimalDigits out;
    qsizetype i = 0;
    if (i < text.size() && (text[i] == u'+' || text[i] == u'-'))
        out.m_negative = text[i++] == u'-';
    QString digits;
    qsizetype point = -1;
    for (; i < text.size() && (isDigit(text[i]) || (text[i] == u'.' && point < 0)); ++i) {
        if (text[i] == u'.')
            point = digits.size();
        else
            digits.append(text[i]);
    }
    if (digits.isEmpty())
        return std::nullopt;
    if (point < 0)
        point = digits.size();
    if (i < text.size() && (text[i] == u'e' || text[i] == u'E')) {
        ++i;
        bool ok = false;
        const qint64 exponent = QStringView(text).mid(i).toLongLong(&ok);
        if (!ok || qAbs(exponent) > MaxDigits)
            return std::nullopt;
        point += exponent;
        i = text.size();
    }
    if (i != text.size())
        return std::nullopt;
    // Move the point to within the digits, padding with zeros.
    if (point < 0) {
        digits.prepend(QString(-point, u'0'));
        point = 0;
    } else if (point > digits.size()) {
        digits.append(QString(point - digits.size(), u'0'));
    }
    if (digits.size() > 2 * MaxDigits)
        return std::nullopt;
    out.split(digits, point);
    return out;
}

void DecimalDigits::split(const QString &digits, qsizetype point)
{
    m_integer = digits.left(point);
    m_fraction = digits.mid(point);
    while (!m_integer.isEmpty() && m_integer.front() == u'0')
        m_integer.remove(0, 1);
    while (!m_fraction.isEmpty() && m_fraction.back() == u'0')
        m_fraction.chop(1);
    if (m_integer.isEmpty() && m_fraction.isEmpty())
        m_negative = false; // no -0
}

qsizetype DecimalDigits::significantDigits() const
{
    if (!m_integer.isEmpty())
        return m_integer.size() + m_fraction.size();
    qsizetype zeros = 0;
    while (zeros < m_fraction.size() && m_fraction[zeros] == u'0')
        ++zeros;
    return m_fraction.size() - zeros;
}

DecimalDigits DecimalDigits::rounded(int scale) const
{
    if (m_fraction.size() <= scale)
        return *this;
    QString digits = m_integer + m_fraction.left(scale);
    if (m_fraction[scale] >= u'5') {
        qsizetype i = digits.size() - 1;
        for (; i >= 0 && digits[i] == u'9'; --i)
            digits[i] = u'0';
        if (i < 0)
            digits.prepend(u'1');
        else
            digits[i] = QChar(digits[i].unicode() + 1);
    }
    DecimalDigits out;
    out.m_negative = m_negative;
    out.split(digits, digits.size() - scale);
    return out;
}

QString DecimalDigits::toString(int fractionDigits) const
{
    QString out;
    if (m_negative)
        out += u'-';
    out += m_integer.isEmpty() ? QStringLiteral("0") : m_integer;
    const qsizetype digits = qMax<qsizetype>(fractionDigits, m_fraction.size());
    if (digits > 0)
        out += u'.' + m_fraction + QString(digits - m_fraction.size(), u'0');
    return out;
}

} // namespace Hy::detail
