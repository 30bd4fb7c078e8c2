// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_MODELQUERY_H
#define HYSTERIAQT_MODELQUERY_H

#include <HysteriaQt/columnname.h>
#include <HysteriaQt/comparison.h>
#include <HysteriaQt/error.h>
#include <HysteriaQt/hook.h>
#include <HysteriaQt/model.h>
#include <HysteriaQt/modelquerysql.h>
#include <HysteriaQt/relations.h>
#include <HysteriaQt/sqldatasource.h>
#include <HysteriaQt/value.h>
#include <HysteriaQt/values.h>
#include <HysteriaQt/detail/querycore.h>
#include <HysteriaQt/detail/sourcehandle.h>

#include <concepts>

#include <initializer_list>
#include <memory>
#include <ranges>

namespace Hy {

class SqlDataSource;

namespace detail {
HYSTERIAQT_EXPORT Error rowNotFoundError(const ModelData *model);

template <typename M>
std::unique_ptr<M> downcast(std::unique_ptr<Model> model)
{
    return std::unique_ptr<M>(static_cast<M *>(model.release()));
}

template <typename M>
ModelList<M> downcast(std::vector<std::unique_ptr<Model>> models)
{
    ModelList<M> list;
    list.reserve(models.size());
    for (auto &model : models)
        list.push_back(downcast<M>(std::move(model)));
    return list;
}

} // namespace detail

// The query builder of one model class: sql.from<User>(). Columns are named by
// their property names; results are models owned by the caller.
//
// A builder is a value: copies are independent, and the methods that run SQL
// leave it unchanged, so it can be run again.
template <typename M>
class ModelQuery
{
    static_assert(detail::checkModel<M>());

public:
    explicit ModelQuery(const detail::SourceHandle &source) : m_core(source, detail::modelData<M>()) {}

