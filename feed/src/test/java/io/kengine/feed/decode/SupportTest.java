package io.kengine.feed.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The decoder's helpers: field ids, market id table, RFC 3339 parser, counters and samples. */
class SupportTest {

    @Test
    void everyMsgFieldIdNamesItsField() throws Exception {
        int checked = 0;
        for (Field f : Fields.class.getDeclaredFields()) {
            if (f.getType() == int.class && Modifier.isStatic(f.getModifiers()) && !f.getName().startsWith("R_")) {
                assertEquals(f.getName().toLowerCase(Locale.ROOT), Fields.MSG_TABLE.name(f.getInt(null)), f.getName());
                checked++;
            }
        }
        assertEquals(Fields.MSG_TABLE.size(), checked);
        assertEquals("msg", Fields.ROOT.name(Fields.R_MSG));
        assertEquals("seq", Fields.ROOT.name(Fields.R_SEQ));
    }

    @Test
    void marketIdsByBytes() {
        ByteKeyMarketIds ids = new ByteKeyMarketIds(2);
        for (int i = 0; i < 1000; i++) {
            ids.register("KX-" + i, i);
        }
        ids.register("KX-5", 5005);
        assertEquals(1000, ids.size());
        byte[] b = "..KX-5..KX-999".getBytes(StandardCharsets.US_ASCII);
        assertEquals(5005, ids.marketId(b, 2, 4));
        assertEquals(999, ids.marketId(b, 8, 6));
        assertEquals(MarketIdResolver.UNKNOWN, ids.marketId(b, 8, 3));
        assertEquals(MarketIdResolver.UNKNOWN, ids.marketId(b, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> ids.register("KX-é", 1));
        assertThrows(IllegalArgumentException.class, () -> ids.register("KX", -1));
    }

    @Test
    void rfc3339AgreesWithJavaTime() {
        SplittableRandom rnd = new SplittableRandom(11);
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        for (int i = 0; i < 20_000; i++) {
            long ms = rnd.nextLong(0, 253_402_300_799_000L); // 1970 .. 9999
            int offsetMinutes = rnd.nextInt(-17 * 60, 17 * 60 + 1);
            OffsetDateTime t = Instant.ofEpochMilli(ms).plusNanos(rnd.nextInt(1_000_000))
                    .atOffset(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
            String text = t.format(iso);
            if (t.getSecond() == 0 && t.getNano() == 0) {
                continue; // Java omits ":00" seconds, a form this parser leaves to the reference reader
            }
            if (t.getYear() < 1970) {
                continue;
            }
            byte[] b = text.getBytes(StandardCharsets.US_ASCII);
            assertEquals(OffsetDateTime.parse(text, iso).toInstant().toEpochMilli(), Rfc3339.parseMillis(b, 0, b.length), text);
        }
        String[] refused = {"2022-11-22 20:44:01Z", "2022-11-22T20:44:01", "2022-11-22T20:44:01z", "2022-02-29T00:00:00Z",
                "2022-11-22T24:00:00Z", "2022-11-22T20:60:00Z", "2022-11-22T20:44:60Z", "2022-11-22T20:44:01.Z",
                "2022-11-22T20:44:01.1234567890Z", "2022-11-22T20:44:01+18:00", "2022-11-22T20:44:01+0100",
                "1969-12-31T23:59:59Z", "2022-13-01T00:00:00Z", "2022-11-22T20:44:01Z ", "+2022-11-22T20:44:01Z"};
        for (String s : refused) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            assertEquals(Rfc3339.INVALID, Rfc3339.parseMillis(b, 0, b.length), s);
        }
        byte[] leap = "2024-02-29T12:00:00.5-03:30".getBytes(StandardCharsets.US_ASCII);
        assertEquals(OffsetDateTime.parse("2024-02-29T12:00:00.5-03:30").toInstant().toEpochMilli(), Rfc3339.parseMillis(leap, 0, leap.length));
    }

    @Test
    void samplesAreRateLimitedPerReason() {
        AtomicLong now = new AtomicLong(1_000);
        DecodeCounters counters = new DecodeCounters(100, now::get);
        FrameDecoder decoder = new FrameDecoder(counters);
        TestFrames.decode(decoder, "{\"type\":\"ticker\",\"sid\":1,\"x\":\"\\q first\"}");
        TestFrames.decode(decoder, "{\"type\":\"ticker\",\"sid\":1,\"x\":\"\\q second\"}");
        assertEquals(2, counters.dropped(MalformedReason.BAD_JSON));
        assertEquals(1, counters.samplesTaken(MalformedReason.BAD_JSON));
        assertTrue(counters.sampleText(MalformedReason.BAD_JSON).contains("first"));
        now.addAndGet(100);
        TestFrames.decode(decoder, "{\"type\":\"ticker\",\"sid\":1,\"x\":\"\\q third\u00e9\"}");
        assertEquals(2, counters.samplesTaken(MalformedReason.BAD_JSON));
        String text = counters.sampleText(MalformedReason.BAD_JSON);
        assertTrue(text.startsWith("BAD_JSON at 31 of 42 bytes: "), text);
        assertTrue(text.contains("third\\xc3\\xa9"), text);
        assertNull(counters.sampleText(MalformedReason.TOO_DEEP));
        byte[] dst = new byte[10];
        assertEquals(10, counters.copySample(MalformedReason.BAD_JSON, dst));
        assertEquals("{\"type\":\"t", new String(dst, StandardCharsets.US_ASCII));
        String longFrame = "{\"type\":\"ticker\",\"sid\":1,\"x\":\"" + "y".repeat(500) + "\\q\"}";
        now.addAndGet(1000);
        TestFrames.decode(decoder, longFrame);
        assertTrue(counters.sampleText(MalformedReason.BAD_JSON).endsWith("..."));
    }
}
