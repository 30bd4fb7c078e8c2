// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_TRANSACTION_H
#define HYSTERIAQT_TRANSACTION_H

#include <HysteriaQt/hysteriaqt_global.h>
#include <HysteriaQt/detail/sourcehandle.h>

#include <QtCore/QAnyStringView>
#include <QtCore/QObject>

#include <concepts>
#include <functional>
#include <memory>
#include <type_traits>

namespace Hy {

class QueryBuilder;
class Transaction;
class TransactionPrivate;
template <typename M>
class ModelQuery;

namespace detail {
// The end of the callback form's work: commits unless the work ended the
// transaction itself; throws ConnectionLost when its connection was lost
// meanwhile, which ended it with nothing committed.
HYSTERIAQT_EXPORT void commitAfterWork(Transaction &trx);
} // namespace detail

// A transaction on a data source, or a savepoint inside one (a nested
// transaction). Most code uses the callback form, which commits when the
// callback returns and rolls back when it throws:
//
//     sql.transaction([&](Hy::Transaction &trx) {
//         auto user = trx.from<User>().insert({{"name", "Ada"}});
//         trx.from<Post>().insert({{"userId", user->id()}, {"title", "Hello"}});
//     });
//
// A transaction belongs to the thread that began it, and to that thread's
// connection: everything the thread does on the data source while it is
// active runs inside it, through trx.from() or sql.from() alike, and a
// transaction begun inside it is a savepoint. Other threads have connections
// of their own, outside it.
//
// Used without the callback, a Transaction is a guard: destroyed while still
// active, it rolls back.
class HYSTERIAQT_EXPORT Transaction
{
    Q_GADGET

public:
    enum class IsolationLevel {
        Default,         // the database's own (SQLite: serializable)
        ReadUncommitted, // PostgreSQL runs it as ReadCommitted
        ReadCommitted,
        RepeatableRead,
        Serializable,
    };
    Q_ENUM(IsolationLevel)

    enum class State { Active, Committed, RolledBack };
    Q_ENUM(State)

    Transaction(Transaction &&other) noexcept;
    Transaction &operator=(Transaction &&other) noexcept;
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    // Rolls back when still active.
    ~Transaction();
    void swap(Transaction &other) noexcept;

    // A moved-from transaction is RolledBack.
    State state() const;
    bool isActive() const { return state() == State::Active; }
    IsolationLevel isolationLevel() const;
    // Whether this is a savepoint in a transaction: one begun inside another,
    // or inside a transaction the application opened on the QSqlDatabase.
    bool isSavepoint() const;

    // Commits (releases the savepoint of a nested one). Throws Hy::Error:
    // TransactionNotActive when it has ended; the database's error when the
    // commit fails, after which it is rolled back (state() is RolledBack).
    void commit();
    // Rolls back; does nothing once the transaction has ended, so that it is
    // safe in a catch block after a failed commit(). Throws Hy::Error
    // (TransactionFailed) only when the database refuses the rollback.
    void rollback();
    // Ending a transaction ends those begun inside it and still active, the
    // same way (as COMMIT and ROLLBACK do in SQL).

    // Queries that run in this transaction, or throw TransactionNotActive
    // once it has ended (and WrongThread in another thread). As on
    // SqlDataSource, each needs its builder's header.
    template <typename M>
    ModelQuery<M> from() const
    {
        return ModelQuery<M>(handle());
    }
    QueryBuilder from(QAnyStringView table) const;

    // A nested transaction (a savepoint), in the callback form or as a guard.
    template <typename Work>
    auto transaction(Work &&work);
    Transaction beginTransaction();

private:
    friend class SqlDataSource;
    friend class TransactionPrivate;
    friend void detail::commitAfterWork(Transaction &trx);
    explicit Transaction(std::shared_ptr<TransactionPrivate> dd);
    detail::SourceHandle handle() const;

    std::shared_ptr<TransactionPrivate> d;
};

namespace detail {

// Runs `work` in `trx`, with the transaction as argument or none, and commits
// when it returns unless it ended the transaction itself (commitAfterWork()).
// An exception leaves through ~Transaction, which rolls back.
template <typename Work>
auto runInTransaction(Transaction trx, Work &work)
{
    static_assert(std::invocable<Work &, Transaction &> || std::invocable<Work &>,
                  "HysteriaQt: a transaction's work is callable as work(Hy::Transaction &) or work()");
    auto call = [&]() -> decltype(auto) {
        if constexpr (std::invocable<Work &, Transaction &>)
            return std::invoke(work, trx);
        else
            return std::invoke(work);
    };
    using Result = decltype(call());
    if constexpr (std::is_void_v<Result>) {
        call();
        commitAfterWork(trx);
    } else {
        Result result = call();
        commitAfterWork(trx);
        return result;
    }
}

} // namespace detail

template <typename Work>
auto Transaction::transaction(Work &&work)
{
    return detail::runInTransaction(beginTransaction(), work);
}

} // namespace Hy

#endif // HYSTERIAQT_TRANSACTION_H
