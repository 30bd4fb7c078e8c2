// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT

// Stored formats. A value is ASCII, so that it fits a TEXT column of SQLite,
// PostgreSQL and MariaDB unchanged: a prefix naming its kind and format
// version, then the standard base64, padded, of a binary payload:
//
//   hy1s:  base64(nonce[12] | ciphertext | tag[16])
//          AES-256-GCM under the column's key.
//   hy1a:  base64(wrappedKeyLength[2, big-endian] | wrappedKey | nonce[12] | ciphertext | tag[16])
//          AES-256-GCM under a random key of the value's own, wrapped with
//          RSA-OAEP (SHA-256, MGF1 with SHA-256) for the column's public
//          key; wrappedKeyLength is the size of the RSA modulus in bytes.
//
// The ciphertext is that of the value's UTF-8, and the prefix is GCM's
// additional authenticated data: a later format cannot be passed off as this
// one. Decryption accepts only what encryption writes, byte for byte
// (canonical base64, exact lengths), so any change to a value is refused.
//
// Nonces are random: below 2^32 values per key, NIST's bound for random
// 96-bit nonces (SP 800-38D), a repeat stays negligible.

#include "crypto/columncipher_p.h"

#include <HysteriaQt/error.h>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/core_names.h>
#include <openssl/params.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstring>

namespace Hy {

namespace {

template<auto Free>
struct Deleter
{
    template<typename T>
    void operator()(T *object) const noexcept { Free(object); }
};
using CipherPtr = std::unique_ptr<EVP_CIPHER, Deleter<EVP_CIPHER_free>>;
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, Deleter<EVP_CIPHER_CTX_free>>;
using MdPtr = std::unique_ptr<EVP_MD, Deleter<EVP_MD_free>>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free>>;

constexpr int KeySize = int(EncryptionKey::Size);
constexpr int NonceSize = 12;
constexpr int TagSize = 16;
constexpr int MinRsaBits = 2048;
// OpenSSL's own limit for RSA encryption (OPENSSL_RSA_MAX_MODULUS_BITS).
constexpr int MaxRsaBits = 16384;
constexpr int PassphraseIterations = 600000;

constexpr QLatin1StringView SymmetricPrefix("hy1s:");
constexpr QLatin1StringView AsymmetricPrefix("hy1a:");

using AesKey = std::array<unsigned char, KeySize>;

// Key material in a temporary is wiped on every way out of its scope.
template<typename Buffer>
struct Wiper
{
    Buffer &buffer;
    ~Wiper() { OPENSSL_cleanse(buffer.data(), size_t(buffer.size())); }
};
template<typename Buffer>
Wiper(Buffer &) -> Wiper<Buffer>;

// OpenSSL reports failures on a per-thread queue that its other users in
// the process (libpq, Qt Network) read for errors of their own: whatever a
// call here adds is taken off again.
struct ErrorQueueGuard
{
    ErrorQueueGuard() { ERR_set_mark(); }
    ~ErrorQueueGuard() { ERR_pop_to_mark(); }
    ErrorQueueGuard(const ErrorQueueGuard &) = delete;
    ErrorQueueGuard &operator=(const ErrorQueueGuard &) = delete;
};

[[noreturn]] void fail(const QString &message)
{
    throw Error(ErrorCode::InvalidValue, message);
}

const EVP_CIPHER *aes256Gcm()
{
    // Fetched once (thread-safe static): a fetch searches the providers under a lock.
    static const CipherPtr cipher(EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr));
    return cipher.get();
}

const unsigned char *bytes(const char *data)
{
    return reinterpret_cast<const unsigned char *>(data);
}

unsigned char *bytes(char *data)
{
    return reinterpret_cast<unsigned char *>(data);
}

// EVP takes int lengths: more than 1 GB goes through in pieces.
bool cipherUpdate(EVP_CIPHER_CTX *ctx, const char *in, qsizetype size, char *out)
{
    constexpr qsizetype Piece = qsizetype(1) << 30;
    while (size > 0) {
        const int length = int(std::min(size, Piece));
        int written = 0;
        if (EVP_CipherUpdate(ctx, bytes(out), &written, bytes(in), length) != 1 || written != length)
            return false;
        in += length;
        out += length;
        size -= length;
    }
    return true;
}

bool addAad(EVP_CIPHER_CTX *ctx, QLatin1StringView aad)
{
    int written = 0;
    return EVP_CipherUpdate(ctx, nullptr, &written, bytes(aad.data()), int(aad.size())) == 1;
}

// Appends nonce | ciphertext | tag of `plain` under `key` to `out`.
bool seal(const unsigned char *key, QLatin1StringView aad, QByteArrayView plain, QByteArray &out)
{
    const EVP_CIPHER *cipher = aes256Gcm();
    const CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!cipher || !ctx)
        return false;
    const qsizetype start = out.size();
    out.resize(start + NonceSize + plain.size() + TagSize);
    char *nonce = out.data() + start;
    char *cipherText = nonce + NonceSize;
    char *tag = cipherText + plain.size();
    if (RAND_bytes(bytes(nonce), NonceSize) != 1
        || EVP_CipherInit_ex2(ctx.get(), cipher, key, bytes(nonce), 1, nullptr) != 1 || !addAad(ctx.get(), aad)
        || !cipherUpdate(ctx.get(), plain.data(), plain.size(), cipherText))
        return false;
    // GCM writes nothing at the end; the room is for EVP's contract.
    std::array<unsigned char, 32> finalBlock{};
    int written = 0;
    if (EVP_CipherFinal_ex(ctx.get(), finalBlock.data(), &written) != 1 || written != 0)
        return false;
    OSSL_PARAM params[] = {OSSL_PARAM_construct_octet_string(OSSL_CIPHER_PARAM_AEAD_TAG, tag, TagSize),
                           OSSL_PARAM_construct_end()};
    return EVP_CIPHER_CTX_get_params(ctx.get(), params) == 1;
}

