package io.github.kinlog.common.encode;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Formats event times as {@code 2026-11-24T04:11:51.555123Z}: UTC, always six fractional digits. The date and time
 * of the current second are cached, so most events only format their fraction.
 */
final class TimestampFormatter {
    static final int LENGTH = 27;

    /** The formatted date and time of one second, up to and including the seconds. */
    private static final class Second {
        private final long epochSecond;
        private final char[] prefix;

        Second(long epochSecond, char[] prefix) {
            this.epochSecond = epochSecond;
            this.prefix = prefix;
        }

        long epochSecond() {
            return epochSecond;
        }

        char[] prefix() {
            return prefix;
        }
    }

    private volatile Second cached = new Second(Long.MIN_VALUE, new char[0]);

    /** Writes the timestamp into {@code into[0..27)}. */
    void format(long epochSecond, int nanoOfSecond, char[] into) {
        Second second = cached;
        if (second.epochSecond != epochSecond) {
            second = new Second(epochSecond, prefix(epochSecond));
            cached = second;
        }
        System.arraycopy(second.prefix, 0, into, 0, 19);
        into[19] = '.';
        int micros = Math.floorDiv(Math.max(0, Math.min(nanoOfSecond, 999_999_999)), 1000);
        for (int i = 25; i >= 20; i--) {
            into[i] = (char) ('0' + micros % 10);
            micros /= 10;
        }
        into[26] = 'Z';
    }

    String format(long epochSecond, int nanoOfSecond) {
        char[] chars = new char[LENGTH];
        format(epochSecond, nanoOfSecond, chars);
        return new String(chars);
    }

    private static char[] prefix(long epochSecond) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        char[] chars = new char[19];
        int year = time.getYear();
        if (year < 1 || year > 9999) {
            // Outside the four-digit years of ISO-8601 (year 0 does not parse as a timestamp); clamp, never write
            // a value Redshift rejects.
            year = Math.max(1, Math.min(9999, year));
        }
        digits(chars, 0, year, 4);
        chars[4] = '-';
        digits(chars, 5, time.getMonthValue(), 2);
        chars[7] = '-';
        digits(chars, 8, time.getDayOfMonth(), 2);
        chars[10] = 'T';
        digits(chars, 11, time.getHour(), 2);
        chars[13] = ':';
        digits(chars, 14, time.getMinute(), 2);
        chars[16] = ':';
        digits(chars, 17, time.getSecond(), 2);
        return chars;
    }

    private static void digits(char[] into, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            into[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
