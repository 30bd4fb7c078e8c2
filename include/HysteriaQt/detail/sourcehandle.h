// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_DETAIL_SOURCEHANDLE_H
#define HYSTERIAQT_DETAIL_SOURCEHANDLE_H

// Not public API: where a builder runs its statements.

#include <HysteriaQt/hysteriaqt_global.h>

#include <memory>

namespace Hy {
class SqlDataSource;
class SqlDataSourcePrivate;
class TransactionPrivate;
}

namespace Hy::detail {

// A data source, held weakly: a builder may outlive it (stored in a QML
// model, captured by a lambda, in another thread), and then throws
// ConnectionNotOpen instead of dangling. A builder made from a transaction
// (trx.from<User>()) holds that too: its statements run in the transaction,
// or not at all once it has ended.
struct HYSTERIAQT_EXPORT SourceHandle
{
    SourceHandle() = default;
    explicit SourceHandle(const SqlDataSource *source);

    std::weak_ptr<SqlDataSourcePrivate> source;
    std::weak_ptr<TransactionPrivate> transaction;
    bool fromTransaction = false;
};

} // namespace Hy::detail

#endif // HYSTERIAQT_DETAIL_SOURCEHANDLE_H