// The plaintext of nonce | ciphertext | tag, or nullopt unless the tag proves
// it was sealed under `key` with `aad`.
std::optional<QByteArray> openSealed(const unsigned char *key, QLatin1StringView aad, QByteArrayView sealed)
{
    if (sealed.size() < NonceSize + TagSize)
        return std::nullopt;
    const EVP_CIPHER *cipher = aes256Gcm();
    const CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!cipher || !ctx)
        return std::nullopt;
    const QByteArrayView nonce = sealed.first(NonceSize);
    const QByteArrayView cipherText = sealed.sliced(NonceSize, sealed.size() - NonceSize - TagSize);
    std::array<char, TagSize> tag;
    std::memcpy(tag.data(), sealed.last(TagSize).data(), TagSize);
    OSSL_PARAM params[] = {OSSL_PARAM_construct_octet_string(OSSL_CIPHER_PARAM_AEAD_TAG, tag.data(), TagSize),
                           OSSL_PARAM_construct_end()};
    QByteArray plain(cipherText.size(), Qt::Uninitialized);
    std::array<unsigned char, 32> finalBlock{};
    int written = 0;
    if (EVP_CipherInit_ex2(ctx.get(), cipher, key, bytes(nonce.data()), 0, nullptr) != 1
        || !addAad(ctx.get(), aad) || !cipherUpdate(ctx.get(), cipherText.data(), cipherText.size(), plain.data())
        || EVP_CIPHER_CTX_set_params(ctx.get(), params) != 1
        || EVP_CipherFinal_ex(ctx.get(), finalBlock.data(), &written) != 1 || written != 0) {
        // Unauthenticated plaintext is not let out, not even in freed memory.
        OPENSSL_cleanse(plain.data(), size_t(plain.size()));
        return std::nullopt;
    }
    return plain;
}

