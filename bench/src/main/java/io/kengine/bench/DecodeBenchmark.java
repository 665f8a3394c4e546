package io.kengine.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kengine.feed.decode.DecodedFrame;
import io.kengine.feed.decode.FrameDecoder;
import io.kengine.feed.decode.FrameKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Decode of one current-shape {@code orderbook_delta} frame (kalshi-api.md §4.5), rotating through
 * {@link #FRAMES} distinct frames so prices, counts, sides and tickers vary and the branch predictor
 * cannot learn a single path. Rows, all on the same byte[] frames:
 * <ul>
 *   <li>{@code frameDecoder}: {@link FrameDecoder} into a reused {@link DecodedFrame} (engine units);</li>
 *   <li>{@code jacksonDatabind}: {@code ObjectMapper.readValue} into {@link DeltaFrame} (Strings, not converted);</li>
 *   <li>{@code jacksonStreaming}: a {@link JsonParser} reading the same fields into locals, strings with
 *       {@code getText()}, price and count converted to the same fixed-point longs;</li>
 *   <li>{@code scanFloor}: one pass over the bytes counting quotes, the least any decoder must do.</li>
 * </ul>
 * Run with {@code -prof gc}: the target for {@code frameDecoder} is ≤ 150 ns/op and 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// The same flags as the other benchmarks: Agrona (event slots) needs the jdk.internal.misc export.
@Fork(value = 1, jvmArgsAppend = {JvmFlags.EXPORT_NIO, JvmFlags.OPEN_REFLECT, JvmFlags.EXPORT_REF,
    JvmFlags.EXPORT_MISC, JvmFlags.OPEN_LANG, JvmFlags.EXPORT_JAVAC, JvmFlags.NATIVE_ACCESS,
    JvmFlags.NO_ANALYTICS, JvmFlags.QUIET_LOGS, JvmFlags.HEAP_MIN, JvmFlags.HEAP_MAX})
public class DecodeBenchmark {
    /** A power of two, so the rotation is a mask. */
    static final int FRAMES = 16;

    private final byte[][] frames = new byte[FRAMES][];
    private int next;

    private final FrameDecoder decoder = new FrameDecoder();
    private final DecodedFrame decoded = new DecodedFrame();
    private final ObjectMapper mapper = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false); // Kalshi adds fields
    private final JsonFactory factory = new JsonFactory();

    /** The frame shape of the databind row: public fields named like the JSON keys. */
    public static final class DeltaFrame {
        public String type;
        public long sid;
        public long seq;
        public DeltaMsg msg;
    }

    public static final class DeltaMsg {
        public String market_ticker;
        public String market_id;
        public String price_dollars;
        public String delta_fp;
        public String side;
        public String ts;
        public long ts_ms;
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        for (int i = 0; i < FRAMES; i++) {
            frames[i] = frame(i);
        }
        // Refuse to measure anything that does not decode to the frame's values on every path.
        for (int i = 0; i < FRAMES; i++) {
            next = i;
            if (frameDecoder() != FrameKind.ORDERBOOK_DELTA) {
                throw new IllegalStateException("frame " + i + " decoded as " + decoded.kind() + " "
                    + decoded.reason() + ": " + new String(frames[i], StandardCharsets.US_ASCII));
            }
            long expected = check(i, decoded.price(), decoded.delta(), decoded.seq(), decoded.tsMs());
            next = i;
            DeltaFrame pojo = jacksonDatabind();
            if (!pojo.msg.price_dollars.equals(priceText(i)) || pojo.seq != seqOf(i) || pojo.msg.ts_ms != tsMsOf(i)) {
                throw new IllegalStateException("databind read frame " + i + " wrong");
            }
            next = i;
            if (jacksonStreaming() != expected) {
                throw new IllegalStateException("streaming read frame " + i + " wrong");
            }
        }
        next = 0;
    }

    @Benchmark
    public FrameKind frameDecoder() {
        byte[] f = frames[next++ & (FRAMES - 1)];
        return decoder.decode(f, 0, f.length, decoded);
    }

    @Benchmark
    public DeltaFrame jacksonDatabind() throws IOException {
        return mapper.readValue(frames[next++ & (FRAMES - 1)], DeltaFrame.class);
    }

    /** Reads every field the decoder reads; returns a digest so none of the work is dead. */
    @Benchmark
    public long jacksonStreaming() throws IOException {
        byte[] f = frames[next++ & (FRAMES - 1)];
        String type = null, ticker = null, marketId = null, side = null, ts = null;
        long sid = -1, seq = -1, price = Long.MIN_VALUE, delta = Long.MIN_VALUE, tsMs = Long.MIN_VALUE;
        try (JsonParser p = factory.createParser(f)) { // a parser cannot be reset: one per frame
            p.nextToken(); // START_OBJECT
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "type": type = p.getText(); break;
                    case "sid": sid = p.getLongValue(); break;
                    case "seq": seq = p.getLongValue(); break;
                    case "msg":
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String field = p.currentName();
                            p.nextToken();
                            switch (field) {
                                case "market_ticker": ticker = p.getText(); break;
                                case "market_id": marketId = p.getText(); break;
                                case "price_dollars": price = fixed(p.getText(), 4); break;
                                case "delta_fp": delta = fixed(p.getText(), 2); break;
                                case "side": side = p.getText(); break;
                                case "ts": ts = p.getText(); break;
                                case "ts_ms": tsMs = p.getLongValue(); break;
                                default: p.skipChildren();
                            }
                        }
                        break;
                    default:
                        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                            p.skipChildren();
                        }
                }
            }
        }
        long sideCode = "yes".equals(side) ? 1 : 2;
        return price * 31 + delta * 17 + seq + sid + tsMs + sideCode + type.length() + ticker.length()
            + marketId.length() + ts.length();
    }

    @Benchmark
    public int scanFloor() {
        byte[] f = frames[next++ & (FRAMES - 1)];
        int quotes = 0;
        for (byte b : f) {
            if (b == '"') {
                quotes++;
            }
        }
        return quotes;
    }

    // ---- the frames -------------------------------------------------------------------------------

    private static final String[] TICKERS = {"KXFED-26DEC-T3.00", "KXCPI-26DEC-T0.3", "KXBTCD-26NOV2117-T98749.99"};
    private static final String[] MARKET_IDS = {"9b0f6c2e-4a51-4f7a-9d0e-2f6d1c3b8a71",
        "3e8a1d44-0c7b-4b9e-8f21-6a5d7c9e0b12", "c71f2b90-5d3a-4e68-a1c4-0b9e8d7f6a35"};

    static long priceUnits(int i) {
        return 100L * (3 + (i * 37) % 95); // $0.03 … $0.97 on a cent grid, in $0.0001
    }

    static String priceText(int i) {
        long p = priceUnits(i);
        return String.format("0.%04d", p);
    }

    static long deltaUnits(int i) {
        long q = 100L * (1 + (i * 53) % 400) + (i % 3 == 0 ? 50 : 0); // some fractional counts
        return (i % 2 == 0) ? -q : q;
    }

    static long seqOf(int i) {
        return 1_000_000L + i;
    }

    static long tsMsOf(int i) {
        return 1_795_244_180_569L + 7L * i;
    }

    static byte[] frame(int i) {
        long d = deltaUnits(i);
        String delta = (d < 0 ? "-" : "") + Math.abs(d) / 100 + "." + String.format("%02d", Math.abs(d) % 100);
        long tsMs = tsMsOf(i);
        String ts = java.time.Instant.ofEpochMilli(tsMs).toString();
        String json = "{\"type\":\"orderbook_delta\",\"sid\":2,\"seq\":" + seqOf(i)
            + ",\"msg\":{\"market_ticker\":\"" + TICKERS[i % TICKERS.length] + "\",\"market_id\":\""
            + MARKET_IDS[i % MARKET_IDS.length] + "\",\"price_dollars\":\"" + priceText(i) + "\",\"delta_fp\":\""
            + delta + "\",\"side\":\"" + (i % 4 < 2 ? "yes" : "no") + "\",\"ts\":\"" + ts + "\",\"ts_ms\":" + tsMs + "}}";
        return json.getBytes(StandardCharsets.US_ASCII);
    }

    /** The streaming row's digest for frame i, from the decoder's values after checking them. */
    private long check(int i, long price, long delta, long seq, long tsMs) {
        if (price != priceUnits(i) || delta != deltaUnits(i) || seq != seqOf(i) || tsMs != tsMsOf(i)
            || decoded.sid() != 2 || !decoded.marketTicker().contentEquals(TICKERS[i % TICKERS.length])) {
            throw new IllegalStateException("FrameDecoder read frame " + i + " wrong: " + decoded);
        }
        String ts = java.time.Instant.ofEpochMilli(tsMs).toString();
        long sideCode = i % 4 < 2 ? 1 : 2;
        return price * 31 + delta * 17 + seq + 2 + tsMs + sideCode + "orderbook_delta".length()
            + TICKERS[i % TICKERS.length].length() + MARKET_IDS[i % MARKET_IDS.length].length() + ts.length();
    }

    /**
     * A decimal string to a long with {@code scale} fraction digits ("0.4200", 4 → 4200; "-54.5", 2 →
     * -5450), what a hand-written streaming decoder would do instead of going through BigDecimal.
     */
    static long fixed(String s, int scale) {
        int i = 0;
        boolean negative = s.charAt(0) == '-';
        if (negative) {
            i = 1;
        }
        long v = 0;
        int fraction = -1;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                fraction = 0;
                continue;
            }
            if (c < '0' || c > '9' || fraction == scale) {
                throw new NumberFormatException(s);
            }
            v = v * 10 + (c - '0');
            if (fraction >= 0) {
                fraction++;
            }
        }
        for (int k = Math.max(fraction, 0); k < scale; k++) {
            v *= 10;
        }
        return negative ? -v : v;
    }
}
