// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include <HysteriaQt/detail/querycore.h>

#include "exec/sqldatasource_p.h"
#include "exec/transactionscope_p.h"
#include "model/valueconverter_p.h"
#include "query/modelinserter_p.h"
#include "query/hooks_p.h"
#include "query/modelrows_p.h"
#include "query/querycore_p.h"
#include "query/querystate_p.h"
#include "query/softdelete_p.h"
#include "query/touchedrows_p.h"
#include "relations/relationdata_p.h"
#include "relations/relationloader_p.h"
#include "sql/sqlcompiler_p.h"

#include <HysteriaQt/error.h>
#include <HysteriaQt/model.h>
#include <HysteriaQt/values.h>

#include <QtSql/QSqlRecord>

#include <optional>

namespace Hy::detail {

Session openSession(const SourceHandle &connection)
{
    return SqlDataSourcePrivate::session(connection);
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
qint64 runWrite(Connection *connection, const SqlStatement &statement)
{
    std::optional<TransactionScope> savepoint;
    if (connection->needsStatementSavepoint())
        savepoint.emplace(connection);
    const qint64 affected = connection->exec(statement).rowsAffected();
    if (savepoint)
        savepoint->commit();
    return affected;
}


QueryCore::QueryCore(const SourceHandle &connection, const QString &table)
    : m_source(connection), m_model(nullptr), d(new QueryState)
{
    d->table = table;
}

QueryCore::QueryCore(const SourceHandle &connection, const ModelData *model)
    : m_source(connection), m_model(model), d(new QueryState)
{
    d->table = model->table;
    d->model = model;
}

QueryCore::QueryCore(const QueryCore &other) = default;
QueryCore::QueryCore(QueryCore &&other) noexcept = default;
QueryCore &QueryCore::operator=(const QueryCore &other) = default;
QueryCore &QueryCore::operator=(QueryCore &&other) noexcept = default;
QueryCore::~QueryCore() = default;

QueryCore QueryCore::forModel(const ModelData *model) const
{
    return QueryCore(m_source, model);
}

void QueryCore::addLoad(const RelationData *relation, const QueryCore &query)
{
    for (LoadRequest &load : d->loads) {
        if (load.relation == relation) {
            load.query = query; // the last load() of a relation holds
            return;
        }
    }
    d->loads.append({relation, query});
}

bool QueryCore::hasLimitOrOffset() const
{
    return d->limit >= 0 || d->offset > 0;
}


void QueryCore::ensureSelected(int column)
{
    if (!d->selected.isEmpty() && !d->selected.contains(column))
        d->selected.append(column);
}

QueryCore QueryCore::fresh() const
{
    QueryCore core(*this);
    core.d->conditions.clear();
    return core;
}

QString QueryCore::table() const
{
    return d->table;
}

namespace {
ColumnRef columnRef(const QueryState &state, int column)
{
    const ColumnData &data = state.model->columns[column];
    return {state.table, data.databaseName, &data};
}

ColumnRef columnRef(const QueryState &state, const QString &column)
{
    return {state.table, column, nullptr};
}

template <typename Column>
void addPredicate(QueryState &state, ConditionJoin join, Predicate::Kind kind, const Column &column,
                  Operator op = Operator::Equal, const QVariant &value = {}, const QVariantList &values = {})
{
    Condition condition;
    condition.join = conditionJoin(join);
    condition.predicate.kind = kind;
    condition.predicate.column = columnRef(state, column);
    condition.predicate.op = op;
    condition.predicate.value = value;
    condition.predicate.values = values;
    state.conditions.push_back(std::move(condition));
}
} // namespace

void QueryCore::partitionBy(int column)
{
    d->partition = columnRef(*d, column);
}

void QueryCore::compare(ConditionJoin join, int column, Operator op, const QVariant &value)
{
    addPredicate(*d, join, Predicate::Compare, column, op, value);
}

void QueryCore::compare(ConditionJoin join, const QString &column, Operator op, const QVariant &value)
{
    addPredicate(*d, join, Predicate::Compare, column, op, value);
}

void QueryCore::isNull(ConditionJoin join, int column)
{
    addPredicate(*d, join, Predicate::IsNull, column);
}

void QueryCore::isNull(ConditionJoin join, const QString &column)
{
    addPredicate(*d, join, Predicate::IsNull, column);
}

void QueryCore::isNotNull(ConditionJoin join, int column)
{
    addPredicate(*d, join, Predicate::IsNotNull, column);
}

void QueryCore::isNotNull(ConditionJoin join, const QString &column)
{
    addPredicate(*d, join, Predicate::IsNotNull, column);
}

void QueryCore::isIn(ConditionJoin join, int column, const QVariantList &values)
{
    addPredicate(*d, join, Predicate::In, column, Operator::Equal, {}, values);
}

void QueryCore::isIn(ConditionJoin join, const QString &column, const QVariantList &values)
{
    addPredicate(*d, join, Predicate::In, column, Operator::Equal, {}, values);
}

void QueryCore::isNotIn(ConditionJoin join, int column, const QVariantList &values)
{
    addPredicate(*d, join, Predicate::NotIn, column, Operator::Equal, {}, values);
}

void QueryCore::isNotIn(ConditionJoin join, const QString &column, const QVariantList &values)
{
    addPredicate(*d, join, Predicate::NotIn, column, Operator::Equal, {}, values);
}

void QueryCore::group(ConditionJoin join, const QueryCore &group)
{
    if (group.d->conditions.empty())
        return; // an empty group constrains nothing
    if (group.d->conditions.size() == 1) {
        // One condition needs no parentheses.
        Condition condition = group.d->conditions.front();
        condition.join = conditionJoin(join);
        d->conditions.push_back(std::move(condition));
        return;
    }
    Condition condition;
    condition.join = conditionJoin(join);
    condition.isGroup = true;
    condition.children = group.d->conditions;
    d->conditions.push_back(std::move(condition));
}

void QueryCore::orderBy(int column, Qt::SortOrder order)
{
    d->orders.append({columnRef(*d, column), order});
}

void QueryCore::orderBy(const QString &column, Qt::SortOrder order)
{
    d->orders.append({columnRef(*d, column), order});
}

void QueryCore::setLimit(qint64 limit)
{
    d->limit = limit < 0 ? -1 : limit;
}

void QueryCore::setOffset(qint64 offset)
{
    d->offset = offset < 0 ? -1 : offset;
}

void QueryCore::select(const QList<int> &columns)
{
    d->selected.clear();
    for (int column : columns) {
        if (!d->selected.contains(column))
            d->selected.append(column);
    }
}

void QueryCore::groupConditions()
{
    if (d->conditions.size() < 2)
        return;
    Condition group;
    group.isGroup = true;
    group.children = std::move(d->conditions);
    d->conditions = {std::move(group)};
}

std::vector<std::unique_ptr<Model>> QueryCore::fetchModels(qint64 limit) const
{
    return fetch(limit, nullptr);
}

std::vector<std::unique_ptr<Model>> QueryCore::fetchLinkedModels(QList<std::pair<QVariant, QVariant>> &links) const
{
    return fetch(-1, &links);
}

std::vector<std::unique_ptr<Model>> QueryCore::fetch(qint64 limit, QList<std::pair<QVariant, QVariant>> *links) const
{
    const Session session = openSession(m_source);
    Connection *connection = session.connection();
    const SqlDialect &dialect = connection->dialect();
    QueryCore query = hooked(Hook::BeforeFetch);
    // The column each relation matches the models by is read, select() or not.
    for (const LoadRequest &load : std::as_const(query.d->loads))
        query.ensureSelected(parentKeyColumn(load.relation));
    const CompiledSelect compiled = SqlCompiler(dialect).select(resolved(*query.d, dialect), limit);
    PreparedStatement statement = connection->exec(compiled.statement);

    // Each result column into the model column the projection says; the
    // link's parent key, after them, aside.
    const QList<Projection::Field> &fields = compiled.projection.fields;
    QVarLengthArray<const ColumnData *, MaxColumns> targets;
    for (const Projection::Field &field : fields) {
        if (field.column >= 0)
            targets.append(&m_model->columns[field.column]);
    }
    const int parentKey = links && query.d->link ? int(targets.size()) : -1;
    QSet<RelationKey> targetsRead;

    std::vector<std::unique_ptr<Model>> models;
    if (statement.size() > 0)
        models.reserve(std::size_t(statement.size()));
    while (statement.next()) {
        std::unique_ptr<Model> model(m_model->create());
        for (qsizetype i = 0; i < targets.size(); ++i)
            readInto(m_model, model.get(), *targets[i], statement.value(int(i)));
        ModelAccess::setLoaded(*model, compiled.projection.loaded);
        if (parentKey >= 0) {
            // A target linked to several parents is one model.
            const QVariant targetKey = m_model->columns[m_model->primaryKey].value(model.get());
            links->append({statement.value(parentKey), targetKey});
            const RelationKey key = relationKey(targetKey);
            if (targetsRead.contains(key))
                continue;
            targetsRead.insert(key);
        }
        models.push_back(std::move(model));
    }
    statement.finish();
    runAfterFetch(m_model, d->ignoredHooks, models);
    if (!query.d->loads.isEmpty())
        loadRelations(models, query.d->loads, dialect.maxBindings());
    return models;
}

RowList QueryCore::rowsToInsert(Hook hook, const RowList &rows, RowStorage &storage) const
{
    // A relation's query sets the parent's key before the insert hooks run,
    // and again on the rows they leave (rows they added, keys they changed).
    return rowsWithParentKey(hookedRows(hook, rowsWithParentKey(rows, storage.keyed), storage.hooked),
                             storage.rekeyed);
}

QueryCore QueryCore::forChunks(int &bindings) const
{
    const Session session = openSession(m_source);
    const SqlDialect &dialect = session->dialect();
    QueryCore query = hooked(Hook::BeforeFetch);
    query.d->ignoredHooks |= Hook::BeforeFetch;
    bindings = int(SqlCompiler(dialect).select(resolved(*query.d, dialect)).statement.bindings.size());
    return query;
}

SqlStatements QueryCore::fetchSql(qint64 limit) const
{
    const Session session = openSession(m_source);
    const SqlDialect &dialect = session->dialect();
    return {SqlCompiler(dialect).select(resolved(*hooked(Hook::BeforeFetch).d, dialect), limit).statement};
}

std::unique_ptr<Model> QueryCore::insertModel(const RowValues &row) const
{
    if (linksOnInsert())
        return std::move(insertLinked({&row}, Hook::BeforeInsert).front());
    RowStorage storage;
    auto models = ModelInserter(openSession(m_source).connection(), m_model)
                          .insert(rowsToInsert(Hook::BeforeInsert, {&row}, storage));
    notifyInserted(m_model, models);
    return std::move(models.front());
}

SqlStatements QueryCore::insertModelSql(const RowValues &row) const
{
    RowStorage storage;
    return ModelInserter(openSession(m_source).connection(), m_model)
            .statements(rowsToInsert(Hook::BeforeInsert, {&row}, storage));
}

std::vector<std::unique_ptr<Model>> QueryCore::insertModels(const RowList &rows) const
{
    if (linksOnInsert())
        return insertLinked(rows, Hook::BeforeInsertMany);
    RowStorage storage;
    auto models = ModelInserter(openSession(m_source).connection(), m_model)
                          .insert(rowsToInsert(Hook::BeforeInsertMany, rows, storage));
    notifyInserted(m_model, models);
    return models;
}

SqlStatements QueryCore::insertModelsSql(const RowList &rows) const
{
    RowStorage storage;
    return ModelInserter(openSession(m_source).connection(), m_model)
            .statements(rowsToInsert(Hook::BeforeInsertMany, rows, storage));
}

qsizetype QueryCore::bulkInsertModels(const RowList &rows) const
{
    // A manyToMany's link rows need the targets' keys.
    if (linksOnInsert())
        return qsizetype(insertLinked(rows, Hook::BeforeInsertMany).size());
    RowStorage storage;
    const RowList hooked = rowsToInsert(Hook::BeforeInsertMany, rows, storage);
    ModelInserter(openSession(m_source).connection(), m_model, ModelInserter::Result::Nothing).insert(hooked);
    if (!hooked.isEmpty())
        notifyInsertedUnknown(m_model);
    return hooked.size();
}

SqlStatements QueryCore::bulkInsertModelsSql(const RowList &rows) const
{
    RowStorage storage;
    return ModelInserter(openSession(m_source).connection(), m_model, ModelInserter::Result::Nothing)
            .statements(rowsToInsert(Hook::BeforeInsertMany, rows, storage));
}

namespace {
// The UPDATE of a model's columns: the values given, checked and converted,
// and autoUpdate columns set to now.
SqlStatement modelUpdate(const QueryState &state, const RowValues &row, const SqlDialect &dialect)
{
    requireWhereOnly(state, "update");
    if (row.entries.isEmpty())
        throw invalidQuery(QStringLiteral("update() on \"%1\" needs at least one column").arg(state.table));
    QStringList names;
    QVariantList values;
    const QString now = nowText(dialect);
    const QList<ColumnData> &columns = state.model->columns;
    for (qsizetype c = 0; c < columns.size(); ++c) {
        const ColumnData &column = columns[c];
        if (const QVariant *given = row.find(int(c))) {
            names.append(column.databaseName);
            values.append(toDatabaseValue(column, *given, dialect, state.table));
        } else if (column.autoUpdate) {
            names.append(column.databaseName);
            values.append(now);
        }
    }
    return SqlCompiler(dialect).update(resolved(state, dialect), names, values);
}

SqlStatement removal(const QueryState &state, const SqlDialect &dialect)
{
    requireWhereOnly(state, "remove");
    return SqlCompiler(dialect).remove(resolved(state, dialect));
}
} // namespace

void QueryCore::setTrashed(Trashed trashed)
{
    d->trashed = trashed;
}

qint64 QueryCore::softDelete() const
{
    QueryCore query(*this);
    query.d->trashed = Trashed::Without; // a row is deleted once, at its first time
    return query.updateModels(softDeleteRow(m_model));
}

qint64 QueryCore::restore() const
{
    QueryCore query(*this);
    query.d->trashed = Trashed::Only;
    return query.updateModels(restoreRow(m_model));
}

qint64 QueryCore::updateModels(const RowValues &row) const
{
    const Session session = openSession(m_source);
    Connection *connection = session.connection();
    const SqlDialect &dialect = connection->dialect();
    const QueryCore query = hooked(Hook::BeforeUpdate);
    const SqlStatement statement = modelUpdate(*query.d, row, dialect);
    if (!notifiesUpdated(m_model))
        return runWrite(connection, statement);
    if (m_model->primaryKey < 0) {
        const qint64 count = runWrite(connection, statement);
        if (count > 0)
            notifyUpdated(m_model, {}, row);
        return count;
    }
    const TouchedRows touched =
            writeTouchedRows(connection, resolved(*query.d, dialect), statement, row.find(m_model->primaryKey));
    if (!touched.keys.isEmpty())
        notifyUpdated(m_model, touched.keys, row);
    return touched.count;
}

SqlStatements QueryCore::updateModelsSql(const RowValues &row) const
{
    return {modelUpdate(*hooked(Hook::BeforeUpdate).d, row, openSession(m_source)->dialect())};
}

qint64 QueryCore::count() const
{
    const Session session = openSession(m_source);
    Connection *connection = session.connection();
    PreparedStatement statement = connection->exec(countSql().front());
    return statement.next() ? statement.value(0).toLongLong() : 0;
}

SqlStatements QueryCore::countSql() const
{
    const Session session = openSession(m_source);
    const SqlDialect &dialect = session->dialect();
    return {SqlCompiler(dialect).count(resolved(*hooked(Hook::BeforeFetch).d, dialect))};
}

qint64 QueryCore::remove() const
{
    const Session session = openSession(m_source);
    Connection *connection = session.connection();
    const SqlDialect &dialect = connection->dialect();
    const QueryCore query = hooked(Hook::BeforeDelete);
    const SqlStatement statement = removal(*query.d, dialect);
    if (!m_model || !notifiesDeleted(m_model))
        return runWrite(connection, statement);
    if (m_model->primaryKey < 0) {
        const qint64 count = runWrite(connection, statement);
        if (count > 0)
            notifyDeleted(m_model, {});
        return count;
    }
    const TouchedRows touched = writeTouchedRows(connection, resolved(*query.d, dialect), statement);
    if (!touched.keys.isEmpty())
        notifyDeleted(m_model, touched.keys);
    return touched.count;
}

SqlStatements QueryCore::removeSql() const
{
    return {removal(*hooked(Hook::BeforeDelete).d, openSession(m_source)->dialect())};
}

} // namespace Hy::detail
