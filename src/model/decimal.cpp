// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include <HysteriaQt/decimal.h>

#include "model/decimaldigits_p.h"

#include <HysteriaQt/error.h>

#include <QtCore/QDebug>
#include <QtCore/QtNumeric>

#include <array>
#include <cstdlib>

namespace Hy {

namespace {

constexpr std::array<qint64, Decimal::MaxDigits + 1> PowersOfTen = [] {
    std::array<qint64, Decimal::MaxDigits + 1> powers{};
    powers[0] = 1;
    for (std::size_t i = 1; i < powers.size(); ++i)
        powers[i] = powers[i - 1] * 10;
    return powers;
}();
// One more than the largest number of units: 18 digits.
constexpr qint64 UnitLimit = PowersOfTen[Decimal::MaxDigits];

bool fits(qint64 units)
{
    return units > -UnitLimit && units < UnitLimit;
}

Error outOfRange(const char *what)
{
    return Error(ErrorCode::InvalidValue,
                 QStringLiteral("The %1 has more than %2 digits, more than a Hy::Decimal holds")
                         .arg(QLatin1StringView(what))
                         .arg(Decimal::MaxDigits));
}

// `units` * 10^`digits`, or std::nullopt beyond 18 digits.
std::optional<qint64> scaledUp(qint64 units, int digits)
{
    if (digits < 0 || digits > Decimal::MaxDigits)
        return std::nullopt;
    qint64 result = 0;
    if (qMulOverflow(units, PowersOfTen[std::size_t(digits)], &result) || !fits(result))
        return std::nullopt;
    return result;
}

} // namespace

void Decimal::throwIntegerTooLong(qint64 integer)
{
    static_assert(UnitLimit == PowersOfTen[Decimal::MaxDigits]);
    throw Error(ErrorCode::InvalidValue,
                QStringLiteral("The integer %1 has more than %2 digits, more than a Hy::Decimal holds")
                        .arg(integer)
                        .arg(Decimal::MaxDigits));
}

std::optional<Decimal> Decimal::fromUnits(qint64 units, int scale)
{
    if (scale < 0 || scale > MaxDigits || !fits(units))
        return std::nullopt;
    return Decimal(units, scale, 0);
}

std::optional<Decimal> Decimal::fromString(QAnyStringView written)
{
    const QString copy = written.toString();
    const QStringView text = QStringView(copy).trimmed();
    qsizetype i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == u'-' || text[i] == u'+'))
        negative = text[i++] == u'-';
    QString digits;  // every digit written, the point left out
    int fraction = 0; // how many came after the point
    bool point = false;
    for (; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'.' && !point)
            point = true;
        else if (c >= u'0' && c <= u'9')
            digits.append(c), fraction += point ? 1 : 0;
        else
            break;
    }
    if (digits.isEmpty())
        return std::nullopt;
    int exponent = 0;
    if (i < text.size() && (text[i] == u'e' || text[i] == u'E')) {
        bool ok = false;
        exponent = text.mid(i + 1).toInt(&ok);
        if (!ok || exponent < -100 || exponent > 100)
            return std::nullopt;
        i = text.size();
    }
    if (i != text.size())
        return std::nullopt;

    int scale = fraction - exponent;
    if (scale < 0) {
        digits.append(QString(-scale, u'0'));
        scale = 0;
    }
    qsizetype leadingZeros = 0;
    while (leadingZeros < digits.size() - 1 && digits[leadingZeros] == u'0')
        ++leadingZeros;
    digits.remove(0, leadingZeros);
    // Zeros at the end of the fraction go only to make the number fit.
    while ((digits.size() > MaxDigits || scale > MaxDigits) && scale > 0 && digits.endsWith(u'0')) {
        digits.chop(1);
        --scale;
    }
    if (digits.size() > MaxDigits || scale > MaxDigits)
        return std::nullopt;
    const qint64 units = digits.toLongLong();
    return Decimal(negative ? -units : units, scale, 0);
}

