// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_SQLCOMPILER_P_H
#define HYSTERIAQT_SQLCOMPILER_P_H

#include "sql/statement_p.h"

#include <HysteriaQt/detail/modeltraits.h>

#include <QtCore/QStringList>

#include <bitset>

namespace Hy::detail {

class QueryState;
class SqlDialect;
struct ColumnRef;
struct ColumnData;
struct Condition;
struct Predicate;
struct ModelData;
struct RelatedRows;

// Inside a subquery the tables it reads go by aliases of their own
// (hy_r1, hy_l1, one more level each), so that a table related to itself
// compares its inner rows with the outer one, not with themselves.
struct AliasScope
{
    QString table;
    QString alias;
    QString linkTable;
    QString linkAlias;
    const AliasScope *outer = nullptr;
    int depth = 0;
};

// Which result column of a select goes where: into a column of a model, or
// aside as an extra value read by name (a column of a table without a model,
// later aggregates and relation keys).
struct Projection
{
    struct Field
    {
        int model = 0;   // which of the query's models (0: the one it is on)
        int column = -1; // the model's column index; -1 for an extra value
        QString name;    // an extra value's name
    };
    QList<Field> fields;
    // The columns of model 0 that the rows fill.
    std::bitset<MaxColumns> loaded;
};

struct CompiledSelect
{
    SqlStatement statement;
    Projection projection;
};

// Where every SQL text of HysteriaQt is written, for one dialect: the
// dialect says how its database spells things, the compiler puts the
// statements together. Identifiers are quoted by the dialect; every value
// goes into the bindings.
class SqlCompiler
{
public:
    explicit SqlCompiler(const SqlDialect &dialect) : m_dialect(dialect) {}

    // The state's selection (every model column, or `*` without a model).
    // A `limit` >= 0 is taken with the state's own (one() uses 1).
    CompiledSelect select(const QueryState &state, qint64 limit = -1) const;
    SqlStatement count(const QueryState &state) const;
    // `columns` are database names, `rowCount` rows of placeholders whose
    // values the caller binds. `returning`: model columns to read back with
    // RETURNING (which the dialect must have), or none; Returning::All for
    // `RETURNING *`.
    enum class Returning { Columns, All };
    QString insert(const QString &table, const QStringList &columns, int rowCount,
                   const ModelData *model = nullptr, const QList<int> &returning = {},
                   Returning all = Returning::Columns) const;
    SqlStatement update(const QueryState &state, const QStringList &columns, const QVariantList &values) const;
    SqlStatement remove(const QueryState &state) const;
    // Rows read back by key where there is no RETURNING: `columns` of
    // `model` (all of the table's without one), WHERE key IN (keys).
    SqlStatement selectByKeys(const QString &table, const ModelData *model, const QString &key,
                              const QVariantList &keys) const;

    // The select-list expressions of model columns, each read so that it
    // arrives as stored (date-times and text through the dialect).
    // Qualified by `table` when one is given (a select with a join).
    QStringList selectList(const ModelData *model, const QList<int> &columns, const QString &table = {}) const;

    QString savepoint(const QString &name) const;
    QString releaseSavepoint(const QString &name) const;
    QString rollbackToSavepoint(const QString &name) const;

    enum class IfExists { Fail, Skip };
    QString createTable(const ModelData *model, IfExists ifExists) const;
    // The model's HY_INDEXES, one CREATE INDEX each, after its table.
    QStringList createIndexes(const ModelData *model, IfExists ifExists) const;
    QString dropTable(const QString &table, IfExists ifMissing) const;

    QString quote(const QString &identifier) const;

private:
    // SELECT list FROM ... WHERE ... ORDER BY ... LIMIT ...
    SqlStatement selectOf(const QueryState &state, const QString &list, qint64 limit) const;
    void appendWhere(SqlStatement &statement, const QueryState &state) const;
    void appendConditions(SqlStatement &statement, const std::vector<Condition> &conditions,
                          const AliasScope *scope = nullptr) const;
    void appendIn(SqlStatement &statement, const Predicate &predicate, const AliasScope *scope) const;
    void appendRelated(SqlStatement &statement, const RelatedRows &related, const AliasScope *outer) const;
    CompiledSelect partitionedSelect(const QueryState &state) const;
    // FROM's table, and a manyToMany's link joined to it.
    QString fromClause(const QueryState &state) const;
    // The model columns a select reads, the link's parent key after them.
    QString projectionList(const QueryState &state, Projection &projection) const;
    QString columnDefinition(int index, const ModelData *model) const;
    // "table"."column": a column of the table, never an output column of the
    // same name (a date-time column is selected as text under its name).
    QString qualified(const ColumnRef &column, const AliasScope *scope = nullptr) const;
    // qualified(), through the dialect's comparableDateTime() for a
    // model's date-time column.
    QString comparable(const ColumnRef &column, const AliasScope *scope = nullptr) const;
    QString defaultLiteral(const ColumnData &column, const QString &table) const;
    QString columnList(const ModelData *model, const QList<int> &columns) const;

    const SqlDialect &m_dialect;
    // While a WHERE is written: whether its long lists are bound as JSON
    // arrays (see appendWhere()).
    mutable bool m_longLists = false;
};

} // namespace Hy::detail

#endif // HYSTERIAQT_SQLCOMPILER_P_H
