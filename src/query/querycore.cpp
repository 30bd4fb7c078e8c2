// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include <HysteriaQt/detail/querycore.h>

#include "exec/inserter_p.h"
#include "exec/sqldatasource_p.h"
#include "exec/transactionscope_p.h"
#include "model/valueconverter_p.h"
#include "query/querystate_p.h"
#include "sql/sqlcompiler_p.h"

#include <HysteriaQt/error.h>
#include <HysteriaQt/model.h>
#include <HysteriaQt/values.h>

#include <QtCore/QDateTime>
#include <QtSql/QSqlRecord>

#include <limits>
#include <optional>

namespace Hy::detail {

namespace {

SqlDataSourcePrivate *priv(const QPointer<SqlDataSource> &source)
{
    return SqlDataSourcePrivate::get(source.data());
}

// The select list of a model: every column, in model order, so that column i
// of a result row is the model's column i.
QStringList modelSelectList(const ModelData *model, const SqlDialect &dialect)
{
    QStringList list;
    list.reserve(model->columns.size());
    for (const ColumnData &column : model->columns) {
        const QString quoted = dialect.quoteIdentifier(column.databaseName);
        if (column.kind == ColumnKind::DateTime)
            list.append(dialect.selectDateTime(quoted) + QStringLiteral(" AS ") + quoted);
        else
            list.append(quoted);
    }
    return list;
}

void readInto(const ModelData *model, Model *instance, const ColumnData &column, const QVariant &value)
{
    if (!column.read(instance, value))
        throw unreadableValue(column, value, model->table);
}

std::unique_ptr<Model> hydrate(const ModelData *model, const QVariantList &values)
{
    std::unique_ptr<Model> instance(model->create());
    for (qsizetype i = 0; i < model->columns.size() && i < values.size(); ++i)
        readInto(model, instance.get(), model->columns[i], values[i]);
    return instance;
}

// Consecutive rows that set the same columns go into one multi-row INSERT.
// Only consecutive ones: rows are inserted in the order given, which a batch
// referring to its own earlier rows (a parent, then its children) relies on,
// and which generated keys follow.
template <typename Key>
struct Runs
{
    QList<Key> keys;
    QList<QList<qsizetype>> members;

