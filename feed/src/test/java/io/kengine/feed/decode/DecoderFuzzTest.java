package io.kengine.feed.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.wire.ws.Fill;
import io.kengine.protocol.wire.ws.MarketLifecycleV2;
import io.kengine.protocol.wire.ws.OrderbookDelta;
import io.kengine.protocol.wire.ws.OrderbookSnapshot;
import io.kengine.protocol.wire.ws.Subscribed;
import io.kengine.protocol.wire.ws.SubscriptionList;
import io.kengine.protocol.wire.ws.Ticker;
import io.kengine.protocol.wire.ws.Trade;
import io.kengine.protocol.wire.ws.Unsubscribed;
import io.kengine.protocol.wire.ws.UpdateOk;
import io.kengine.protocol.wire.ws.UserOrder;
import io.kengine.protocol.wire.ws.WsCodec;
import io.kengine.protocol.wire.ws.WsError;
import io.kengine.protocol.wire.ws.WsMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * 100,000 mutated frames (byte flips, bit flips, truncations, insertions, deletions, string swaps,
 * duplicated fields, boundary numbers, type changes; one to three per frame) from the documented
 * fixtures and WsCodec-written random frames. For every one: nothing escapes {@code decode} or
 * {@code publish}; a frame the decoder accepts is one the reference reader accepts, with the same
 * values; an UNKNOWN frame is not a type the decoder handles; a refused frame publishes nothing.
 */
class DecoderFuzzTest {
    private static final int FRAMES = 100_000;
    private static final String[] SNIPPETS = {",\"x\":1", "null", "\"", "\\", "-", "1e5", "\\u0000", "{", "}", "[", "]",
            ",", ":", "0", ".", "\"\\ud800\"", ",\"side\":\"no\"", ",\"seq\":4", " ", "\u00e9", "true", "\"yes\"",
            ",\"price\":50", ",\"ts_ms\":1.5", ",\"yes\":[[1,2]]", "\u2028", ",\"result\":\"no\"", ",\"open_ts\":-1",
            ",\"price_ranges\":[{\"start\":\"0\",\"end\":\"1\",\"step\":\"0.01\"}]", ",\"floor_strike\":1e999999999",
            ",\"additional_metadata\":{\"can_close_early\":1}", ",\"event_type\":\"settled\""};
    private static final String[] NUMBERS = {"0", "-0", "-1", "1", "100", "101", "10000", "1.0001", "0.00001", "0.9999",
            "99999999999999999999", "999999999999.99", "1000000000000", "1e2", "-9223372036854775808", "2147483648",
            "0.5", "\"0.5\"", "\"-1.00\"", "\"1.005\""};
    private static final String[] VALUES = {"true", "false", "null", "{}", "[]", "1", "\"\"", "\"yes\"", "\"bid\"", "[[\"0.5\",\"1\"]]",
            "\"scalar\"", "[{}]", "\"1e5\"", "\"determined\""};

    private final SplittableRandom rnd = new SplittableRandom(0xF0225EEDL);

