// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "exec/sqlitestatement_p.h"

#include "sql/sqliteapi_p.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QStringDecoder>

namespace Hy::detail {

namespace {
// SQLITE_STATIC: the bound bytes stay valid until the statement is reset.
void (*const StaticData)(void *) = nullptr;
} // namespace

SqliteStatement::SqliteStatement(const SqliteApi *api, void *db, const QString &sql) : m_api(api), m_db(db)
{
    const QByteArray utf8 = sql.toUtf8();
    const char *tail = nullptr;
    const int code = m_api->prepare(m_db, utf8.constData(), int(utf8.size()), &m_statement, &tail);
    if (code != SqliteApi::Ok) {
        failed(code, QCoreApplication::translate("QSQLiteResult", "Unable to execute statement"));
        m_api->finalize(m_statement);
        m_statement = nullptr;
    } else if (tail && !QByteArrayView(tail, utf8.constData() + utf8.size() - tail).trimmed().isEmpty()) {
        // As QSQLITE refuses it: what follows would silently not run.
        m_error = QSqlError(QCoreApplication::translate("QSQLiteResult", "Unable to execute multiple statements at a time"),
                            QString(), QSqlError::StatementError, QString::number(21 /* SQLITE_MISUSE */));
        m_api->finalize(m_statement);
        m_statement = nullptr;
    }
}

SqliteStatement::~SqliteStatement()
{
    if (m_statement)
        m_api->finalize(m_statement);
}

bool SqliteStatement::failed(int code, const QString &what)
{
    // The extended code of the connection, as QSQLITE reports it: step()
    // returns the primary one for some failures.
    const int extended = m_api->extendedErrorCode(m_db);
    m_error = QSqlError(what, QString::fromUtf8(m_api->errorMessage(m_db)), QSqlError::StatementError,
                        QString::number((extended & 0xff) == (code & 0xff) ? extended : code));
    return false;
}

bool SqliteStatement::exec(const QVariantList &values)
{
    m_error = QSqlError();
    finish();
    if (m_api->parameterCount(m_statement) != values.size()) {
        m_error = QSqlError(QCoreApplication::translate("QSQLiteResult", "Parameter count mismatch"), QString(),
                            QSqlError::StatementError);
        return false;
    }
    // The UTF-8 of every text value goes into one buffer, sized beforehand
    // so that it never moves while SQLite holds pointers into it.
    constexpr qsizetype ULongLongDigits = 20;
    qsizetype textUnits = 0;
    for (const QVariant &value : values) {
        if (value.typeId() == QMetaType::QString)
            textUnits += static_cast<const QString *>(value.constData())->size();
        else if (value.typeId() == QMetaType::ULongLong)
            textUnits += ULongLongDigits;
    }
    QStringEncoder encoder(QStringEncoder::Utf8, QStringEncoder::Flag::Stateless);
    m_text.resize(encoder.requiredSpace(textUnits));
    char *out = m_text.data();
    auto bindText = [&](int index, QStringView text) {
        char *start = out;
        out = encoder.appendToBuffer(out, text);
        return m_api->bindText(m_statement, index, start, int(out - start), StaticData);
    };

    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &value = values[i];
        const int index = int(i) + 1;
        const void *data = value.constData();
        int code = SqliteApi::Ok;
        // QSQLITE's binding, type for type; but text as UTF-8, the database's
        // own encoding, with nothing dropped: SQLite takes a leading U+FEFF of
        // UTF-16 text for a byte order mark.
        switch (value.typeId()) {
        case QMetaType::UnknownType:
        case QMetaType::Nullptr:
            code = m_api->bindNull(m_statement, index);
            break;
        case QMetaType::Bool:
            code = m_api->bindInt64(m_statement, index, *static_cast<const bool *>(data) ? 1 : 0);
            break;
        case QMetaType::Int:
            code = m_api->bindInt64(m_statement, index, *static_cast<const int *>(data));
            break;
        case QMetaType::UInt:
            code = m_api->bindInt64(m_statement, index, *static_cast<const uint *>(data));
            break;
        case QMetaType::LongLong:
            code = m_api->bindInt64(m_statement, index, *static_cast<const qlonglong *>(data));
            break;
        case QMetaType::Double:
            code = m_api->bindDouble(m_statement, index, *static_cast<const double *>(data));
            break;
        case QMetaType::QByteArray: {
            const auto *bytes = static_cast<const QByteArray *>(data);
            code = bytes->isNull() ? m_api->bindNull(m_statement, index)
                                   : m_api->bindBlob(m_statement, index, bytes->constData(), int(bytes->size()),
                                                     StaticData);
            break;
        }
        case QMetaType::QString: {
            const auto *text = static_cast<const QString *>(data);
            code = text->isNull() ? m_api->bindNull(m_statement, index) : bindText(index, *text);
            break;
        }
        case QMetaType::ULongLong:
            // As QSQLITE binds it: its text, which an INTEGER column stores
            // as a number where it fits.
            code = bindText(index, QString::number(*static_cast<const qulonglong *>(data)));
            break;
        default:
            // checkedBinding() lets no other type through.
            m_error = QSqlError(QCoreApplication::translate("QSQLiteResult", "Unable to bind parameters"),
                                QStringLiteral("A value of type %1 cannot be bound")
                                        .arg(QLatin1StringView(value.metaType().name())),
                                QSqlError::StatementError);
            return false;
        }
        if (code != SqliteApi::Ok)
            return failed(code, QCoreApplication::translate("QSQLiteResult", "Unable to bind parameters"));
    }
    const int code = m_api->step(m_statement);
    if (code == SqliteApi::Row) {
        m_cursor = Cursor::OnFirstPending;
        return true;
    }
    m_cursor = Cursor::AtEnd;
    if (code == SqliteApi::Done)
        return true;
    failed(code, QCoreApplication::translate("QSQLiteResult", "Unable to fetch row"));
    m_api->reset(m_statement);
    return false;
}