// The payload of a stored text of the given prefix, when it is exactly what
// encryption writes.
std::optional<QByteArray> payloadOf(QStringView storedText, QLatin1StringView prefix)
{
    if (!storedText.startsWith(prefix))
        return std::nullopt;
    const QStringView text = storedText.sliced(prefix.size());
    QByteArray base64(text.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c >= 0x80)
            return std::nullopt;
        base64[i] = char(c);
    }
    auto result = QByteArray::fromBase64Encoding(base64, QByteArray::AbortOnBase64DecodingErrors);
    // Qt accepts missing padding and stray bits in the last character, which
    // would let one value have several spellings: only the canonical one is.
    if (!result || result.decoded.toBase64() != base64)
        return std::nullopt;
    return std::move(result.decoded);
}

PkeyCtxPtr oaepContext(EVP_PKEY *key, bool encrypt)
{
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
    if (!ctx || (encrypt ? EVP_PKEY_encrypt_init(ctx.get()) : EVP_PKEY_decrypt_init(ctx.get())) <= 0
        || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_OAEP_PADDING) <= 0
        || EVP_PKEY_CTX_set_rsa_oaep_md_name(ctx.get(), "SHA256", nullptr) <= 0
        || EVP_PKEY_CTX_set_rsa_mgf1_md_name(ctx.get(), "SHA256", nullptr) <= 0)
        return nullptr;
    return ctx;
}

// `key` wrapped for `publicKey`, appended to `out` after its length.
bool wrapKey(EVP_PKEY *publicKey, const AesKey &key, QByteArray &out)
{
    const PkeyCtxPtr ctx = oaepContext(publicKey, true);
    const int size = EVP_PKEY_get_size(publicKey);
    size_t written = size_t(size);
    if (!ctx || size <= 0 || size > 0xffff)
        return false;
    const qsizetype start = out.size();
    out.resize(start + 2 + size);
    out[start] = char(size >> 8);
    out[start + 1] = char(size & 0xff);
    return EVP_PKEY_encrypt(ctx.get(), bytes(out.data() + start + 2), &written, key.data(), key.size()) > 0
        && written == size_t(size);
}

bool unwrapKey(EVP_PKEY *privateKey, QByteArrayView wrapped, AesKey &key)
{
    const PkeyCtxPtr ctx = oaepContext(privateKey, false);
    std::array<unsigned char, MaxRsaBits / 8> buffer;
    const Wiper wiper{buffer};
    size_t written = buffer.size();
    if (!ctx
        || EVP_PKEY_decrypt(ctx.get(), buffer.data(), &written, bytes(wrapped.data()), size_t(wrapped.size())) <= 0
        || written != key.size())
        return false;
    std::memcpy(key.data(), buffer.data(), key.size());
    return true;
}

int refusePassword(char *, int, int, void *)
{
    // Encrypted PEM is refused rather than prompted for on the terminal.
    return -1;
}

PkeyPtr readKey(const QByteArray &pem, bool isPrivate, const char *what)
{
    const BioPtr bio(pem.size() <= INT_MAX ? BIO_new_mem_buf(pem.constData(), int(pem.size())) : nullptr);
    PkeyPtr key;
    if (bio) {
        key.reset(isPrivate ? PEM_read_bio_PrivateKey(bio.get(), nullptr, refusePassword, nullptr)
                            : PEM_read_bio_PUBKEY(bio.get(), nullptr, refusePassword, nullptr));
    }
    if (!key) {
        fail(QStringLiteral("The %1 of an encrypted column is not a PEM %2 key")
                 .arg(QLatin1StringView(what),
                      QLatin1StringView(isPrivate ? "unencrypted private" : "public (SubjectPublicKeyInfo)")));
    }
    const int bits = EVP_PKEY_get_bits(key.get());
    if (!EVP_PKEY_is_a(key.get(), "RSA") || bits < MinRsaBits || bits > MaxRsaBits) {
        fail(QStringLiteral("The %1 of an encrypted column is not an RSA key of %2 to %3 bits")
                 .arg(QLatin1StringView(what))
                 .arg(MinRsaBits)
                 .arg(MaxRsaBits));
    }
    return key;
}

