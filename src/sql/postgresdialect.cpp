// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "sql/postgresdialect_p.h"

#include "core/logging_p.h"
#include "exec/connection_p.h"
#include "sql/libpq_p.h"

#include <QtSql/QSqlQuery>
#include <QtSql/QSqlResult>

namespace Hy::detail {
// A value QPSQL pastes into EXECUTE as it is: QSqlDriver::formatValue()
// writes a type it does not know as its text, unquoted. Holds a whole
// dollar-quoted literal.
struct DollarQuoted
{
    QString literal;
};
} // namespace Hy::detail

Q_DECLARE_METATYPE(Hy::detail::DollarQuoted)

namespace Hy::detail {

namespace {
// $hy$text$hy$, with a tag the text does not contain. A dollar-quoted
// string knows no escapes: neither standard_conforming_strings nor the
// client encoding changes where it ends.
QVariant dollarQuoted(const QString &text)
{
    static const bool registered = QMetaType::registerConverter<DollarQuoted, QString>(
            [](const DollarQuoted &value) { return value.literal; });
    Q_UNUSED(registered);
    // The literal ends at the first tag after the opening one, which must be
    // the closing one: the text may hold tags ($hy$, $hy7$), or end with the
    // start of one ("x$hy"), which the closing tag would complete. One pass
    // finds the most digits any of them has; a tag with one more cannot be
    // any of them.
    qsizetype longest = -1;
    for (qsizetype at = text.indexOf(u"$hy"); at >= 0; at = text.indexOf(u"$hy", at + 1)) {
        qsizetype end = at + 3;
        while (end < text.size() && text[end] >= u'0' && text[end] <= u'9')
            ++end;
        if (end == text.size() || text[end] == u'$')
            longest = qMax(longest, end - at - 3);
    }
    const QString tag = longest < 0 ? QStringLiteral("$hy$")
                                    : QStringLiteral("$hy1") + QString(longest, u'0') + u'$';
    return QVariant::fromValue(DollarQuoted{tag + text + tag});
}
} // namespace

void PostgresDialect::initializeSession(QSqlDatabase &database, const ConnectionOptions &options)
{
    QSqlQuery query(database);
    // NOTICEs ("table does not exist, skipping") would go to stderr through libpq.
    runSetup(query, QStringLiteral("SET client_min_messages TO WARNING"));
    runSetup(query, QStringLiteral("SELECT current_setting('server_version_num')::integer"));
    const int version = query.next() ? query.value(0).toInt() : 0;
    using Feature = SqlDataSource::Feature;
    m_features = {Feature::Returning, Feature::TransactionalDdl, Feature::Savepoints,
                  Feature::IsolationLevels, Feature::RowLocks};
    if (version >= 80400)
        m_features.unite({Feature::WindowFunctions, Feature::CommonTableExpressions});
    if (version >= 90400)
        m_features.insert(Feature::Json); // jsonb
    if (version >= 90500)
        m_features.insert(Feature::UpsertOnConflict);
    m_behaviors = FailedCommitEndsTransaction | FailedStatementAbortsTransaction | KeepsFailedStatements;

    // QPSQL does not send values apart from the statement: it pastes them
    // into EXECUTE as literals, escaped for the standard_conforming_strings
    // it saw at connect time, which the session may change later (a SET, a
    // role's or the server's configuration reloaded). Values that a change
    // could make end their literal early (text with a backslash, bytes) go as
    // dollar-quoted literals instead, which no setting affects; provided the
    // driver pastes them, which this checks.
    const QString sample = QStringLiteral("\\'$hy$");
    const QVariant quoted = dollarQuoted(sample);
    QString answer;
    if (query.prepare(QStringLiteral("SELECT CAST(? AS text)"))) {
        query.bindValue(0, quoted);
        if (query.exec() && query.next())
            answer = query.value(0).toString();
    }
    query.finish();
    m_dollarQuoting = answer == sample;
    // A driver that binds values apart gets the literal as text, and needs
    // none of this; any other answer leaves values unprotected: refused.
    if (!m_dollarQuoting && answer != quoted.toString()) {
        throw Error(ErrorCode::ConnectionFailed,
                    QStringLiteral("This QPSQL driver passes values in a way HysteriaQt cannot make "
                                   "safe from the session's settings (probe: %1)")
                            .arg(query.lastError().isValid() ? query.lastError().text() : answer),
                    QString(), query.lastError());
    }

    if (options.statementTimeout.count() > 0)
        runSetup(query, QStringLiteral("SET statement_timeout = %1").arg(options.statementTimeout.count()));

    // QString::fromUtf8() drops a leading byte order mark, so QPSQL reads a
    // text that starts with U+FEFF without it. Only a UTF8 database can hold one.
    runSetup(query, QStringLiteral("SELECT current_setting('server_encoding')"));
    if (query.next() && query.value(0).toString() == u"UTF8") {
        runSetup(query, QStringLiteral("SELECT chr(65279) || 'x'"));
        m_readsTextWithoutBom = query.next() && query.value(0).toString().size() == 1;
    }
}

std::optional<bool> PostgresDialect::knownTransactionState(const QSqlDriver *driver) const
{
    const LibPq *pq = LibPq::instance();
    if (!pq)
        return std::nullopt;
    switch (pq->transactionStatus(LibPq::connection(driver))) {
    case LibPq::TransactionStatus::Idle:
        return false;
    case LibPq::TransactionStatus::InTransaction:
    case LibPq::TransactionStatus::InError:
        return true;
    default:
        return std::nullopt;
    }
}

QString PostgresDialect::openTransactionQuery() const
{
    // now() is when the transaction began, statement_timestamp() when this
    // statement did: they differ only inside a transaction block, where BEGIN
    // came in an earlier message. In an aborted block the query fails (25P02).
    return QStringLiteral("SELECT now() <> statement_timestamp()");
}

QString PostgresDialect::columnType(const ColumnData &column) const
{
    switch (column.kind) {
    case ColumnKind::Increment:
    case ColumnKind::Integer:
        return QStringLiteral("INTEGER");
    case ColumnKind::BigIncrement:
    case ColumnKind::BigInteger:
        return QStringLiteral("BIGINT");
    case ColumnKind::Float:
        return QStringLiteral("DOUBLE PRECISION");
    case ColumnKind::Decimal:
        return QStringLiteral("NUMERIC(%1, %2)").arg(column.precision).arg(column.scale);
    case ColumnKind::String:
        return QStringLiteral("VARCHAR(%1)").arg(column.length);
    case ColumnKind::Text:
        return QStringLiteral("TEXT");
    case ColumnKind::Boolean:
        return QStringLiteral("BOOLEAN");
    case ColumnKind::DateTime:
        return QStringLiteral("TIMESTAMP(3) WITH TIME ZONE");
    case ColumnKind::Uuid:
        return QStringLiteral("UUID");
    case ColumnKind::Ulid:
        return QStringLiteral("CHAR(26)");
    case ColumnKind::Date:
        return QStringLiteral("DATE");
    case ColumnKind::Time:
        return QStringLiteral("TIME(3)");
    case ColumnKind::Timestamp:
        return QStringLiteral("TIMESTAMP(3) WITH TIME ZONE");
    case ColumnKind::Binary:
        return QStringLiteral("BYTEA");
    case ColumnKind::Json:
        return QStringLiteral("JSONB");
    case ColumnKind::Enum:
        return QStringLiteral("VARCHAR(%1)").arg(column.length);
    case ColumnKind::Encrypted:
        return QStringLiteral("TEXT");
    }
    Q_UNREACHABLE();
    return QString();
}

QString PostgresDialect::autoIncrementColumn(const ColumnData &column) const
{
    return columnType(column) + QStringLiteral(" GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
}

QString PostgresDialect::currentTimestampDefault() const
{
    return QStringLiteral("CURRENT_TIMESTAMP");
}

QString PostgresDialect::selectDateTime(const QString &quotedColumn) const
{
    // Seconds since 1970 UTC for a timestamptz, and the stored wall clock
    // read as UTC for a timestamp without time zone (tables made by other
    // tools): right for both whatever the session's TimeZone, where text in
    // the session's zone or AT TIME ZONE would shift one of them.
    return QStringLiteral("extract(epoch FROM %1)::float8").arg(quotedColumn);
}

QString PostgresDialect::selectText(const QString &quotedColumn) const
{
    if (!m_readsTextWithoutBom)
        return quotedColumn;
    // A doubled mark, of which the driver drops one.
    return QStringLiteral("CASE WHEN left(%1, 1) = chr(65279) THEN chr(65279) || %1 ELSE %1 END")
            .arg(quotedColumn);
}

QString PostgresDialect::textLiteral(const QString &text) const
{
    // E'' reads backslashes as escapes whatever standard_conforming_strings says.
    if (!text.contains(u'\\'))
        return SqlDialect::textLiteral(text);
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("''"));
    return QStringLiteral("E'") + escaped + u'\'';
}

QString PostgresDialect::dateTimeText(const QDateTime &value) const
{
    // An explicit offset: the session's TimeZone does not matter.
    return SqlDialect::dateTimeText(value) + QStringLiteral("+00");
}

QString PostgresDialect::listCondition(const QString &column, ListTest test, ListType type, qsizetype) const
{
    // QPSQL sends every placeholder as a literal of one EXECUTE, which the
    // server parses one by one: one json value read as rows is several times
    // faster for a long list. Numbers only: the elements come out as text,
    // and a cast to the column's own type (uuid, numeric, an enum) is not
    // known here, so text lists keep their placeholders, which PostgreSQL
    // takes past any length.
    QString element;
    switch (type) {
    case ListType::Integer: element = QStringLiteral("CAST(\"value\" AS bigint)"); break;
    case ListType::Real: element = QStringLiteral("CAST(\"value\" AS double precision)"); break;
    case ListType::Text: return {};
    }
    const QString elements = QStringLiteral("SELECT %1 AS \"hy_value\" FROM json_array_elements_text(CAST(? AS json))")
                                     .arg(element);
    if (test == ListTest::In)
        return column + QStringLiteral(" IN (") + elements + u')';
    // NOT IN as an anti-join: NOT IN over a subquery too large for a hashed
    // plan reads the list again for each row. The same rows, as the list
    // holds no null and a null column matches neither.
    return u'(' + column + QStringLiteral(" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM (") + elements
            + QStringLiteral(") AS \"hy_values\" WHERE \"hy_values\".\"hy_value\" = ") + column + QStringLiteral("))");
}

void PostgresDialect::afterExplicitKeys(Connection &connection, const QString &table,
                                        const QString &column) const
{
    // Past the largest key in the table, and never back: the sequence may
    // already be further (keys handed out and deleted, or handed out to a
    // transaction that has not committed yet). Keys of 0 and below leave it
    // alone, since a sequence starts at 1.
    SqlStatement statement;
    statement.sql = QStringLiteral("SELECT setval(k.s, k.m) FROM (SELECT pg_get_serial_sequence(?, ?)::regclass AS s, "
                                   "(SELECT MAX(%1) FROM %2) AS m) AS k "
                                   "WHERE k.m > COALESCE(pg_sequence_last_value(k.s), 0)")
                            .arg(quoteIdentifier(column), quoteIdentifier(table));
    statement.bindings = {quoteIdentifier(table), column};
    connection.exec(statement);
}

void PostgresDialect::bindValues(QSqlQuery &query, const QVariantList &bindings) const
{
    keepClientEncoding(query.driver());
    for (qsizetype i = 0; i < bindings.size(); ++i) {
        const QVariant &value = checkedBinding(bindings[i]);
        // Text without a backslash reads the same under either setting and
        // every client encoding (none has a quote as part of a character):
        // QPSQL's own literal is safe for it.
        if (m_dollarQuoting && value.typeId() == QMetaType::QString
            && static_cast<const QString *>(value.constData())->contains(u'\\')) {
            query.bindValue(int(i), dollarQuoted(*static_cast<const QString *>(value.constData())));
        } else if (m_dollarQuoting && value.typeId() == QMetaType::QByteArray
                   && !static_cast<const QByteArray *>(value.constData())->isNull()) {
            // bytea's hex input form, which QPSQL would escape for the setting libpq last heard of.
            const QByteArray &bytes = *static_cast<const QByteArray *>(value.constData());
            query.bindValue(int(i), dollarQuoted(QStringLiteral("\\x") + QString::fromLatin1(bytes.toHex())));
        } else {
            query.bindValue(int(i), value);
        }
    }
}

void PostgresDialect::keepClientEncoding(const QSqlDriver *driver) const
{
    // QPSQL always sends UTF-8, and set the session's encoding to match when
    // it connected; text is garbled under any other. libpq knows the
    // session's encoding without asking; without libpq, it is not checked.
    const LibPq *pq = LibPq::instance();
    if (!pq)
        return;
    const QByteArray encoding = pq->parameterStatus(LibPq::connection(driver), "client_encoding");
    // As set: QPSQL says 'UNICODE', PostgreSQL's other name for UTF8.
    const QByteArray name = encoding.toUpper().replace('-', QByteArray()).replace('_', QByteArray());
    if (name.isEmpty() || name == "UTF8" || name == "UNICODE")
        return;
    qCWarning(lcSql).noquote() << "The session's client_encoding was changed to" << encoding
                               << "since it connected; setting it back to UTF8, which QPSQL sends";
    QSqlQuery query(driver->createResult());
    const QString sql = QStringLiteral("SET client_encoding = 'UTF8'");
    if (!query.exec(sql)) {
        throw Error(ErrorCode::QueryFailed,
                    QStringLiteral("Could not set the session's client_encoding back to UTF8: ")
                            + query.lastError().text(),
                    sql, query.lastError());
    }
}

int PostgresDialect::deadlineSocket(const QSqlDriver *driver) const
{
    const LibPq *pq = LibPq::instance();
    return pq ? pq->socket(LibPq::connection(driver)) : -1;
}

ErrorCode PostgresDialect::errorCode(const QSqlError &error, const QSqlDriver *driver) const
{
    // QPSQL's isOpen() asks libpq whether the connection is still good.
    if (driver && !driver->isOpen())
        return ErrorCode::ConnectionLost;
    const QString state = error.nativeErrorCode();
    if (state.startsWith(u"08") || state == u"57P01" || state == u"57P02" || state == u"57P03")
        return ErrorCode::ConnectionLost;
    if (state == u"57014") // query_canceled: statement_timeout
        return ErrorCode::QueryTimeout;
    if (state == u"40001" || state == u"40P01") // serialization_failure, deadlock_detected
        return ErrorCode::TransactionConflict;
    if (state == u"23505")
        return ErrorCode::UniqueViolation;
    if (state == u"23502")
        return ErrorCode::NotNullViolation;
    if (state == u"23503")
        return ErrorCode::ForeignKeyViolation;
    if (state == u"23514")
        return ErrorCode::CheckViolation;
    return ErrorCode::QueryFailed;
}

} // namespace Hy::detail
