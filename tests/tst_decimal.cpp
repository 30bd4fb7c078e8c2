// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include <HysteriaQt/Decimal>
#include <HysteriaQt/Error>

#include <QtCore/QBuffer>
#include <QtCore/QDebug>
#include <QtCore/QVariant>
#include <QtTest/QTest>

#include <limits>
#include <type_traits>

using Hy::Decimal;
using Hy::ErrorCode;

namespace {
Decimal dec(const char *text)
{
    const auto value = Decimal::fromString(text);
    if (!value)
        qFatal("not a decimal: %s", text);
    return *value;
}

constexpr qint64 Largest = Q_INT64_C(999999999999999999); // 18 nines
constexpr qint64 Int64Max = std::numeric_limits<qint64>::max();
constexpr qint64 Int64Min = std::numeric_limits<qint64>::min();

// Whether Decimal(V) is a constant expression: a 19-digit V reaches the throw.
template <qint64 V>
concept ConstantDecimal = requires { typename std::integral_constant<qint64, Decimal(V).units()>; };
static_assert(ConstantDecimal<Largest>);
static_assert(ConstantDecimal<-Largest>);
static_assert(!ConstantDecimal<Largest + 1>);
static_assert(!ConstantDecimal<-Largest - 1>);
static_assert(!ConstantDecimal<Int64Max>);
static_assert(!ConstantDecimal<Int64Min>);
} // namespace

#define HY_EXPECT_INVALID(statement)                                                     \
    do {                                                                                 \
        try {                                                                            \
            statement;                                                                   \
            QFAIL("expected INVALID_VALUE");                                             \
        } catch (const Hy::Error &error) {                                               \
            QCOMPARE(error.codeName(), Hy::Error::codeName(ErrorCode::InvalidValue));    \
            QVERIFY(error.code() == ErrorCode::InvalidValue);                            \
        }                                                                                \
    } while (false)

class tst_Decimal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromString_data();
    void fromString();
    void fromDouble();
    void rounded();
    void arithmeticIsExact();
    void overflowIsAnError();
    void integersOf18DigitsOnly();
    void edgesOfEveryPath();
    void comparesByValue();
    void inQVariant();
};

void tst_Decimal::fromString_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("units");
    QTest::addColumn<int>("scale");
    QTest::addColumn<QString>("shown");
    QTest::newRow("money") << "19.99" << true << Q_INT64_C(1999) << 2 << "19.99";
    QTest::newRow("scale as written") << "1.50" << true << Q_INT64_C(150) << 2 << "1.50";
    QTest::newRow("negative below one") << "-0.05" << true << Q_INT64_C(-5) << 2 << "-0.05";
    QTest::newRow("plus and spaces") << " +7 " << true << Q_INT64_C(7) << 0 << "7";
    QTest::newRow("point first") << ".5" << true << Q_INT64_C(5) << 1 << "0.5";
    QTest::newRow("point last") << "5." << true << Q_INT64_C(5) << 0 << "5";
    QTest::newRow("exponent") << "1e3" << true << Q_INT64_C(1000) << 0 << "1000";
    QTest::newRow("negative exponent") << "12.5e-2" << true << Q_INT64_C(125) << 3 << "0.125";
    QTest::newRow("leading zeros") << "000123.40" << true << Q_INT64_C(12340) << 2 << "123.40";
    QTest::newRow("18 digits") << "9999999999999999.99" << true << Q_INT64_C(999999999999999999) << 2
                               << "9999999999999999.99";
    QTest::newRow("trailing zeros dropped to fit") << "1.50000000000000000000" << true
                                                   << Q_INT64_C(150000000000000000) << 17 << "1.50000000000000000";
    QTest::newRow("19 digits with a zero to drop") << "10000000000000000.00" << true
                                                   << Q_INT64_C(100000000000000000) << 1 << "10000000000000000.0";
    QTest::newRow("19 significant digits") << "1000000000000000000" << false << Q_INT64_C(0) << 0 << "";
    QTest::newRow("too precise") << "0.1234567890123456789" << false << Q_INT64_C(0) << 0 << "";
    QTest::newRow("empty") << "" << false << Q_INT64_C(0) << 0 << "";
    QTest::newRow("point alone") << "." << false << Q_INT64_C(0) << 0 << "";
    QTest::newRow("two points") << "1.2.3" << false << Q_INT64_C(0) << 0 << "";
    QTest::newRow("letters") << "12abc" << false << Q_INT64_C(0) << 0 << "";
    QTest::newRow("bare exponent") << "1e" << false << Q_INT64_C(0) << 0 << "";
    QTest::newRow("nan") << "nan" << false << Q_INT64_C(0) << 0 << "";
}