QByteArray pemOf(EVP_PKEY *key, bool isPrivate)
{
    // Secure memory for the private key: BIO_free wipes it.
    const BioPtr bio(BIO_new(isPrivate ? BIO_s_secmem() : BIO_s_mem()));
    if (!bio
        || (isPrivate ? PEM_write_bio_PKCS8PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr)
                      : PEM_write_bio_PUBKEY(bio.get(), key))
               != 1)
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return size > 0 ? QByteArray(data, qsizetype(size)) : QByteArray();
}

} // namespace

EncryptionKey::~EncryptionKey()
{
    OPENSSL_cleanse(m_bytes.data(), m_bytes.size());
}

EncryptionKey EncryptionKey::fromRawKey(QByteArrayView key)
{
    EncryptionKey result;
    if (key.size() == Size) {
        std::memcpy(result.m_bytes.data(), key.data(), Size);
        result.m_valid = true;
    }
    return result;
}

// PBKDF2 rather than scrypt: every OpenSSL provider has it, FIPS included,
// and its cost is time alone, not memory a process may be short of.
EncryptionKey EncryptionKey::fromPassphrase(QByteArrayView passphrase, QByteArrayView salt)
{
    EncryptionKey result;
    if (passphrase.isEmpty() || salt.isEmpty())
        return result;
    QByteArray derived = detail::pbkdf2Sha256(passphrase, salt, PassphraseIterations, KeySize);
    const Wiper wiper{derived};
    if (derived.size() == Size) {
        std::memcpy(result.m_bytes.data(), derived.constData(), Size);
        result.m_valid = true;
    }
    return result;
}

KeyPair generateKeyPair(int bits)
{
    if (bits < MinRsaBits || bits > MaxRsaBits) {
        fail(QStringLiteral("An RSA key for an encrypted column needs %1 to %2 bits, not %3")
                 .arg(MinRsaBits)
                 .arg(MaxRsaBits)
                 .arg(bits));
    }
    const ErrorQueueGuard guard;
    const PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(bits)));
    KeyPair pair;
    if (key) {
        pair.publicKey = pemOf(key.get(), false);
        pair.privateKey = pemOf(key.get(), true);
    }
    if (pair.publicKey.isEmpty() || pair.privateKey.isEmpty())
        fail(QStringLiteral("OpenSSL could not generate an RSA key pair"));
    return pair;
}

namespace detail {

QByteArray pbkdf2Sha256(QByteArrayView password, QByteArrayView salt, int iterations, int length)
{
    if (iterations < 1 || length < 1 || password.size() > INT_MAX || salt.size() > INT_MAX)
        return {};
    const ErrorQueueGuard guard;
    const MdPtr sha256(EVP_MD_fetch(nullptr, "SHA2-256", nullptr));
    QByteArray key(length, Qt::Uninitialized);
    if (!sha256
        || PKCS5_PBKDF2_HMAC(password.data(), int(password.size()), bytes(salt.data()), int(salt.size()),
                             iterations, sha256.get(), length, bytes(key.data()))
               != 1) {
        OPENSSL_cleanse(key.data(), size_t(key.size()));
        return {};
    }
    return key;
}

struct ColumnCipher::Private
{
    ~Private() { OPENSSL_cleanse(key.data(), key.size()); }

