// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "sql/sqlcompiler_p.h"

#include "model/datetime_p.h"
#include "model/modeldata_p.h"
#include "model/valueconverter_p.h"
#include "query/querystate_p.h"
#include "sql/jsonlist_p.h"
#include "sql/sqldialect_p.h"

#include <HysteriaQt/error.h>

namespace Hy::detail {

namespace {
QLatin1StringView operatorText(Operator op)
{
    switch (op) {
    case Operator::Equal: return QLatin1StringView(" = ?");
    case Operator::NotEqual: return QLatin1StringView(" <> ?");
    case Operator::Less: return QLatin1StringView(" < ?");
    case Operator::LessOrEqual: return QLatin1StringView(" <= ?");
    case Operator::Greater: return QLatin1StringView(" > ?");
    case Operator::GreaterOrEqual: return QLatin1StringView(" >= ?");
    case Operator::Like: return QLatin1StringView(" LIKE ?");
    }
    Q_UNREACHABLE();
    return QLatin1StringView();
}

} // namespace

QString SqlCompiler::quote(const QString &identifier) const
{
    return m_dialect.quoteIdentifier(identifier);
}

QString SqlCompiler::qualified(const ColumnRef &column, const AliasScope *scope) const
{
    if (column.source.isEmpty())
        return quote(column.name);
    QString source = column.source;
    if (scope && source == scope->table)
        source = scope->alias;
    else if (scope && !scope->linkTable.isEmpty() && source == scope->linkTable)
        source = scope->linkAlias;
    return quote(source) + u'.' + quote(column.name);
}

QString SqlCompiler::comparable(const ColumnRef &column, const AliasScope *scope) const
{
    const QString reference = qualified(column, scope);
    return column.column ? m_dialect.comparable(column.column->kind, reference) : reference;
}

void SqlCompiler::appendConditions(SqlStatement &statement, const std::vector<Condition> &conditions,
                                   const AliasScope *scope) const
{
    bool first = true;
    for (const Condition &condition : conditions) {
        if (!first)
            statement.sql += condition.join == Condition::Join::Or ? QLatin1StringView(" OR ")
                                                                   : QLatin1StringView(" AND ");
        first = false;
        if (condition.isGroup) {
            statement.sql += u'(';
            appendConditions(statement, condition.children, scope);
            statement.sql += u')';
            continue;
        }
        const Predicate &p = condition.predicate;
        switch (p.kind) {
        // IS [NOT] NULL asks about the column itself: SQLite's strftime() of
        // text it cannot read is NULL too.
        case Predicate::IsNull:
            statement.sql += qualified(p.column, scope) + QLatin1StringView(" IS NULL");
            break;
        case Predicate::IsNotNull:
            statement.sql += qualified(p.column, scope) + QLatin1StringView(" IS NOT NULL");
            break;
        case Predicate::In:
        case Predicate::NotIn:
            appendIn(statement, p, scope);
            break;
        case Predicate::Related:
            appendRelated(statement, *p.related, scope);
            break;
        case Predicate::Compare:
            statement.sql += comparable(p.column, scope) + operatorText(p.op);
            if (p.op == Operator::Like)
                statement.sql += m_dialect.likeEscape();
            statement.bindings.append(p.value);
            break;
        }
    }
}

void SqlCompiler::appendIn(SqlStatement &statement, const Predicate &p, const AliasScope *scope) const
{
    const bool negated = p.kind == Predicate::NotIn;
    // An empty list: IN matches nothing and NOT IN everything, where SQL
    // would refuse `IN ()`.
    if (p.values.isEmpty()) {
        statement.sql += negated ? QLatin1StringView("1 = 1") : QLatin1StringView("1 = 0");
        return;
    }
    const QString column = comparable(p.column, scope);
    // A long list: one JSON array bound, read as rows by the database,
    // rather than a placeholder per value past its limit.
    if (m_longLists && p.values.size() > m_dialect.maxListPlaceholders()) {
        QString json;
        qsizetype maxLength = 0;
        if (const auto type = jsonList(p.values, json, maxLength)) {
            const QString condition = m_dialect.listCondition(
                    column, negated ? SqlDialect::ListTest::NotIn : SqlDialect::ListTest::In, *type, maxLength);
            if (!condition.isEmpty()) {
                statement.sql += condition;
                statement.bindings.append(json);
                return;
            }
        }
    }
    statement.sql += column + (negated ? QLatin1StringView(" NOT IN (") : QLatin1StringView(" IN ("));
    for (qsizetype i = 0; i < p.values.size(); ++i)
        statement.sql += i == 0 ? QLatin1StringView("?") : QLatin1StringView(", ?");
    statement.sql += u')';
    statement.bindings += p.values;
}

void SqlCompiler::appendRelated(SqlStatement &statement, const RelatedRows &related, const AliasScope *outer) const
{
    AliasScope scope;
    scope.depth = outer ? outer->depth + 1 : 1;
    scope.outer = outer;
    scope.table = related.rows->table;
    scope.alias = QStringLiteral("hy_r%1").arg(scope.depth);
    if (!related.linkTable.isEmpty()) {
        scope.linkTable = related.linkTable;
        scope.linkAlias = QStringLiteral("hy_l%1").arg(scope.depth);
    }
    switch (related.test) {
    case RelatedRows::Test::Exists: statement.sql += QLatin1StringView("EXISTS (SELECT 1"); break;
    case RelatedRows::Test::NotExists: statement.sql += QLatin1StringView("NOT EXISTS (SELECT 1"); break;
    case RelatedRows::Test::Count:
        // Through a link table: the targets, however many link rows name each.
        statement.sql += scope.linkTable.isEmpty()
                ? QStringLiteral("(SELECT COUNT(*)")
                : QStringLiteral("(SELECT COUNT(DISTINCT ") + qualified(related.rowsColumn, &scope) + u')';
        break;
    }
    statement.sql += QLatin1StringView(" FROM ") + quote(scope.table) + QLatin1StringView(" AS ") + quote(scope.alias);
    if (!scope.linkTable.isEmpty()) {
        statement.sql += QLatin1StringView(" JOIN ") + quote(scope.linkTable) + QLatin1StringView(" AS ")
                + quote(scope.linkAlias) + QLatin1StringView(" ON ") + qualified(related.linkColumn, &scope)
                + QLatin1StringView(" = ") + qualified(related.rowsColumn, &scope);
    }
    statement.sql += QLatin1StringView(" WHERE ") + qualified(related.innerKey, &scope) + QLatin1StringView(" = ")
            + qualified(related.outerKey, outer);
    const Conditions &conditions = related.rows->conditions;
    if (!conditions.empty()) {
        statement.sql += conditions.size() > 1 ? QLatin1StringView(" AND (") : QLatin1StringView(" AND ");
        appendConditions(statement, conditions, &scope);
        if (conditions.size() > 1)
            statement.sql += u')';
    }
    statement.sql += u')';
    if (related.test == RelatedRows::Test::Count) {
        statement.sql += operatorText(related.op);
        statement.bindings.append(related.count);
    }
}

namespace {
// The placeholders of conditions written one per value.
qsizetype placeholders(const Conditions &conditions)
{
    qsizetype count = 0;
    for (const Condition &condition : conditions) {
        if (condition.isGroup) {
            count += placeholders(condition.children);
            continue;
        }
        const Predicate &p = condition.predicate;
        switch (p.kind) {
        case Predicate::Compare: ++count; break;
        case Predicate::In:
        case Predicate::NotIn: count += p.values.size(); break;
        case Predicate::Related: count += placeholders(p.related->rows->conditions) + 1; break;
        default: break;
        }
    }
    return count;
}
} // namespace

void SqlCompiler::appendWhere(SqlStatement &statement, const QueryState &state) const
{
    if (state.conditions.empty())
        return;
    statement.sql += QLatin1StringView(" WHERE ");
    // Long lists go as JSON arrays only where the placeholders would not
    // fit (two more for a limit and an offset): the lists of a relation's
    // chunked load, sized to the limit, keep theirs.
    m_longLists = statement.bindings.size() + placeholders(state.conditions) + 2 > m_dialect.maxBindings();
    appendConditions(statement, state.conditions);
    m_longLists = false;
}

QStringList SqlCompiler::selectList(const ModelData *model, const QList<int> &columns, const QString &table) const
{
    QStringList list;
    list.reserve(columns.size());
    for (int index : columns) {
        const ColumnData &column = model->columns[index];
        const QString quoted = table.isEmpty() ? quote(column.databaseName)
                                               : quote(table) + u'.' + quote(column.databaseName);
        QString expression;
        switch (column.kind) {
        case ColumnKind::DateTime:
        case ColumnKind::Timestamp:
            expression = m_dialect.selectDateTime(quoted);
            break;
        case ColumnKind::Time:
            expression = m_dialect.selectTime(quoted);
            break;
        case ColumnKind::String:
        case ColumnKind::Text:
        case ColumnKind::Enum:
            expression = m_dialect.selectText(quoted);
            break;
        case ColumnKind::Decimal:
            expression = m_dialect.selectDecimal(quoted);
            break;
        default:
            break;
        }
        list.append(expression.isEmpty() || expression == quoted
                            ? quoted
                            : expression + QStringLiteral(" AS ") + quote(column.databaseName));
    }
    return list;
}

QString SqlCompiler::fromClause(const QueryState &state) const
{
    QString from = quote(state.table);
    if (state.link) {
        from += QLatin1StringView(" JOIN ") + quote(state.link->table) + QLatin1StringView(" ON ")
                + qualified(state.link->toTarget) + QLatin1StringView(" = ") + qualified(state.link->targetKey);
    }
    return from;
}

QString SqlCompiler::projectionList(const QueryState &state, Projection &projection) const
{
    QList<int> columns = state.selected;
    if (columns.isEmpty()) {
        for (int i = 0; i < state.model->columns.size(); ++i)
            columns.append(i);
    }
    for (int column : columns) {
        projection.fields.append({0, column, QString()});
        projection.loaded.set(std::size_t(column));
    }
    // Joined to a link table, whose columns may have the same names.
    QString list = selectList(state.model, columns, state.link ? state.table : QString()).join(QLatin1StringView(", "));
    if (state.link) {
        const QString parent = QStringLiteral("hy_parent");
        list += QLatin1StringView(", ") + qualified(state.link->parentKey) + QLatin1StringView(" AS ") + quote(parent);
        projection.fields.append({0, -1, parent});
    }
    return list;
}

CompiledSelect SqlCompiler::select(const QueryState &state, qint64 limit) const
{
    if (!state.partition.name.isEmpty() && (state.limit >= 0 || state.offset > 0))
        return partitionedSelect(state);
    CompiledSelect compiled;
    // Rows of a table without a model: the fields are named by the result
    // itself, once it is there.
    const QString list = state.model ? projectionList(state, compiled.projection) : QStringLiteral("*");
    compiled.statement = selectOf(state, list, limit);
    return compiled;
}

SqlStatement SqlCompiler::selectOf(const QueryState &state, const QString &list, qint64 limit) const
{
    SqlStatement statement;
    statement.sql = QStringLiteral("SELECT ") + list + QStringLiteral(" FROM ") + fromClause(state);
    appendWhere(statement, state);
    for (qsizetype i = 0; i < state.orders.size(); ++i) {
        const OrderTerm &term = state.orders[i];
        statement.sql += (i == 0 ? QLatin1StringView(" ORDER BY ") : QLatin1StringView(", "))
                + comparable(term.column)
                + (term.order == Qt::AscendingOrder ? QLatin1StringView(" ASC") : QLatin1StringView(" DESC"));
    }
    // one() asks for 1 row; a limit(0) of the user's still means none.
    const qint64 effectiveLimit = limit < 0 ? state.limit : state.limit < 0 ? limit : qMin(limit, state.limit);
    statement.sql += m_dialect.limitClause(effectiveLimit, state.offset, statement.bindings);
    return statement;
}

// limit and offset per parent of a relation: the rows numbered within each
// value of the partition column, in the query's order, then cut.
CompiledSelect SqlCompiler::partitionedSelect(const QueryState &state) const
{
    if (!m_dialect.hasFeature(SqlDataSource::Feature::WindowFunctions)) {
        throw Error(ErrorCode::InvalidQuery,
                    QStringLiteral("limit() and offset() per parent of a relation need window functions, "
                                   "which this server does not have"));
    }
    CompiledSelect compiled;
    const QString inner = projectionList(state, compiled.projection);
    QStringList outer;
    for (const Projection::Field &field : std::as_const(compiled.projection.fields))
        outer.append(quote(field.column >= 0 ? state.model->columns[field.column].databaseName : field.name));
    QString order;
    for (const OrderTerm &term : state.orders) {
        order += (order.isEmpty() ? QString() : QStringLiteral(", ")) + comparable(term.column)
                + (term.order == Qt::AscendingOrder ? QLatin1StringView(" ASC") : QLatin1StringView(" DESC"));
    }
    const QString key = state.model->primaryKey >= 0
            ? quote(state.table) + u'.' + quote(state.model->columns[state.model->primaryKey].databaseName)
            : QString();
    // Through a link table a target may be linked twice: ranked, each
    // target counts once (its key breaks ties in the order).
    const bool linked = state.link.has_value();
    if (!key.isEmpty() && (order.isEmpty() || linked))
        order += (order.isEmpty() ? QString() : QStringLiteral(", ")) + key;
    const QString rowNumber = quote(QStringLiteral("hy_row"));
    SqlStatement &statement = compiled.statement;
    statement.sql = QStringLiteral("SELECT ") + inner
            + (linked ? QStringLiteral(", DENSE_RANK() OVER (PARTITION BY ") : QStringLiteral(", ROW_NUMBER() OVER (PARTITION BY "))
            + qualified(state.partition) + (order.isEmpty() ? QString() : QStringLiteral(" ORDER BY ") + order)
            + QStringLiteral(") AS ") + rowNumber + QStringLiteral(" FROM ") + fromClause(state);
    appendWhere(statement, state);
    const qint64 offset = qMax<qint64>(state.offset, 0);
    statement.sql = QStringLiteral("SELECT ") + outer.join(QLatin1StringView(", ")) + QStringLiteral(" FROM (")
            + statement.sql + QStringLiteral(") ") + quote(QStringLiteral("hy_ranked")) + QStringLiteral(" WHERE ")
            + rowNumber + QStringLiteral(" > ?");
    statement.bindings.append(offset);
    if (state.limit >= 0) {
        statement.sql += QStringLiteral(" AND ") + rowNumber + QStringLiteral(" <= ?");
        statement.bindings.append(offset + state.limit);
    }
    statement.sql += QStringLiteral(" ORDER BY ") + rowNumber;
    return compiled;
}

SqlStatement SqlCompiler::count(const QueryState &state) const
{
    if (state.limit >= 0 || state.offset > 0) {
        // COUNT(*) ignores LIMIT; count the rows the limited query returns.
        SqlStatement inner = selectOf(state, QStringLiteral("1"), -1);
        inner.sql = QStringLiteral("SELECT COUNT(*) FROM (") + inner.sql + QStringLiteral(") AS hy_counted");
        return inner;
    }
    SqlStatement statement;
    statement.sql = QStringLiteral("SELECT COUNT(*) FROM ") + quote(state.table);
    appendWhere(statement, state);
    return statement;
}

QString SqlCompiler::insert(const QString &table, const QStringList &columns, int rowCount,
                            const ModelData *model, const QList<int> &returning, Returning all) const
{
    QString sql;
    if (columns.isEmpty()) {
        sql = m_dialect.insertDefaultValues(quote(table));
    } else {
        QString row = QStringLiteral("(?");
        for (qsizetype i = 1; i < columns.size(); ++i)
            row += QLatin1StringView(", ?");
        row += u')';

        sql.reserve(32 + columns.size() * 24 + rowCount * (row.size() + 2));
        sql += QStringLiteral("INSERT INTO ") + quote(table) + QStringLiteral(" (");
        for (qsizetype i = 0; i < columns.size(); ++i) {
            if (i > 0)
                sql += QLatin1StringView(", ");
            sql += quote(columns[i]);
        }
        sql += QStringLiteral(") VALUES ");
        for (int r = 0; r < rowCount; ++r) {
            if (r > 0)
                sql += QLatin1StringView(", ");
            sql += row;
        }
    }
    if (all == Returning::All)
        sql += QStringLiteral(" RETURNING *");
    else if (!returning.isEmpty())
        sql += QStringLiteral(" RETURNING ") + selectList(model, returning).join(QLatin1StringView(", "));
    return sql;
}

SqlStatement SqlCompiler::update(const QueryState &state, const QStringList &columns,
                                 const QVariantList &values) const
{
    SqlStatement statement;
    statement.sql = QStringLiteral("UPDATE ") + quote(state.table) + QStringLiteral(" SET ");
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (i > 0)
            statement.sql += QLatin1StringView(", ");
        statement.sql += quote(columns[i]) + QLatin1StringView(" = ?");
    }
    statement.bindings = values;
    appendWhere(statement, state);
    return statement;
}

