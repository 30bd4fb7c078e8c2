// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_ERROR_H
#define HYSTERIAQT_ERROR_H

#include <HysteriaQt/hysteriaqt_global.h>

#include <QtCore/QByteArray>
#include <QtCore/QException>
#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtSql/QSqlError>

namespace Hy {
Q_NAMESPACE_EXPORT(HYSTERIAQT_EXPORT)

// Stable across releases: new codes are appended, none is renumbered or renamed.
enum class ErrorCode {
    // Connections
    DriverNotAvailable = 1,
    ConnectionFailed,
    ConnectionNotOpen,
    WrongThread,
    ConnectionLost,
    QueryTimeout,

    // Input rejected before any SQL is sent
    UnknownColumn = 100,
    UnknownOperator,
    InvalidValue,
    NullValue,
    ValueTooLong,
    MissingValue,
    InvalidQuery,
    IsolationLevelNotSupported,
    TransactionNotActive,
    // A hook refused the operation (see docs/hooks.md).
    OperationCancelled,
    // A relation name the model's defineRelations does not define.
    UnknownRelation,
    // attach(), detach() or sync() of a relation that is not manyToMany.
    RelationNotManyToMany,

    // Results
    RowNotFound = 200,
    UnreadableValue,
    // An encrypted column's value does not decrypt: a wrong key, or a value
    // changed in the database.
    DecryptionFailed,
    // A relation asked of a model that did not load it (load()).
    RelationNotLoaded,

    // Reported by the database
    QueryFailed = 300,
    UniqueViolation,
    NotNullViolation,
    ForeignKeyViolation,
    CheckViolation,
    TransactionFailed,
    // A serialization failure or a deadlock: the transaction was rolled
    // back, and running it again may succeed.
    TransactionConflict,
};
Q_ENUM_NS(ErrorCode)

class HYSTERIAQT_EXPORT Error : public QException
{
public:
    Error(ErrorCode code, const QString &message);
    Error(ErrorCode code, const QString &message, const QString &sql, const QSqlError &driverError);

    ErrorCode code() const noexcept { return m_code; }
    // The code as a stable upper-case identifier, e.g. "UNIQUE_VIOLATION".
    QString codeName() const;
    static QString codeName(ErrorCode code);

    QString message() const { return m_message; }
    // The statement that failed, empty when the error was raised before any SQL.
    QString sql() const { return m_sql; }
    QSqlError driverError() const { return m_driverError; }
    // The model column concerned (its property name), when there is one.
    QString column() const { return m_column; }
    Error &setColumn(const QString &column);

    const char *what() const noexcept override;
    void raise() const override;
    Error *clone() const override;

private:
    void updateWhat();

    ErrorCode m_code;
    QString m_message;
    QString m_sql;
    QString m_column;
    QSqlError m_driverError;
    QByteArray m_what;
};

} // namespace Hy

#endif // HYSTERIAQT_ERROR_H
