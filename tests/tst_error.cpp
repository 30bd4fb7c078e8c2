// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include <HysteriaQt/Error>

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

void tst_Error::codeNamesAreStableAndUnique()
{
    const QList<std::pair<Hy::ErrorCode, QString>> expected{
            {Hy::ErrorCode::DriverNotAvailable, "DRIVER_NOT_AVAILABLE"},
            {Hy::ErrorCode::ConnectionFailed, "CONNECTION_FAILED"},
            {Hy::ErrorCode::ConnectionNotOpen, "CONNECTION_NOT_OPEN"},
            {Hy::ErrorCode::WrongThread, "WRONG_THREAD"},
            {Hy::ErrorCode::UnknownColumn, "UNKNOWN_COLUMN"},
            {Hy::ErrorCode::UnknownOperator, "UNKNOWN_OPERATOR"},
            {Hy::ErrorCode::InvalidValue, "INVALID_VALUE"},
            {Hy::ErrorCode::NullValue, "NULL_VALUE"},
            {Hy::ErrorCode::ValueTooLong, "VALUE_TOO_LONG"},
            {Hy::ErrorCode::MissingValue, "MISSING_VALUE"},
            {Hy::ErrorCode::InvalidQuery, "INVALID_QUERY"},
            {Hy::ErrorCode::RowNotFound, "ROW_NOT_FOUND"},
            {Hy::ErrorCode::QueryFailed, "QUERY_FAILED"},
            {Hy::ErrorCode::UniqueViolation, "UNIQUE_VIOLATION"},
            {Hy::ErrorCode::NotNullViolation, "NOT_NULL_VIOLATION"},
            {Hy::ErrorCode::ForeignKeyViolation, "FOREIGN_KEY_VIOLATION"},
            {Hy::ErrorCode::CheckViolation, "CHECK_VIOLATION"},
            {Hy::ErrorCode::TransactionFailed, "TRANSACTION_FAILED"},
    };
    QSet<QString> seen;
    for (const auto &[code, name] : expected) {
        QCOMPARE(Hy::Error::codeName(code), name);
        seen.insert(name);
    }
    QCOMPARE(seen.size(), expected.size());
    // Numbers are part of the contract too.
    QCOMPARE(int(Hy::ErrorCode::UnknownColumn), 100);
    QCOMPARE(int(Hy::ErrorCode::RowNotFound), 200);
    QCOMPARE(int(Hy::ErrorCode::UniqueViolation), 301);
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
