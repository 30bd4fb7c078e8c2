// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_DETAIL_QUERYCORE_H
#define HYSTERIAQT_DETAIL_QUERYCORE_H

// Not public API: the state and execution shared by Hy::QueryBuilder (rows of
// a table) and Hy::ModelQuery<M> (models), so that the templates stay thin.

#include <HysteriaQt/comparison.h>
#include <HysteriaQt/hook.h>
#include <HysteriaQt/hysteriaqt_global.h>
#include <HysteriaQt/sqlstatement.h>
#include <HysteriaQt/detail/sourcehandle.h>

#include <QtCore/QList>
#include <QtCore/QSharedDataPointer>
#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtCore/QVariantMap>

#include <memory>
#include <optional>
#include <vector>

namespace Hy {
class Model;
struct SyncResult;
class SqlDataSource;
class SqlDataSourcePrivate;
}

namespace Hy::detail {

struct ModelData;
struct RelationData;
struct RowValues;
class RowList;
class QueryState;

// How a condition joins the ones before it.
enum class ConditionJoin : quint8 { And, Or };
// Whether a relation filter keeps the rows that have related rows or those
// that have none.
enum class RelatedTest : quint8 { Having, NotHaving };
// Which rows of a model with soft deletes a query sees.
enum class Trashed : quint8 {
    Without, // the rows not deleted (the default)
    With,    // all of them
    Only,    // the deleted ones
};

class HYSTERIAQT_EXPORT QueryCore
{
public:
    QueryCore(const SourceHandle &source, const QString &table);
    QueryCore(const SourceHandle &source, const ModelData *model);
    QueryCore(const QueryCore &other);
    QueryCore(QueryCore &&other) noexcept;
    QueryCore &operator=(const QueryCore &other);
    QueryCore &operator=(QueryCore &&other) noexcept;
    ~QueryCore();

    // A builder on the same table and source, without conditions: for a
    // group of conditions made by a callback.
    QueryCore fresh() const;

    // Conditions and ordering. With a model, `column` is a dense column index;
    // without one the name is the database column name.
    void compare(ConditionJoin join, int column, Operator op, const QVariant &value);
    void compare(ConditionJoin join, const QString &column, Operator op, const QVariant &value);
    void isNull(ConditionJoin join, int column);
    void isNull(ConditionJoin join, const QString &column);
    void isNotNull(ConditionJoin join, int column);
    void isNotNull(ConditionJoin join, const QString &column);
    // column [NOT] IN (values); null is not a value here (INVALID_VALUE).
    void isIn(ConditionJoin join, int column, const QVariantList &values);
    void isIn(ConditionJoin join, const QString &column, const QVariantList &values);
    void isNotIn(ConditionJoin join, int column, const QVariantList &values);
    void isNotIn(ConditionJoin join, const QString &column, const QVariantList &values);
    // The conditions of `group`, in parentheses.
    void group(ConditionJoin join, const QueryCore &group);
    // Relation filters: the rows with (or without) rows of `relation`
    // matching the conditions of `rows`, a query of its target; or whose
    // number of them compares with `count`.
    void related(ConditionJoin join, RelatedTest test, const RelationData *relation, const QueryCore &rows);
    void relatedCount(ConditionJoin join, RelatedTest test, const RelationData *relation, const QueryCore &rows,
                      Operator op, qint64 count);
    // Makes this query, of the relation's target, the query of `parent`'s
    // related rows: it reads, updates and deletes those only, and inserts
    // set the foreign key to the parent's key.
    void scopeToParent(const RelationData *relation, const Model &parent);

