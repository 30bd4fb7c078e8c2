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

namespace {
constexpr qint64 MSecsPerDay = 86400000;
// Days from 1970-01-01 to 0001-01-01 and to 10000-01-01, proleptic Gregorian.
constexpr qint64 FirstStorableDay = -719162;
constexpr qint64 EndOfStorableDays = 2932897;
} // namespace

bool isStorableDateTime(const QDateTime &value)
{
    const qint64 msecs = value.toMSecsSinceEpoch();
    return msecs >= FirstStorableDay * MSecsPerDay && msecs < EndOfStorableDays * MSecsPerDay;
}

QString formatDateTime(const QDateTime &value)
{
    // From the instant alone, in plain arithmetic: QDateTime's toUTC(),
    // date() and time() each go through its time zone and calendar code,
    // several times the cost of this for every value written.
    const qint64 msecs = value.toMSecsSinceEpoch();
    qint64 days = msecs / MSecsPerDay;
    qint64 msecsOfDay = msecs % MSecsPerDay;
    if (msecsOfDay < 0) {
        msecsOfDay += MSecsPerDay;
        --days;
    }
    // The civil date of a day number (Howard Hinnant's days_from_civil inverse).
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 dayOfEra = z - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 monthFromMarch = (5 * dayOfYear + 2) / 153;
    const int day = int(dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
    const int month = int(monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
    const int year = int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));

    char buffer[24];
    auto put = [&buffer](int at, qint64 number, int digits) {
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
    put(11, msecsOfDay / 3600000, 2);
    buffer[13] = ':';
    put(14, msecsOfDay / 60000 % 60, 2);
    buffer[16] = ':';
    put(17, msecsOfDay / 1000 % 60, 2);
    buffer[19] = '.';
    put(20, msecsOfDay % 1000, 3);
    return QString::fromLatin1(buffer, 23);
}

} // namespace Hy::detail
