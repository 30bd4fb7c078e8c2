// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_DECIMAL_H
#define HYSTERIAQT_DECIMAL_H

#include <HysteriaQt/hysteriaqt_global.h>

#include <QtCore/QAnyStringView>
#include <QtCore/QMetaType>
#include <QtCore/QString>

#include <compare>
#include <optional>

QT_BEGIN_NAMESPACE
class QDebug;
QT_END_NAMESPACE

namespace Hy {

// An exact decimal number, the C++ type of a decimal column: a whole number
// of units of 10^-scale, up to 18 digits in all. Money read from the
// database adds up to the cent: summing 0.10 ten times gives 1.00, where a
// double gives 0.9999999999999999. Sums, differences and products by a
// whole number are exact, or throw Hy::Error INVALID_VALUE when the result
// has more than 18 digits; nothing is rounded unless rounded() is asked.
//
// A fixed-point integer rather than text: arithmetic and comparisons in a
// few instructions, no allocation, and the 18 digits of a 64-bit integer
// cover any amount of money. Wider numbers (NUMERIC(30, 10)) take
// col::decimal<QString>(); col::decimal<double>() gives a double for those
// who want one.
class HYSTERIAQT_EXPORT Decimal
{
public:
    static constexpr int MaxDigits = 18;

    constexpr Decimal() = default;
    // A whole number; implicit, so that `price * 3 + 1` and `Decimal x = 5` read as they should.
    // An int has at most 10 digits and always fits.
    constexpr Decimal(int integer) noexcept : m_units(integer) {}
    // A qint64 may have 19 digits (INT64_MAX, INT64_MIN), which a Decimal does
    // not hold: throws INVALID_VALUE for them, as a sum of 19 digits does,
    // and in a constant expression does not compile.
    constexpr Decimal(qint64 integer) : m_units(integer)
    {
        if (integer <= -UnitLimit || integer >= UnitLimit)
            throwIntegerTooLong(integer);
    }
    // Not from a double, whose binary value is not the decimal written
    // (1.005 is 1.00499999999999989...): fromDouble() says to what scale.
    Decimal(double) = delete;
    // `units` of 10^-scale: fromUnits(1999, 2) is 19.99. std::nullopt for a
    // scale outside 0 to 18, or more than 18 digits.
    static std::optional<Decimal> fromUnits(qint64 units, int scale);
    // "19.99", "-0.5", "1e3", " 7 "; std::nullopt for text that is not a
    // number, or one of more than 18 significant digits after leading and
    // trailing zeros are dropped (as written: "1.50" keeps scale 2).
    static std::optional<Decimal> fromString(QAnyStringView text);
    // The double's shortest decimal form (0.1 is 0.1, not
    // 0.1000000000000000055...), rounded to `scale` digits half away from
    // zero; std::nullopt for NaN, infinities, or more than 18 digits.
    static std::optional<Decimal> fromDouble(double value, int scale);

    constexpr qint64 units() const { return m_units; }
    constexpr int scale() const { return m_scale; }

    // With exactly scale() digits after the point: "19.99", "-0.50", "3".
    QString toString() const;
    // The nearest double.
    double toDouble() const;
    // To `scale` fraction digits, half away from zero (as PostgreSQL and
    // MariaDB round a NUMERIC); more digits than it has adds zeros. Throws
    // INVALID_VALUE when the result does not fit 18 digits.
    Decimal rounded(int scale) const;

    Decimal operator-() const;
    friend HYSTERIAQT_EXPORT Decimal operator+(const Decimal &a, const Decimal &b);
    friend HYSTERIAQT_EXPORT Decimal operator-(const Decimal &a, const Decimal &b);
    friend HYSTERIAQT_EXPORT Decimal operator*(const Decimal &a, qint64 factor);
    friend Decimal operator*(qint64 factor, const Decimal &a) { return a * factor; }
    Decimal &operator+=(const Decimal &other) { return *this = *this + other; }
    Decimal &operator-=(const Decimal &other) { return *this = *this - other; }

    // By value: 1.5 == 1.50. An integer operand is made a Decimal first, so a
    // 19-digit one throws INVALID_VALUE here too.
    friend HYSTERIAQT_EXPORT std::strong_ordering operator<=>(const Decimal &a, const Decimal &b);
    friend bool operator==(const Decimal &a, const Decimal &b) { return (a <=> b) == 0; }

private:
    // One more than the largest number of units: 10^18.
    static constexpr qint64 UnitLimit = Q_INT64_C(1000000000000000000);

    constexpr Decimal(qint64 units, int scale, int) noexcept : m_units(units), m_scale(qint8(scale)) {}
    [[noreturn]] static void throwIntegerTooLong(qint64 integer);

    qint64 m_units = 0;
    qint8 m_scale = 0;
};

HYSTERIAQT_EXPORT QDebug operator<<(QDebug debug, const Decimal &value);

} // namespace Hy

#endif // HYSTERIAQT_DECIMAL_H
