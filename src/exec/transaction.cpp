// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "exec/transaction_p.h"

#include "core/logging_p.h"
#include "exec/sqldatasource_p.h"

#include <HysteriaQt/error.h>
#include <HysteriaQt/querybuilder.h>

namespace Hy {

Transaction TransactionPrivate::begin(const std::weak_ptr<SqlDataSourcePrivate> &source,
                                      Transaction::IsolationLevel isolation)
{
    detail::SourceHandle handle;
    handle.source = source;
    const Session session = SqlDataSourcePrivate::session(handle);
    auto d = std::make_shared<TransactionPrivate>();
    d->source = source;
    d->thread = QThread::currentThread();
    d->level = detail::Transactions::begin(session.connection(), detail::TransactionLevel::Kind::Application,
                                           isolation);
    return Transaction(std::move(d));
}

void TransactionPrivate::requireOwnThread() const
{
    if (QThread::currentThread() != thread) {
        throw Error(ErrorCode::WrongThread,
                    QStringLiteral("A transaction is used from the thread that began it, on whose "
                                   "connection it is open"));
    }
}

Transaction::Transaction(std::shared_ptr<TransactionPrivate> dd) : d(std::move(dd)) {}

Transaction::Transaction(Transaction &&other) noexcept = default;

Transaction &Transaction::operator=(Transaction &&other) noexcept
{
    Transaction(std::move(other)).swap(*this);
    return *this;
}

Transaction::~Transaction()
{
    if (!d || !d->level || d->level->state != State::Active)
        return;
    if (QThread::currentThread() == d->thread)
        detail::Transactions::rollbackQuietly(*d->level);
    else
        d->level->abandoned = true; // rolled back by its own thread (Connection::rollbackAbandoned())
}

void Transaction::swap(Transaction &other) noexcept
{
    d.swap(other.d);
}

Transaction::State Transaction::state() const
{
    return d ? d->level->state.load() : State::RolledBack;
}

Transaction::IsolationLevel Transaction::isolationLevel() const
{
    return d ? d->level->isolation : IsolationLevel::Default;
}

bool Transaction::isSavepoint() const
{
    return d && !d->level->savepoint.isEmpty();
}

void Transaction::commit()
{
    if (!d) {
        throw Error(ErrorCode::TransactionNotActive,
                    QStringLiteral("The transaction was moved to another Hy::Transaction"));
    }
    d->requireOwnThread();
    detail::Transactions::commit(*d->level);
}

void Transaction::rollback()
{
    if (!d)
        return;
    d->requireOwnThread();
    detail::Transactions::rollback(*d->level);
}

QueryBuilder Transaction::from(QAnyStringView table) const
{
    return QueryBuilder(handle(), table);
}

Transaction Transaction::beginTransaction()
{
    if (!d || d->level->state != State::Active) {
        throw Error(ErrorCode::TransactionNotActive,
                    QStringLiteral("A transaction cannot begin inside one that has ended"));
    }
    d->requireOwnThread();
    return TransactionPrivate::begin(d->source, IsolationLevel::Default);
}

void detail::commitAfterWork(Transaction &trx)
{
    if (trx.isActive()) {
        trx.commit();
    } else if (trx.d && trx.d->level->lostConnection) {
        // The work caught the CONNECTION_LOST and returned: it must not look
        // committed.
        throw Error(ErrorCode::ConnectionLost,
                    QStringLiteral("The connection to the database was lost during the transaction: nothing "
                                   "was committed"));
    }
}

detail::SourceHandle Transaction::handle() const
{
    detail::SourceHandle handle;
    if (d) {
        handle.source = d->source;
        handle.transaction = d;
    }
    handle.fromTransaction = true;
    return handle;
}

} // namespace Hy