void tst_Decimal::fromString()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const auto value = Decimal::fromString(text);
    QCOMPARE(value.has_value(), valid);
    if (!valid)
        return;
    QFETCH(qint64, units);
    QFETCH(int, scale);
    QFETCH(QString, shown);
    QCOMPARE(value->units(), units);
    QCOMPARE(value->scale(), scale);
    QCOMPARE(value->toString(), shown);
    QCOMPARE(Decimal::fromString(value->toString()), value);
}

void tst_Decimal::fromDouble()
{
    // From the double's shortest form, half away from zero.
    QCOMPARE(Decimal::fromDouble(1.005, 2)->toString(), QStringLiteral("1.01"));
    QCOMPARE(Decimal::fromDouble(-2.675, 2)->toString(), QStringLiteral("-2.68"));
    QCOMPARE(Decimal::fromDouble(0.1, 2)->toString(), QStringLiteral("0.10"));
    QCOMPARE(Decimal::fromDouble(1e15, 0)->toString(), QStringLiteral("1000000000000000"));
    QVERIFY(!Decimal::fromDouble(std::numeric_limits<double>::quiet_NaN(), 2));
    QVERIFY(!Decimal::fromDouble(std::numeric_limits<double>::infinity(), 2));
    QVERIFY(!Decimal::fromDouble(1e20, 2));
    QVERIFY(!Decimal::fromDouble(1.0, 19));
    QCOMPARE(dec("0.1").toDouble(), 0.1);
    QCOMPARE(dec("-1234.5678").toDouble(), -1234.5678);
}

void tst_Decimal::rounded()
{
    QCOMPARE(dec("0.125").rounded(2).toString(), QStringLiteral("0.13"));
    QCOMPARE(dec("-0.125").rounded(2).toString(), QStringLiteral("-0.13"));
    QCOMPARE(dec("0.124").rounded(2).toString(), QStringLiteral("0.12"));
    QCOMPARE(dec("-0.005").rounded(2).toString(), QStringLiteral("-0.01"));
    QCOMPARE(dec("0.004").rounded(2).toString(), QStringLiteral("0.00"));
    QCOMPARE(dec("2.5").rounded(0).toString(), QStringLiteral("3"));
    QCOMPARE(dec("7").rounded(3).toString(), QStringLiteral("7.000"));
    HY_EXPECT_INVALID(dec("999999999999999999").rounded(1));
    HY_EXPECT_INVALID(dec("1").rounded(19));
    HY_EXPECT_INVALID(dec("1").rounded(-1));
}

void tst_Decimal::arithmeticIsExact()
{
    Decimal sum;
    for (int i = 0; i < 10; ++i)
        sum += dec("0.10");
    QCOMPARE(sum, Decimal(1));
    QCOMPARE(sum.toString(), QStringLiteral("1.00"));
    QCOMPARE((dec("19.99") * 3).toString(), QStringLiteral("59.97"));
    QCOMPARE((3 * dec("19.99")).toString(), QStringLiteral("59.97"));
    QCOMPARE((dec("0.1") + dec("0.02")).toString(), QStringLiteral("0.12"));
    QCOMPARE((dec("1") - dec("0.001")).toString(), QStringLiteral("0.999"));
    QCOMPARE((-dec("5.50")).toString(), QStringLiteral("-5.50"));
    QCOMPARE((Decimal(5) + 1).toString(), QStringLiteral("6"));
}

