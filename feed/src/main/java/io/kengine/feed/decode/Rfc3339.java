package io.kengine.feed.decode;

/**
 * Allocation-free parse of the RFC 3339 timestamps Kalshi still sends in deprecated fields
 * ({@code orderbook_delta.ts}, {@code ticker.time}, {@code user_order.*_time}) into epoch ms.
 *
 * <p>Accepts exactly {@code YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|±HH:MM)} with uppercase {@code T}/{@code Z},
 * years 1970–9999, real calendar dates and offsets below 18 h: a strict subset of what the reference
 * reader ({@code OffsetDateTime.parse} with {@code ISO_OFFSET_DATE_TIME}) accepts, with the same
 * result (sub-millisecond digits truncated). Anything else is {@link #INVALID}.
 */
final class Rfc3339 {
    static final long INVALID = Long.MIN_VALUE;

    private Rfc3339() {
    }

    static long parseMillis(byte[] b, int start, int end) {
        int len = end - start;
        if (len < 20) {
            return INVALID;
        }
        int year = digits(b, start, 4);
        int month = digits(b, start + 5, 2);
        int day = digits(b, start + 8, 2);
        int hour = digits(b, start + 11, 2);
        int minute = digits(b, start + 14, 2);
        int second = digits(b, start + 17, 2);
        if (year < 1970 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
                || b[start + 4] != '-' || b[start + 7] != '-' || b[start + 10] != 'T'
                || b[start + 13] != ':' || b[start + 16] != ':') {
            return INVALID;
        }
        int p = start + 19;
        long millis = 0;
        if (b[p] == '.') {
            p++;
            int n = 0;
            while (p < end && JsonScanner.isDigit(b[p])) {
                if (n < 3) {
                    millis = millis * 10 + (b[p] - '0');
                }
                n++;
                p++;
            }
            if (n == 0 || n > 9) {
                return INVALID;
            }
            for (int i = n; i < 3; i++) {
                millis *= 10;
            }
        }
        if (p >= end) {
            return INVALID;
        }
        int offsetSeconds;
        if (b[p] == 'Z') {
            if (p + 1 != end) {
                return INVALID;
            }
            offsetSeconds = 0;
        } else if (b[p] == '+' || b[p] == '-') {
            if (end - p != 6 || b[p + 3] != ':') {
                return INVALID;
            }
            int oh = digits(b, p + 1, 2);
            int om = digits(b, p + 4, 2);
            if (oh < 0 || oh > 17 || om < 0 || om > 59) {
                return INVALID;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (b[p] == '-' ? -1 : 1);
        } else {
            return INVALID;
        }
        long days = daysFromCivil(year, month, day);
        long seconds = days * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return seconds * 1000L + millis;
    }

    /** Non-negative value of {@code n} ASCII digits, or -1. */
    private static int digits(byte[] b, int at, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            byte c = b[at + i];
            if (!JsonScanner.isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int daysIn(int year, int month) {
        switch (month) {
            case 2:
                return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4: case 6: case 9: case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    private static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        int era = y / 400; // y >= 1969 here, so no negative-division care needed
        int yoe = y - era * 400;
        int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468L;
    }
}