    bool isSymmetric = false;
    AesKey key{};
    PkeyPtr publicKey;
    PkeyPtr privateKey;
};

ColumnCipher ColumnCipher::symmetric(const EncryptionKey &key)
{
    if (!key.isValid()) {
        fail(QStringLiteral("The key of an encrypted column is not valid: it needs exactly 32 bytes, "
                            "or a passphrase and a salt that are not empty"));
    }
    auto d = std::make_shared<Private>();
    d->isSymmetric = true;
    std::memcpy(d->key.data(), key.bytes().data(), d->key.size());
    ColumnCipher cipher;
    cipher.d = std::move(d);
    return cipher;
}

ColumnCipher ColumnCipher::asymmetric(const QByteArray &publicKeyPem, const QByteArray &privateKeyPem)
{
    if (publicKeyPem.isEmpty() && privateKeyPem.isEmpty())
        fail(QStringLiteral("An asymmetrically encrypted column needs a public key, a private key or both"));
    const ErrorQueueGuard guard;
    auto d = std::make_shared<Private>();
    if (!publicKeyPem.isEmpty())
        d->publicKey = readKey(publicKeyPem, false, "public key");
    if (!privateKeyPem.isEmpty())
        d->privateKey = readKey(privateKeyPem, true, "private key");
    // A mismatched pair would write values that its own reader cannot read.
    if (d->publicKey && d->privateKey && EVP_PKEY_eq(d->publicKey.get(), d->privateKey.get()) != 1)
        fail(QStringLiteral("The public and private keys of an encrypted column are not a pair"));
    ColumnCipher cipher;
    cipher.d = std::move(d);
    return cipher;
}

bool ColumnCipher::canEncrypt() const noexcept
{
    return d && (d->isSymmetric || d->publicKey);
}

bool ColumnCipher::canDecrypt() const noexcept
{
    return d && (d->isSymmetric || d->privateKey);
}

QString ColumnCipher::encrypt(QStringView plainText) const
{
    if (!canEncrypt())
        fail(QStringLiteral("This encrypted column has no key to encrypt with: a private key alone only decrypts"));
    const ErrorQueueGuard guard;
    const QByteArray plain = plainText.toUtf8();
    QByteArray payload;
    bool sealed = false;
    if (d->isSymmetric) {
        payload.reserve(NonceSize + plain.size() + TagSize);
        sealed = seal(d->key.data(), SymmetricPrefix, plain, payload);
    } else {
        AesKey key;
        const Wiper wiper{key};
        payload.reserve(2 + EVP_PKEY_get_size(d->publicKey.get()) + NonceSize + plain.size() + TagSize);
        sealed = RAND_bytes(key.data(), KeySize) == 1 && wrapKey(d->publicKey.get(), key, payload)
            && seal(key.data(), AsymmetricPrefix, plain, payload);
    }
    if (!sealed)
        fail(QStringLiteral("OpenSSL could not encrypt a value"));
    QString storedText(d->isSymmetric ? SymmetricPrefix : AsymmetricPrefix);
    storedText += QLatin1StringView(payload.toBase64());
    return storedText;
}

std::optional<QString> ColumnCipher::decrypt(QStringView storedText) const
{
    if (!canDecrypt())
        return std::nullopt;
    const ErrorQueueGuard guard;
    std::optional<QByteArray> plain;
    if (d->isSymmetric) {
        if (const auto payload = payloadOf(storedText, SymmetricPrefix))
            plain = openSealed(d->key.data(), SymmetricPrefix, *payload);
    } else if (const auto payload = payloadOf(storedText, AsymmetricPrefix); payload && payload->size() >= 2) {
        const qsizetype wrappedSize = (qsizetype(uchar(payload->at(0))) << 8) | uchar(payload->at(1));
        AesKey key;
        const Wiper wiper{key};
        if (wrappedSize == EVP_PKEY_get_size(d->privateKey.get())
            && payload->size() >= 2 + wrappedSize + NonceSize + TagSize
            && unwrapKey(d->privateKey.get(), QByteArrayView(*payload).sliced(2, wrappedSize), key)) {
            plain = openSealed(key.data(), AsymmetricPrefix, QByteArrayView(*payload).sliced(2 + wrappedSize));
        }
    }
    if (!plain)
        return std::nullopt;
    // Empty but not null: the column held a value.
    return plain->isEmpty() ? QStringLiteral("") : QString::fromUtf8(*plain);
}

} // namespace detail

} // namespace Hy
