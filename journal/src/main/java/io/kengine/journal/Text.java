package io.kengine.journal;

import io.kengine.protocol.event.Flyweight;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Text rendering of the engine's fixed-point units and epoch times, for dump lines and replay reports.
 * Prices and money are longs in $0.0001 (4 decimals), quantities in 0.01 contracts (2 decimals);
 * {@link Flyweight#NULL_LONG} (an absent optional field) renders as {@code -}.
 */
final class Text {
    static final String ABSENT = "-";

    private Text() {
    }

    static void price(StringBuilder sb, long units) {
        decimal(sb, units, 4);
    }

    static void quantity(StringBuilder sb, long units) {
        decimal(sb, units, 2);
    }

    static void plain(StringBuilder sb, long v) {
        if (v == Flyweight.NULL_LONG) {
            sb.append(ABSENT);
        } else {
            sb.append(v);
        }
    }

    /** {@code units / 10^scale} with exactly {@code scale} decimals, sign included; no double involved. */
    static void decimal(StringBuilder sb, long units, int scale) {
        if (units == Flyweight.NULL_LONG) {
            sb.append(ABSENT);
            return;
        }
        long pow = 1;
        for (int i = 0; i < scale; i++) {
            pow *= 10;
        }
        if (units < 0) {
            sb.append('-');
        }
        // divide before taking abs: only NULL_LONG (Long.MIN_VALUE) could overflow, and it never gets here
        long whole = Math.abs(units / pow);
        long frac = Math.abs(units % pow);
        sb.append(whole).append('.');
        for (long p = pow / 10; p > 1 && frac < p; p /= 10) {
            sb.append('0');
        }
        sb.append(frac);
    }

    /** Epoch nanoseconds as {@code 2026-11-21T10:00:00.000000123Z}. */
    static void nanos(StringBuilder sb, long epochNanos) {
        if (epochNanos == Flyweight.NULL_LONG) {
            sb.append(ABSENT);
            return;
        }
        long seconds = Math.floorDiv(epochNanos, 1_000_000_000L);
        int nanos = (int) Math.floorMod(epochNanos, 1_000_000_000L);
        dateTime(sb, seconds);
        sb.append('.');
        pad(sb, nanos, 9);
        sb.append('Z');
    }

    /** Epoch milliseconds as {@code 2026-11-21T10:00:00.000Z}. */
    static void millis(StringBuilder sb, long epochMillis) {
        if (epochMillis == Flyweight.NULL_LONG) {
            sb.append(ABSENT);
            return;
        }
        dateTime(sb, Math.floorDiv(epochMillis, 1000L));
        sb.append('.');
        pad(sb, (int) Math.floorMod(epochMillis, 1000L), 3);
        sb.append('Z');
    }

    private static void dateTime(StringBuilder sb, long epochSeconds) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC);
        pad(sb, t.getYear(), 4);
        sb.append('-');
        pad(sb, t.getMonthValue(), 2);
        sb.append('-');
        pad(sb, t.getDayOfMonth(), 2);
        sb.append('T');
        pad(sb, t.getHour(), 2);
        sb.append(':');
        pad(sb, t.getMinute(), 2);
        sb.append(':');
        pad(sb, t.getSecond(), 2);
    }

    private static void pad(StringBuilder sb, int v, int width) {
        int digits = 1;
        for (int rest = v / 10; rest > 0; rest /= 10) {
            digits++;
        }
        for (int i = digits; i < width; i++) {
            sb.append('0');
        }
        sb.append(v);
    }
}
