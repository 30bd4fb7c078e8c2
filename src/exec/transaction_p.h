// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_TRANSACTION_P_H
#define HYSTERIAQT_TRANSACTION_P_H

#include "exec/transactionscope_p.h"

#include <HysteriaQt/transaction.h>

#include <QtCore/QThread>

#include <memory>

namespace Hy {

class SqlDataSourcePrivate;

// A Hy::Transaction: its level on the connection of the thread that began
// it. Builders made from it hold it weakly (detail::SourceHandle).
class TransactionPrivate
{
public:
    static Transaction begin(const std::weak_ptr<SqlDataSourcePrivate> &source,
                             Transaction::IsolationLevel isolation);

    // Throws WrongThread in another thread than the transaction's.
    void requireOwnThread() const;

    std::weak_ptr<SqlDataSourcePrivate> source;
    std::shared_ptr<detail::TransactionLevel> level;
    QThread *thread = nullptr;
};

} // namespace Hy

#endif // HYSTERIAQT_TRANSACTION_P_H