void tst_Decimal::overflowIsAnError()
{
    const Decimal largest = dec("999999999999999999");
    HY_EXPECT_INVALID(largest + 1);
    HY_EXPECT_INVALID(-largest - 1);
    HY_EXPECT_INVALID(largest * 2);
    HY_EXPECT_INVALID(dec("0.000000000000000001") + dec("1000000000")); // 28 digits at scale 18
    QCOMPARE(largest - 1, dec("999999999999999998"));
}

void tst_Decimal::integersOf18DigitsOnly()
{
    QCOMPARE(Decimal(Largest).units(), Largest);
    QCOMPARE(Decimal(Largest).toString(), QStringLiteral("999999999999999999"));
    QCOMPARE(Decimal(-Largest).toString(), QStringLiteral("-999999999999999999"));
    QCOMPARE((-Decimal(Largest)).units(), -Largest);
    QCOMPARE((-Decimal(-Largest)).units(), Largest);
    QCOMPARE(Decimal(Largest) + Decimal(-Largest), Decimal(0));

    // One more digit is refused, as arithmetic refuses it, and so the
    // negation of INT64_MIN cannot wrap to itself.
    HY_EXPECT_INVALID(Decimal{Largest + 1});
    HY_EXPECT_INVALID(Decimal{-Largest - 1});
    HY_EXPECT_INVALID(Decimal{Int64Max});
    HY_EXPECT_INVALID(Decimal{Int64Min});
    HY_EXPECT_INVALID(-Decimal(Int64Min));
    HY_EXPECT_INVALID(-Decimal(Int64Max));
    HY_EXPECT_INVALID(Decimal(Int64Min) - 1);
    try {
        static_cast<void>(Decimal(Int64Min));
        QFAIL("expected INVALID_VALUE");
    } catch (const Hy::Error &error) {
        QCOMPARE(error.message(),
                 QStringLiteral("The integer -9223372036854775808 has more than 18 digits, more than a "
                                "Hy::Decimal holds"));
    }

    // An integer operand is made a Decimal first, in every operator.
    const Decimal one(1);
    HY_EXPECT_INVALID(one + Int64Max);
    HY_EXPECT_INVALID(one - Int64Min);
    HY_EXPECT_INVALID(Int64Max + one);
    HY_EXPECT_INVALID(static_cast<void>(one == Int64Min));
    HY_EXPECT_INVALID(static_cast<void>(one < Int64Max));
    HY_EXPECT_INVALID(static_cast<void>((one <=> Largest + 1) < 0));
    QVERIFY(one < Largest);
    QVERIFY(one > -Largest);
    QCOMPARE(one + (Largest - 1), Decimal(Largest));
    HY_EXPECT_INVALID(one + Largest);
    HY_EXPECT_INVALID(-one - Largest);

    // A factor is a factor, not a Decimal: only the product must fit.
    QCOMPARE(Decimal(0) * Int64Min, Decimal(0));
    QCOMPARE(Decimal(-1) * Largest, Decimal(-Largest));
    HY_EXPECT_INVALID(one * Int64Min);
    HY_EXPECT_INVALID(Decimal(-1) * Int64Min);
    HY_EXPECT_INVALID(Decimal(-1) * (Largest + 1));
}