SqlStatement SqlCompiler::remove(const QueryState &state) const
{
    SqlStatement statement;
    statement.sql = QStringLiteral("DELETE FROM ") + quote(state.table);
    appendWhere(statement, state);
    return statement;
}

SqlStatement SqlCompiler::selectByKeys(const QString &table, const ModelData *model, const QString &key,
                                       const QVariantList &keys) const
{
    SqlStatement statement;
    QString list = QStringLiteral("*");
    if (model) {
        QList<int> all;
        for (int i = 0; i < model->columns.size(); ++i)
            all.append(i);
        list = selectList(model, all).join(QLatin1StringView(", "));
    }
    statement.sql = QStringLiteral("SELECT ") + list + QStringLiteral(" FROM ") + quote(table)
            + QStringLiteral(" WHERE ") + quote(key) + QStringLiteral(" IN (");
    for (qsizetype i = 0; i < keys.size(); ++i)
        statement.sql += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
    statement.sql += u')';
    statement.bindings = keys;
    return statement;
}

QString SqlCompiler::savepoint(const QString &name) const
{
    return QStringLiteral("SAVEPOINT ") + quote(name);
}

QString SqlCompiler::releaseSavepoint(const QString &name) const
{
    return QStringLiteral("RELEASE SAVEPOINT ") + quote(name);
}

