// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_DECIMALDIGITS_P_H
#define HYSTERIAQT_DECIMALDIGITS_P_H

#include <QtCore/QString>
#include <QtCore/QVariant>

#include <optional>

namespace Hy::detail {

// A decimal number as its digits, for decimal columns: bound as text, so that
// every database gets the same exact number (a double such as 1.005 is
// 1.00499999999999989..., which one database rounds down and another up).
class DecimalDigits
{
public:
    // Text as written ("12.50", "-1e3"), a double as its shortest decimal
    // form (1.005 -> "1.005"), an integer exactly; std::nullopt for anything
    // else (bool, NaN, infinities, text that is not a number).
    static std::optional<DecimalDigits> fromVariant(const QVariant &value);

    // Rounded to `scale` fraction digits, half away from zero, as
    // PostgreSQL and MariaDB round a NUMERIC/DECIMAL.
    DecimalDigits rounded(int scale) const;
    qsizetype integerDigits() const { return m_integer.size(); }
    // The digits that count: 0.0012 has 2, 120.5 has 4.
    qsizetype significantDigits() const;
    // With at least `fractionDigits` digits after the point.
    QString toString(int fractionDigits = 0) const;

private:
    // Digits with the point before index `point`, without the zeros that do
    // not count.
    void split(const QString &digits, qsizetype point);

    bool m_negative = false;
    QString m_integer;  // without leading zeros: empty for 0
    QString m_fraction; // without trailing zeros
};

} // namespace Hy::detail

#endif // HYSTERIAQT_DECIMALDIGITS_P_H
