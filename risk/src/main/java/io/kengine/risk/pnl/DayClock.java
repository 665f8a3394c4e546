package io.kengine.risk.pnl;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The trading day's boundary: days start at a configured hour in a configured time zone, computed from
 * event time. java.time (and its allocation) runs only when the zone or hour is configured and once per
 * day boundary crossed; every other event compares one long.
 */
public final class DayClock {
    private ZoneId zone = ZoneId.of("America/New_York");
    private int hour;
    private long dayStartNanos = Long.MIN_VALUE;
    private long nextBoundaryNanos = Long.MIN_VALUE;

    public void configure(ZoneId zone, int hour) {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour " + hour + " outside 0..23");
        }
        this.zone = zone;
        this.hour = hour;
        if (dayStartNanos != Long.MIN_VALUE) {
            recompute(dayStartNanos);
        }
    }

    /**
     * Call with every event's time. @return true when the event opens a new day (a boundary was crossed
     * since the previous event); false on the very first event, which only starts the clock
     */
    public boolean advance(long nowNanos) {
        if (nowNanos < nextBoundaryNanos) {
            return false;
        }
        boolean first = dayStartNanos == Long.MIN_VALUE;
        recompute(nowNanos);
        return !first;
    }

    private void recompute(long nowNanos) {
        Instant now = Instant.ofEpochSecond(Math.floorDiv(nowNanos, 1_000_000_000L), Math.floorMod(nowNanos, 1_000_000_000L));
        ZonedDateTime local = now.atZone(zone);
        LocalDate date = local.toLocalDate();
        ZonedDateTime start = date.atTime(hour, 0).atZone(zone);
        if (start.toInstant().isAfter(now)) {
            start = date.minusDays(1).atTime(hour, 0).atZone(zone);
        }
        ZonedDateTime next = start.toLocalDate().plusDays(1).atTime(hour, 0).atZone(zone);
        dayStartNanos = toNanos(start.toInstant());
        nextBoundaryNanos = toNanos(next.toInstant());
    }

    private static long toNanos(Instant i) {
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    public long dayStartNanos() { return dayStartNanos; }
    public long nextBoundaryNanos() { return nextBoundaryNanos; }
    public ZoneId zone() { return zone; }
    public int hour() { return hour; }
}