    // where(column, value): `=`, or IS NULL when the value is null.
    ModelQuery &where(ColumnName<M> column, const Value &value)
    {
        m_core.compare(detail::ConditionJoin::And, column.index(), Operator::Equal, value.toVariant());
        return *this;
    }
    ModelQuery &where(ColumnName<M> column, Comparison op, const Value &value)
    {
        m_core.compare(detail::ConditionJoin::And, column.index(), op.op(), value.toVariant());
        return *this;
    }
    ModelQuery &orWhere(ColumnName<M> column, const Value &value)
    {
        m_core.compare(detail::ConditionJoin::Or, column.index(), Operator::Equal, value.toVariant());
        return *this;
    }
    ModelQuery &orWhere(ColumnName<M> column, Comparison op, const Value &value)
    {
        m_core.compare(detail::ConditionJoin::Or, column.index(), op.op(), value.toVariant());
        return *this;
    }
    // The same with the column named by its getter: where(&User::age, ">", 18).
    // The compiler checks that the getter is one of M's columns and that the
    // value fits its type: where(&User::age, "old") does not build, nor does
    // null for a column that is not nullable.
    template <typename Storage, typename Owner, typename V>
    ModelQuery &where(detail::Getter<Owner, Storage> column, V &&value)
    {
        return where(ColumnName<M>(column), detail::typedValue<Storage>(std::forward<V>(value)));
    }
    template <typename Storage, typename Owner, typename V>
    ModelQuery &where(detail::Getter<Owner, Storage> column, Comparison op, V &&value)
    {
        return where(ColumnName<M>(column), op, detail::typedValue<Storage>(std::forward<V>(value)));
    }
    template <typename Storage, typename Owner, typename V>
    ModelQuery &orWhere(detail::Getter<Owner, Storage> column, V &&value)
    {
        return orWhere(ColumnName<M>(column), detail::typedValue<Storage>(std::forward<V>(value)));
    }
    template <typename Storage, typename Owner, typename V>
    ModelQuery &orWhere(detail::Getter<Owner, Storage> column, Comparison op, V &&value)
    {
        return orWhere(ColumnName<M>(column), op, detail::typedValue<Storage>(std::forward<V>(value)));
    }
    // Conditions in parentheses, made by a callback on a builder of their own:
    //     where("isActive", true).where([](auto &q) { q.where("role", "admin").orWhere("role", "owner"); })
    // is `is_active = ? AND (role = ? OR role = ?)`. Groups nest.
    template <typename Group>
        requires std::invocable<Group &, ModelQuery &>
    ModelQuery &where(Group &&group)
    {
        return addGroup(detail::ConditionJoin::And, group);
    }
    template <typename Group>
        requires std::invocable<Group &, ModelQuery &>
    ModelQuery &orWhere(Group &&group)
    {
        return addGroup(detail::ConditionJoin::Or, group);
    }
    ModelQuery &whereNull(ColumnName<M> column)
    {
        m_core.isNull(detail::ConditionJoin::And, column.index());
        return *this;
    }
    ModelQuery &whereNotNull(ColumnName<M> column)
    {
        m_core.isNotNull(detail::ConditionJoin::And, column.index());
        return *this;
    }
    ModelQuery &orWhereNull(ColumnName<M> column)
    {
        m_core.isNull(detail::ConditionJoin::Or, column.index());
        return *this;
    }
    ModelQuery &orWhereNotNull(ColumnName<M> column)
    {
        m_core.isNotNull(detail::ConditionJoin::Or, column.index());
        return *this;
    }
    // whereIn("id", {1, 2, 3}) or with any range of values: `id IN (?, ?, ?)`.
    // An empty list matches no row (whereNotIn: every row); null is not a
    // value of a list (INVALID_VALUE: use whereNull()).
    ModelQuery &whereIn(ColumnName<M> column, const ValueList &values)
    {
        m_core.isIn(detail::ConditionJoin::And, column.index(), values.toVariantList());
        return *this;
    }
    ModelQuery &orWhereIn(ColumnName<M> column, const ValueList &values)
    {
        m_core.isIn(detail::ConditionJoin::Or, column.index(), values.toVariantList());
        return *this;
    }
    ModelQuery &whereNotIn(ColumnName<M> column, const ValueList &values)
    {
        m_core.isNotIn(detail::ConditionJoin::And, column.index(), values.toVariantList());
        return *this;
    }
    ModelQuery &orWhereNotIn(ColumnName<M> column, const ValueList &values)
    {
        m_core.isNotIn(detail::ConditionJoin::Or, column.index(), values.toVariantList());
        return *this;
    }
    // whereIn(&User::id, {1, 2, 3}): each value's type checked by the compiler.
    template <typename Storage, typename Owner>
    ModelQuery &whereIn(detail::Getter<Owner, Storage> column, const std::type_identity_t<detail::TypedValueList<Storage>> &values)
    {
        return whereIn(ColumnName<M>(column), values.toVariantList());
    }
    template <typename Storage, typename Owner>
    ModelQuery &orWhereIn(detail::Getter<Owner, Storage> column, const std::type_identity_t<detail::TypedValueList<Storage>> &values)
    {
        return orWhereIn(ColumnName<M>(column), values.toVariantList());
    }
    template <typename Storage, typename Owner>
    ModelQuery &whereNotIn(detail::Getter<Owner, Storage> column, const std::type_identity_t<detail::TypedValueList<Storage>> &values)
    {
        return whereNotIn(ColumnName<M>(column), values.toVariantList());
    }
    template <typename Storage, typename Owner>
    ModelQuery &orWhereNotIn(detail::Getter<Owner, Storage> column, const std::type_identity_t<detail::TypedValueList<Storage>> &values)
    {
        return orWhereNotIn(ColumnName<M>(column), values.toVariantList());
    }
    ModelQuery &orderBy(ColumnName<M> column, Qt::SortOrder order = Qt::AscendingOrder)
    {
        m_core.orderBy(column.index(), order);
        return *this;
    }
    ModelQuery &limit(qint64 count)
    {
        m_core.setLimit(count);
        return *this;
    }
    ModelQuery &offset(qint64 count)
    {
        m_core.setOffset(count);
        return *this;
    }
    // Reads these columns only: select({"id", "email"}). The models hold the
    // others' defaults and say so (Hy::Model::isLoaded()). Replaces an
    // earlier select(); an empty list reads every column again.
    ModelQuery &select(std::initializer_list<ColumnName<M>> columns)
    {
        QList<int> indexes;
        for (const ColumnName<M> &column : columns)
            indexes.append(column.index());
        m_core.select(indexes);
        return *this;
    }

