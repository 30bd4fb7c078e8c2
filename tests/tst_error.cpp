// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include <HysteriaQt/Error>

#include <QtCore/QMetaEnum>
#include <QtCore/QSet>
#include <QtTest/QTest>

#include <memory>

class tst_Error : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void codeNamesAreStableAndUnique();
    void whatCarriesCodeAndMessage();
    void carriesSqlAndDriverError();
    void cloneAndRaiseKeepEverything();
};

namespace {
// "UniqueViolation" -> "UNIQUE_VIOLATION"
QString upperSnake(const char *camel)
{
    QString out;
    for (const char *c = camel; *c; ++c) {
        if (*c >= 'A' && *c <= 'Z' && c != camel)
            out += u'_';
        out += QLatin1Char(*c >= 'a' && *c <= 'z' ? char(*c - 'a' + 'A') : *c);
    }
    return out;
}
} // namespace

void tst_Error::codeNamesAreStableAndUnique()
{
    // Every code the enum has, read from its meta-object: one added without
    // a name (UNKNOWN_ERROR) or a number fails here.
    const QMetaEnum codes = QMetaEnum::fromType<Hy::ErrorCode>();
    QSet<QString> names;
    for (int i = 0; i < codes.keyCount(); ++i) {
        const auto code = Hy::ErrorCode(codes.value(i));
        const QString name = Hy::Error::codeName(code);
        QCOMPARE(name, upperSnake(codes.key(i)));
        QVERIFY(!names.contains(name));
        names.insert(name);
    }
    QCOMPARE(Hy::Error::codeName(Hy::ErrorCode(9999)), QStringLiteral("UNKNOWN_ERROR"));

    // The numbers are part of the contract: new codes are appended.
    const QList<std::pair<Hy::ErrorCode, int>> numbers{
            {Hy::ErrorCode::DriverNotAvailable, 1}, {Hy::ErrorCode::ConnectionFailed, 2},
            {Hy::ErrorCode::ConnectionNotOpen, 3},  {Hy::ErrorCode::WrongThread, 4},
            {Hy::ErrorCode::ConnectionLost, 5},     {Hy::ErrorCode::QueryTimeout, 6},
            {Hy::ErrorCode::UnknownColumn, 100},    {Hy::ErrorCode::UnknownOperator, 101},
            {Hy::ErrorCode::InvalidValue, 102},     {Hy::ErrorCode::NullValue, 103},
            {Hy::ErrorCode::ValueTooLong, 104},     {Hy::ErrorCode::MissingValue, 105},
            {Hy::ErrorCode::InvalidQuery, 106},     {Hy::ErrorCode::IsolationLevelNotSupported, 107},
            {Hy::ErrorCode::TransactionNotActive, 108}, {Hy::ErrorCode::OperationCancelled, 109},
            {Hy::ErrorCode::UnknownRelation, 110}, {Hy::ErrorCode::RelationNotManyToMany, 111},
            {Hy::ErrorCode::RowNotFound, 200},
            {Hy::ErrorCode::UnreadableValue, 201},  {Hy::ErrorCode::DecryptionFailed, 202},
            {Hy::ErrorCode::RelationNotLoaded, 203},
            {Hy::ErrorCode::QueryFailed, 300},
            {Hy::ErrorCode::UniqueViolation, 301},  {Hy::ErrorCode::NotNullViolation, 302},
            {Hy::ErrorCode::ForeignKeyViolation, 303}, {Hy::ErrorCode::CheckViolation, 304},
            {Hy::ErrorCode::TransactionFailed, 305}, {Hy::ErrorCode::TransactionConflict, 306},
    };
    QCOMPARE(numbers.size(), codes.keyCount());
    for (const auto &[code, number] : numbers)
        QCOMPARE(int(code), number);
}

void tst_Error::whatCarriesCodeAndMessage()
{
    const Hy::Error error(Hy::ErrorCode::RowNotFound, QStringLiteral("No row of \"users\" matches"));
    QCOMPARE(QByteArray(error.what()), QByteArray("ROW_NOT_FOUND: No row of \"users\" matches"));
    QVERIFY(error.sql().isEmpty());
    QVERIFY(!error.driverError().isValid());
    QVERIFY(error.column().isEmpty());
}

void tst_Error::carriesSqlAndDriverError()
{
    const QSqlError driver(QStringLiteral("duplicate key"), QStringLiteral("driver"),
                           QSqlError::StatementError, QStringLiteral("23505"));
    Hy::Error error(Hy::ErrorCode::UniqueViolation, QStringLiteral("duplicate key"),
                    QStringLiteral("INSERT INTO t (a) VALUES (?)"), driver);
    error.setColumn(QStringLiteral("a"));
    QCOMPARE(error.sql(), QStringLiteral("INSERT INTO t (a) VALUES (?)"));
    QCOMPARE(error.driverError().nativeErrorCode(), QStringLiteral("23505"));
    QCOMPARE(error.column(), QStringLiteral("a"));
}

void tst_Error::cloneAndRaiseKeepEverything()
{
    Hy::Error original(Hy::ErrorCode::InvalidValue, QStringLiteral("bad"));
    original.setColumn(QStringLiteral("age"));
    std::unique_ptr<Hy::Error> copy(original.clone());
    QCOMPARE(copy->code(), Hy::ErrorCode::InvalidValue);
    QCOMPARE(copy->column(), QStringLiteral("age"));
    QCOMPARE(QByteArray(copy->what()), QByteArray(original.what()));
    try {
        copy->raise();
        QFAIL("raise() did not throw");
    } catch (const QException &caught) {
        // Caught as QException, the type QFuture carries across threads.
        const auto *error = dynamic_cast<const Hy::Error *>(&caught);
        QVERIFY(error);
        QCOMPARE(error->message(), QStringLiteral("bad"));
    }
}

QTEST_GUILESS_MAIN(tst_Error)
#include "tst_error.moc"
