// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "crypto/encryptedcolumn_p.h"

#include <HysteriaQt/error.h>

namespace Hy::detail {

EncryptedColumn::EncryptedColumn(EncryptionKey (*key)(), QByteArray (*publicKey)(), QByteArray (*privateKey)())
    : m_key(key), m_publicKey(publicKey), m_privateKey(privateKey)
{
}

const ColumnCipher &EncryptedColumn::cipher(const QString &table, const QString &column) const
{
    // A key function that throws, or keys that are refused, leave the
    // cipher unbuilt: the next use tries again, and fails again the same way.
    // Once built, the cipher is never changed, so it is read without the lock.
    QMutexLocker locker(&m_mutex);
    if (m_built)
        return m_cipher;
    try {
        m_cipher = m_key ? ColumnCipher::symmetric(m_key())
                         : ColumnCipher::asymmetric(m_publicKey ? m_publicKey() : QByteArray(),
                                                    m_privateKey ? m_privateKey() : QByteArray());
    } catch (const Error &error) {
        throw Error(error.code(), QStringLiteral("The keys of %1.%2: %3").arg(table, column, error.message()))
                .setColumn(column);
    }
    m_built = true;
    return m_cipher;
}

QString EncryptedColumn::encrypt(const QString &plainText, const QString &table, const QString &column) const
{
    const ColumnCipher &c = cipher(table, column);
    if (!c.canEncrypt()) {
        throw Error(ErrorCode::InvalidValue,
                    QStringLiteral("%1.%2 cannot be written without its public key").arg(table, column))
                .setColumn(column);
    }
    return c.encrypt(plainText);
}

QString EncryptedColumn::decrypt(const QVariant &stored, const QString &table, const QString &column) const
{
    const ColumnCipher &c = cipher(table, column);
    const QString text = stored.typeId() == QMetaType::QByteArray ? QString::fromUtf8(stored.toByteArray())
                                                                  : stored.toString();
    if (const auto plain = c.decrypt(text))
        return *plain;
    // The value itself is not shown: it may be what an attacker wrote.
    throw Error(ErrorCode::DecryptionFailed,
                c.canDecrypt() ? QStringLiteral("A value of %1.%2 does not decrypt with the column's key: "
                                                "another key wrote it, or it was changed")
                                         .arg(table, column)
                               : QStringLiteral("%1.%2 cannot be read without its private key").arg(table, column))
            .setColumn(column);
}

} // namespace Hy::detail
