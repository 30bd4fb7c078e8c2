// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "crypto/columncipher_p.h"
#include "testdatabases.h"

#include <HysteriaQt/Encryption>
#include <HysteriaQt/Error>

#include <QtCore/QRegularExpression>
#include <QtTest/QTest>

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

using Hy::EncryptionKey;
using Hy::ErrorCode;

#define HY_EXPECT_INVALID_VALUE(statement) HY_EXPECT_ERROR(statement, ErrorCode::InvalidValue)
using Hy::KeyPair;
using Hy::detail::ColumnCipher;

namespace {

ColumnCipher symmetricCipher(char fill = 'k')
{
    return ColumnCipher::symmetric(EncryptionKey::fromRawKey(QByteArray(EncryptionKey::Size, fill)));
}

// A key pair made by OpenSSL directly: the kinds of key the library refuses to make.
KeyPair opensslKeyPair(EVP_PKEY *key)
{
    const auto pem = [key](bool isPrivate) {
        std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
        if (!(isPrivate ? PEM_write_bio_PKCS8PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr)
                        : PEM_write_bio_PUBKEY(bio.get(), key)))
            qFatal("cannot write a PEM key");
        char *data = nullptr;
        const long size = BIO_get_mem_data(bio.get(), &data);
        return QByteArray(data, size);
    };
    KeyPair pair{pem(false), pem(true)};
    EVP_PKEY_free(key);
    return pair;
}

QString stored(const QString &prefix, const QByteArray &payload)
{
    return prefix + QString::fromLatin1(payload.toBase64());
}

QByteArray payloadOf(const QString &storedText)
{
    return QByteArray::fromBase64(storedText.mid(5).toLatin1());
}

const QString longText = QString(1 << 20, QLatin1Char('x'));

QString shown(const std::optional<QString> &plainText)
{
    return plainText ? *plainText : QStringLiteral("<refused>");
}

} // namespace

class tst_ColumnCipher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void rawKeysHave32Bytes();
    void invalidKeysAreRefused();
    void passphraseDerivation();
    void pbkdf2KnownAnswers();

    void roundTrip_data();
    void roundTrip();
    void storedTextIsVersionedAscii_data();
    void storedTextIsVersionedAscii();
    void sameTextEncryptsDifferently_data() { kinds(); }
    void sameTextEncryptsDifferently();
    void flippedPayloadBytesAreRejected_data() { kinds(); }
    void flippedPayloadBytesAreRejected();
    void changedCharactersAreRejected_data() { kinds(); }
    void changedCharactersAreRejected();
    void truncatedValuesAreRejected_data() { kinds(); }
    void truncatedValuesAreRejected();
    void otherVersionsAreRejected_data() { kinds(); }
    void otherVersionsAreRejected();
    void nonCanonicalBase64IsRejected_data() { kinds(); }
    void nonCanonicalBase64IsRejected();
    void garbageIsRejected_data();
    void garbageIsRejected();
    void wrongKeysAreRejected();

    void encryptOnly();
    void decryptOnly();
    void defaultCipherDoesNothing();
    void badKeysAreRefused_data();
    void badKeysAreRefused();
    void generatedKeyPairs();
    void weakKeyPairsAreRefused();

    void concurrentUse();

private:
    void kinds();
    ColumnCipher cipher(const QByteArray &kind) const { return kind == "symmetric" ? m_symmetric : m_asymmetric; }

    KeyPair m_pair;
    KeyPair m_otherPair;
    ColumnCipher m_symmetric;
    ColumnCipher m_asymmetric;
};

void tst_ColumnCipher::initTestCase()
{
    m_pair = Hy::generateKeyPair(2048);
    m_otherPair = Hy::generateKeyPair(2048);
    m_symmetric = symmetricCipher();
    m_asymmetric = ColumnCipher::asymmetric(m_pair.publicKey, m_pair.privateKey);
}