    // Loads a relation (Hy::relations<M>, defined in the schema header) of
    // the models read, with one query per relation and nesting level
    // whatever their number: load("posts"). The relation's models are then
    // Hy::related<"posts">(user), or user->relation("posts").
    ModelQuery &load(RelationName<M> relation)
    {
        m_core.addLoad(detail::relationData<M>(relation.index()), m_core.forModel(detail::relationTargetData<M>(relation.index())));
        return *this;
    }
    // With the query of the relation's model, whose type the callback
    // names: load("posts", [](Hy::ModelQuery<Post> &q) { q.where(...).load("user"); }).
    // It takes where(), orderBy(), select(), limit() and offset() (per
    // parent) and nested load(). A callback with an `auto` parameter names
    // the relation as a template argument: load<"posts">([](auto &q) { ... }).
    template <typename F>
    ModelQuery &load(RelationTo<M, detail::CallbackModel<F>> relation, F &&callback)
    {
        return addLoad<detail::CallbackModel<F>>(relation.index(), callback);
    }
    template <RelationLiteral Name, typename F>
    ModelQuery &load(F &&callback)
    {
        constexpr int index = detail::checkedRelationIndex<M, Name>();
        return addLoad<detail::RelationTarget<M, index>>(index, callback);
    }

    // Relation filters (hysteria-orm's havingRelated family), as EXISTS
    // subqueries: the rows with a related row, havingRelated("posts"), or
    // with one that matches, havingRelated("posts", [](Hy::ModelQuery<Post>
    // &q) { q.where("status", "published"); }); or whose number of them
    // compares: havingRelated("posts", ">", 2), a user without posts
    // counting 0. notHavingRelated() keeps the others; the or- forms join
    // with OR. The related model's soft-delete scope applies.
    ModelQuery &havingRelated(RelationName<M> relation)
    {
        return addRelated(detail::ConditionJoin::And, detail::RelatedTest::Having, relation.index());
    }
    ModelQuery &havingRelated(RelationName<M> relation, Comparison op, qint64 count)
    {
        return addRelated(detail::ConditionJoin::And, detail::RelatedTest::Having, relation.index(), op, count);
    }
    template <typename F>
    ModelQuery &havingRelated(RelationTo<M, detail::CallbackModel<F>> relation, F &&callback)
    {
        return addRelated(detail::ConditionJoin::And, detail::RelatedTest::Having, relation.index(),
                          relatedRows<detail::CallbackModel<F>>(callback));
    }
    template <typename F>
    ModelQuery &havingRelated(RelationTo<M, detail::CallbackModel<F>> relation, F &&callback, Comparison op,
                              qint64 count)
    {
        return addRelated(detail::ConditionJoin::And, detail::RelatedTest::Having, relation.index(),
                          relatedRows<detail::CallbackModel<F>>(callback), op, count);
    }
    ModelQuery &orHavingRelated(RelationName<M> relation)
    {
        return addRelated(detail::ConditionJoin::Or, detail::RelatedTest::Having, relation.index());
    }
    ModelQuery &orHavingRelated(RelationName<M> relation, Comparison op, qint64 count)
    {
        return addRelated(detail::ConditionJoin::Or, detail::RelatedTest::Having, relation.index(), op, count);
    }
    template <typename F>
    ModelQuery &orHavingRelated(RelationTo<M, detail::CallbackModel<F>> relation, F &&callback)
    {
        return addRelated(detail::ConditionJoin::Or, detail::RelatedTest::Having, relation.index(),
                          relatedRows<detail::CallbackModel<F>>(callback));
    }
    template <typename F>
    ModelQuery &orHavingRelated(RelationTo<M, detail::CallbackModel<F>> relation, F &&callback, Comparison op,
                                qint64 count)
    {
        return addRelated(detail::ConditionJoin::Or, detail::RelatedTest::Having, relation.index(),
                          relatedRows<detail::CallbackModel<F>>(callback), op, count);
    }
    ModelQuery &notHavingRelated(RelationName<M> relation)
    {
        return addRelated(detail::ConditionJoin::And, detail::RelatedTest::NotHaving, relation.index());
    }
    ModelQuery &notHavingRelated(RelationName<M> relation, Comparison op, qint64 count)
    {
        return addRelated(detail::ConditionJoin::And, detail::RelatedTest::NotHaving, relation.index(), op, count);
    }
    template <typename F>
    ModelQuery &notHavingRelated(RelationTo<M, detail::CallbackModel<F>> relation, F &&callback)
    {
        return addRelated(detail::ConditionJoin::And, detail::RelatedTest::NotHaving, relation.index(),
                          relatedRows<detail::CallbackModel<F>>(callback));
    }
    template <typename F>
    ModelQuery &notHavingRelated(RelationTo<M, detail::CallbackModel<F>> relation, F &&callback, Comparison op,
                                 qint64 count)
    {
        return addRelated(detail::ConditionJoin::And, detail::RelatedTest::NotHaving, relation.index(),
                          relatedRows<detail::CallbackModel<F>>(callback), op, count);
    }
    ModelQuery &orNotHavingRelated(RelationName<M> relation)
    {
        return addRelated(detail::ConditionJoin::Or, detail::RelatedTest::NotHaving, relation.index());
    }
    ModelQuery &orNotHavingRelated(RelationName<M> relation, Comparison op, qint64 count)
    {
        return addRelated(detail::ConditionJoin::Or, detail::RelatedTest::NotHaving, relation.index(), op, count);
    }
    template <typename F>
    ModelQuery &orNotHavingRelated(RelationTo<M, detail::CallbackModel<F>> relation, F &&callback)
    {
        return addRelated(detail::ConditionJoin::Or, detail::RelatedTest::NotHaving, relation.index(),
                          relatedRows<detail::CallbackModel<F>>(callback));
    }
    template <typename F>
    ModelQuery &orNotHavingRelated(RelationTo<M, detail::CallbackModel<F>> relation, F &&callback, Comparison op,
                                   qint64 count)
    {
        return addRelated(detail::ConditionJoin::Or, detail::RelatedTest::NotHaving, relation.index(),
                          relatedRows<detail::CallbackModel<F>>(callback), op, count);
    }
    // With an `auto` callback: havingRelated<"posts">([](auto &q) { ... }),
    // and the same for the other three.
    template <RelationLiteral Name, typename F>
    ModelQuery &havingRelated(F &&callback)
    {
        return addRelated<Name>(detail::ConditionJoin::And, detail::RelatedTest::Having, callback);
    }
    template <RelationLiteral Name, typename F>
    ModelQuery &orHavingRelated(F &&callback)
    {
        return addRelated<Name>(detail::ConditionJoin::Or, detail::RelatedTest::Having, callback);
    }
    template <RelationLiteral Name, typename F>
    ModelQuery &notHavingRelated(F &&callback)
    {
        return addRelated<Name>(detail::ConditionJoin::And, detail::RelatedTest::NotHaving, callback);
    }
    template <RelationLiteral Name, typename F>
    ModelQuery &orNotHavingRelated(F &&callback)
    {
        return addRelated<Name>(detail::ConditionJoin::Or, detail::RelatedTest::NotHaving, callback);
    }