QString SqlCompiler::rollbackToSavepoint(const QString &name) const
{
    return QStringLiteral("ROLLBACK TO SAVEPOINT ") + quote(name);
}

QString SqlCompiler::defaultLiteral(const ColumnData &column, const QString &table) const
{
    const ColumnDefault &value = column.defaultValue;
    auto refuse = [&](const QString &why) {
        return Error(ErrorCode::InvalidValue,
                     QStringLiteral("The default of %1.%2 %3").arg(table, column.name, why))
                .setColumn(column.name);
    };
    switch (value.type()) {
    case ColumnDefault::Type::None:
        return {};
    case ColumnDefault::Type::Integer:
        if (column.kind == ColumnKind::Enum) {
            const char *key = column.metaEnum.valueToKey(int(value.integer()));
            if (!key)
                throw refuse(QStringLiteral("is not a value of its enum"));
            return m_dialect.textLiteral(QString::fromLatin1(key));
        }
        return QString::number(value.integer());
    case ColumnDefault::Type::Real:
        return QString::number(value.real(), 'g', 17);
    case ColumnDefault::Type::Boolean:
        return value.integer() ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
    case ColumnDefault::Type::Text:
        break;
    }
    // A default is written in the stored form: prepare does not apply.
    ColumnData stored = column;
    stored.prepare = nullptr;
    switch (column.kind) {
    case ColumnKind::Decimal:
        return column.defaultText;
    case ColumnKind::DateTime:
    case ColumnKind::Timestamp: {
        // The text is UTC; the dialect's form says so where a session's zone would apply.
        const QDateTime value = parseDateTime(column.defaultText);
        if (!value.isValid())
            throw refuse(QStringLiteral("is not a date-time"));
        return m_dialect.textLiteral(m_dialect.dateTimeText(value));
    }
    default:
        return m_dialect.textLiteral(toDatabaseValue(stored, QVariant(column.defaultText), m_dialect, table).toString());
    }
}

