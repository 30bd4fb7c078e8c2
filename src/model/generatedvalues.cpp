// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "model/generatedvalues_p.h"

#include <QtCore/QDateTime>
#include <QtCore/QMutex>
#include <QtCore/QRandomGenerator>

#include <array>
#include <cstring>

namespace Hy::detail {

namespace {

constexpr char Alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr int UlidLength = 26;

// 128 bits, most significant byte first: 6 bytes of time, 10 of randomness.
using UlidBits = std::array<quint8, 16>;

QString encode(const UlidBits &bits)
{
    // 26 characters of 5 bits are 130 bits: the first two are zero.
    auto bit = [&bits](int index) { // index 0 is the 130-bit number's first bit
        const int position = index - 2;
        if (position < 0)
            return 0;
        return (bits[std::size_t(position / 8)] >> (7 - position % 8)) & 1;
    };
    QString text(UlidLength, Qt::Uninitialized);
    for (int c = 0; c < UlidLength; ++c) {
        int value = 0;
        for (int b = 0; b < 5; ++b)
            value = value << 1 | bit(c * 5 + b);
        text[c] = QLatin1Char(Alphabet[value]);
    }
    return text;
}

} // namespace

QString newUlid()
{
    static QMutex mutex;
    static qint64 lastTime = -1;
    static UlidBits last{};

    const QMutexLocker locker(&mutex);
    qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now <= lastTime) {
        // The same millisecond (or a clock set back): the previous ULID plus
        // one, carrying into the time if the randomness is all ones.
        now = lastTime;
        int i = int(last.size()) - 1;
        while (i >= 0 && ++last[std::size_t(i)] == 0)
            --i;
        if (i < 6) // the carry reached the time
            lastTime = now = now + 1;
    } else {
        lastTime = now;
        for (int i = 0; i < 6; ++i)
            last[std::size_t(i)] = quint8(now >> (8 * (5 - i)));
        QRandomGenerator::system()->generate(last.begin() + 6, last.end());
    }
    return encode(last);
}

QString normalizedUlid(QStringView text)
{
    if (text.size() != UlidLength)
        return {};
    QString upper = text.toString().toUpper();
    // The first character holds 3 bits only: above 7 the time overflows 48 bits.
    if (upper[0] > u'7')
        return {};
    for (const QChar c : upper) {
        if (c.unicode() > 127 || !std::strchr(Alphabet, char(c.unicode())) || c == QChar(0))
            return {};
    }
    return upper;
}

} // namespace Hy::detail