    // The query of `parent`'s related rows: relatedQuery<"posts">(*user)
    // reads, updates and deletes that user's posts only, and its insert()
    // sets their "userId" (a different one given is INVALID_VALUE). A
    // manyToMany's insert() inserts the targets and links them, in one
    // transaction; a belongsTo's does not insert (INVALID_QUERY). Only the
    // source of this builder carries over, not its conditions.
    template <RelationLiteral Name>
    auto relatedQuery(const M &parent) const
    {
        constexpr int index = detail::checkedRelationIndex<M, Name>();
        using Target = detail::RelationTarget<M, index>;
        ModelQuery<Target> query(m_core.forModel(detail::modelData<Target>()));
        query.m_core.scopeToParent(detail::relationData<M>(index), parent);
        return query;
    }

    // The link rows of a manyToMany relation of `parent`, by the targets'
    // keys or the target models, each call in one transaction:
    // attach("addresses", *user, {1, 2}) links those not linked yet and
    // returns how many it linked; detach() unlinks them (all, without
    // keys) and returns how many link rows it deleted; sync() leaves
    // exactly those linked and says which it linked and unlinked.
    qint64 attach(ManyToManyName<M> relation, const M &parent, const ValueList &keys) const
    {
        return m_core.attach(detail::relationData<M>(relation.index()), parent, keys.toVariantList());
    }
    template <std::ranges::input_range R>
        requires detail::ModelRange<R>
    qint64 attach(ManyToManyName<M> relation, const M &parent, const R &targets) const
    {
        return attach(relation, parent, targetKeys(relation, targets));
    }
    qint64 detach(ManyToManyName<M> relation, const M &parent, const ValueList &keys) const
    {
        return m_core.detach(detail::relationData<M>(relation.index()), parent, keys.toVariantList());
    }
    template <std::ranges::input_range R>
        requires detail::ModelRange<R>
    qint64 detach(ManyToManyName<M> relation, const M &parent, const R &targets) const
    {
        return detach(relation, parent, targetKeys(relation, targets));
    }
    qint64 detach(ManyToManyName<M> relation, const M &parent) const
    {
        return m_core.detachAll(detail::relationData<M>(relation.index()), parent);
    }
    SyncResult sync(ManyToManyName<M> relation, const M &parent, const ValueList &keys) const
    {
        return m_core.sync(detail::relationData<M>(relation.index()), parent, keys.toVariantList());
    }
    template <std::ranges::input_range R>
        requires detail::ModelRange<R>
    SyncResult sync(ManyToManyName<M> relation, const M &parent, const R &targets) const
    {
        return sync(relation, parent, targetKeys(relation, targets));
    }