    void add(const Key &key, qsizetype row)
    {
        if (keys.isEmpty() || keys.last() != key) {
            keys.append(key);
            members.append(QList<qsizetype>());
        }
        members.last().append(row);
    }
};

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

QString nowText(const SqlDialect &dialect)
{
    return dialect.dateTimeText(QDateTime::currentDateTimeUtc());
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
    Condition condition;
    condition.orJoin = orJoin;
    condition.op = op;
    condition.column = m_model->columns[column].databaseName;
    condition.modelColumn = column;
    condition.value = value;
    d->conditions.append(condition);
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

// Checks and converts every value for the database: errors surface here,
// before any SQL is sent. Null compared with = or != becomes IS [NOT] NULL, as
// a user means by where(column, null).
template <typename Conditions>
static void resolveConditions(Conditions &conditions, const ModelData *model, const SqlDialect &dialect)
{
    for (Condition &condition : conditions) {
        if (condition.kind == Condition::Group) {
            resolveConditions(condition.children, model, dialect);
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
        if (!model || condition.modelColumn < 0)
            continue;
        const ColumnData &column = model->columns[condition.modelColumn];
        if (condition.op == Operator::Like) {
            condition.value = toLikePattern(column, condition.value, model->table);
        } else {
            ColumnData comparable = column;
            comparable.length = std::numeric_limits<int>::max(); // a longer value just matches nothing
            condition.value = toDatabaseValue(comparable, condition.value, dialect, model->table);
        }
    }
}

static QueryState resolved(const QueryState &state, const ModelData *model, const SqlDialect &dialect)
{
    QueryState out = state;
    resolveConditions(out.conditions, model, dialect);
    return out;
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
    QSqlQuery query = source->exec(
            SqlCompiler(dialect).select(state, modelSelectList(m_model, dialect), limit));

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
    SqlDataSourcePrivate *source = priv(m_source);
    const SqlDialect &dialect = source->dialect();
    const QString now = nowText(dialect);
    const QList<ColumnData> &columns = m_model->columns;

    // Check and convert every row first: a bad row anywhere means nothing is written.
    Runs<QList<int>> runs;
    QList<QVariantList> prepared(rows.size());
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const RowValues &row = rows[r];
        QList<int> present;
        QVariantList values;
        for (qsizetype c = 0; c < columns.size(); ++c) {
            const ColumnData &column = columns[c];
            if (const QVariant *given = row.find(int(c))) {
                if (given->isNull() && column.autoIncrement)
                    continue; // null key: let the database generate it
                present.append(int(c));
                values.append(toDatabaseValue(column, *given, dialect, m_model->table));
            } else if (column.autoCreate) {
                present.append(int(c));
                values.append(now);
            } else if (!column.nullable && !column.autoIncrement) {
                throw Error(ErrorCode::MissingValue,
                            QStringLiteral("%1.%2 is not nullable and has no default: give it a value")
                                    .arg(m_model->table, column.name))
                        .setColumn(column.name);
            }
        }
        runs.add(present, r);
        prepared[r] = std::move(values);
    }

    const int pk = m_model->primaryKey;
    const QStringList returning = modelSelectList(m_model, dialect);
    Inserter inserter(source);
    std::vector<std::unique_ptr<Model>> models(std::size_t(rows.size()));

    auto insertRun = [&](const QList<int> &present, const QList<qsizetype> &members) {
        InsertBatch batch;
        batch.table = m_model->table;
        for (int c : present)
            batch.columns.append(columns[c].databaseName);
        batch.rows.reserve(members.size());
        for (qsizetype r : members)
            batch.rows.append(prepared[r]);

        InsertReadBack readBack;
        if (pk >= 0) {
            readBack.returning = returning;
            readBack.key = columns[pk].databaseName;
            readBack.keyIsGenerated = columns[pk].autoIncrement && !present.contains(pk);
        } else if (dialect.supportsReturning()) {
            readBack.returning = returning;
        }
        const InsertedRows inserted = inserter.insert(batch, readBack);
        for (qsizetype i = 0; i < members.size(); ++i) {
            if (i < inserted.rows.size() && !inserted.rows[i].isEmpty()) {
                models[std::size_t(members[i])] = hydrate(m_model, inserted.rows[i]);
            } else {
                // No way to read the row back (no primary key, no RETURNING):
                // the model holds what was written.
                std::unique_ptr<Model> model(m_model->create());
                for (qsizetype k = 0; k < present.size(); ++k)
                    readInto(m_model, model.get(), columns[present[k]], batch.rows[i][k]);
                models[std::size_t(members[i])] = std::move(model);
            }
        }
    };

    auto hasExplicitKey = [&](const QList<int> &present) {
        return pk >= 0 && columns[pk].autoIncrement && present.contains(pk);
    };
    bool explicitKeys = false;
    for (const QList<int> &present : runs.keys)
        explicitKeys = explicitKeys || hasExplicitKey(present);
    // One INSERT with RETURNING is atomic by itself, and on a database with
    // typed columns what it returns always reads back. Anything more (several
    // statements, a SELECT to read the rows back, a key sequence to move on,
    // SQLite's untyped values that may fail to read) runs in a transaction,
    // or a savepoint inside an open one, so that an error means nothing was
    // written.
    std::optional<TransactionScope> transaction;
    if (rows.size() > 1 || !dialect.supportsReturning() || explicitKeys
        || dialect.type() == SqlDataSource::DatabaseType::SQLite) {
        transaction.emplace(source);
    }
    for (qsizetype g = 0; g < runs.keys.size(); ++g) {
        insertRun(runs.keys[g], runs.members[g]);
        // Before the next run, which may generate keys.
        if (hasExplicitKey(runs.keys[g]))
            dialect.afterExplicitKeys(*source, m_model->table, columns[pk].databaseName);
    }
    if (transaction)
        transaction->commit();
    return models;
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
    QSqlQuery query = source->exec(SqlCompiler(dialect).update(state, names, values));
    return query.numRowsAffected();
}

QList<QVariantMap> QueryCore::fetchRows(qint64 limit) const
{
    SqlDataSourcePrivate *source = priv(m_source);
    const SqlDialect &dialect = source->dialect();
    QSqlQuery query = source->exec(SqlCompiler(dialect).select(resolved(*d, nullptr, dialect), {}, limit));
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

namespace {
// MySQL without RETURNING: the auto-increment column names the inserted row.
QString autoIncrementColumn(SqlDataSourcePrivate *source, const QString &table)
{
    auto found = source->autoIncrementColumns.constFind(table);
    if (found != source->autoIncrementColumns.cend())
        return *found;
    Statement statement;
    statement.sql = QStringLiteral("SELECT COLUMN_NAME FROM information_schema.COLUMNS "
                                   "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? "
                                   "AND EXTRA LIKE '%auto_increment%'");
    statement.bindings = {table};
    QSqlQuery query = source->exec(statement);
    const QString column = query.next() ? query.value(0).toString() : QString();
    source->autoIncrementColumns.insert(table, column);
    return column;
}

QVariantList rowFromMap(const QVariantMap &map, const QStringList &columns)
{
    QVariantList row;
    row.reserve(columns.size());
    for (const QString &column : columns)
        row.append(map.value(column));
    return row;
}
} // namespace

QVariantMap QueryCore::insertRow(const QVariantMap &values) const
{
    SqlDataSourcePrivate *source = priv(m_source);
    const SqlDialect &dialect = source->dialect();
    InsertBatch batch;
    batch.table = d->table;
    batch.columns = values.keys();
    batch.rows = {rowFromMap(values, batch.columns)};

    InsertReadBack readBack;
    readBack.returning = {QStringLiteral("*")};
    if (!dialect.supportsReturning()) {
        readBack.key = autoIncrementColumn(source, d->table);
        readBack.keyIsGenerated = !readBack.key.isEmpty() && !values.contains(readBack.key);
    }
    const InsertedRows inserted = Inserter(source).insert(batch, readBack);
    if (inserted.rows.isEmpty() || inserted.rows.front().isEmpty())
        return values; // the row cannot be found again: no key
    QVariantMap row;
    for (qsizetype i = 0; i < inserted.fieldNames.size(); ++i)
        row.insert(inserted.fieldNames[i], inserted.rows.front().value(i));
    return row;
}

void QueryCore::insertRows(const QList<QVariantMap> &rows) const
{
    SqlDataSourcePrivate *source = priv(m_source);
    Runs<QStringList> runs;
    for (qsizetype r = 0; r < rows.size(); ++r)
        runs.add(rows[r].keys(), r);

    Inserter inserter(source);
    TransactionScope transaction(source);
    for (qsizetype g = 0; g < runs.keys.size(); ++g) {
        InsertBatch batch;
        batch.table = d->table;
        batch.columns = runs.keys[g];
        batch.rows.reserve(runs.members[g].size());
        for (qsizetype r : runs.members[g])
            batch.rows.append(rowFromMap(rows[r], batch.columns));
        inserter.insert(batch, {});
    }
    transaction.commit();
}

qint64 QueryCore::updateRows(const QVariantMap &values) const
{
    SqlDataSourcePrivate *source = priv(m_source);
    const SqlDialect &dialect = source->dialect();
    requireWhereOnly(*d, "update");
    if (values.isEmpty())
        throw invalidQuery(QStringLiteral("update() on \"%1\" needs at least one column").arg(d->table));
    QSqlQuery query = source->exec(
            SqlCompiler(dialect).update(resolved(*d, nullptr, dialect), values.keys(), values.values()));
    return query.numRowsAffected();
}

qint64 QueryCore::count() const
{
    SqlDataSourcePrivate *source = priv(m_source);
    const SqlDialect &dialect = source->dialect();
    QSqlQuery query = source->exec(SqlCompiler(dialect).count(resolved(*d, m_model, dialect)));
    return query.next() ? query.value(0).toLongLong() : 0;
}

qint64 QueryCore::remove() const
{
    SqlDataSourcePrivate *source = priv(m_source);
    const SqlDialect &dialect = source->dialect();
    requireWhereOnly(*d, "remove");
    QSqlQuery query = source->exec(SqlCompiler(dialect).remove(resolved(*d, m_model, dialect)));
    return query.numRowsAffected();
}

} // namespace Hy::detail
