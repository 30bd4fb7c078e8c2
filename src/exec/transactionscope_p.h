// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_TRANSACTIONSCOPE_P_H
#define HYSTERIAQT_TRANSACTIONSCOPE_P_H

#include <QtCore/QString>


namespace Hy::detail {

class Connection;

// Makes a piece of work all-or-nothing: a transaction, or a savepoint when one
// is already open, HysteriaQt's or the application's own on the connection.
// Rolls back on destruction unless commit() was called.
class TransactionScope
{
public:
    explicit TransactionScope(Connection *source);
    ~TransactionScope();
    TransactionScope(const TransactionScope &) = delete;
    TransactionScope &operator=(const TransactionScope &) = delete;

    void commit();

private:
    void rollback() noexcept;
    void finish();

    Connection *m_source;
    QString m_savepoint;
    bool m_done = false;
};

} // namespace Hy::detail

#endif // HYSTERIAQT_TRANSACTIONSCOPE_P_H