std::optional<Decimal> Decimal::fromDouble(double value, int scale)
{
    if (scale < 0 || scale > MaxDigits)
        return std::nullopt;
    const auto digits = detail::DecimalDigits::fromVariant(QVariant(value));
    if (!digits)
        return std::nullopt;
    return fromString(digits->rounded(scale).toString(scale));
}

QString Decimal::toString() const
{
    // The magnitude's digits, at least scale + 1 of them.
    const quint64 magnitude = m_units < 0 ? quint64(0) - quint64(m_units) : quint64(m_units);
    QString digits = QString::number(magnitude);
    if (digits.size() <= m_scale)
        digits.prepend(QString(m_scale + 1 - digits.size(), u'0'));
    if (m_scale > 0)
        digits.insert(digits.size() - m_scale, u'.');
    if (m_units < 0)
        digits.prepend(u'-');
    return digits;
}

double Decimal::toDouble() const
{
    // Correctly rounded, which units / 10^scale in doubles is not.
    return toString().toDouble();
}

Decimal Decimal::rounded(int scale) const
{
    if (scale < 0 || scale > MaxDigits)
        throw outOfRange("scale");
    if (scale >= m_scale) {
        const auto units = scaledUp(m_units, scale - m_scale);
        if (!units)
            throw outOfRange("number rounded");
        return Decimal(*units, scale, 0);
    }
    const qint64 divisor = PowersOfTen[std::size_t(m_scale - scale)];
    qint64 units = m_units / divisor;
    const qint64 remainder = m_units % divisor;
    // Half away from zero; remainder has the sign of m_units.
    if (std::llabs(remainder) * 2 >= divisor)
        units += m_units < 0 ? -1 : 1;
    return Decimal(units, scale, 0);
}

Decimal Decimal::operator-() const
{
    // Every constructor keeps m_units within 18 digits, where negation
    // cannot overflow.
    return Decimal(-m_units, m_scale, 0);
}

Decimal operator+(const Decimal &a, const Decimal &b)
{
    const int scale = std::max(a.m_scale, b.m_scale);
    const qint64 x = a.rounded(scale).m_units;
    const qint64 y = b.rounded(scale).m_units;
    qint64 sum = 0;
    if (qAddOverflow(x, y, &sum) || !fits(sum))
        throw outOfRange("sum");
    return Decimal(sum, scale, 0);
}

Decimal operator-(const Decimal &a, const Decimal &b)
{
    return a + (-b);
}

Decimal operator*(const Decimal &a, qint64 factor)
{
    qint64 product = 0;
    if (qMulOverflow(a.m_units, factor, &product) || !fits(product))
        throw outOfRange("product");
    return Decimal(product, a.m_scale, 0);
}

std::strong_ordering operator<=>(const Decimal &a, const Decimal &b)
{
    // Whole parts first, then the fractions at the larger scale, which
    // cannot overflow as a's units at b's scale might.
    const qint64 wholeA = a.m_units / PowersOfTen[std::size_t(a.m_scale)];
    const qint64 wholeB = b.m_units / PowersOfTen[std::size_t(b.m_scale)];
    if (wholeA != wholeB)
        return wholeA <=> wholeB;
    const int scale = std::max(a.m_scale, b.m_scale);
    const qint64 fractionA = a.m_units % PowersOfTen[std::size_t(a.m_scale)] * PowersOfTen[std::size_t(scale - a.m_scale)];
    const qint64 fractionB = b.m_units % PowersOfTen[std::size_t(b.m_scale)] * PowersOfTen[std::size_t(scale - b.m_scale)];
    return fractionA <=> fractionB;
}

QDebug operator<<(QDebug debug, const Decimal &value)
{
    const QDebugStateSaver saver(debug);
    debug.nospace().noquote() << "Hy::Decimal(" << value.toString() << ')';
    return debug;
}

namespace {
// QVariant's toString() and toDouble() of a Decimal, for QML and generic code.
const bool convertersRegistered = [] {
    QMetaType::registerConverter<Decimal, QString>(&Decimal::toString);
    QMetaType::registerConverter<Decimal, double>(&Decimal::toDouble);
    return true;
}();
} // namespace

} // namespace Hy