void tst_ColumnCipher::kinds()
{
    QTest::addColumn<QByteArray>("kind");
    QTest::newRow("symmetric") << QByteArray("symmetric");
    QTest::newRow("asymmetric") << QByteArray("asymmetric");
}

void tst_ColumnCipher::rawKeysHave32Bytes()
{
    QVERIFY(!EncryptionKey().isValid());
    QVERIFY(EncryptionKey().bytes().isEmpty());
    QVERIFY(!EncryptionKey::fromRawKey(QByteArray(31, 'k')).isValid());
    QVERIFY(!EncryptionKey::fromRawKey(QByteArray(33, 'k')).isValid());
    QVERIFY(!EncryptionKey::fromRawKey({}).isValid());
    const EncryptionKey key = EncryptionKey::fromRawKey(QByteArray(32, 'k'));
    QVERIFY(key.isValid());
    QCOMPARE(key.bytes().toByteArray(), QByteArray(32, 'k'));
    const EncryptionKey copy = key;
    QVERIFY(copy.isValid());
    QCOMPARE(copy.bytes().toByteArray(), key.bytes().toByteArray());
}

void tst_ColumnCipher::invalidKeysAreRefused()
{
    HY_EXPECT_INVALID_VALUE(ColumnCipher::symmetric(EncryptionKey()));
    HY_EXPECT_INVALID_VALUE(ColumnCipher::symmetric(EncryptionKey::fromRawKey(QByteArray(31, 'k'))));
    HY_EXPECT_INVALID_VALUE(ColumnCipher::symmetric(EncryptionKey::fromRawKey(QByteArray(33, 'k'))));
    HY_EXPECT_INVALID_VALUE(ColumnCipher::symmetric(EncryptionKey::fromPassphrase("secret", "")));
}

void tst_ColumnCipher::passphraseDerivation()
{
    const EncryptionKey key = EncryptionKey::fromPassphrase("correct horse", "salt-1");
    QVERIFY(key.isValid());
    QCOMPARE(key.bytes().size(), qsizetype(32));
    QCOMPARE(EncryptionKey::fromPassphrase("correct horse", "salt-1").bytes().toByteArray(), key.bytes().toByteArray());
    QVERIFY(EncryptionKey::fromPassphrase("correct horse", "salt-2").bytes() != key.bytes());
    QVERIFY(EncryptionKey::fromPassphrase("correct horsf", "salt-1").bytes() != key.bytes());
    // The documented cost, not fewer iterations.
    QCOMPARE(key.bytes().toByteArray(), Hy::detail::pbkdf2Sha256("correct horse", "salt-1", 600000, 32));
    QVERIFY(!EncryptionKey::fromPassphrase("correct horse", "").isValid());
    QVERIFY(!EncryptionKey::fromPassphrase("", "salt-1").isValid());

    const QString text = QStringLiteral("secret");
    const auto value = ColumnCipher::symmetric(key).encrypt(text);
    QCOMPARE(shown(ColumnCipher::symmetric(EncryptionKey::fromRawKey(key.bytes())).decrypt(value)), text);
}

