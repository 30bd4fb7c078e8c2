// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "model/datetime_p.h"


#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
#include <QtCore/QTimeZone>
#endif

#include <cmath>

namespace Hy::detail {

QDateTime utcDateTime(QDate date, QTime time)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime(date, time, QTimeZone::UTC);
#else
    return QDateTime(date, time, Qt::UTC);
#endif
}

namespace {

class Cursor
{
public:
    explicit Cursor(QStringView text) : m_text(text) {}

    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_text[m_pos]; }
    bool skip(QChar c)
    {
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }
    // Exactly `digits` decimal digits.
    bool number(int digits, int *out)
    {
        int value = 0;
        for (int i = 0; i < digits; ++i) {
            const QChar c = peek();
            if (c < u'0' || c > u'9')
                return false;
            value = value * 10 + (c.unicode() - u'0');
            ++m_pos;
        }
        *out = value;
        return true;
    }
    // Fraction digits after the dot, as milliseconds rounded to the nearest,
    // as all three databases round: 0 to 1000 (the caller carries a 1000).
    bool fraction(int *ms)
    {
        int value = 0;
        int digits = 0;
        bool roundUp = false;
        while (!atEnd() && peek() >= u'0' && peek() <= u'9') {
            if (digits < 3)
                value = value * 10 + (peek().unicode() - u'0');
            else if (digits == 3)
                roundUp = peek() >= u'5';
            ++digits;
            ++m_pos;
        }
        if (digits == 0)
            return false;
        for (int i = digits; i < 3; ++i)
            value *= 10;
        *ms = value + (roundUp ? 1 : 0);
        return true;
    }

private:
    QStringView m_text;
    qsizetype m_pos = 0;
};

} // namespace

QDateTime parseDateTime(QStringView text)
{
    Cursor c(text);
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, ms = 0;
    if (!c.number(4, &year) || !c.skip(u'-') || !c.number(2, &month) || !c.skip(u'-')
        || !c.number(2, &day)) {
        return {};
    }
    if (!c.atEnd()) {
        if (!c.skip(u' ') && !c.skip(u'T'))
            return {};
        if (!c.number(2, &hour) || !c.skip(u':') || !c.number(2, &minute))
            return {};
        if (c.skip(u':')) {
            if (!c.number(2, &second))
                return {};
            if (c.skip(u'.') && !c.fraction(&ms))
                return {};
        }
    }
    int offsetSeconds = 0;
    if (c.skip(u'Z')) {
        // UTC
    } else if (c.peek() == u'+' || c.peek() == u'-') {
        const bool negative = c.peek() == u'-';
        c.skip(c.peek());
        int hours = 0, minutes = 0, seconds = 0;
        if (!c.number(2, &hours))
            return {};
        if (c.skip(u':')) {
            if (!c.number(2, &minutes) || (c.skip(u':') && !c.number(2, &seconds)))
                return {};
        } else if (!c.atEnd() && !c.number(2, &minutes)) {
            return {};
        }
        // PostgreSQL's range of offsets, the widest of the three.
        if (hours > 15 || minutes > 59 || seconds > 59)
            return {};
        offsetSeconds = (hours * 3600 + minutes * 60 + seconds) * (negative ? -1 : 1);
    }
    if (!c.atEnd())
        return {};
    const QDate date(year, month, day);
    const QTime time(hour, minute, second);
    if (!date.isValid() || !time.isValid())
        return {};
    if (ms < 1000 && offsetSeconds == 0) // the common case, without date arithmetic
        return utcDateTime(date, QTime(hour, minute, second, ms));
    return utcDateTime(date, time).addMSecs(qint64(ms) - qint64(offsetSeconds) * 1000);
}

QDateTime dateTimeFromSecondsSinceEpoch(double seconds)
{
    // 0001-01-01 and 9999-12-31 23:59:59.999 UTC, what every database stores.
    constexpr double first = -62135596800.0;
    constexpr double last = 253402300799.999;
    if (!(seconds >= first - 0.0005 && seconds <= last + 0.0005))
        return {};
    const qint64 ms = std::llround(seconds * 1000.0);
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::UTC);
#else
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
#endif
}

QString formatDateTime(const QDateTime &value)
{
    const QDateTime utc = value.toUTC();
    const QDate date = utc.date();
    const QTime time = utc.time();
    int year = 0, month = 0, day = 0;
    date.getDate(&year, &month, &day);

    char buffer[24];
    auto put = [&buffer](int at, int number, int digits) {
        for (int i = digits - 1; i >= 0; --i) {
            buffer[at + i] = char('0' + number % 10);
            number /= 10;
        }
    };
    put(0, year, 4);
    buffer[4] = '-';
    put(5, month, 2);
    buffer[7] = '-';
    put(8, day, 2);
    buffer[10] = ' ';
    put(11, time.hour(), 2);
    buffer[13] = ':';
    put(14, time.minute(), 2);
    buffer[16] = ':';
    put(17, time.second(), 2);
    buffer[19] = '.';
    put(20, time.msec(), 3);
    return QString::fromLatin1(buffer, 23);
}

} // namespace Hy::detail