void tst_Decimal::edgesOfEveryPath()
{
    // fromUnits(): 18 digits at any scale, not 19.
    QCOMPARE(Decimal::fromUnits(Largest, 0)->toString(), QStringLiteral("999999999999999999"));
    QCOMPARE(Decimal::fromUnits(-Largest, 18)->toString(), QStringLiteral("-0.999999999999999999"));
    QCOMPARE((-*Decimal::fromUnits(-Largest, 18)).toString(), QStringLiteral("0.999999999999999999"));
    QVERIFY(!Decimal::fromUnits(Largest + 1, 0));
    QVERIFY(!Decimal::fromUnits(-Largest - 1, 18));
    QVERIFY(!Decimal::fromUnits(Int64Max, 2));
    QVERIFY(!Decimal::fromUnits(Int64Min, 0));

    // fromString(): the same edges as text.
    QCOMPARE(Decimal::fromString("999999999999999999")->units(), Largest);
    QCOMPARE(Decimal::fromString("-999999999999999999")->units(), -Largest);
    QCOMPARE(Decimal::fromString("-0.999999999999999999")->units(), -Largest);
    QCOMPARE(Decimal::fromString("9.99999999999999999e17")->units(), Largest);
    QVERIFY(!Decimal::fromString("1000000000000000000"));
    QVERIFY(!Decimal::fromString("-1000000000000000000"));
    QVERIFY(!Decimal::fromString("9223372036854775807"));
    QVERIFY(!Decimal::fromString("-9223372036854775808"));
    QVERIFY(!Decimal::fromString("1e18"));
    QVERIFY(!Decimal::fromString("-0.0000000000000000001"));

    // fromDouble(): a double near 10^18 is its shortest form, or refused.
    QCOMPARE(Decimal::fromDouble(999999999999999872.0, 0)->toString(), QStringLiteral("999999999999999900"));
    QVERIFY(!Decimal::fromDouble(1e18, 0));
    QVERIFY(!Decimal::fromDouble(-1e18, 0));
    QVERIFY(!Decimal::fromDouble(9.223372036854775807e18, 0));
    QVERIFY(!Decimal::fromDouble(-9.223372036854775808e18, 0));
    QCOMPARE(Decimal::fromDouble(0.5, 18)->units(), Q_INT64_C(500000000000000000));
    QCOMPARE(Decimal::fromDouble(-0.5, 18)->scale(), 18);

    // Scale changes: up only within 18 digits; rounding up may reach 18, not 19.
    QCOMPARE(dec("0.1").rounded(17).units(), Q_INT64_C(10000000000000000));
    QCOMPARE(dec("99999999999999999.9").rounded(0).toString(), QStringLiteral("100000000000000000"));
    QCOMPARE(dec("-99999999999999999.9").rounded(0).toString(), QStringLiteral("-100000000000000000"));
    QCOMPARE(dec("-0.999999999999999999").rounded(0).toString(), QStringLiteral("-1"));
    HY_EXPECT_INVALID(dec("1").rounded(18));
    HY_EXPECT_INVALID(dec("-999999999999999999").rounded(1));
    HY_EXPECT_INVALID(dec("-0.999999999999999999") + dec("-999999999999999999"));

    // Comparisons at the edges, at the scales furthest apart.
    QVERIFY(Decimal(-Largest) < Decimal(Largest));
    QVERIFY(dec("-0.999999999999999999") > Decimal(-Largest));
    QVERIFY(dec("0.999999999999999999") < Decimal(1));
    QCOMPARE(dec("-999999999999999999") <=> Decimal(-Largest), std::strong_ordering::equal);
}

void tst_Decimal::comparesByValue()
{
    QCOMPARE(dec("1.5"), dec("1.50"));
    QVERIFY(dec("-1.5") < dec("-1.25"));
    QVERIFY(dec("-0.5") < dec("0.3"));
    QVERIFY(dec("0.001") > Decimal(0));
    QVERIFY(dec("2") > dec("1.99999999999999999"));
    // Scales far apart, where aligning the units would overflow.
    QVERIFY(dec("999999999999999999") > dec("0.999999999999999999"));
    QVERIFY(dec("-999999999999999999") < dec("-0.999999999999999999"));
    QVERIFY(dec("0.1") != dec("0.10000000000000001"));
}

void tst_Decimal::inQVariant()
{
    const QVariant value = QVariant::fromValue(dec("19.90"));
    QCOMPARE(value.toString(), QStringLiteral("19.90"));
    QCOMPARE(value.toDouble(), 19.9);
    QCOMPARE(value.value<Decimal>(), dec("19.9"));
    QString shown;
    QDebug(&shown) << dec("-0.50");
    QCOMPARE(shown, QStringLiteral("Hy::Decimal(-0.50) "));
}

QTEST_GUILESS_MAIN(tst_Decimal)
#include "tst_decimal.moc"