    // The link rows of a manyToMany `relation` of `parent`, each in one
    // transaction: attach() links the targets of these keys not linked
    // yet, detach() unlinks them (all of them: detachAll()), sync() leaves
    // exactly these linked. The counts are of link rows written.
    qint64 attach(const RelationData *relation, const Model &parent, const QVariantList &keys) const;
    qint64 detach(const RelationData *relation, const Model &parent, const QVariantList &keys) const;
    qint64 detachAll(const RelationData *relation, const Model &parent) const;
    SyncResult sync(const RelationData *relation, const Model &parent, const QVariantList &keys) const;
    // The keys of the relation's target models, for the calls above.
    static QVariantList targetKeys(const RelationData *relation, const QList<const Model *> &targets);
    void orderBy(int column, Qt::SortOrder order);
    void orderBy(const QString &column, Qt::SortOrder order);
    // Puts the conditions so far in parentheses, before the library adds its own.
    void groupConditions();
    void setLimit(qint64 limit);
    void setOffset(qint64 offset);
    // The model columns to read, by index; empty for all.
    void select(const QList<int> &columns);
    void ignoreHooks(Hooks hooks);
    // A builder of another model on the same source: a relation's query.
    QueryCore forModel(const ModelData *model) const;
    // Loads `relation` of the models read, with `query` (of its target).
    void addLoad(const RelationData *relation, const QueryCore &query);
    bool hasLimitOrOffset() const;
    // A relation's query, run by the loader: limit and offset per value of
    // `column`, and `column` read even when select() left it out.
    void partitionBy(int column);
    void ensureSelected(int column);
    // A manyToMany's query, run by the loader: the targets joined to the
    // relation's link rows, limit and offset per parent, and only those
    // linked to one of `parentKeys` (linkedTo()).
    void joinLink(const RelationData *relation);
    void linkedTo(const QVariantList &parentKeys);
    // The query as the loader runs it in chunks: beforeFetch applied once,
    // here, and `bindings` set to the number of values its SQL binds
    // besides the keys.
    QueryCore forChunks(int &bindings) const;

    // Models
    std::vector<std::unique_ptr<Model>> fetchModels(qint64 limit = -1) const;
    // fetchModels() of a joinLink() query: each target once (the hooks see
    // them so), and `links` the (parent key, target key) of every row read.
    std::vector<std::unique_ptr<Model>> fetchLinkedModels(QList<std::pair<QVariant, QVariant>> &links) const;
    std::unique_ptr<Model> insertModel(const RowValues &row) const;
    SqlStatements insertModelSql(const RowValues &row) const;
    std::vector<std::unique_ptr<Model>> insertModels(const RowList &rows) const;
    // insertModels() without models: the number of rows written.
    qsizetype bulkInsertModels(const RowList &rows) const;
    qint64 updateModels(const RowValues &row) const;
    void setTrashed(Trashed trashed);
    // Soft deletes of the rows matched, the key's row for find()'s form.
    qint64 softDelete() const;
    qint64 restore() const;
    const ModelData *model() const { return m_model; }
    QString table() const;

    // Rows of a table
    QList<QVariantMap> fetchRows(qint64 limit = -1) const;
    QVariantMap insertRow(const QVariantMap &values) const;
    void insertRows(const QList<QVariantMap> &rows) const;
    qint64 updateRows(const QVariantMap &values) const;

    qint64 count() const;
    qint64 remove() const;

    // The statements the operations of the same name run, for the
    // connection's dialect, without running anything. Rows read back by
    // keys the database generates cannot be shown before it does.
    SqlStatements fetchSql(qint64 limit = -1) const;
    SqlStatements countSql() const;
    SqlStatements insertModelsSql(const RowList &rows) const;
    SqlStatements bulkInsertModelsSql(const RowList &rows) const;
    SqlStatements updateModelsSql(const RowValues &row) const;
    SqlStatements insertRowsSql(const QList<QVariantMap> &rows) const;
    SqlStatements updateRowsSql(const QVariantMap &values) const;
    SqlStatements removeSql() const;

private:
    // This query with the model's beforeFetch, beforeUpdate or beforeDelete
    // applied (callback, then signal), unless ignored.
    QueryCore hooked(Hook hook) const;
    std::vector<std::unique_ptr<Model>> fetch(qint64 limit, QList<std::pair<QVariant, QVariant>> *links) const;
    // RowList is borrowed: the rows the insert hooks changed are kept here.
    RowList hookedRows(Hook hook, const RowList &rows, QList<RowValues> &storage) const;
    // The rows an insert writes, after its hooks, and where they are kept.
    struct RowStorage
    {
        QList<RowValues> keyed, hooked, rekeyed;
    };
    RowList rowsToInsert(Hook hook, const RowList &rows, RowStorage &storage) const;
    // A relation's query (scopeToParent()): the rows to insert with the
    // parent's key; refused for a belongsTo.
    RowList rowsWithParentKey(const RowList &rows, QList<RowValues> &storage) const;
    // ... and for a manyToMany, the targets inserted and linked together.
    std::vector<std::unique_ptr<Model>> insertLinked(const RowList &rows, Hook hook) const;
    bool linksOnInsert() const;
    // This query without its relation scope.
    QueryCore unscoped() const;

    SourceHandle m_source;
    const ModelData *m_model;
    QSharedDataPointer<QueryState> d;
};

} // namespace Hy::detail

#endif // HYSTERIAQT_DETAIL_QUERYCORE_H