void tst_ColumnCipher::pbkdf2KnownAnswers()
{
    // RFC 7914, section 11.
    QCOMPARE(Hy::detail::pbkdf2Sha256("passwd", "salt", 1, 64).toHex(),
             QByteArray("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                        "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"));
    QCOMPARE(Hy::detail::pbkdf2Sha256("Password", "NaCl", 80000, 64).toHex(),
             QByteArray("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                        "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d"));
    QVERIFY(Hy::detail::pbkdf2Sha256("passwd", "salt", 0, 64).isEmpty());
    QVERIFY(Hy::detail::pbkdf2Sha256("passwd", "salt", 1, 0).isEmpty());
}

void tst_ColumnCipher::roundTrip_data()
{
    QTest::addColumn<QByteArray>("kind");
    QTest::addColumn<QString>("text");
    const QList<std::pair<const char *, QString>> texts = {
        {"empty", QString()},
        {"ascii", QStringLiteral("Hello, world!")},
        {"unicode", QStringLiteral("d\u00e9j\u00e0 vu \u65e5\u672c \U0001F600\U0001D11E")},
        {"nul", QString(QChar(0)) + QStringLiteral("after nul")},
        {"1 MB", longText},
    };
    for (const char *kind : {"symmetric", "asymmetric"}) {
        for (const auto &[name, text] : texts)
            QTest::addRow("%s %s", kind, name) << QByteArray(kind) << text;
    }
    QTest::newRow("asymmetric 100 KB") << QByteArray("asymmetric") << QString(100 * 1024, QLatin1Char('y'));
}

void tst_ColumnCipher::roundTrip()
{
    QFETCH(QByteArray, kind);
    QFETCH(QString, text);
    const QString value = cipher(kind).encrypt(text);
    const std::optional<QString> decrypted = cipher(kind).decrypt(value);
    QVERIFY(decrypted);
    QCOMPARE(*decrypted, text);
    QVERIFY(!decrypted->isNull());
    // Another cipher made from the same keys reads it.
    const ColumnCipher again = kind == "symmetric" ? symmetricCipher()
                                                   : ColumnCipher::asymmetric({}, m_pair.privateKey);
    QCOMPARE(shown(again.decrypt(value)), text);
}

void tst_ColumnCipher::storedTextIsVersionedAscii_data()
{
    QTest::addColumn<QByteArray>("kind");
    QTest::addColumn<QString>("prefix");
    QTest::newRow("symmetric") << QByteArray("symmetric") << QStringLiteral("hy1s:");
    QTest::newRow("asymmetric") << QByteArray("asymmetric") << QStringLiteral("hy1a:");
}

void tst_ColumnCipher::storedTextIsVersionedAscii()
{
    QFETCH(QByteArray, kind);
    QFETCH(QString, prefix);
    const QString text = QStringLiteral("\u00e9\U0001F600 and more");
    const QString value = cipher(kind).encrypt(text);
    QVERIFY2(value.startsWith(prefix), qPrintable(value));
    for (const QChar c : value)
        QVERIFY2(c.unicode() > 0x20 && c.unicode() < 0x7f, qPrintable(value));
    const QByteArray payload = payloadOf(value);
    const qsizetype utf8Size = text.toUtf8().size();
    if (kind == "symmetric") {
        QCOMPARE(payload.size(), 12 + utf8Size + 16);
    } else {
        QCOMPARE(payload.size(), 2 + 256 + 12 + utf8Size + 16);
        QCOMPARE(uchar(payload[0]), uchar(1));
        QCOMPARE(uchar(payload[1]), uchar(0));
    }
}

void tst_ColumnCipher::sameTextEncryptsDifferently()
{
    QFETCH(QByteArray, kind);
    const QString first = cipher(kind).encrypt(QStringLiteral("same"));
    const QString second = cipher(kind).encrypt(QStringLiteral("same"));
    QVERIFY(first != second);
    // The nonces differ, not only the wrapped keys.
    const QByteArray a = payloadOf(first);
    const QByteArray b = payloadOf(second);
    QVERIFY(a.right(12 + 4 + 16).left(12) != b.right(12 + 4 + 16).left(12));
}

void tst_ColumnCipher::flippedPayloadBytesAreRejected()
{
    QFETCH(QByteArray, kind);
    const QString value = cipher(kind).encrypt(QStringLiteral("pay me"));
    const QString prefix = value.left(5);
    const QByteArray payload = payloadOf(value);
    QCOMPARE(shown(cipher(kind).decrypt(stored(prefix, payload))), QStringLiteral("pay me"));
    for (qsizetype i = 0; i < payload.size(); ++i) {
        for (const char bit : {'\x01', '\x80'}) {
            QByteArray changed = payload;
            changed[i] = char(changed[i] ^ bit);
            QVERIFY2(!cipher(kind).decrypt(stored(prefix, changed)), qPrintable(QString::number(i)));
        }
    }
}

void tst_ColumnCipher::changedCharactersAreRejected()
{
    QFETCH(QByteArray, kind);
    const QString value = cipher(kind).encrypt(QStringLiteral("pay me"));
    for (qsizetype i = 0; i < value.size(); ++i) {
        QString changed = value;
        changed[i] = QChar(changed[i].unicode() ^ 1);
        QVERIFY2(!cipher(kind).decrypt(changed), qPrintable(changed));
    }
}

void tst_ColumnCipher::truncatedValuesAreRejected()
{
    QFETCH(QByteArray, kind);
    const QString value = cipher(kind).encrypt(QStringLiteral("pay me"));
    for (qsizetype length = 0; length < value.size(); ++length)
        QVERIFY2(!cipher(kind).decrypt(value.left(length)), qPrintable(value.left(length)));
    const QByteArray payload = payloadOf(value);
    for (qsizetype length = 0; length < payload.size(); ++length) {
        QVERIFY2(!cipher(kind).decrypt(stored(value.left(5), payload.left(length))),
                 qPrintable(QString::number(length)));
    }
    // Nor can anything be added.
    QVERIFY(!cipher(kind).decrypt(stored(value.left(5), payload + '\0')));
}

void tst_ColumnCipher::otherVersionsAreRejected()
{
    QFETCH(QByteArray, kind);
    const QString value = cipher(kind).encrypt(QStringLiteral("pay me"));
    const QString base64 = value.mid(5);
    QVERIFY(cipher(kind).decrypt(value));
    for (const char *prefix : {"hy0s:", "hy2s:", "hy0a:", "hy2a:", "HY1S:", "HY1A:", "hy1x:", "", "hy1s", "hy1a",
                               " hy1s:", " hy1a:", "hy1s::", "hy1a::"}) {
        const QString other = QLatin1StringView(prefix) + base64;
        QVERIFY2(!cipher(kind).decrypt(other), qPrintable(other));
    }
    // The prefix of the other kind.
    const QString swapped = (kind == "symmetric" ? QStringLiteral("hy1a:") : QStringLiteral("hy1s:")) + base64;
    QVERIFY(!cipher(kind).decrypt(swapped));
    QVERIFY(!cipher(kind).decrypt(value + QLatin1Char('\n')));
    QVERIFY(!cipher(kind).decrypt(value + QLatin1Char(' ')));
}

void tst_ColumnCipher::nonCanonicalBase64IsRejected()
{
    QFETCH(QByteArray, kind);
    const QByteArray alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    // Payloads of 1 and 2 bytes more than a multiple of 3: base64 ending in
    // "==" or "=", after a character with 4 or 2 bits that encode nothing.
    for (const QString &text : {QStringLiteral("pay me"), QStringLiteral("pay me!")}) {
        const QString value = cipher(kind).encrypt(text);
        const qsizetype padding = value.size() - value.lastIndexOf(QRegularExpression(QStringLiteral("[^=]"))) - 1;
        QCOMPARE(padding, qsizetype(text.size() == 6 ? 2 : 1));
        QVERIFY(cipher(kind).decrypt(value));

        const QString unpadded = value.chopped(padding);
        QCOMPARE(QByteArray::fromBase64(unpadded.mid(5).toLatin1()), payloadOf(value));
        QVERIFY(!cipher(kind).decrypt(unpadded));
        QVERIFY(!cipher(kind).decrypt(value.chopped(1)));

        QString strayBits = value;
        const qsizetype last = value.size() - padding - 1;
        strayBits[last] = QLatin1Char(alphabet[alphabet.indexOf(value[last].toLatin1()) ^ 1]);
        QCOMPARE(QByteArray::fromBase64(strayBits.mid(5).toLatin1()), payloadOf(value));
        QVERIFY(!cipher(kind).decrypt(strayBits));

        for (const char *space : {" ", "\n", "\r\n", "\t"}) {
            QString spaced = value;
            spaced.insert(12, QLatin1StringView(space));
            QVERIFY(!cipher(kind).decrypt(spaced));
        }
    }
}

void tst_ColumnCipher::garbageIsRejected_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("plain text") << QStringLiteral("not encrypted");
    QTest::newRow("prefix only") << QStringLiteral("hy1s:");
    QTest::newRow("padding only") << QStringLiteral("hy1s:====");
    QTest::newRow("not base64") << QStringLiteral("hy1s:!!!!");
    QTest::newRow("short payload") << QStringLiteral("hy1s:AAAA");
    QTest::newRow("zeros") << stored(QStringLiteral("hy1s:"), QByteArray(64, '\0'));
    QTest::newRow("zeros, asymmetric") << stored(QStringLiteral("hy1a:"), QByteArray(400, '\0'));
    QTest::newRow("wrapped key too long")
        << stored(QStringLiteral("hy1a:"), QByteArray("\xff\xff") + QByteArray(400, 'a'));
    QTest::newRow("non-ASCII") << QStringLiteral("hy1s:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\u00e9");
    QTest::newRow("url-safe base64") << QStringLiteral("hy1s:-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_");
}

void tst_ColumnCipher::garbageIsRejected()
{
    QFETCH(QString, text);
    QVERIFY(!m_symmetric.decrypt(text));
    QVERIFY(!m_asymmetric.decrypt(text));
}

void tst_ColumnCipher::wrongKeysAreRejected()
{
    const QString text = QStringLiteral("for your eyes only");
    const QString symmetricValue = m_symmetric.encrypt(text);
    QVERIFY(!symmetricCipher('o').decrypt(symmetricValue));
    QVERIFY(!ColumnCipher::symmetric(EncryptionKey::fromPassphrase("k", "salt")).decrypt(symmetricValue));

    const QString asymmetricValue = m_asymmetric.encrypt(text);
    QVERIFY(!ColumnCipher::asymmetric({}, m_otherPair.privateKey).decrypt(asymmetricValue));
    QVERIFY(!ColumnCipher::asymmetric(m_otherPair.publicKey, m_otherPair.privateKey).decrypt(asymmetricValue));

    QVERIFY(!m_asymmetric.decrypt(symmetricValue));
    QVERIFY(!m_symmetric.decrypt(asymmetricValue));
}

void tst_ColumnCipher::encryptOnly()
{
    const ColumnCipher writer = ColumnCipher::asymmetric(m_pair.publicKey, {});
    QVERIFY(writer.canEncrypt());
    QVERIFY(!writer.canDecrypt());
    const QString value = writer.encrypt(QStringLiteral("drop box"));
    QVERIFY(!writer.decrypt(value));
    QCOMPARE(shown(m_asymmetric.decrypt(value)), QStringLiteral("drop box"));
}

void tst_ColumnCipher::decryptOnly()
{
    const ColumnCipher reader = ColumnCipher::asymmetric({}, m_pair.privateKey);
    QVERIFY(!reader.canEncrypt());
    QVERIFY(reader.canDecrypt());
    HY_EXPECT_INVALID_VALUE(reader.encrypt(QStringLiteral("nope")));
    QCOMPARE(shown(reader.decrypt(m_asymmetric.encrypt(QStringLiteral("read me")))), QStringLiteral("read me"));
}

void tst_ColumnCipher::defaultCipherDoesNothing()
{
    const ColumnCipher none;
    QVERIFY(!none.canEncrypt());
    QVERIFY(!none.canDecrypt());
    HY_EXPECT_INVALID_VALUE(none.encrypt(QStringLiteral("nope")));
    QVERIFY(!none.decrypt(m_symmetric.encrypt(QStringLiteral("nope"))));
    QVERIFY(m_symmetric.canEncrypt() && m_symmetric.canDecrypt());
    QVERIFY(m_asymmetric.canEncrypt() && m_asymmetric.canDecrypt());
}

void tst_ColumnCipher::badKeysAreRefused_data()
{
    QTest::addColumn<QByteArray>("publicKey");
    QTest::addColumn<QByteArray>("privateKey");
    const KeyPair weak = opensslKeyPair(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(1024)));
    const KeyPair ec = opensslKeyPair(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    QVERIFY(weak.publicKey.startsWith("-----BEGIN PUBLIC KEY-----"));
    QTest::newRow("none") << QByteArray() << QByteArray();
    QTest::newRow("garbage public") << QByteArray("not a key") << QByteArray();
    QTest::newRow("garbage private") << QByteArray() << QByteArray("not a key");
    QTest::newRow("empty PEM") << QByteArray("-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n") << QByteArray();
    QTest::newRow("truncated public") << m_pair.publicKey.left(m_pair.publicKey.size() / 2) << QByteArray();
    QTest::newRow("truncated private") << QByteArray() << m_pair.privateKey.left(m_pair.privateKey.size() / 2);
    QTest::newRow("private as public") << m_pair.privateKey << QByteArray();
    QTest::newRow("public as private") << QByteArray() << m_pair.publicKey;
    QTest::newRow("1024-bit public") << weak.publicKey << QByteArray();
    QTest::newRow("1024-bit private") << QByteArray() << weak.privateKey;
    QTest::newRow("EC public") << ec.publicKey << QByteArray();
    QTest::newRow("EC private") << QByteArray() << ec.privateKey;
    QTest::newRow("not a pair") << m_pair.publicKey << m_otherPair.privateKey;
}

void tst_ColumnCipher::badKeysAreRefused()
{
    QFETCH(QByteArray, publicKey);
    QFETCH(QByteArray, privateKey);
    HY_EXPECT_INVALID_VALUE(ColumnCipher::asymmetric(publicKey, privateKey));
}

void tst_ColumnCipher::generatedKeyPairs()
{
    QVERIFY(m_pair.publicKey.startsWith("-----BEGIN PUBLIC KEY-----\n"));
    QVERIFY(m_pair.privateKey.startsWith("-----BEGIN PRIVATE KEY-----\n"));
    QVERIFY(m_pair.publicKey != m_otherPair.publicKey);
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(m_pair.publicKey.constData(), int(m_pair.publicKey.size())), &BIO_free);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr), &EVP_PKEY_free);
    QVERIFY(key);
    QVERIFY(EVP_PKEY_is_a(key.get(), "RSA"));
    QCOMPARE(EVP_PKEY_get_bits(key.get()), 2048);
}

