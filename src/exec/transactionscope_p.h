// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_TRANSACTIONSCOPE_P_H
#define HYSTERIAQT_TRANSACTIONSCOPE_P_H

#include <HysteriaQt/transaction.h>

#include <QtCore/QString>

#include <atomic>
#include <memory>

namespace Hy::detail {

class Connection;

// One level of work on a connection: the transaction, or a savepoint in it.
// The connection keeps its levels as a stack (Connection::levels); a level
// is touched only in the connection's thread, except its state and
// `abandoned`, which any thread may read or set.
struct TransactionLevel
{
    // Whose code runs inside: one operation of HysteriaQt's, or the
    // application's (a Hy::Transaction).
    enum class Kind { Library, Application };

    Kind kind = Kind::Library;
    // Empty for the transaction itself.
    QString savepoint;
    Transaction::IsolationLevel isolation = Transaction::IsolationLevel::Default;
    // Null once the level has ended.
    Connection *connection = nullptr;
    std::atomic<Transaction::State> state = Transaction::State::Active;
    // Its Hy::Transaction was destroyed in another thread: the connection's
    // own thread rolls it back when it next uses the connection.
    std::atomic<bool> abandoned = false;
    // Ended by its connection found lost, not by a rollback of its own.
    std::atomic<bool> lostConnection = false;
};

// What begins and ends levels. Ending a level ends those above it on the
// stack the same way, as COMMIT, RELEASE SAVEPOINT and ROLLBACK TO do.
namespace Transactions {
// Begins a transaction, or a savepoint when one is open on the connection,
// HysteriaQt's or the application's own. Throws Hy::Error:
// IsolationLevelNotSupported (before any SQL), TransactionFailed.
std::shared_ptr<TransactionLevel> begin(Connection *connection, TransactionLevel::Kind kind,
                                        Transaction::IsolationLevel isolation = Transaction::IsolationLevel::Default);
// Throws TransactionNotActive when the level has ended, or the database's
// error, after rolling the level back.
void commit(TransactionLevel &level);
// Does nothing when the level has ended. Throws TransactionFailed when the
// database refuses; a lost connection took the work with it, and is not
// an error here.
void rollback(TransactionLevel &level);
// For destructors: a failure is logged.
void rollbackQuietly(TransactionLevel &level) noexcept;
} // namespace Transactions

// One of HysteriaQt's operations made all-or-nothing: rolls back on
// destruction unless commit() was called.
class TransactionScope
{
public:
    explicit TransactionScope(Connection *connection)
        : m_level(Transactions::begin(connection, TransactionLevel::Kind::Library))
    {
    }
    ~TransactionScope() { Transactions::rollbackQuietly(*m_level); }
    TransactionScope(const TransactionScope &) = delete;
    TransactionScope &operator=(const TransactionScope &) = delete;

    void commit() { Transactions::commit(*m_level); }

private:
    std::shared_ptr<TransactionLevel> m_level;
};

} // namespace Hy::detail

#endif // HYSTERIAQT_TRANSACTIONSCOPE_P_H
