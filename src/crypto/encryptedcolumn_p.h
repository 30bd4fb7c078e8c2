// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_ENCRYPTEDCOLUMN_P_H
#define HYSTERIAQT_ENCRYPTEDCOLUMN_P_H

#include "crypto/columncipher_p.h"

#include <HysteriaQt/encryption.h>

#include <QtCore/QString>
#include <QtCore/QVariant>

#include <QtCore/QMutex>

namespace Hy::detail {

// The cipher of one encrypted model column, made from the column's key
// functions when it is first needed (a passphrase's key takes a few hundred
// milliseconds to derive), then shared by every thread.
class EncryptedColumn
{
public:
    EncryptedColumn(EncryptionKey (*key)(), QByteArray (*publicKey)(), QByteArray (*privateKey)());

    // The stored text of `plainText`. Throws Hy::Error(InvalidValue) when
    // the keys are unusable or there is no public key.
    QString encrypt(const QString &plainText, const QString &table, const QString &column) const;
    // The plain text of a stored value. Throws Hy::Error(DecryptionFailed)
    // for a value that does not decrypt (tampered, another key, no private key).
    QString decrypt(const QVariant &stored, const QString &table, const QString &column) const;
    // Whether there is a private key (or a symmetric one) to read with.
    bool canDecrypt(const QString &table, const QString &column) const
    {
        return cipher(table, column).canDecrypt();
    }

private:
    const ColumnCipher &cipher(const QString &table, const QString &column) const;

    EncryptionKey (*m_key)();
    QByteArray (*m_publicKey)();
    QByteArray (*m_privateKey)();
    mutable QMutex m_mutex;
    mutable bool m_built = false;
    mutable ColumnCipher m_cipher;
};

} // namespace Hy::detail

#endif // HYSTERIAQT_ENCRYPTEDCOLUMN_P_H