    @Test
    void mutatedFrames() {
        List<byte[]> corpus = corpus();
        DecodeCounters counters = new DecodeCounters();
        FrameDecoder decoder = new FrameDecoder(counters);
        RingEventWriter writer = new RingEventWriter(counters);
        ByteKeyMarketIds ids = new ByteKeyMarketIds();
        for (String t : new String[] {"FED-23DEC-T3.00", "KXBTCD-25AUG0517-T114999.99", "HIGHNY-22DEC23-B53.5", "T"}) {
            ids.register(t, ids.size());
        }
        RecordingPublisher out = new RecordingPublisher(false);
        DecodedFrame f = new DecodedFrame();
        Map<FrameKind, Integer> kinds = new EnumMap<>(FrameKind.class);
        Map<MalformedReason, Integer> stricter = new EnumMap<>(MalformedReason.class);
        int referenceAccepted = 0;

        for (int i = 0; i < FRAMES; i++) {
            byte[] frame = corpus.get(rnd.nextInt(corpus.size()));
            int roll = rnd.nextInt(10);
            int mutations = roll < 6 ? 1 : roll < 9 ? 2 : 3;
            for (int k = 0; k < mutations; k++) {
                frame = mutate(frame);
            }
            long claimsBefore = out.claims;
            int published;
            try {
                decoder.decode(frame, 0, frame.length, f);
                published = writer.publish(f, ids, out, EventSource.FEED);
            } catch (Throwable t) {
                throw new AssertionError("escaped for " + show(frame), t);
            }
            kinds.merge(f.kind(), 1, Integer::sum);
            // The reference reading is needed for every frame the decoder accepts; for refused ones only for
            // statistics, so a sample keeps the test fast (the reference reader throws to refuse).
            boolean sampled = f.kind() != FrameKind.MALFORMED || i % 8 == 0;
            WsMessage ref = sampled ? TestFrames.reference(frame, 0, frame.length) : null;
            if (ref != null) {
                referenceAccepted++;
            }
            switch (f.kind()) {
                case MALFORMED:
                    assertEquals(0, published);
                    assertEquals(claimsBefore, out.claims, "a refused frame claimed a slot");
                    if (ref != null) {
                        stricter.merge(f.reason(), 1, Integer::sum);
                    }
                    break;
                case UNKNOWN:
                case CONTROL:
                    assertEquals(0, published);
                    if (f.kind() == FrameKind.UNKNOWN && handled(ref)) {
                        fail("decoder skipped a " + ref.type() + " the reference reads: " + show(frame));
                    }
                    if (f.kind() == FrameKind.CONTROL) {
                        agree(ref, f, frame);
                    }
                    break;
                default:
                    agree(ref, f, frame);
                    break;
            }
        }
        assertEquals(0, counters.dropped(MalformedReason.INTERNAL_ERROR));
        System.out.println("fuzz: " + FRAMES + " frames, decoder " + kinds + "; reference accepted " + referenceAccepted
                + " (of the accepted and 1/8 of the refused); refused by the decoder only (stricter), by reason in that 1/8: " + stricter);
        // The mutations must leave enough valid frames to exercise the value paths, not just the parser.
        int hot = FRAMES - kinds.getOrDefault(FrameKind.MALFORMED, 0) - kinds.getOrDefault(FrameKind.UNKNOWN, 0)
                - kinds.getOrDefault(FrameKind.CONTROL, 0);
        assertTrue(hot > FRAMES / 10, "too few frames decoded: " + kinds);
        assertTrue(kinds.getOrDefault(FrameKind.MALFORMED, 0) > FRAMES / 3, "too few frames refused: " + kinds);
    }

    private static void agree(WsMessage ref, DecodedFrame f, byte[] frame) {
        if (ref == null) {
            fail("decoder accepted (" + f + ") a frame the reference refuses: " + show(frame) + " — "
                    + referenceError(frame));
        }
        String mismatch = Oracle.mismatch(ref, f);
        if (mismatch != null) {
            fail(mismatch + " in " + show(frame));
        }
    }

    private static boolean handled(WsMessage m) {
        return m instanceof OrderbookSnapshot || m instanceof OrderbookDelta || m instanceof Ticker || m instanceof Trade
                || m instanceof Fill || m instanceof UserOrder || m instanceof Subscribed || m instanceof Unsubscribed
                || m instanceof UpdateOk || m instanceof SubscriptionList || m instanceof WsError
                || m instanceof MarketLifecycleV2;
    }