    // Runs the operation without the model's hooks: all of them (callbacks
    // and ModelNotifier's signals of the same names), or those given, as
    // hysteria-orm's ignoreHooks. The after-write signals are not hooks: they stay.
    ModelQuery &ignoreHooks(Hooks hooks = Hook::All)
    {
        m_core.ignoreHooks(hooks);
        return *this;
    }

    // The SQL each operation would run, without running it:
    // toSql().many(), toSql().update({{"name", "x"}}), ...
    ModelQuerySql<M> toSql() const { return ModelQuerySql<M>(m_core); }

    ModelList<M> many() const { return detail::downcast<M>(m_core.fetchModels()); }

    // The first matching model, or nullptr.
    std::unique_ptr<M> one() const
    {
        auto models = m_core.fetchModels(1);
        return models.empty() ? nullptr : detail::downcast<M>(std::move(models.front()));
    }

    // The first matching model; throws Hy::Error(RowNotFound) when there is none.
    std::unique_ptr<M> oneOrFail() const
    {
        auto model = one();
        if (!model)
            throw detail::rowNotFoundError(m_core.model());
        return model;
    }

    // By primary key, with the builder's other conditions; nullptr when there is none.
    std::unique_ptr<M> find(const Value &primaryKey) const
    {
        static_assert(detail::ModelColumns<M>::primaryKey() >= 0,
                      "HysteriaQt: find() needs a model with a primary key column");
        ModelQuery query(*this);
        query.m_core.groupConditions();
        query.where(ColumnName<M>::fromIndex(detail::ModelColumns<M>::primaryKey()), primaryKey);
        return query.one();
    }