QString SqlCompiler::columnDefinition(int index, const ModelData *model) const
{
    const ColumnData &column = model->columns[index];
    QString definition = quote(column.databaseName) + u' ';
    if (column.autoIncrement)
        return definition + m_dialect.autoIncrementColumn(column);
    definition += column.sqlType.isEmpty() ? m_dialect.columnType(column) : column.sqlType;
    // NOT NULL spelled out for keys too: SQLite accepts NULL in a
    // non-integer PRIMARY KEY column otherwise.
    if (!column.nullable)
        definition += QStringLiteral(" NOT NULL");
    if (column.primaryKey)
        definition += QStringLiteral(" PRIMARY KEY");
    if (column.autoCreate)
        definition += QStringLiteral(" DEFAULT ") + m_dialect.currentTimestampDefault();
    else if (column.hasDefault())
        definition += QStringLiteral(" DEFAULT ") + m_dialect.defaultClause(column, defaultLiteral(column, model->table));
    if (column.kind == ColumnKind::Enum) {
        QStringList values;
        for (const QString &value : column.enumValues)
            values.append(m_dialect.textLiteral(value));
        definition += QStringLiteral(" CHECK (%1 IN (%2))").arg(quote(column.databaseName),
                                                               values.join(QStringLiteral(", ")));
    }
    return definition;
}

