package io.kengine.feed.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.kengine.protocol.wire.ws.WsCodec;
import io.kengine.protocol.wire.ws.WsMessage;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The {@code orderbook_delta} fast path against the generic pass: every delta fixture, generated
 * current-shape frames and many mutations of them go through a decoder with the fast path and one
 * forced onto the generic pass; every field of the two DecodedFrames must be identical (the fast path
 * either decodes exactly as the generic pass would, or bails out to it). Fast-path reads also agree
 * with the reference reader.
 */
class DeltaFastPathTest {
    private static final int MUTATED = 200_000;
    private static final String[] TICKERS = {"FED-23DEC-T3.00", "KXBTCD-25AUG0517-T114999.99", "T",
            "A-VERY-LONG-TICKER-0123456789-0123456789-0123456789-0123456789-X"};
    private static final String[] SNIPPETS = {"\"", "\\", "-", "0", "00", ".", ",", "}", "{", " ", "\n", "null", "1e5",
            "\u00e9", "\u007f", "\u0001", ",\"x\":1", ",\"side\":\"no\"", ",\"seq\":4", ",\"ts_ms\":1", "9999999999999999999",
            "\"yes\"", "\"no\"", "1.00", "0.5000", "-0"};

    private final SplittableRandom rnd = new SplittableRandom(0xFA57DE17AL);
    private final FrameDecoder fast = new FrameDecoder(new DecodeCounters());
    private final FrameDecoder generic = new FrameDecoder(new DecodeCounters());
    private final DecodedFrame fastOut = new DecodedFrame();
    private final DecodedFrame genericOut = new DecodedFrame();

    DeltaFastPathTest() {
        generic.fastPath = false;
    }