    qint64 count() const { return m_core.count(); }

    // Inserts one row and returns the stored model: generated key, autoCreate
    // dates and database defaults filled in.
    std::unique_ptr<M> insert(const Values<M> &values) const
    {
        return detail::downcast<M>(m_core.insertModel(values.row()));
    }
    // Inserts the columns changed on `model` (see Hy::Model::changedColumns()).
    std::unique_ptr<M> insert(const M &model) const
    {
        return detail::downcast<M>(m_core.insertModel(detail::rowValuesFromModel(model)));
    }

    // All rows or none, with multi-row INSERT statements in a transaction (a
    // savepoint inside one). Returns the stored models in the given order.
    ModelList<M> insertMany(std::initializer_list<Values<M>> rows) const
    {
        return detail::downcast<M>(m_core.insertModels(detail::rowsOf<M>(rows)));
    }
    // Rows as a range of Values<M>, QVariantMap, models or pointers to models.
    template <std::ranges::input_range R>
    ModelList<M> insertMany(const R &rows) const
    {
        return detail::downcast<M>(m_core.insertModels(detail::rowsOf<M>(rows)));
    }

    // insertMany() for bulk loads: the same statements and guarantees, but
    // no models are built and no keys read back. Returns the rows written.
    qsizetype bulkInsert(std::initializer_list<Values<M>> rows) const
    {
        return m_core.bulkInsertModels(detail::rowsOf<M>(rows));
    }
    template <std::ranges::input_range R>
    qsizetype bulkInsert(const R &rows) const
    {
        return m_core.bulkInsertModels(detail::rowsOf<M>(rows));
    }

    // Sets the given columns (and autoUpdate columns to now) on every matching
    // row; returns the number of rows matched. Use where() only: limit, offset
    // and orderBy throw Hy::Error(InvalidQuery) here.
    qint64 update(const Values<M> &values) const { return m_core.updateModels(values.row()); }
    // Deletes every matching row (hysteria-orm's delete()); returns the count.
    qint64 remove() const { return m_core.remove(); }

    // Soft deletes, for a model with a soft-delete column (a "deletedAt"
    // column, or one named by HY_MODEL_OPTIONS's softDeleteColumn): reads,
    // update() and remove() see the rows not deleted, unless told otherwise.
    ModelQuery &withTrashed()
    {
        requireSoftDeletes();
        m_core.setTrashed(detail::Trashed::With);
        return *this;
    }
    ModelQuery &onlyTrashed()
    {
        requireSoftDeletes();
        m_core.setTrashed(detail::Trashed::Only);
        return *this;
    }
    // Marks the matching rows deleted (the softDeleteValue, by default the
    // current UTC time); returns the number of rows marked.
    qint64 softDelete() const
    {
        requireSoftDeletes();
        return m_core.softDelete();
    }
    // softDelete() of the row with this primary key.
    qint64 softDelete(const Value &primaryKey) const
    {
        static_assert(detail::ModelColumns<M>::primaryKey() >= 0,
                      "HysteriaQt: softDelete(key) needs a model with a primary key column");
        ModelQuery query(*this);
        query.m_core.groupConditions();
        query.where(ColumnName<M>::fromIndex(detail::ModelColumns<M>::primaryKey()), primaryKey);
        return query.softDelete();
    }
    // Undoes softDelete() on the matching deleted rows; returns their number.
    qint64 restore() const
    {
        requireSoftDeletes();
        return m_core.restore();
    }

private:
    friend struct detail::HookThunks<M>;
    template <typename>
    friend class ModelQuery;
    explicit ModelQuery(detail::QueryCore core) : m_core(std::move(core)) {}

