// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include <HysteriaQt/error.h>

namespace Hy {

Error::Error(ErrorCode code, const QString &message)
    : m_code(code), m_message(message)
{
    updateWhat();
}

Error::Error(ErrorCode code, const QString &message, const QString &sql,
             const QSqlError &driverError)
    : m_code(code), m_message(message), m_sql(sql), m_driverError(driverError)
{
    updateWhat();
}

QString Error::codeName() const
{
    return codeName(m_code);
}

QString Error::codeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::DriverNotAvailable: return QStringLiteral("DRIVER_NOT_AVAILABLE");
    case ErrorCode::ConnectionFailed: return QStringLiteral("CONNECTION_FAILED");
    case ErrorCode::ConnectionNotOpen: return QStringLiteral("CONNECTION_NOT_OPEN");
    case ErrorCode::WrongThread: return QStringLiteral("WRONG_THREAD");
    case ErrorCode::ConnectionLost: return QStringLiteral("CONNECTION_LOST");
    case ErrorCode::QueryTimeout: return QStringLiteral("QUERY_TIMEOUT");
    case ErrorCode::UnknownColumn: return QStringLiteral("UNKNOWN_COLUMN");
    case ErrorCode::UnknownOperator: return QStringLiteral("UNKNOWN_OPERATOR");
    case ErrorCode::InvalidValue: return QStringLiteral("INVALID_VALUE");
    case ErrorCode::NullValue: return QStringLiteral("NULL_VALUE");
    case ErrorCode::ValueTooLong: return QStringLiteral("VALUE_TOO_LONG");
    case ErrorCode::MissingValue: return QStringLiteral("MISSING_VALUE");
    case ErrorCode::InvalidQuery: return QStringLiteral("INVALID_QUERY");
    case ErrorCode::IsolationLevelNotSupported: return QStringLiteral("ISOLATION_LEVEL_NOT_SUPPORTED");
    case ErrorCode::TransactionNotActive: return QStringLiteral("TRANSACTION_NOT_ACTIVE");
    case ErrorCode::OperationCancelled: return QStringLiteral("OPERATION_CANCELLED");
    case ErrorCode::UnknownRelation: return QStringLiteral("UNKNOWN_RELATION");
    case ErrorCode::RelationNotManyToMany: return QStringLiteral("RELATION_NOT_MANY_TO_MANY");
    case ErrorCode::RowNotFound: return QStringLiteral("ROW_NOT_FOUND");
    case ErrorCode::UnreadableValue: return QStringLiteral("UNREADABLE_VALUE");
    case ErrorCode::RelationNotLoaded: return QStringLiteral("RELATION_NOT_LOADED");
    case ErrorCode::DecryptionFailed: return QStringLiteral("DECRYPTION_FAILED");
    case ErrorCode::QueryFailed: return QStringLiteral("QUERY_FAILED");
    case ErrorCode::UniqueViolation: return QStringLiteral("UNIQUE_VIOLATION");
    case ErrorCode::NotNullViolation: return QStringLiteral("NOT_NULL_VIOLATION");
    case ErrorCode::ForeignKeyViolation: return QStringLiteral("FOREIGN_KEY_VIOLATION");
    case ErrorCode::CheckViolation: return QStringLiteral("CHECK_VIOLATION");
    case ErrorCode::TransactionFailed: return QStringLiteral("TRANSACTION_FAILED");
    case ErrorCode::TransactionConflict: return QStringLiteral("TRANSACTION_CONFLICT");
    }
    return QStringLiteral("UNKNOWN_ERROR");
}

Error &Error::setColumn(const QString &column)
{
    m_column = column;
    return *this;
}

const char *Error::what() const noexcept
{
    return m_what.constData();
}

void Error::raise() const
{
    throw *this;
}

Error *Error::clone() const
{
    return new Error(*this);
}

void Error::updateWhat()
{
    m_what = (codeName() + QStringLiteral(": ") + m_message).toUtf8();
}

} // namespace Hy
