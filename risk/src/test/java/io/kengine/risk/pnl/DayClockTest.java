package io.kengine.risk.pnl;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DayClockTest {
    private static long nanos(String iso) {
        ZonedDateTime t = ZonedDateTime.parse(iso);
        return t.toEpochSecond() * 1_000_000_000L + t.getNano();
    }

    @Test
    void theDayTurnsAtTheConfiguredHourInTheZone() {
        DayClock c = new DayClock();
        c.configure(ZoneId.of("America/New_York"), 17);
        assertFalse(c.advance(nanos("2026-11-20T10:00:00-05:00[America/New_York]")), "first event starts the clock");
        assertEquals(nanos("2026-11-19T17:00:00-05:00[America/New_York]"), c.dayStartNanos());
        assertFalse(c.advance(nanos("2026-11-20T16:59:59.999999999-05:00[America/New_York]")));
        assertTrue(c.advance(nanos("2026-11-20T17:00:00-05:00[America/New_York]")));
        assertEquals(nanos("2026-11-20T17:00:00-05:00[America/New_York]"), c.dayStartNanos());
        assertEquals(nanos("2026-11-21T17:00:00-05:00[America/New_York]"), c.nextBoundaryNanos());
    }

    @Test
    void aDaylightSavingDayIsTwentyThreeHoursLong() {
        DayClock c = new DayClock();
        c.configure(ZoneId.of("America/New_York"), 0);
        c.advance(nanos("2026-03-08T00:30:00-05:00[America/New_York]"));
        assertEquals(23L * 3600 * 1_000_000_000L, c.nextBoundaryNanos() - c.dayStartNanos());
    }

    @Test
    void skippingSeveralDaysStillTurnsOnce() {
        DayClock c = new DayClock();
        c.configure(ZoneId.of("UTC"), 0);
        c.advance(nanos("2026-11-20T12:00:00Z[UTC]"));
        assertTrue(c.advance(nanos("2026-11-25T12:00:00Z[UTC]")));
        assertEquals(nanos("2026-11-25T00:00:00Z[UTC]"), c.dayStartNanos());
        assertFalse(c.advance(nanos("2026-11-25T13:00:00Z[UTC]")));
    }
}