    static constexpr void requireSoftDeletes()
    {
        static_assert(detail::softDeleteColumn<M>() >= 0,
                      "HysteriaQt: soft deletes need a \"deletedAt\" column, or one named by "
                      "HY_MODEL_OPTIONS({.softDeleteColumn = ...})");
    }

    template <typename Group>
    ModelQuery &addGroup(detail::ConditionJoin join, Group &group)
    {
        ModelQuery inner(m_core.fresh());
        group(inner);
        m_core.group(join, inner.m_core);
        return *this;
    }

    template <typename Target, typename F>
    ModelQuery &addLoad(int index, F &callback)
    {
        if constexpr (std::is_same_v<Target, detail::UnnamedCallbackModel>) {
            static_assert(detail::dependentFalse<F>,
                          "HysteriaQt: the callback does not name the relation's query type. Write "
                          "[](Hy::ModelQuery<Post> &q) { ... }, or name the relation as a template argument: "
                          "load<\"posts\">([](auto &q) { ... })");
        } else {
            m_core.addLoad(detail::relationData<M>(index), relatedRows<Target>(callback));
        }
        return *this;
    }

    // The query of relation `index`'s target that `callback` makes.
    template <typename Target, typename F>
    detail::QueryCore relatedRows(F &callback) const
    {
        if constexpr (std::is_same_v<Target, detail::UnnamedCallbackModel>) {
            static_assert(detail::dependentFalse<F>,
                          "HysteriaQt: the callback does not name the relation's query type. Write "
                          "[](Hy::ModelQuery<Post> &q) { ... }, or name the relation as a template argument: "
                          "havingRelated<\"posts\">([](auto &q) { ... })");
            return m_core;
        } else {
            ModelQuery<Target> query(m_core.forModel(detail::modelData<Target>()));
            callback(query);
            return query.m_core;
        }
    }

    ModelQuery &addRelated(detail::ConditionJoin join, detail::RelatedTest test, int index)
    {
        m_core.related(join, test, detail::relationData<M>(index),
                       m_core.forModel(detail::relationTargetData<M>(index)));
        return *this;
    }
    ModelQuery &addRelated(detail::ConditionJoin join, detail::RelatedTest test, int index, Comparison op,
                           qint64 count)
    {
        m_core.relatedCount(join, test, detail::relationData<M>(index),
                            m_core.forModel(detail::relationTargetData<M>(index)), op.op(), count);
        return *this;
    }
    ModelQuery &addRelated(detail::ConditionJoin join, detail::RelatedTest test, int index,
                           const detail::QueryCore &rows)
    {
        m_core.related(join, test, detail::relationData<M>(index), rows);
        return *this;
    }
    ModelQuery &addRelated(detail::ConditionJoin join, detail::RelatedTest test, int index,
                           const detail::QueryCore &rows, Comparison op, qint64 count)
    {
        m_core.relatedCount(join, test, detail::relationData<M>(index), rows, op.op(), count);
        return *this;
    }
    template <RelationLiteral Name, typename F>
    ModelQuery &addRelated(detail::ConditionJoin join, detail::RelatedTest test, F &callback)
    {
        constexpr int index = detail::checkedRelationIndex<M, Name>();
        return addRelated(join, test, index, relatedRows<detail::RelationTarget<M, index>>(callback));
    }

    template <typename R>
    static QVariantList targetKeys(ManyToManyName<M> relation, const R &targets)
    {
        QList<const Model *> models;
        for (const auto &target : targets)
            models.append(detail::modelPointer(target));
        return detail::QueryCore::targetKeys(detail::relationData<M>(relation.index()), models);
    }

    detail::QueryCore m_core;
};

template <typename M>
ModelQuery<M> SqlDataSource::from()
{
    return ModelQuery<M>(detail::SourceHandle(this));
}

} // namespace Hy

#endif // HYSTERIAQT_MODELQUERY_H
