// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_COLUMNCIPHER_P_H
#define HYSTERIAQT_COLUMNCIPHER_P_H

#include <HysteriaQt/encryption.h>
#include <HysteriaQt/hysteriaqt_global.h>

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QString>
#include <QtCore/QStringView>

#include <memory>
#include <optional>

namespace Hy::detail {

// Encrypts and decrypts the values of one encrypted column (formats in
// columncipher.cpp). Immutable once made, so copies are cheap and any number
// of threads may use one at the same time. Exported only for the test suite.
class HYSTERIAQT_EXPORT ColumnCipher
{
public:
    // Neither encrypts nor decrypts.
    ColumnCipher() = default;

    // AES-256-GCM under `key`. Throws Hy::Error INVALID_VALUE for an invalid key.
    static ColumnCipher symmetric(const EncryptionKey &key);
    // RSA-OAEP (SHA-256) wrapping a fresh AES-256-GCM key per value, from PEM
    // keys (as generateKeyPair() makes them; a private key may also be PKCS#1
    // "RSA PRIVATE KEY", but not encrypted). Either may be empty: a writer
    // needs only the public key, a reader only the private one. Throws
    // Hy::Error INVALID_VALUE when both are empty, when a given key is not an
    // RSA key of 2048 to 16384 bits, or when the two are not a pair.
    //
    // Anyone with the public key can write a value that decrypts: these
    // values keep what they hold secret, they do not say who wrote them.
    static ColumnCipher asymmetric(const QByteArray &publicKeyPem, const QByteArray &privateKeyPem);

    // The stored text of a value: ASCII, a version prefix then base64. Two
    // encryptions of the same text differ. Throws Hy::Error INVALID_VALUE when
    // this cipher cannot encrypt (no public key), or when OpenSSL fails.
    QString encrypt(QStringView plainText) const;
    // The plain text, or std::nullopt when the stored text is not a value
    // this cipher made: tampered with, truncated, garbage, of another version
    // or kind, encrypted under another key, or this cipher has no private key.
    std::optional<QString> decrypt(QStringView storedText) const;

    bool canEncrypt() const noexcept;
    bool canDecrypt() const noexcept;

private:
    struct Private;
    std::shared_ptr<const Private> d;
};

// PBKDF2-HMAC-SHA256 of `length` bytes, or an empty array when OpenSSL fails
// or an argument is out of range. EncryptionKey::fromPassphrase() is this
// with its fixed cost; apart for known-answer tests.
HYSTERIAQT_EXPORT QByteArray pbkdf2Sha256(QByteArrayView password, QByteArrayView salt, int iterations,
                                          int length);

} // namespace Hy::detail

#endif // HYSTERIAQT_COLUMNCIPHER_P_H