bool SqliteStatement::next()
{
    switch (m_cursor) {
    case Cursor::OnFirstPending:
        m_cursor = Cursor::OnRow;
        return true;
    case Cursor::OnRow:
        break;
    case Cursor::AtEnd:
        return false;
    }
    const int code = m_api->step(m_statement);
    if (code == SqliteApi::Row)
        return true;
    m_cursor = Cursor::AtEnd;
    if (code != SqliteApi::Done)
        failed(code, QCoreApplication::translate("QSQLiteResult", "Unable to fetch row"));
    // The read lock goes with the reset, as QSQLITE lets it go at the end.
    m_api->reset(m_statement);
    return false;
}

QVariant SqliteStatement::value(int column) const
{
    switch (m_api->columnType(m_statement, column)) {
    case SqliteApi::Integer:
        return QVariant(m_api->columnInt64(m_statement, column));
    case SqliteApi::Float:
        return QVariant(m_api->columnDouble(m_statement, column));
    case SqliteApi::Null:
        return QVariant(QMetaType::fromType<QString>());
    case SqliteApi::Blob: {
        const void *data = m_api->columnBlob(m_statement, column);
        return QVariant(QByteArray(static_cast<const char *>(data), m_api->columnBytes(m_statement, column)));
    }
    default: {
        // Text: the pointer first, then its size, as SQLite asks.
        const auto *text = reinterpret_cast<const char *>(m_api->columnText(m_statement, column));
        const QByteArrayView utf8(text, m_api->columnBytes(m_statement, column));
        // QString::fromUtf8() drops a leading U+FEFF, taking it for a byte order mark.
        if (utf8.startsWith("\xEF\xBB\xBF"))
            return QVariant(QString(QStringDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom)(utf8)));
        return QVariant(QString::fromUtf8(utf8));
    }
    }
}

int SqliteStatement::columnCount() const
{
    return m_statement ? m_api->columnCount(m_statement) : 0;
}

QString SqliteStatement::columnName(int column) const
{
    return QString::fromUtf8(m_api->columnName(m_statement, column));
}

qint64 SqliteStatement::rowsAffected() const
{
    return m_api->changes(m_db);
}

qint64 SqliteStatement::lastInsertId() const
{
    return m_api->lastInsertRowId(m_db);
}

void SqliteStatement::finish()
{
    if (m_statement) {
        m_api->reset(m_statement);
        m_api->clearBindings(m_statement);
    }
    // m_text keeps its bytes for the next run: nothing points into them now.
    m_cursor = Cursor::AtEnd;
}

} // namespace Hy::detail