void tst_ColumnCipher::weakKeyPairsAreRefused()
{
    HY_EXPECT_INVALID_VALUE(Hy::generateKeyPair(1024));
    HY_EXPECT_INVALID_VALUE(Hy::generateKeyPair(2047));
    HY_EXPECT_INVALID_VALUE(Hy::generateKeyPair(0));
    HY_EXPECT_INVALID_VALUE(Hy::generateKeyPair(-2048));
    HY_EXPECT_INVALID_VALUE(Hy::generateKeyPair(1 << 20));
}

void tst_ColumnCipher::concurrentUse()
{
    constexpr int Threads = 8;
    constexpr int Values = 200;
    std::atomic<int> succeeded{0};
    std::atomic<int> failed{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < Threads; ++t) {
        threads.emplace_back([&, t] {
            // Copies share the key; the originals are used from every thread too.
            const ColumnCipher symmetric = m_symmetric;
            const ColumnCipher asymmetric = m_asymmetric;
            for (int i = 0; i < Values; ++i) {
                const QString text = QStringLiteral("thread %1 value %2 \U0001F600").arg(t).arg(i);
                try {
                    const bool ok = m_symmetric.decrypt(symmetric.encrypt(text)) == text
                        && asymmetric.decrypt(m_asymmetric.encrypt(text)) == text
                        && !m_symmetric.decrypt(text) && !m_asymmetric.decrypt(text);
                    (ok ? succeeded : failed)++;
                } catch (...) {
                    failed++;
                }
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(failed.load(), 0);
    QCOMPARE(succeeded.load(), Threads * Values);
}

QTEST_APPLESS_MAIN(tst_ColumnCipher)

#include "tst_columncipher.moc"
