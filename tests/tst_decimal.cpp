// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include <HysteriaQt/Decimal>
#include <HysteriaQt/Error>

#include <QtCore/QBuffer>
#include <QtCore/QDebug>
#include <QtCore/QVariant>
#include <QtTest/QTest>

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
} // namespace

#define HY_EXPECT_INVALID(statement)                                                     \
    do {                                                                                 \
        try {                                                                            \
            statement;                                                                   \
            QFAIL("expected INVALID_VALUE");                                             \
        } catch (const Hy::Error &error) {                                               \
            QCOMPARE(error.codeName(), Hy::Error::codeName(ErrorCode::InvalidValue));    \
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