    @Test
    void fixturesAgree() throws Exception {
        for (Field field : Fixtures.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                field.setAccessible(true);
                String json = (String) field.get(null);
                if (json.contains("orderbook_delta")) {
                    check(json.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        long before = fast.fastHits;
        check(Fixtures.DELTA.getBytes(StandardCharsets.UTF_8));
        assertEquals(before + 1, fast.fastHits, "the AsyncAPI delta example takes the fast path");
        before = fast.fastHits;
        check(Fixtures.DOC_DELTA.replaceAll("\\s*\n\\s*", "").replace("…", "x").getBytes(StandardCharsets.UTF_8));
        assertEquals(before + 1, fast.fastHits, "the documented delta with client_order_id and subaccount takes the fast path");
    }

    @Test
    void generatedAndMutatedFramesAgree() {
        List<byte[]> corpus = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            corpus.add(canonical());
        }
        RandomFrames random = new RandomFrames(0xD0E5L);
        for (int i = 0; i < 500; i++) {
            corpus.add(WsCodec.toJson(random.delta()).getBytes(StandardCharsets.UTF_8));
        }
        long hits0 = fast.fastHits;
        for (byte[] frame : corpus) {
            check(frame);
        }
        // about half of the generated frames are within the fast path's limits (19-digit sid/seq and a 64-byte ticker are not)
        assertTrue(fast.fastHits - hits0 >= 800, "generated frames take the fast path: " + (fast.fastHits - hits0));
        long hits1 = fast.fastHits;
        int decoded = 0;
        for (int i = 0; i < MUTATED; i++) {
            byte[] frame = corpus.get(rnd.nextInt(corpus.size()));
            int n = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 3 : 1);
            for (int k = 0; k < n; k++) {
                frame = mutate(frame);
            }
            check(frame);
            if (fastOut.kind() == FrameKind.ORDERBOOK_DELTA) {
                decoded++;
            }
        }
        assertEquals(0, fast.counters().dropped(MalformedReason.INTERNAL_ERROR));
        long mutatedHits = fast.fastHits - hits1;
        System.out.println("delta fast path: " + MUTATED + " mutated frames, " + decoded + " decoded, " + mutatedHits
                + " by the fast path");
        assertTrue(mutatedHits > MUTATED / 20, "too few mutated frames on the fast path: " + mutatedHits);
        assertTrue(decoded - mutatedHits > MUTATED / 50, "too few mutated frames decoded after a bail: " + (decoded - mutatedHits));
    }

    /** Decodes with both decoders; every DecodedFrame field must match; a fast-path read must match WsCodec. */
    private void check(byte[] frame) {
        long before = fast.fastHits;
        int off = rnd.nextInt(3);
        byte[] padded = new byte[frame.length + off + rnd.nextInt(3)];
        Arrays.fill(padded, (byte) '}');
        System.arraycopy(frame, 0, padded, off, frame.length);
        fast.decode(padded, off, frame.length, fastOut);
        generic.decode(frame, 0, frame.length, genericOut);
        boolean hit = fast.fastHits != before;
        String diff = diff(genericOut, fastOut);
        if (diff != null) {
            fail("fast path (" + (hit ? "taken" : "bailed") + ") differs from the generic pass: " + diff + " in "
                    + new String(frame, StandardCharsets.UTF_8));
        }
        if (hit) {
            assertEquals(FrameKind.ORDERBOOK_DELTA, fastOut.kind());
            WsMessage ref = TestFrames.reference(frame, 0, frame.length);
            String mismatch = ref == null ? "reference refuses" : Oracle.mismatch(ref, fastOut);
            if (mismatch != null) {
                fail(mismatch + " in " + new String(frame, StandardCharsets.UTF_8));
            }
        }
    }

    /** Every field of DecodedFrame (FieldBytes by content and presence, arrays whole). */
    private static String diff(DecodedFrame a, DecodedFrame b) {
        try {
            for (Field f : DecodedFrame.class.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                Object x = f.get(a);
                Object y = f.get(b);
                boolean same;
                if (x instanceof FieldBytes) {
                    same = String.valueOf(((FieldBytes) x).stringOrNull()).equals(String.valueOf(((FieldBytes) y).stringOrNull()));
                } else if (x instanceof long[]) {
                    same = Arrays.equals((long[]) x, (long[]) y);
                } else if (x instanceof byte[]) {
                    same = Arrays.equals((byte[]) x, (byte[]) y);
                } else if (x instanceof int[]) {
                    same = Arrays.equals((int[]) x, (int[]) y);
                } else if (x != null && x.getClass().isArray()) {
                    same = Arrays.deepEquals(new Object[] {x}, new Object[] {y});
                } else {
                    same = java.util.Objects.equals(x, y);
                }
                if (!same) {
                    return f.getName() + ": generic " + show(x) + " vs fast " + show(y);
                }
            }
            return null;
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static String show(Object o) {
        return o instanceof FieldBytes ? ((FieldBytes) o).stringOrNull() : String.valueOf(o);
    }

    /** Kalshi's current shape, sometimes with client_order_id and/or subaccount, with edge values. */
    private byte[] canonical() {
        StringBuilder s = new StringBuilder("{\"type\":\"orderbook_delta\",\"sid\":").append(number())
                .append(",\"seq\":").append(number()).append(",\"msg\":{\"market_ticker\":\"")
                .append(TICKERS[rnd.nextInt(TICKERS.length)]).append("\",\"market_id\":\"").append(new java.util.UUID(rnd.nextLong(), rnd.nextLong()))
                .append("\",\"price_dollars\":\"").append(price()).append("\",\"delta_fp\":\"").append(delta())
                .append("\",\"side\":\"").append(rnd.nextBoolean() ? "yes" : "no").append('"');
        if (rnd.nextInt(4) == 0) {
            s.append(",\"client_order_id\":\"my-order-").append(rnd.nextInt(1000)).append('"');
        }
        if (rnd.nextInt(4) == 0) {
            s.append(",\"subaccount\":").append(rnd.nextInt(5) == 0 ? Integer.MAX_VALUE : rnd.nextInt(0, 32));
        }
        long tsMs = rnd.nextInt(10) == 0 ? 0 : rnd.nextLong(1_600_000_000_000L, 1_900_000_000_000L);
        s.append(",\"ts\":\"").append(java.time.Instant.ofEpochMilli(tsMs)).append("\",\"ts_ms\":").append(tsMs).append("}}");
        if (rnd.nextInt(10) == 0) {
            s.append(rnd.nextBoolean() ? "\n" : " \t\r\n");
        }
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private String number() {
        switch (rnd.nextInt(6)) {
            case 0: return "0";
            case 1: return "999999999999999999";
            case 2: return "1000000000000000000";
            default: return Long.toString(rnd.nextLong(1, 10_000_000));
        }
    }

    private String price() {
        switch (rnd.nextInt(8)) {
            case 0: return "0.0001";
            case 1: return "0.9999";
            case 2: return "0.5";
            case 3: return "0.960";
            default: return String.format("0.%04d", rnd.nextInt(1, 10_000));
        }
    }

    private String delta() {
        switch (rnd.nextInt(8)) {
            case 0: return "0.01";
            case 1: return "-0.01";
            case 2: return "-54";
            case 3: return "999999999999.99";
            default: {
                long q = rnd.nextLong(1, 10_000_000);
                return (rnd.nextBoolean() ? "-" : "") + q / 100 + "." + String.format("%02d", q % 100);
            }
        }
    }

    private byte[] mutate(byte[] f) {
        if (f.length < 2) {
            return f;
        }
        int at = rnd.nextInt(f.length);
        switch (rnd.nextInt(8)) {
            case 0: { // replace a byte
                byte[] c = f.clone();
                c[at] = (byte) rnd.nextInt(256);
                return c;
            }
            case 1: { // replace a digit by another digit
                byte[] c = f.clone();
                for (int i = 0; i < c.length; i++) {
                    int p = (at + i) % c.length;
                    if (c[p] >= '0' && c[p] <= '9') {
                        c[p] = (byte) ('0' + rnd.nextInt(10));
                        break;
                    }
                }
                return c;
            }
            case 2: // truncate
                return Arrays.copyOf(f, at);
            case 3: { // delete one byte
                byte[] c = new byte[f.length - 1];
                System.arraycopy(f, 0, c, 0, at);
                System.arraycopy(f, at + 1, c, at, f.length - at - 1);
                return c;
            }
            case 4: { // duplicate a key-value or swap two fields
                String s = new String(f, StandardCharsets.UTF_8);
                String[] fields = {"\"market_id\":", "\"price_dollars\":", "\"delta_fp\":", "\"side\":", "\"ts\":", "\"ts_ms\":",
                        "\"seq\":", "\"sid\":", "\"market_ticker\":"};
                String a = fields[rnd.nextInt(fields.length)];
                String b = fields[rnd.nextInt(fields.length)];
                return s.replace(a, "@@").replace(b, a).replace("@@", b).getBytes(StandardCharsets.UTF_8);
            }
            default: { // insert a snippet
                byte[] ins = SNIPPETS[rnd.nextInt(SNIPPETS.length)].getBytes(StandardCharsets.UTF_8);
                byte[] c = new byte[f.length + ins.length];
                System.arraycopy(f, 0, c, 0, at);
                System.arraycopy(ins, 0, c, at, ins.length);
                System.arraycopy(f, at, c, at + ins.length, f.length - at);
                return c;
            }
        }
    }
}
