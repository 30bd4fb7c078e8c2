// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_ENCRYPTION_H
#define HYSTERIAQT_ENCRYPTION_H

#include <HysteriaQt/hysteriaqt_global.h>

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>

#include <array>

namespace Hy {

// The key of a symmetrically encrypted column (AES-256-GCM): 32 raw bytes,
// or derived from a passphrase. Copies are independent; each wipes its bytes
// when destroyed, so the key lives in memory no longer than its holders.
class HYSTERIAQT_EXPORT EncryptionKey
{
public:
    static constexpr qsizetype Size = 32;

    // Invalid: a cipher refuses it.
    EncryptionKey() = default;
    EncryptionKey(const EncryptionKey &other) = default;
    EncryptionKey &operator=(const EncryptionKey &other) = default;
    ~EncryptionKey();

    // Exactly 32 bytes (e.g. from a key file or a secrets manager), else an invalid key.
    static EncryptionKey fromRawKey(QByteArrayView key);
    // PBKDF2-HMAC-SHA256 with 600,000 iterations, OWASP's figure for it
    // (2023): each guess at the passphrase costs an attacker as many HMACs. Slow by
    // design (a few hundred milliseconds): derive once per column and
    // process, and keep the key. The passphrase is bytes (the UTF-8 of a
    // text one). The salt need not be secret but should be random and kept
    // with the configuration; the same passphrase and salt always give the
    // same key, which is what lets one process read what another wrote. An
    // empty passphrase or salt gives an invalid key.
    static EncryptionKey fromPassphrase(QByteArrayView passphrase, QByteArrayView salt);

    bool isValid() const noexcept { return m_valid; }
    // The 32 key bytes, empty for an invalid key: what the library's ciphers
    // are keyed with. A view into this key, valid while it lives.
    QByteArrayView bytes() const noexcept
    {
        return m_valid ? QByteArrayView(m_bytes.data(), Size) : QByteArrayView();
    }

private:
    std::array<char, Size> m_bytes{};
    bool m_valid = false;
};

// An RSA key pair as PEM text: the public key as SubjectPublicKeyInfo
// ("-----BEGIN PUBLIC KEY-----"), the private key as unencrypted PKCS#8
// ("-----BEGIN PRIVATE KEY-----"). Keep the private key where the database
// is not: whoever has both reads every value.
struct KeyPair
{
    QByteArray publicKey;
    QByteArray privateKey;
};

// A new RSA key pair for asymmetrically encrypted columns. 3072 bits by
// default, NIST's figure for keys used beyond 2030 (SP 800-57); at least
// 2048 and at most 16384, else throws Hy::Error INVALID_VALUE. Takes from a
// fraction of a second to several seconds: generate once, offline.
HYSTERIAQT_EXPORT KeyPair generateKeyPair(int bits = 3072);

} // namespace Hy

#endif // HYSTERIAQT_ENCRYPTION_H
