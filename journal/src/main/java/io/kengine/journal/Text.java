package io.kengine.journal;

import io.kengine.protocol.event.Flyweight;
import io.kengine.protocol.units.FixedPoint;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Text rendering of the engine's fixed-point units and epoch times, for dump lines and replay reports.
 * Prices and money are longs in $0.0001 (4 decimals), quantities in 0.01 contracts (2 decimals), both
 * through {@link FixedPoint}; {@link Flyweight#NULL_LONG} (an absent optional field) renders as {@code -}.
 * Never throws on odd values: a dump of a damaged journal must still print.
 */
final class Text {
    static final String ABSENT = "-";

    private Text() {
    }

    static void price(StringBuilder sb, long units) {
        if (units >= 0 && units <= FixedPoint.PRICE_ONE) {
            FixedPoint.appendPrice(sb, units);
        } else {
            money(sb, units); // off the [0, 1] range (a corrupt or synthetic value): still 4 decimals
        }
    }

    static void money(StringBuilder sb, long units) {
        if (units == Flyweight.NULL_LONG) {
            sb.append(ABSENT);
        } else if (Math.abs(units) <= FixedPoint.MAX_MONEY) {
            FixedPoint.appendMoney(sb, units);
        } else {
            sb.append("raw:").append(units);
        }
    }

    static void quantity(StringBuilder sb, long units) {
        if (units == Flyweight.NULL_LONG) {
            sb.append(ABSENT);
        } else if (Math.abs(units) <= FixedPoint.MAX_COUNT) {
            FixedPoint.appendCount(sb, units);
        } else {
            sb.append("raw:").append(units);
        }
    }

    static void plain(StringBuilder sb, long v) {
        if (v == Flyweight.NULL_LONG) {
            sb.append(ABSENT);
        } else {
            sb.append(v);
        }
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
