// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include <HysteriaQt/detail/querycore.h>

#include "exec/inserter_p.h"
#include "exec/sqldatasource_p.h"
#include "exec/transactionscope_p.h"
#include "model/valueconverter_p.h"
#include "query/modelinserter_p.h"
#include "query/modelrows_p.h"
#include "query/querystate_p.h"
#include "sql/sqlcompiler_p.h"

#include <HysteriaQt/error.h>
#include <HysteriaQt/model.h>
#include <HysteriaQt/values.h>

#include <QtSql/QSqlRecord>

#include <optional>

namespace Hy::detail {

namespace {

SqlDataSourcePrivate *priv(const QPointer<SqlDataSource> &source)
{
    return SqlDataSourcePrivate::get(source.data());
}

Error invalidQuery(const QString &message)
{
    return Error(ErrorCode::InvalidQuery, message);
}

void requireWhereOnly(const QueryState &state, const char *operation)
{
    if (state.limit >= 0 || state.offset > 0 || !state.orders.isEmpty()) {
        throw invalidQuery(QStringLiteral("%1() on \"%2\" takes where() conditions only: "
                                          "limit, offset and orderBy are not applied to it")
                                   .arg(QLatin1StringView(operation), state.table));
    }
}

// Runs one write statement: in a savepoint of its own inside the
// application's transaction on PostgreSQL (see needsStatementSavepoint()).
qint64 runWrite(SqlDataSourcePrivate *source, const SqlStatement &statement)
{
    std::optional<TransactionScope> savepoint;
    if (source->needsStatementSavepoint())
        savepoint.emplace(source);
    const qint64 affected = source->exec(statement)->numRowsAffected();
    if (savepoint)
        savepoint->commit();
    return affected;
}

// Checks and converts every value for the database: errors surface here,
// before any SQL is sent. Null compared with = or != becomes IS [NOT] NULL, as
// a user means by where(column, null).
template <typename Conditions>
void resolveConditions(Conditions &conditions, const QString &table, const ModelData *model,
                       const SqlDialect &dialect)
{
    for (Condition &condition : conditions) {
        if (condition.kind == Condition::Group) {
            resolveConditions(condition.children, table, model, dialect);
            continue;
        }
        if (condition.kind != Condition::Compare)
            continue;
        if (condition.value.isNull()) {
            if (condition.op == Operator::Equal || condition.op == Operator::NotEqual) {
                condition.kind = condition.op == Operator::Equal ? Condition::IsNull
                                                                 : Condition::IsNotNull;
                continue;
            }
            throw Error(ErrorCode::InvalidValue,
                        QStringLiteral("\"%1\" cannot be compared with null by an ordering or "
                                       "LIKE operator; use whereNull()")
                                .arg(condition.column));
        }
        if (model && condition.modelColumn >= 0) {
            const ColumnData &column = model->columns[condition.modelColumn];
            condition.value = condition.op == Operator::Like
                    ? toLikePattern(column, condition.value, table)
                    : toDatabaseValue(column, condition.value, dialect, table, ValueUse::Compare);
        } else {
            condition.value = condition.op == Operator::Like
                    ? toLikePattern(condition.value, table, condition.column)
                    : toRawDatabaseValue(condition.value, table, condition.column, dialect);
        }
    }
}

QueryState resolved(const QueryState &state, const ModelData *model, const SqlDialect &dialect)
{
    QueryState out = state;
    resolveConditions(out.conditions, out.table, model, dialect);
    return out;
}

// The values of a row without a model, in `columns` order, checked and
// converted like those of a model's row.
QVariantList rowFromMap(const QVariantMap &map, const QStringList &columns, const QString &table,
                        const SqlDialect &dialect)
{
    QVariantList row;
    row.reserve(columns.size());
    for (const QString &column : columns)
        row.append(toRawDatabaseValue(map.value(column), table, column, dialect));
    return row;
}

// MySQL without RETURNING: the auto-increment column names the inserted row.
QString autoIncrementColumn(SqlDataSourcePrivate *source, const QString &table)
{
    auto found = source->autoIncrementColumns.constFind(table);
    if (found != source->autoIncrementColumns.cend())
        return *found;
    SqlStatement statement;
    statement.sql = QStringLiteral("SELECT COLUMN_NAME FROM information_schema.COLUMNS "
                                   "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? "
                                   "AND EXTRA LIKE '%auto_increment%'");
    statement.bindings = {table};
    auto query = source->exec(statement);
    const QString column = query->next() ? query->value(0).toString() : QString();
    source->autoIncrementColumns.insert(table, column);
    return column;
}

} // namespace

QueryCore::QueryCore(SqlDataSource *source, const QString &table)
    : m_source(source), m_model(nullptr), d(new QueryState)
{
    d->table = table;
}

QueryCore::QueryCore(SqlDataSource *source, const ModelData *model)
    : m_source(source), m_model(model), d(new QueryState)
{
    d->table = model->table;
}

QueryCore::QueryCore(const QueryCore &other) = default;
QueryCore::QueryCore(QueryCore &&other) noexcept = default;
QueryCore &QueryCore::operator=(const QueryCore &other) = default;
QueryCore &QueryCore::operator=(QueryCore &&other) noexcept = default;
QueryCore::~QueryCore() = default;

QString QueryCore::table() const
{
    return d->table;
}

void QueryCore::where(bool orJoin, int column, Operator op, const QVariant &value)
{
    where(orJoin, m_model->columns[column].databaseName, op, value);
    d->conditions.last().modelColumn = column;
    d->conditions.last().dateTime = m_model->columns[column].kind == ColumnKind::DateTime;
}

void QueryCore::where(bool orJoin, const QString &column, Operator op, const QVariant &value)
{
    Condition condition;
    condition.orJoin = orJoin;
    condition.op = op;
    condition.column = column;
    condition.value = value;
    d->conditions.append(condition);
}

void QueryCore::whereNull(bool orJoin, int column, bool negate)
{
    whereNull(orJoin, m_model->columns[column].databaseName, negate);
    d->conditions.last().modelColumn = column;
}

void QueryCore::whereNull(bool orJoin, const QString &column, bool negate)
{
    Condition condition;
    condition.kind = negate ? Condition::IsNotNull : Condition::IsNull;
    condition.orJoin = orJoin;
    condition.column = column;
    d->conditions.append(condition);
}

void QueryCore::orderBy(int column, Qt::SortOrder order)
{
    orderBy(m_model->columns[column].databaseName, order);
    d->orders.last().dateTime = m_model->columns[column].kind == ColumnKind::DateTime;
}

void QueryCore::orderBy(const QString &column, Qt::SortOrder order)
{
    d->orders.append({column, order});
}

void QueryCore::setLimit(qint64 limit)
{
    d->limit = limit < 0 ? -1 : limit;
}

void QueryCore::setOffset(qint64 offset)
{
    d->offset = offset < 0 ? -1 : offset;
}

void QueryCore::groupConditions()
{
    if (d->conditions.size() < 2)
        return;
    Condition group;
    group.kind = Condition::Group;
    group.children.assign(d->conditions.cbegin(), d->conditions.cend());
    d->conditions = {group};
}

std::vector<std::unique_ptr<Model>> QueryCore::fetchModels(qint64 limit) const
{
    SqlDataSourcePrivate *source = priv(m_source);
    const SqlDialect &dialect = source->dialect();
    const QueryState state = resolved(*d, m_model, dialect);
    auto executed = source->exec(
            SqlCompiler(dialect).select(state, modelSelectList(m_model, dialect), limit));
    QSqlQuery &query = *executed;

    std::vector<std::unique_ptr<Model>> models;
    if (query.size() > 0)
        models.reserve(std::size_t(query.size()));
    const qsizetype columnCount = m_model->columns.size();
    const ColumnData *columns = m_model->columns.constData();
    while (query.next()) {
        std::unique_ptr<Model> model(m_model->create());
        for (qsizetype i = 0; i < columnCount; ++i)
            readInto(m_model, model.get(), columns[i], query.value(int(i)));
        models.push_back(std::move(model));
    }
    return models;
}

std::unique_ptr<Model> QueryCore::insertModel(const RowValues &row) const
{
    auto models = insertModels({row});
    return std::move(models.front());
}

std::vector<std::unique_ptr<Model>> QueryCore::insertModels(const QList<RowValues> &rows) const
{
    return ModelInserter(priv(m_source), m_model).insert(rows);
}

qint64 QueryCore::updateModels(const RowValues &row) const
{
    SqlDataSourcePrivate *source = priv(m_source);
    const SqlDialect &dialect = source->dialect();
    requireWhereOnly(*d, "update");
    if (row.entries.isEmpty())
        throw invalidQuery(QStringLiteral("update() on \"%1\" needs at least one column").arg(d->table));

    QStringList names;
    QVariantList values;
    const QString now = nowText(dialect);
    const QList<ColumnData> &columns = m_model->columns;
    for (qsizetype c = 0; c < columns.size(); ++c) {
        const ColumnData &column = columns[c];
        if (const QVariant *given = row.find(int(c))) {
            names.append(column.databaseName);
            values.append(toDatabaseValue(column, *given, dialect, m_model->table));
        } else if (column.autoUpdate) {
            names.append(column.databaseName);
            values.append(now);
        }
    }
    const QueryState state = resolved(*d, m_model, dialect);
    return runWrite(source, SqlCompiler(dialect).update(state, names, values));
}

QList<QVariantMap> QueryCore::fetchRows(qint64 limit) const
{
    SqlDataSourcePrivate *source = priv(m_source);
    const SqlDialect &dialect = source->dialect();
    auto executed = source->exec(SqlCompiler(dialect).select(resolved(*d, nullptr, dialect), {}, limit));
    QSqlQuery &query = *executed;
    const QSqlRecord record = query.record();
    QStringList names;
    for (int i = 0; i < record.count(); ++i)
        names.append(record.fieldName(i));
    QList<QVariantMap> rows;
    while (query.next()) {
        QVariantMap row;
        for (int i = 0; i < names.size(); ++i)
            row.insert(names[i], query.value(i));
        rows.append(row);
    }
    return rows;
}

QVariantMap QueryCore::insertRow(const QVariantMap &values) const
{
    SqlDataSourcePrivate *source = priv(m_source);
    const SqlDialect &dialect = source->dialect();
    InsertBatch batch;
    batch.table = d->table;
    batch.columns = values.keys();
    batch.rows = {rowFromMap(values, batch.columns, d->table, dialect)};

    InsertReadBack readBack;
    readBack.returning = {QStringLiteral("*")};
    if (!dialect.hasFeature(SqlDataSource::Feature::Returning)) {
        readBack.key = autoIncrementColumn(source, d->table);
        readBack.keyIsGenerated = !readBack.key.isEmpty() && !values.contains(readBack.key);
    }
    // Read back with a second statement (MySQL): both in a transaction, so
    // that a row that cannot be read back is not left written.
    Inserter inserter(source); // outlives the transaction, see ModelInserter
    std::optional<TransactionScope> savepoint;
    if ((!dialect.hasFeature(SqlDataSource::Feature::Returning) && !readBack.key.isEmpty()) || source->needsStatementSavepoint())
        savepoint.emplace(source);
    const InsertedRows inserted = inserter.insert(batch, readBack);
    const bool readBackRow = !inserted.rows.isEmpty() && !inserted.rows.front().isEmpty();
    if (!readBackRow && !readBack.key.isEmpty()) {
        // Looked for by its key, and not found (a trigger changed it, say):
        // undone, rather than return a row that is not the stored one.
        throw Error(ErrorCode::QueryFailed,
                    QStringLiteral("The row inserted into \"%1\" could not be read back by its key")
                            .arg(d->table),
                    inserted.sql, QSqlError());
    }
    if (savepoint)
        savepoint->commit();
    if (!readBackRow)
        return values; // the row cannot be found again: no key
    QVariantMap row;
    for (qsizetype i = 0; i < inserted.fieldNames.size(); ++i)
        row.insert(inserted.fieldNames[i], inserted.rows.front().value(i));
    return row;
}

void QueryCore::insertRows(const QList<QVariantMap> &rows) const
{
    SqlDataSourcePrivate *source = priv(m_source);
    const SqlDialect &dialect = source->dialect();
    // Checked and converted first: a bad row anywhere means nothing is written.
    QList<InsertBatch> batches;
    for (const QVariantMap &row : rows) {
        const QStringList columns = row.keys();
        if (batches.isEmpty() || batches.last().columns != columns) {
            batches.append(InsertBatch());
            batches.last().table = d->table;
            batches.last().columns = columns;
        }
        batches.last().rows.append(rowFromMap(row, columns, d->table, dialect));
    }

    Inserter inserter(source);
    TransactionScope transaction(source);
    for (const InsertBatch &batch : batches)
        inserter.insert(batch, {});
    transaction.commit();
}

qint64 QueryCore::updateRows(const QVariantMap &values) const
{
    SqlDataSourcePrivate *source = priv(m_source);
    const SqlDialect &dialect = source->dialect();
    requireWhereOnly(*d, "update");
    if (values.isEmpty())
        throw invalidQuery(QStringLiteral("update() on \"%1\" needs at least one column").arg(d->table));
    const QStringList columns = values.keys();
    const QVariantList row = rowFromMap(values, columns, d->table, dialect);
    return runWrite(source, SqlCompiler(dialect).update(resolved(*d, nullptr, dialect), columns, row));
}

qint64 QueryCore::count() const
{
    SqlDataSourcePrivate *source = priv(m_source);
    const SqlDialect &dialect = source->dialect();
    auto query = source->exec(SqlCompiler(dialect).count(resolved(*d, m_model, dialect)));
    return query->next() ? query->value(0).toLongLong() : 0;
}

qint64 QueryCore::remove() const
{
    SqlDataSourcePrivate *source = priv(m_source);
    const SqlDialect &dialect = source->dialect();
    requireWhereOnly(*d, "remove");
    return runWrite(source, SqlCompiler(dialect).remove(resolved(*d, m_model, dialect)));
}

} // namespace Hy::detail