    private static String referenceError(byte[] frame) {
        try {
            WsCodec.readMessage(frame, 0, frame.length);
            return "accepted";
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    private static String show(byte[] frame) {
        return new String(frame, StandardCharsets.ISO_8859_1);
    }

    private List<byte[]> corpus() {
        List<byte[]> c = new ArrayList<>();
        List<String> all = new ArrayList<>(Fixtures.hot());
        all.addAll(Fixtures.control());
        all.addAll(Fixtures.unknown());
        all.addAll(Fixtures.lifecycle());
        for (String s : all) {
            c.add(TestFrames.bytes(s));
        }
        RandomFrames random = new RandomFrames(7);
        while (c.size() < 400) {
            byte[] b = WsCodec.toBytes(random.next());
            if (b.length < 1500) {
                c.add(b);
            }
        }
        return c;
    }

    private byte[] mutate(byte[] b) {
        if (b.length == 0) {
            return insert(b, 0, bytes(SNIPPETS[rnd.nextInt(SNIPPETS.length)]));
        }
        int at = rnd.nextInt(b.length);
        switch (rnd.nextInt(10)) {
            case 0: { // byte flip, biased to JSON's own bytes
                byte[] c = b.clone();
                String special = "\"{}[],:.-0123456789eEtfnu\\ ";
                c[at] = rnd.nextBoolean() ? (byte) special.charAt(rnd.nextInt(special.length())) : (byte) rnd.nextInt(256);
                return c;
            }
            case 1: { // bit flip
                byte[] c = b.clone();
                c[at] ^= (byte) (1 << rnd.nextInt(8));
                return c;
            }
            case 2: // truncation
                return Arrays.copyOf(b, rnd.nextInt(b.length));
            case 3: // insertion
                return insert(b, at, bytes(SNIPPETS[rnd.nextInt(SNIPPETS.length)]));
            case 4: { // deletion
                int n = Math.min(b.length - at, 1 + rnd.nextInt(8));
                byte[] c = new byte[b.length - n];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(b, at + n, c, at, b.length - at - n);
                return c;
            }
            case 5: // swap two strings (keys with keys, keys with values, values with values)
                return swapStrings(b);
            case 6: // duplicate a "key":value pair elsewhere in its object
                return duplicateField(b);
            case 7: // boundary numbers in place of a number or string
                return replaceValue(b, NUMBERS[rnd.nextInt(NUMBERS.length)]);
            case 8: // another JSON type in place of a value
                return replaceValue(b, VALUES[rnd.nextInt(VALUES.length)]);
            default: { // a run of digits replaced by another
                byte[] c = b.clone();
                for (int i = at; i < c.length && Character.isDigit(c[i]); i++) {
                    c[i] = (byte) ('0' + rnd.nextInt(10));
                }
                return c;
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] insert(byte[] b, int at, byte[] s) {
        byte[] c = new byte[b.length + s.length];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(s, 0, c, at, s.length);
        System.arraycopy(b, at, c, at + s.length, b.length - at);
        return c;
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] s) {
        byte[] c = new byte[b.length - (to - from) + s.length];
        System.arraycopy(b, 0, c, 0, from);
        System.arraycopy(s, 0, c, from, s.length);
        System.arraycopy(b, to, c, from + s.length, b.length - to);
        return c;
    }

    /** [start, end) of every "..." (naively: quotes paired in order, escapes ignored). */
    private static List<int[]> strings(byte[] b) {
        List<int[]> l = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '"' && (i == 0 || b[i - 1] != '\\')) {
                if (open < 0) {
                    open = i;
                } else {
                    l.add(new int[] {open, i + 1});
                    open = -1;
                }
            }
        }
        return l;
    }

    private byte[] swapStrings(byte[] b) {
        List<int[]> s = strings(b);
        if (s.size() < 2) {
            return b;
        }
        int[] x = s.get(rnd.nextInt(s.size()));
        int[] y = s.get(rnd.nextInt(s.size()));
        if (x[0] > y[0]) {
            int[] t = x;
            x = y;
            y = t;
        }
        if (x[0] == y[0]) {
            return b;
        }
        byte[] xs = Arrays.copyOfRange(b, x[0], x[1]);
        byte[] ys = Arrays.copyOfRange(b, y[0], y[1]);
        byte[] c = splice(b, y[0], y[1], xs);
        return splice(c, x[0], x[1], ys);
    }

    private byte[] duplicateField(byte[] b) {
        // a key is a string followed by ':'; its field runs to the next ',' or '}' at the same nesting (approximately)
        List<int[]> keys = new ArrayList<>();
        for (int[] s : strings(b)) {
            if (s[1] < b.length && b[s[1]] == ':') {
                keys.add(s);
            }
        }
        if (keys.isEmpty()) {
            return b;
        }
        int[] k = keys.get(rnd.nextInt(keys.size()));
        int depth = 0;
        int end = k[1] + 1;
        for (; end < b.length; end++) {
            byte c = b[end];
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                break;
            }
        }
        byte[] field = Arrays.copyOfRange(b, k[0], end);
        byte[] withComma = new byte[field.length + 1];
        withComma[0] = ',';
        System.arraycopy(field, 0, withComma, 1, field.length);
        return insert(b, Math.min(end, b.length), withComma);
    }

    private byte[] replaceValue(byte[] b, String value) {
        // the value after a random key: a string, or a run of number bytes
        List<int[]> keys = new ArrayList<>();
        for (int[] s : strings(b)) {
            if (s[1] < b.length && b[s[1]] == ':') {
                keys.add(s);
            }
        }
        if (keys.isEmpty()) {
            return b;
        }
        int from = keys.get(rnd.nextInt(keys.size()))[1] + 1;
        if (from >= b.length) {
            return b;
        }
        int to = from;
        if (b[from] == '"') {
            for (int[] s : strings(b)) {
                if (s[0] == from) {
                    to = s[1];
                }
            }
        } else {
            while (to < b.length && "-+.0123456789eEtruefalsn".indexOf(b[to]) >= 0) {
                to++;
            }
        }
        if (to == from) {
            return b;
        }
        return splice(b, from, to, bytes(value));
    }
}