QString SqlCompiler::createTable(const ModelData *model, IfExists ifExists) const
{
    QString sql = QStringLiteral("CREATE TABLE ");
    if (ifExists == IfExists::Skip)
        sql += QStringLiteral("IF NOT EXISTS ");
    sql += quote(model->table) + QStringLiteral(" (");
    for (int i = 0; i < model->columns.size(); ++i) {
        if (i > 0)
            sql += QStringLiteral(", ");
        sql += columnDefinition(i, model);
    }
    if (m_dialect.indexesInCreateTable()) {
        for (const IndexData &index : model->indexes)
            sql += QStringLiteral(", INDEX %1 (%2)").arg(quote(index.name), columnList(model, index.columns));
    }
    for (const IndexData &unique : model->uniques) {
        sql += QStringLiteral(", CONSTRAINT %1 UNIQUE (%2)").arg(quote(unique.name), columnList(model, unique.columns));
    }
    for (const CheckData &check : model->checks)
        sql += QStringLiteral(", CONSTRAINT %1 CHECK (%2)").arg(quote(check.name), check.expression);
    return sql + u')' + m_dialect.createTableSuffix();
}

QString SqlCompiler::columnList(const ModelData *model, const QList<int> &columns) const
{
    QStringList names;
    for (int column : columns)
        names.append(quote(model->columns[column].databaseName));
    return names.join(QStringLiteral(", "));
}

QStringList SqlCompiler::createIndexes(const ModelData *model, IfExists ifExists) const
{
    QStringList statements;
    if (m_dialect.indexesInCreateTable())
        return statements;
    for (const IndexData &index : model->indexes) {
        statements.append(QStringLiteral("CREATE INDEX %1%2 ON %3 (%4)")
                                  .arg(ifExists == IfExists::Skip ? QStringLiteral("IF NOT EXISTS ") : QString(),
                                       quote(index.name), quote(model->table), columnList(model, index.columns)));
    }
    return statements;
}

QString SqlCompiler::dropTable(const QString &table, IfExists ifMissing) const
{
    return QStringLiteral("DROP TABLE ") + (ifMissing == IfExists::Skip ? QStringLiteral("IF EXISTS ") : QString())
            + quote(table);
}

} // namespace Hy::detail
