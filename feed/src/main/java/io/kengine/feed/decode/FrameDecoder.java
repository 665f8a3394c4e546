package io.kengine.feed.decode;

import static io.kengine.feed.decode.DecodedFrame.ABSENT;
import static io.kengine.feed.decode.JsonScanner.ARRAY;
import static io.kengine.feed.decode.JsonScanner.CTX_OTHER;
import static io.kengine.feed.decode.JsonScanner.ESCAPED;
import static io.kengine.feed.decode.JsonScanner.FALSE;
import static io.kengine.feed.decode.JsonScanner.FLOAT;
import static io.kengine.feed.decode.JsonScanner.INT;
import static io.kengine.feed.decode.JsonScanner.OBJECT;
import static io.kengine.feed.decode.JsonScanner.STRING;
import static io.kengine.feed.decode.JsonScanner.TRUE;

import io.kengine.feed.decode.JsonScanner.Slots;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.units.FixedPoint;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.agrona.DirectBuffer;

/**
 * Kalshi WebSocket text frame → {@link DecodedFrame}, without allocating: a strict byte-level JSON
 * pass ({@link JsonScanner}) records where the envelope's and {@code msg}'s known fields lie, then
 * each message type reads its fields straight into engine units with {@link FixedPoint}'s byte parsers.
 *
 * <h2>What is read</h2>
 * The same fields, with the same precedence, as the reference reader {@code WsCodec}: current
 * {@code *_dollars} / {@code *_fp} fields first, legacy integer cents and counts when those are absent,
 * fixed-point values as JSON strings or numbers, JSON null as absent, {@code ts_ms} before {@code ts}
 * (seconds, or RFC 3339 on deltas) before {@code time}; direction from {@code outcome_side} →
 * {@code book_side} → {@code purchased_side} → {@code side} (+ {@code action} on fills). Unknown
 * fields are skipped at every level; unknown message types are {@link FrameKind#UNKNOWN}.
 *
 * <h2>Stricter than the reference reader (each case is {@link FrameKind#MALFORMED})</h2>
 * Prices of levels, deltas, trades, fills and orders must lie in (0, 1) (ticker prices in [0, 1]);
 * kept strings (tickers, ids, enum values) must be unescaped printable ASCII that fits its event
 * field; {@code sid}, {@code seq} and {@code id} must be non-negative; a trade needs a price and a
 * count, a fill a trade id, order id, direction, price and count; a snapshot side holds at most
 * {@link DecodedFrame#MAX_LEVELS_PER_SIDE} levels; RFC 3339 only in its plain form (see {@link Rfc3339}).
 * Whatever this decoder accepts, the reference reader accepts with the same values (checked by the
 * fuzz test), so being stricter can only drop a frame, never misread one.
 *
 * <p>One instance per thread. {@code decode} never throws on any input bytes: a bug surfaces as
 * {@link MalformedReason#INTERNAL_ERROR}.
 */
public final class FrameDecoder {
    public static final int DEFAULT_MAX_FRAME_LENGTH = 256 * 1024;

    private static final long PRICE_ONE = FixedPoint.PRICE_ONE;

    // fixed-point kinds
    private static final int K_PRICE = 0;
    private static final int K_CENTS = 1;
    private static final int K_COUNT = 2;
    private static final int K_SIGNED_COUNT = 3;
    private static final int K_MONEY = 4;

    private static final byte[][] TYPES = names("orderbook_snapshot", "orderbook_delta", "ticker", "trade", "fill",
            "user_order", "subscribed", "unsubscribed", "ok", "error", "market_lifecycle_v2");
    private static final int T_SNAPSHOT = 0;
    private static final int T_DELTA = 1;
    private static final int T_TICKER = 2;
    private static final int T_TRADE = 3;
    private static final int T_FILL = 4;
    private static final int T_USER_ORDER = 5;
    private static final int T_SUBSCRIBED = 6;
    private static final int T_UNSUBSCRIBED = 7;
    private static final int T_OK = 8;
    private static final int T_ERROR = 9;
    private static final int T_LIFECYCLE = 10;

    private static final byte[][] YES_NO = names("yes", "no");
    private static final byte[][] BID_ASK = names("bid", "ask");
    private static final byte[][] BUY_SELL = names("buy", "sell");
    private static final byte[][] STATUSES = names("resting", "canceled", "executed", "pending");
    private static final byte[][] STP = names("taker_at_cross", "maker");
    /** Index + 1 = DecodedFrame's lifecycle type (1–6 = MarketLifecycleEvent's kinds). */
    private static final byte[][] LIFECYCLE_TYPES = names("created", "activated", "deactivated", "close_date_updated",
            "determined", "settled", "price_level_structure_updated", "metadata_updated");
    /** Index = MarketLifecycleEvent.RESULT_* ("" is REST's "no result yet"). */
    private static final byte[][] RESULTS = names("", "yes", "no", "scalar");
    private static final byte[][] RANGE_KEYS = names("start", "end", "step");
    /** additional_metadata keys the reference reader types: strings, then a boolean, an integer, two decimals. */
    private static final byte[][] META_KEYS = names("name", "title", "yes_sub_title", "no_sub_title", "rules_primary",
            "rules_secondary", "event_ticker", "strike_type", "can_close_early", "expected_expiration_ts",
            "floor_strike", "cap_strike");
    private static final int META_STRINGS = 8;
    private static final int META_BOOL = 8;
    private static final int META_LONG = 9;
    private static final byte[] KEY_CHANNEL = "channel".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_SID = "sid".getBytes(StandardCharsets.US_ASCII);

    private final JsonScanner scanner = new JsonScanner();
    private final Slots r = scanner.root;
    private final Slots m = scanner.msg;
    private final DecodeCounters counters;
    private final int maxFrameLength;
    private final byte[] scratch;

    private byte[] b;
    private int frameStart;
    private DecodedFrame out;

    /** Package-private for tests: false forces every frame through the generic pass. */
    boolean fastPath = true;
    /** Package-private for tests: frames the delta fast path decoded. */
    long fastHits;

    public FrameDecoder() {
        this(new DecodeCounters());
    }

    public FrameDecoder(DecodeCounters counters) {
        this(counters, DEFAULT_MAX_FRAME_LENGTH);
    }

    /** @param maxFrameLength longer frames are {@link MalformedReason#FRAME_TOO_LARGE}; also the copy buffer for off-heap input */
    public FrameDecoder(DecodeCounters counters, int maxFrameLength) {
        if (counters == null || maxFrameLength <= 0) {
            throw new IllegalArgumentException("counters required, maxFrameLength > 0");
        }
        this.counters = counters;
        this.maxFrameLength = maxFrameLength;
        this.scratch = new byte[maxFrameLength];
    }

    public DecodeCounters counters() {
        return counters;
    }

    /**
     * Decodes {@code frame[offset, offset + length)}. Heap buffers are read in place; off-heap ones are
     * copied once into a preallocated array. Counts the result in {@link #counters()}.
     *
     * @return {@code out.kind()}
     * @throws IndexOutOfBoundsException only when offset/length lie outside the buffer (a caller bug)
     */
    public FrameKind decode(DirectBuffer frame, int offset, int length, DecodedFrame out) {
        checkBounds(frame.capacity(), offset, length);
        byte[] array = frame.byteArray();
        if (array != null) {
            return decode(array, frame.wrapAdjustment() + offset, length, out);
        }
        if (length > maxFrameLength) {
            out.reset();
            out.malformed(MalformedReason.FRAME_TOO_LARGE, -1);
            counters.onFrame(out, scratch, 0, 0);
            return out.kind;
        }
        frame.getBytes(offset, scratch, 0, length);
        return decode(scratch, 0, length, out);
    }

    /** As {@link #decode(DirectBuffer, int, int, DecodedFrame)} over a byte array. */
    public FrameKind decode(byte[] frame, int offset, int length, DecodedFrame out) {
        checkBounds(frame.length, offset, length);
        out.reset();
        this.b = frame;
        this.frameStart = offset;
        this.out = out;
        try {
            if (length > maxFrameLength) {
                out.malformed(MalformedReason.FRAME_TOO_LARGE, -1);
            } else if (fastPath && fastDelta(frame, offset, offset + length)) {
                fastHits++;
            } else if (!scanner.scanDocument(frame, offset, length)) {
                out.malformed(scanner.error, scanner.errorAt < 0 ? -1 : scanner.errorAt - offset);
            } else {
                resolve();
            }
        } catch (RuntimeException e) {
            // A decoder bug must cost one frame, not the feed; the counter makes it visible.
            out.reset();
            out.malformed(MalformedReason.INTERNAL_ERROR, -1);
        }
        counters.onFrame(out, frame, offset, length);
        return out.kind;
    }

    private static void checkBounds(int capacity, int offset, int length) {
        if (offset < 0 || length < 0 || offset > capacity - length) {
            throw new IndexOutOfBoundsException("frame [" + offset + ", +" + length + ") outside buffer of " + capacity);
        }
    }

    // ================================================================ orderbook_delta fast path

    private static final byte[] FD_HEAD = ascii("{\"type\":\"orderbook_delta\",\"sid\":");
    private static final byte[] FD_SEQ = ascii(",\"seq\":");
    private static final byte[] FD_TICKER = ascii(",\"msg\":{\"market_ticker\":\"");
    private static final byte[] FD_MARKET_ID = ascii("\",\"market_id\":\"");
    private static final byte[] FD_PRICE = ascii("\",\"price_dollars\":\"");
    private static final byte[] FD_DELTA = ascii("\",\"delta_fp\":\"");
    private static final byte[] FD_SIDE = ascii("\",\"side\":\"");
    private static final byte[] FD_YES = ascii("yes\"");
    private static final byte[] FD_NO = ascii("no\"");
    private static final byte[] FD_CLIENT_ORDER_ID = ascii(",\"client_order_id\":\"");
    private static final byte[] FD_SUBACCOUNT = ascii(",\"subaccount\":");
    private static final byte[] FD_TS = ascii(",\"ts\":\"");
    private static final byte[] FD_TS_MS = ascii("\",\"ts_ms\":");
    private static final byte[] FD_TAIL = ascii("}}");

    /** Position after a parsed fast-path integer (set by {@link #fdDigits}). */
    private int fdEnd;

    /**
     * Kalshi's usual {@code orderbook_delta}, byte for byte: no whitespace inside, keys in the order
     * {@code type, sid, seq, msg{market_ticker, market_id, price_dollars, delta_fp, side,
     * [client_order_id], [subaccount], ts, ts_ms}}, strings of plain printable ASCII (no escapes),
     * non-negative integers without leading zeros. Reads exactly what {@link #delta()} reads and
     * validates everything the JSON pass and {@code delta()} would; on any other shape, returns false
     * having written nothing to {@code out}, and the generic pass decides.
     */
    private boolean fastDelta(byte[] b, int p, int end) {
        if (!lit(b, p, end, FD_HEAD)) {
            return false;
        }
        p += FD_HEAD.length;
        long sid = fdDigits(b, p, end, 18);
        if (sid < 0) {
            return false;
        }
        p = fdEnd;
        if (!lit(b, p, end, FD_SEQ)) {
            return false;
        }
        long seq = fdDigits(b, p + FD_SEQ.length, end, 18);
        if (seq < 0) {
            return false;
        }
        p = fdEnd;
        if (!lit(b, p, end, FD_TICKER)) {
            return false;
        }
        int tickerStart = p + FD_TICKER.length;
        int tickerEnd = fdString(b, tickerStart, end);
        if (tickerEnd < 0 || tickerEnd - tickerStart > out.marketTicker.capacity() || !lit(b, tickerEnd, end, FD_MARKET_ID)) {
            return false;
        }
        int idStart = tickerEnd + FD_MARKET_ID.length;
        int idEnd = fdString(b, idStart, end);
        if (idEnd < 0 || idEnd - idStart > out.marketId.capacity() || !lit(b, idEnd, end, FD_PRICE)) {
            return false;
        }
        int priceStart = idEnd + FD_PRICE.length;
        int priceEnd = fdString(b, priceStart, end);
        if (priceEnd < 0 || !lit(b, priceEnd, end, FD_DELTA)) {
            return false;
        }
        int deltaStart = priceEnd + FD_DELTA.length;
        int deltaEnd = fdString(b, deltaStart, end);
        if (deltaEnd < 0 || !lit(b, deltaEnd, end, FD_SIDE)) {
            return false;
        }
        p = deltaEnd + FD_SIDE.length;
        byte bookSide;
        if (lit(b, p, end, FD_YES)) {
            bookSide = Codes.BOOK_YES;
            p += FD_YES.length;
        } else if (lit(b, p, end, FD_NO)) {
            bookSide = Codes.BOOK_NO;
            p += FD_NO.length;
        } else {
            return false;
        }
        boolean ownOrder = false;
        if (lit(b, p, end, FD_CLIENT_ORDER_ID)) {
            p = fdString(b, p + FD_CLIENT_ORDER_ID.length, end);
            if (p < 0) {
                return false;
            }
            p++; // closing quote
            ownOrder = true;
        }
        if (lit(b, p, end, FD_SUBACCOUNT)) {
            if (fdDigits(b, p + FD_SUBACCOUNT.length, end, 9) < 0) { // < 10^9: fits an int
                return false;
            }
            p = fdEnd;
        }
        if (!lit(b, p, end, FD_TS)) {
            return false;
        }
        p = fdString(b, p + FD_TS.length, end); // ts_ms wins: ts is only validated as a JSON string
        if (p < 0 || !lit(b, p, end, FD_TS_MS)) {
            return false;
        }
        long tsMs = fdDigits(b, p + FD_TS_MS.length, end, 18);
        if (tsMs < 0) {
            return false;
        }
        p = fdEnd;
        if (!lit(b, p, end, FD_TAIL)) {
            return false;
        }
        for (p += FD_TAIL.length; p < end; p++) {
            byte c = b[p];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
        }
        long price = FixedPoint.parsePrice(b, priceStart, priceEnd - priceStart);
        if (price == FixedPoint.INVALID || price <= 0 || price >= PRICE_ONE) {
            return false;
        }
        long delta = FixedPoint.parseSignedCount(b, deltaStart, deltaEnd - deltaStart);
        if (delta == FixedPoint.INVALID || delta == ABSENT) {
            return false;
        }
        DecodedFrame o = out;
        o.sid = sid;
        o.seq = seq;
        o.marketTicker.set(b, tickerStart, tickerEnd - tickerStart);
        o.marketId.set(b, idStart, idEnd - idStart);
        o.ownOrder = ownOrder;
        o.tsMs = tsMs;
        o.price = price;
        o.delta = delta;
        o.bookSide = bookSide;
        o.kind = FrameKind.ORDERBOOK_DELTA;
        return true;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /** {@code b[p, p + lit.length)} equals {@code lit}, compared 8 bytes at a time (every literal is ≥ 2 bytes). */
    private static boolean lit(byte[] b, int p, int end, byte[] lit) {
        int n = lit.length;
        if (p < 0 || end - p < n) {
            return false;
        }
        if (n < 8) {
            for (int i = 0; i < n; i++) {
                if (b[p + i] != lit[i]) {
                    return false;
                }
            }
            return true;
        }
        int i = 0;
        for (; i <= n - 8; i += 8) {
            if ((long) LONGS.get(b, p + i) != (long) LONGS.get(lit, i)) {
                return false;
            }
        }
        // the last, possibly overlapping, 8 bytes
        return i == n || (long) LONGS.get(b, p + n - 8) == (long) LONGS.get(lit, n - 8);
    }

    /**
     * String content from {@code p} (after the opening quote) to the position of its closing quote,
     * or -1 unless every byte is printable ASCII (0x20–0x7E) other than a backslash. Eight bytes at a
     * time while no byte in the word is special; the word holding one is resolved byte by byte.
     */
    private static int fdString(byte[] b, int p, int end) {
        while (p <= end - 8) {
            long x = (long) LONGS.get(b, p);
            long quote = x ^ 0x2222222222222222L;
            long slash = x ^ 0x5C5C5C5C5C5C5C5CL;
            long del = x ^ 0x7F7F7F7F7F7F7F7FL;
            long special = ((quote - ONES) & ~quote) | ((slash - ONES) & ~slash) | ((del - ONES) & ~del)
                    | (x - 0x2020202020202020L) | x;
            if ((special & HIGHS) != 0) {
                break;
            }
            p += 8;
        }
        for (; p < end; p++) {
            byte c = b[p];
            if (c == '"') {
                return p;
            }
            if (c < 0x20 || c == 0x7F || c == '\\') { // negative = non-ASCII
                return -1;
            }
        }
        return -1;
    }

    /**
     * A JSON integer of 1 to {@code maxDigits} digits, no sign, no leading zero (so in range without
     * overflow checks), ending at {@link #fdEnd}; -1 otherwise. The caller checks what follows.
     */
    private long fdDigits(byte[] b, int p, int end, int maxDigits) {
        int s = p;
        long v = 0;
        while (p < end) {
            int d = b[p] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            v = v * 10 + d;
            p++;
        }
        int n = p - s;
        if (n == 0 || n > maxDigits || (n > 1 && b[s] == '0')) {
            return -1;
        }
        fdEnd = p;
        return v;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    // ================================================================ dispatch

    private void resolve() {
        if (!r.has(Fields.R_TYPE)) {
            fail(MalformedReason.MISSING_FIELD, -1);
            return;
        }
        if (r.type[Fields.R_TYPE] != STRING) {
            fail(MalformedReason.WRONG_TYPE, r.start[Fields.R_TYPE]);
            return;
        }
        int ts = r.start[Fields.R_TYPE];
        int te = r.end[Fields.R_TYPE];
        if ((r.flags[Fields.R_TYPE] & ESCAPED) != 0) {
            fail(MalformedReason.BAD_STRING, ts);
            return;
        }
        switch (match(ts, te, TYPES)) {
            case T_SNAPSHOT: snapshot(); break;
            case T_DELTA: delta(); break;
            case T_TICKER: ticker(); break;
            case T_TRADE: trade(); break;
            case T_FILL: fill(); break;
            case T_USER_ORDER: userOrder(); break;
            case T_SUBSCRIBED: subscribed(); break;
            case T_UNSUBSCRIBED: unsubscribed(); break;
            case T_OK: ok(); break;
            case T_ERROR: error(); break;
            case T_LIFECYCLE: lifecycle(); break;
            default: unknown(ts, te); break;
        }
    }

    private void unknown(int ts, int te) {
        if (r.flags[Fields.R_TYPE] == 0 && te - ts <= out.type.capacity() && printable(ts, te)) {
            out.type.set(b, ts, te - ts);
        }
        out.sid = peekNonNegative(r, Fields.R_SID);
        out.seq = peekNonNegative(r, Fields.R_SEQ);
        out.kind = FrameKind.UNKNOWN;
    }

    // ================================================================ channel data

    /** {@code sid} (required), {@code seq} (optional, when the type carries one) and an object {@code msg}. */
    private boolean envelope(boolean withSeq) {
        out.sid = nonNegative(r, Fields.R_SID, true);
        if (withSeq) {
            out.seq = nonNegative(r, Fields.R_SEQ, false);
        }
        requireMsgObject();
        return !failed();
    }

    private void requireMsgObject() {
        if (!r.has(Fields.R_MSG)) {
            fail(MalformedReason.MISSING_FIELD, -1);
        } else if (r.type[Fields.R_MSG] != OBJECT) {
            fail(MalformedReason.WRONG_TYPE, r.start[Fields.R_MSG]);
        }
    }

    private void snapshot() {
        if (!envelope(true)) {
            return;
        }
        ascii(Fields.MARKET_TICKER, out.marketTicker, true);
        raw(Fields.MARKET_ID, out.marketId);
        out.yesCount = side(Fields.YES_DOLLARS_FP, Fields.YES_DOLLARS, Fields.YES, out.yesPrices, out.yesQuantities);
        out.noCount = side(Fields.NO_DOLLARS_FP, Fields.NO_DOLLARS, Fields.NO, out.noPrices, out.noQuantities);
        succeed(FrameKind.ORDERBOOK_SNAPSHOT);
    }

    /** {@code <side>_dollars_fp}, else {@code <side>_dollars} (price strings), else legacy {@code <side>} (cents). */
    private int side(int fp, int dollars, int cents, long[] prices, long[] quantities) {
        if (failed()) {
            return 0;
        }
        if (m.has(fp)) {
            return levels(fp, K_PRICE, prices, quantities);
        }
        if (m.has(dollars)) {
            return levels(dollars, K_PRICE, prices, quantities);
        }
        return m.has(cents) ? levels(cents, K_CENTS, prices, quantities) : 0;
    }

    /** Walks a validated array of {@code [price, count]} pairs. */
    private int levels(int f, int priceKind, long[] prices, long[] quantities) {
        if (m.type[f] != ARRAY) {
            return fail(MalformedReason.WRONG_TYPE, m.start[f]);
        }
        final JsonScanner s = scanner;
        int p = s.skipWs(m.start[f] + 1);
        int n = 0;
        if (b[p] == ']') {
            return 0;
        }
        while (true) {
            if (b[p] != '[') {
                return fail(MalformedReason.BAD_LEVEL, p);
            }
            if (n == prices.length) {
                return fail(MalformedReason.TOO_DEEP, p);
            }
            int q = s.skipWs(p + 1);
            if (b[q] == ']') {
                return fail(MalformedReason.BAD_LEVEL, q);
            }
            q = s.value(q, 1, CTX_OTHER);
            long price = fixed(s.vType, s.vStart, s.vEnd, s.vFlags, priceKind);
            if (failed()) {
                return 0;
            }
            if (!insideUnit(price, s.vStart)) {
                return 0;
            }
            q = s.skipWs(q);
            if (b[q] != ',') {
                return fail(MalformedReason.BAD_LEVEL, q);
            }
            q = s.value(s.skipWs(q + 1), 1, CTX_OTHER);
            long quantity = fixed(s.vType, s.vStart, s.vEnd, s.vFlags, K_COUNT);
            if (failed()) {
                return 0;
            }
            q = s.skipWs(q);
            if (b[q] != ']') {
                return fail(MalformedReason.BAD_LEVEL, q);
            }
            prices[n] = price;
            quantities[n] = quantity;
            n++;
            p = s.skipWs(q + 1);
            if (b[p] == ']') {
                return n;
            }
            p = s.skipWs(p + 1); // past ','
        }
    }

    private void delta() {
        if (!envelope(true)) {
            return;
        }
        long price = priceOr(Fields.PRICE_DOLLARS, Fields.PRICE);
        if (!failed() && price == ABSENT) {
            fail(MalformedReason.MISSING_FIELD, -1);
        }
        if (failed() || !insideUnit(price, m.start[m.has(Fields.PRICE_DOLLARS) ? Fields.PRICE_DOLLARS : Fields.PRICE])) {
            return;
        }
        long delta = countOr(Fields.DELTA_FP, Fields.DELTA, K_SIGNED_COUNT);
        if (!failed() && delta == ABSENT) {
            fail(MalformedReason.MISSING_FIELD, -1);
        }
        ascii(Fields.MARKET_TICKER, out.marketTicker, true);
        raw(Fields.MARKET_ID, out.marketId);
        int side = enumOf(Fields.SIDE, YES_NO, true);
        out.ownOrder = optString(Fields.CLIENT_ORDER_ID);
        optInt(Fields.SUBACCOUNT);
        out.tsMs = tsMillis();
        out.price = price;
        out.delta = delta;
        out.bookSide = side == 0 ? Codes.BOOK_YES : Codes.BOOK_NO;
        succeed(FrameKind.ORDERBOOK_DELTA);
    }

    private void ticker() {
        if (!envelope(false)) {
            return;
        }
        ascii(Fields.MARKET_TICKER, out.marketTicker, true);
        raw(Fields.MARKET_ID, out.marketId);
        out.lastPrice = priceOr(Fields.PRICE_DOLLARS, Fields.PRICE);
        out.yesBid = priceOr(Fields.YES_BID_DOLLARS, Fields.YES_BID);
        out.yesAsk = priceOr(Fields.YES_ASK_DOLLARS, Fields.YES_ASK);
        out.yesBidSize = opt(Fields.YES_BID_SIZE_FP, K_COUNT);
        out.yesAskSize = opt(Fields.YES_ASK_SIZE_FP, K_COUNT);
        out.lastTradeSize = opt(Fields.LAST_TRADE_SIZE_FP, K_COUNT);
        out.volume = countOr(Fields.VOLUME_FP, Fields.VOLUME, K_COUNT);
        out.openInterest = countOr(Fields.OPEN_INTEREST_FP, Fields.OPEN_INTEREST, K_COUNT);
        out.dollarVolume = optLong(m, Fields.DOLLAR_VOLUME);
        out.dollarOpenInterest = optLong(m, Fields.DOLLAR_OPEN_INTEREST);
        out.tsMs = tsMillis();
        succeed(FrameKind.TICKER);
    }

    private void trade() {
        if (!envelope(false)) {
            return;
        }
        long yes = priceOr(Fields.YES_PRICE_DOLLARS, Fields.YES_PRICE);
        int at = m.start[m.has(Fields.YES_PRICE_DOLLARS) ? Fields.YES_PRICE_DOLLARS : Fields.YES_PRICE];
        if (yes == ABSENT && !failed()) {
            long no = priceOr(Fields.NO_PRICE_DOLLARS, Fields.NO_PRICE);
            at = m.start[m.has(Fields.NO_PRICE_DOLLARS) ? Fields.NO_PRICE_DOLLARS : Fields.NO_PRICE];
            yes = no == ABSENT ? ABSENT : PRICE_ONE - no;
        }
        if (!failed() && yes == ABSENT) {
            fail(MalformedReason.MISSING_FIELD, -1);
        }
        if (failed() || !insideUnit(yes, at)) {
            return;
        }
        int taker = enumOf(Fields.TAKER_OUTCOME_SIDE, YES_NO, false);
        if (taker < 0 && !failed()) {
            taker = enumOf(Fields.TAKER_BOOK_SIDE, BID_ASK, false); // bid = YES, ask = NO
            if (taker < 0 && !failed()) {
                taker = enumOf(Fields.TAKER_SIDE, YES_NO, false);
            }
        }
        ascii(Fields.TRADE_ID, out.tradeId, false);
        ascii(Fields.MARKET_TICKER, out.marketTicker, true);
        long count = countOr(Fields.COUNT_FP, Fields.COUNT, K_COUNT);
        if (!failed() && count == ABSENT) {
            fail(MalformedReason.MISSING_FIELD, -1);
        }
        optBool(Fields.IS_BLOCK_TRADE, false);
        out.tsMs = tsMillis();
        out.price = yes;
        out.count = count;
        out.takerSide = taker < 0 ? 0 : taker == 0 ? Codes.TAKER_YES : Codes.TAKER_NO;
        succeed(FrameKind.TRADE);
    }

    private void fill() {
        if (!envelope(false)) {
            return;
        }
        ascii(Fields.TRADE_ID, out.tradeId, true);
        ascii(Fields.ORDER_ID, out.orderId, true);
        ascii(Fields.MARKET_TICKER, out.marketTicker, true);
        optInt(Fields.EXCHANGE_INDEX);
        out.taker = optBool(Fields.IS_TAKER, true) == 1;
        int outcome = outcome(true);
        if (!failed() && outcome < 0) {
            fail(MalformedReason.MISSING_FIELD, -1);
        }
        long price = priceOr(Fields.YES_PRICE_DOLLARS, Fields.YES_PRICE);
        if (!failed() && price == ABSENT) {
            fail(MalformedReason.MISSING_FIELD, -1);
        }
        if (failed() || !insideUnit(price, m.start[m.has(Fields.YES_PRICE_DOLLARS) ? Fields.YES_PRICE_DOLLARS : Fields.YES_PRICE])) {
            return;
        }
        long count = countOr(Fields.COUNT_FP, Fields.COUNT, K_COUNT);
        if (!failed() && count == ABSENT) {
            fail(MalformedReason.MISSING_FIELD, -1);
        }
        out.fee = opt(Fields.FEE_COST, K_MONEY);
        out.postPosition = countOr(Fields.POST_POSITION_FP, Fields.POST_POSITION, K_SIGNED_COUNT);
        ascii(Fields.CLIENT_ORDER_ID, out.clientOrderId, false);
        optInt(Fields.SUBACCOUNT);
        out.tsMs = tsMillis();
        out.price = price;
        out.count = count;
        out.orderSide = outcome == 0 ? Codes.BID : Codes.ASK;
        succeed(FrameKind.FILL);
    }

    private void userOrder() {
        if (!envelope(false)) {
            return;
        }
        ascii(Fields.ORDER_ID, out.orderId, true);
        optString(Fields.USER_ID);
        ascii(Fields.TICKER, out.marketTicker, true);
        int status = enumOf(Fields.STATUS, STATUSES, true);
        int outcome = outcome(false);
        if (m.has(Fields.YES_PRICE_DOLLARS)) {
            long price = opt(Fields.YES_PRICE_DOLLARS, K_PRICE);
            if (failed() || !insideUnit(price, m.start[Fields.YES_PRICE_DOLLARS])) {
                return;
            }
            out.price = price;
        }
        out.filled = opt(Fields.FILL_COUNT_FP, K_COUNT);
        out.remaining = opt(Fields.REMAINING_COUNT_FP, K_COUNT);
        out.initialCount = opt(Fields.INITIAL_COUNT_FP, K_COUNT);
        // Costs and fees are validated (so a frame means the same to both readers) but not kept: no event field holds them.
        opt(Fields.TAKER_FILL_COST_DOLLARS, K_MONEY);
        opt(Fields.MAKER_FILL_COST_DOLLARS, K_MONEY);
        opt(Fields.TAKER_FEES_DOLLARS, K_MONEY);
        opt(Fields.MAKER_FEES_DOLLARS, K_MONEY);
        ascii(Fields.CLIENT_ORDER_ID, out.clientOrderId, false);
        optString(Fields.ORDER_GROUP_ID);
        enumOf(Fields.SELF_TRADE_PREVENTION_TYPE, STP, false);
        out.createdTsMs = msOr(Fields.CREATED_TS_MS, Fields.CREATED_TIME);
        out.lastUpdatedTsMs = msOr(Fields.LAST_UPDATED_TS_MS, Fields.LAST_UPDATE_TIME);
        out.expirationTsMs = msOr(Fields.EXPIRATION_TS_MS, Fields.EXPIRATION_TIME);
        optInt(Fields.SUBACCOUNT_NUMBER);
        out.tsMs = out.lastUpdatedTsMs != ABSENT ? out.lastUpdatedTsMs : out.createdTsMs;
        out.status = (byte) (status + 1); // STATUS_* follow STATUSES' order
        out.orderSide = outcome < 0 ? 0 : outcome == 0 ? Codes.BID : Codes.ASK;
        succeed(FrameKind.USER_ORDER);
    }

    // ================================================================ market lifecycle

    /**
     * {@code market_lifecycle_v2}: which fields come depends on {@code event_type}. Every field the reference
     * reader types is validated the same way (so a frame means the same to both), including the nested
     * {@code price_ranges} and {@code additional_metadata}; strikes, titles and metadata are not kept (no
     * event field holds them). The channel carries no {@code seq}: one sent anyway is ignored, like the
     * reference reader does, so it can never be taken for an orderbook seq. An unknown {@code event_type}
     * decodes (as {@link DecodedFrame#LIFECYCLE_OTHER}) rather than being refused: Kalshi adds types.
     */
    private void lifecycle() {
        if (!envelope(false)) {
            return;
        }
        ascii(Fields.MARKET_TICKER, out.marketTicker, true);
        ascii(Fields.EVENT_TYPE, out.eventType, true);
        if (failed()) {
            return;
        }
        out.lifecycleType = (byte) (match(m.start[Fields.EVENT_TYPE], m.end[Fields.EVENT_TYPE], LIFECYCLE_TYPES) + 1);
        optInt(Fields.EXCHANGE_INDEX);
        out.openTimeMs = secondsAsMillis(Fields.OPEN_TS);
        out.closeTimeMs = secondsAsMillis(Fields.CLOSE_TS);
        int result = enumOf(Fields.RESULT, RESULTS, false);
        out.result = result < 0 ? 0 : (byte) result;
        out.determinationTimeMs = secondsAsMillis(Fields.DETERMINATION_TS);
        out.settlementValue = opt(Fields.SETTLEMENT_VALUE, K_PRICE);
        out.settledTimeMs = secondsAsMillis(Fields.SETTLED_TS);
        out.deactivated = (byte) optBool(Fields.IS_DEACTIVATED, false);
        optString(Fields.PRICE_LEVEL_STRUCTURE);
        priceRanges();
        optString(Fields.STRIKE_TYPE);
        if (m.has(Fields.FLOOR_STRIKE)) {
            decimal(m.type[Fields.FLOOR_STRIKE], m.start[Fields.FLOOR_STRIKE], m.end[Fields.FLOOR_STRIKE], m.flags[Fields.FLOOR_STRIKE]);
        }
        if (m.has(Fields.CAP_STRIKE)) {
            decimal(m.type[Fields.CAP_STRIKE], m.start[Fields.CAP_STRIKE], m.end[Fields.CAP_STRIKE], m.flags[Fields.CAP_STRIKE]);
        }
        optString(Fields.YES_SUB_TITLE);
        metadata();
        succeed(FrameKind.MARKET_LIFECYCLE);
    }

    /** {@code price_ranges}: an array of objects, each with a price {@code start}, {@code end} and {@code step}. */
    private void priceRanges() {
        if (failed() || !m.has(Fields.PRICE_RANGES)) {
            return;
        }
        if (m.type[Fields.PRICE_RANGES] != ARRAY) {
            fail(MalformedReason.WRONG_TYPE, m.start[Fields.PRICE_RANGES]);
            return;
        }
        final JsonScanner s = scanner;
        int p = s.skipWs(m.start[Fields.PRICE_RANGES] + 1);
        int n = 0;
        if (b[p] == ']') {
            return;
        }
        while (!failed()) {
            if (b[p] != '{') {
                fail(MalformedReason.WRONG_TYPE, p);
                return;
            }
            if (n == DecodedFrame.MAX_PRICE_RANGES) {
                fail(MalformedReason.TOO_DEEP, p);
                return;
            }
            p = s.skipWs(range(p, n));
            n++;
            out.priceRangeCount = n;
            if (b[p] == ']') {
                return;
            }
            p = s.skipWs(p + 1);
        }
    }

    /** One range object at {@code p} into slot {@code n}; returns the position after it. */
    private int range(int p, int n) {
        final JsonScanner s = scanner;
        long start = ABSENT;
        long end = ABSENT;
        long step = ABSENT;
        int q = s.skipWs(p + 1);
        if (b[q] != '}') {
            while (!failed()) {
                q = s.value(q, 1, CTX_OTHER); // the key
                int k = match(s.vStart, s.vEnd, RANGE_KEYS);
                q = s.skipWs(s.skipWs(q) + 1);
                q = s.value(q, 1, CTX_OTHER);
                if (k >= 0 && s.vType != JsonScanner.NULL) {
                    long v = fixed(s.vType, s.vStart, s.vEnd, s.vFlags, K_PRICE);
                    if (k == 0) {
                        start = v;
                    } else if (k == 1) {
                        end = v;
                    } else {
                        step = v;
                    }
                }
                q = s.skipWs(q);
                if (b[q] == '}') {
                    break;
                }
                q = s.skipWs(q + 1);
            }
        }
        if (!failed() && (start == ABSENT || end == ABSENT || step == ABSENT)) {
            fail(MalformedReason.MISSING_FIELD, p);
        }
        out.rangeStarts[n] = start;
        out.rangeEnds[n] = end;
        out.rangeSteps[n] = step;
        return q + 1;
    }

    /** {@code additional_metadata} (on {@code created}): an object whose typed keys are validated, none kept. */
    private void metadata() {
        if (failed() || !m.has(Fields.ADDITIONAL_METADATA)) {
            return;
        }
        if (m.type[Fields.ADDITIONAL_METADATA] != OBJECT) {
            fail(MalformedReason.WRONG_TYPE, m.start[Fields.ADDITIONAL_METADATA]);
            return;
        }
        final JsonScanner s = scanner;
        int q = s.skipWs(m.start[Fields.ADDITIONAL_METADATA] + 1);
        if (b[q] == '}') {
            return;
        }
        while (!failed()) {
            q = s.value(q, 1, CTX_OTHER); // the key
            int k = match(s.vStart, s.vEnd, META_KEYS);
            q = s.skipWs(s.skipWs(q) + 1);
            q = s.value(q, 1, CTX_OTHER);
            if (k >= 0 && s.vType != JsonScanner.NULL) {
                if (k < META_STRINGS) {
                    if (s.vType != STRING) {
                        fail(MalformedReason.WRONG_TYPE, s.vStart);
                    }
                } else if (k == META_BOOL) {
                    if (s.vType != TRUE && s.vType != FALSE) {
                        fail(MalformedReason.WRONG_TYPE, s.vStart);
                    }
                } else if (k == META_LONG) {
                    if (s.vType != INT) {
                        fail(MalformedReason.WRONG_TYPE, s.vStart);
                    } else {
                        parseLong(s.vStart, s.vEnd);
                    }
                } else {
                    decimal(s.vType, s.vStart, s.vEnd, s.vFlags);
                }
            }
            q = s.skipWs(q);
            if (b[q] == '}') {
                return;
            }
            q = s.skipWs(q + 1);
        }
    }

    /**
     * An exact decimal (strikes) as the reference reader's {@code BigDecimal} takes it: any JSON number whose
     * exponent fits nine digits (a longer one can overflow BigDecimal's int scale), or an unescaped string
     * {@code [-]digits[.digits]} (stricter than BigDecimal's string syntax).
     */
    private void decimal(int type, int s, int e, int flags) {
        if (type == INT) {
            return;
        }
        if (type == FLOAT) {
            int x = s;
            while (x < e && b[x] != 'e' && b[x] != 'E') {
                x++;
            }
            if (x < e) {
                x++;
                if (b[x] == '+' || b[x] == '-') {
                    x++;
                }
                if (e - x > 9) {
                    fail(MalformedReason.BAD_NUMBER, s);
                }
            }
            return;
        }
        if (type != STRING) {
            fail(MalformedReason.WRONG_TYPE, s);
            return;
        }
        if (flags != 0) {
            fail(MalformedReason.BAD_STRING, s);
            return;
        }
        int p = s < e && b[s] == '-' ? s + 1 : s;
        int digits = p;
        while (p < e && JsonScanner.isDigit(b[p])) {
            p++;
        }
        boolean ok = p > digits;
        if (ok && p < e && b[p] == '.') {
            int fraction = ++p;
            while (p < e && JsonScanner.isDigit(b[p])) {
                p++;
            }
            ok = p > fraction;
        }
        if (!ok || p != e) {
            fail(MalformedReason.BAD_NUMBER, s);
        }
    }

    /** An optional integer of Unix seconds, in ms (ABSENT when absent); out of range for ms is BAD_TIME. */
    private long secondsAsMillis(int f) {
        long seconds = optLong(m, f);
        if (seconds == ABSENT || failed()) {
            return ABSENT;
        }
        if (Math.abs(seconds) > Long.MAX_VALUE / 1000) {
            fail(MalformedReason.BAD_TIME, m.start[f]);
            return ABSENT;
        }
        return seconds * 1000;
    }

    // ================================================================ control replies

    private void subscribed() {
        out.id = nonNegative(r, Fields.R_ID, false);
        requireMsgObject();
        if (failed()) {
            return;
        }
        ascii(Fields.CHANNEL, out.channel, true);
        out.sid = nonNegative(m, Fields.SID, true);
        control(ControlType.SUBSCRIBED);
    }

    private void unsubscribed() {
        out.id = nonNegative(r, Fields.R_ID, false);
        out.sid = nonNegative(r, Fields.R_SID, true);
        out.seq = nonNegative(r, Fields.R_SEQ, false);
        control(ControlType.UNSUBSCRIBED);
    }

    /** {@code ok}: an update acknowledgement when {@code msg} is an object or absent, the subscription list when an array. */
    private void ok() {
        out.id = nonNegative(r, Fields.R_ID, false);
        if (r.has(Fields.R_MSG) && r.type[Fields.R_MSG] == ARRAY) {
            subscriptionList(r.start[Fields.R_MSG]);
            control(ControlType.LIST);
            return;
        }
        if (r.has(Fields.R_MSG) && r.type[Fields.R_MSG] != OBJECT) {
            fail(MalformedReason.WRONG_TYPE, r.start[Fields.R_MSG]);
            return;
        }
        out.sid = nonNegative(r, Fields.R_SID, false);
        out.seq = nonNegative(r, Fields.R_SEQ, false);
        stringArray(Fields.MARKET_TICKERS);
        stringArray(Fields.MARKET_IDS);
        control(ControlType.OK);
    }

    /** Validates {@code [{"channel": str, "sid": int}, ...]}; entries are not kept (the reply is rare: read it with WsCodec). */
    private void subscriptionList(int start) {
        final JsonScanner s = scanner;
        int p = s.skipWs(start + 1);
        if (b[p] == ']') {
            return;
        }
        while (!failed()) {
            if (b[p] != '{') {
                fail(MalformedReason.WRONG_TYPE, p);
                return;
            }
            int elementEnd = entry(p);
            p = s.skipWs(elementEnd);
            if (b[p] == ']') {
                return;
            }
            p = s.skipWs(p + 1);
        }
    }

    /** One list entry object at {@code p}; returns the position after it. */
    private int entry(int p) {
        final JsonScanner s = scanner;
        boolean channel = false;
        boolean sid = false;
        int q = s.skipWs(p + 1);
        if (b[q] != '}') {
            while (true) {
                q = s.value(q, 1, CTX_OTHER); // the key
                int ks = s.vStart;
                int ke = s.vEnd;
                q = s.skipWs(s.skipWs(q) + 1);
                q = s.value(q, 1, CTX_OTHER);
                if (same(ks, ke, KEY_CHANNEL) && s.vType != JsonScanner.NULL) {
                    channel = true;
                    if (s.vType != STRING) {
                        fail(MalformedReason.WRONG_TYPE, s.vStart);
                    }
                } else if (same(ks, ke, KEY_SID) && s.vType != JsonScanner.NULL) {
                    sid = true;
                    if (s.vType != INT) {
                        fail(MalformedReason.WRONG_TYPE, s.vStart);
                    } else {
                        parseLong(s.vStart, s.vEnd);
                    }
                }
                q = s.skipWs(q);
                if (b[q] == '}') {
                    break;
                }
                q = s.skipWs(q + 1);
            }
        }
        if (!channel || !sid) {
            fail(MalformedReason.MISSING_FIELD, p);
        }
        return q + 1;
    }

    private void error() {
        out.id = nonNegative(r, Fields.R_ID, false);
        requireMsgObject();
        if (failed()) {
            return;
        }
        if (!m.has(Fields.CODE)) {
            fail(MalformedReason.MISSING_FIELD, -1);
            return;
        }
        out.errorCode = optInt(Fields.CODE);
        optString(Fields.MSG);
        ascii(Fields.MARKET_TICKER, out.marketTicker, false);
        raw(Fields.MARKET_ID, out.marketId);
        control(ControlType.ERROR);
    }

    private void control(ControlType type) {
        if (!failed()) {
            out.controlType = type;
            out.kind = FrameKind.CONTROL;
        }
    }

    // ================================================================ field readers (msg unless a Slots is passed)

    private boolean failed() {
        return out.kind == FrameKind.MALFORMED;
    }

    /** Records the first problem only; returns 0 so level walkers can {@code return fail(...)}. */
    private int fail(MalformedReason reason, int at) {
        if (!failed()) {
            out.malformed(reason, at < 0 ? -1 : at - frameStart);
        }
        return 0;
    }

    private void succeed(FrameKind kind) {
        if (!failed()) {
            out.kind = kind;
        }
    }

    /** A JSON integer that fits a long (Long.MIN_VALUE excluded: it is the absent marker), or ABSENT. */
    private long optLong(Slots s, int f) {
        if (failed() || !s.has(f)) {
            return ABSENT;
        }
        if (s.type[f] != INT) {
            fail(MalformedReason.WRONG_TYPE, s.start[f]);
            return ABSENT;
        }
        return parseLong(s.start[f], s.end[f]);
    }

    private long parseLong(int start, int end) {
        final byte[] b = this.b;
        boolean negative = b[start] == '-';
        int first = negative ? start + 1 : start;
        if (end - first <= 18) {
            // at most 18 digits: below 10^18, no overflow check needed
            long v = 0;
            for (int p = first; p < end; p++) {
                v = v * 10 + (b[p] - '0');
            }
            return negative ? -v : v;
        }
        long v = 0;
        for (int p = first; p < end; p++) {
            int d = b[p] - '0';
            if (v > (Long.MAX_VALUE - d) / 10) {
                fail(MalformedReason.BAD_NUMBER, start);
                return ABSENT;
            }
            v = v * 10 + d;
        }
        return negative ? -v : v;
    }

    /** An optional int-range integer (subaccount, exchange_index, error code): validated, returned as int (0 when absent). */
    private int optInt(int f) {
        long v = optLong(m, f);
        if (v == ABSENT) {
            return 0;
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            fail(MalformedReason.BAD_NUMBER, m.start[f]);
            return 0;
        }
        return (int) v;
    }

    /** sid / seq / id: a non-negative integer, -1 when absent (absence is an error when required). */
    private long nonNegative(Slots s, int f, boolean required) {
        if (failed()) {
            return -1;
        }
        if (!s.has(f)) {
            if (required) {
                fail(MalformedReason.MISSING_FIELD, -1);
            }
            return -1;
        }
        long v = optLong(s, f);
        if (failed()) {
            return -1;
        }
        if (v < 0) {
            fail(MalformedReason.BAD_NUMBER, s.start[f]);
            return -1;
        }
        return v;
    }

    /** Best effort for UNKNOWN frames: the value when it is a plain non-negative integer, else -1; never fails. */
    private long peekNonNegative(Slots s, int f) {
        if (!s.has(f) || s.type[f] != INT || b[s.start[f]] == '-' || s.end[f] - s.start[f] > 18) {
            return -1;
        }
        long v = 0;
        for (int p = s.start[f]; p < s.end[f]; p++) {
            v = v * 10 + (b[p] - '0');
        }
        return v;
    }

    /** Validates an optional string; true when present. */
    private boolean optString(int f) {
        if (failed() || !m.has(f)) {
            return false;
        }
        if (m.type[f] != STRING) {
            fail(MalformedReason.WRONG_TYPE, m.start[f]);
            return false;
        }
        return true;
    }

    /** A kept string: unescaped printable ASCII that fits {@code dst}. */
    private void ascii(int f, FieldBytes dst, boolean required) {
        if (failed()) {
            return;
        }
        if (!m.has(f)) {
            if (required) {
                fail(MalformedReason.MISSING_FIELD, -1);
            }
            return;
        }
        int s = m.start[f];
        int e = m.end[f];
        if (m.type[f] != STRING) {
            fail(MalformedReason.WRONG_TYPE, s);
        } else if (m.flags[f] != 0 || !printable(s, e)) {
            fail(MalformedReason.BAD_STRING, s);
        } else if (e - s > dst.capacity()) {
            fail(MalformedReason.FIELD_TOO_LONG, s);
        } else {
            dst.set(b, s, e - s);
        }
    }

    /** A kept string of any UTF-8 (never escaped), e.g. market_id. */
    private void raw(int f, FieldBytes dst) {
        if (!optString(f)) {
            return;
        }
        int s = m.start[f];
        int e = m.end[f];
        if ((m.flags[f] & ESCAPED) != 0) {
            fail(MalformedReason.BAD_STRING, s);
        } else if (e - s > dst.capacity()) {
            fail(MalformedReason.FIELD_TOO_LONG, s);
        } else {
            dst.set(b, s, e - s);
        }
    }

    /** JSON already excludes bytes below 0x20 in strings; DEL is the one non-printable ASCII byte left. */
    private boolean printable(int s, int e) {
        for (int p = s; p < e; p++) {
            if (b[p] == 0x7F || b[p] < 0) {
                return false;
            }
        }
        return true;
    }

    private void stringArray(int f) {
        if (failed() || !m.has(f)) {
            return;
        }
        if (m.type[f] != ARRAY) {
            fail(MalformedReason.WRONG_TYPE, m.start[f]);
            return;
        }
        final JsonScanner s = scanner;
        int p = s.skipWs(m.start[f] + 1);
        if (b[p] == ']') {
            return;
        }
        while (true) {
            p = s.skipWs(s.value(p, 1, CTX_OTHER));
            if (s.vType != STRING) {
                fail(MalformedReason.WRONG_TYPE, s.vStart);
                return;
            }
            if (b[p] == ']') {
                return;
            }
            p = s.skipWs(p + 1);
        }
    }

    /** The index of the value in {@code names}, -1 when absent; an unknown value is BAD_ENUM. */
    private int enumOf(int f, byte[][] names, boolean required) {
        if (failed()) {
            return -1;
        }
        if (!m.has(f)) {
            if (required) {
                fail(MalformedReason.MISSING_FIELD, -1);
            }
            return -1;
        }
        int s = m.start[f];
        if (m.type[f] != STRING) {
            fail(MalformedReason.WRONG_TYPE, s);
            return -1;
        }
        if ((m.flags[f] & ESCAPED) != 0) {
            fail(MalformedReason.BAD_STRING, s);
            return -1;
        }
        int i = match(s, m.end[f], names);
        if (i < 0) {
            fail(MalformedReason.BAD_ENUM, s);
        }
        return i;
    }

    private int match(int s, int e, byte[][] names) {
        for (int i = 0; i < names.length; i++) {
            if (same(s, e, names[i])) {
                return i;
            }
        }
        return -1;
    }

    private boolean same(int s, int e, byte[] name) {
        if (e - s != name.length) {
            return false;
        }
        for (int k = 0; k < name.length; k++) {
            if (b[s + k] != name[k]) {
                return false;
            }
        }
        return true;
    }

    /** -1 absent, 0 false, 1 true. */
    private int optBool(int f, boolean required) {
        if (failed()) {
            return -1;
        }
        if (!m.has(f)) {
            if (required) {
                fail(MalformedReason.MISSING_FIELD, -1);
            }
            return -1;
        }
        int t = m.type[f];
        if (t != TRUE && t != FALSE) {
            fail(MalformedReason.WRONG_TYPE, m.start[f]);
            return -1;
        }
        return t == TRUE ? 1 : 0;
    }

    /**
     * The outcome side, 0 = YES, 1 = NO, -1 = none: {@code outcome_side}, else {@code book_side} (bid = YES),
     * else {@code purchased_side}, else {@code side}, combined with {@code action} on fills (sell flips it).
     */
    private int outcome(boolean withAction) {
        int o = enumOf(Fields.OUTCOME_SIDE, YES_NO, false);
        if (o >= 0 || failed()) {
            return o;
        }
        o = enumOf(Fields.BOOK_SIDE, BID_ASK, false);
        if (o >= 0 || failed()) {
            return o;
        }
        o = enumOf(Fields.PURCHASED_SIDE, YES_NO, false);
        if (o >= 0 || failed()) {
            return o;
        }
        int side = enumOf(Fields.SIDE, YES_NO, false);
        if (side < 0 || !withAction) {
            return side;
        }
        int action = enumOf(Fields.ACTION, BUY_SELL, false);
        if (failed()) {
            return -1;
        }
        return action == 1 ? 1 - side : side;
    }

    // ---------------------------------------------------------------- fixed point

    private long opt(int f, int kind) {
        if (failed() || !m.has(f)) {
            return ABSENT;
        }
        return fixed(m.type[f], m.start[f], m.end[f], m.flags[f], kind);
    }

    /** {@code dollars} as a price, else legacy {@code cents} as integer cents, else ABSENT. */
    private long priceOr(int dollars, int cents) {
        return m.has(dollars) ? opt(dollars, K_PRICE) : opt(cents, K_CENTS);
    }

    /** {@code fp} as a count, else the legacy integer count field, else ABSENT. */
    private long countOr(int fp, int legacy, int kind) {
        return opt(m.has(fp) ? fp : legacy, kind);
    }

    /** A fixed-point value written as a JSON string or number (its literal text, never a double). */
    private long fixed(int type, int s, int e, int flags, int kind) {
        if (failed()) {
            return ABSENT;
        }
        if (type == STRING) {
            if (flags != 0) {
                fail(MalformedReason.BAD_STRING, s);
                return ABSENT;
            }
        } else if (type != INT && type != FLOAT) {
            fail(MalformedReason.WRONG_TYPE, s);
            return ABSENT;
        }
        int len = e - s;
        long v;
        switch (kind) {
            case K_PRICE: v = FixedPoint.parsePrice(b, s, len); break;
            case K_CENTS: v = FixedPoint.parseCents(b, s, len); break;
            case K_COUNT: v = FixedPoint.parseCount(b, s, len); break;
            case K_SIGNED_COUNT: v = FixedPoint.parseSignedCount(b, s, len); break;
            default: v = FixedPoint.parseMoney(b, s, len); break;
        }
        if (v == FixedPoint.INVALID) {
            fail(classify(kind, s, e), s);
            return ABSENT;
        }
        return v;
    }

    /** Why FixedPoint refused the text (cold path): syntax, sub-unit digits, or range. */
    private MalformedReason classify(int kind, int s, int e) {
        int p = s;
        boolean negative = p < e && b[p] == '-';
        if (negative) {
            p++;
        }
        int digits = p;
        while (p < e && JsonScanner.isDigit(b[p])) {
            p++;
        }
        if (p == digits) {
            return MalformedReason.BAD_NUMBER;
        }
        int fraction = -1;
        if (p < e && b[p] == '.') {
            fraction = ++p;
            while (p < e && JsonScanner.isDigit(b[p])) {
                p++;
            }
            if (p == fraction) {
                return MalformedReason.BAD_NUMBER;
            }
        }
        if (p != e) {
            return MalformedReason.BAD_NUMBER;
        }
        int decimals = kind == K_CENTS ? 0 : kind == K_COUNT || kind == K_SIGNED_COUNT ? 2 : 4;
        boolean offGrid = false;
        if (fraction >= 0) {
            for (int i = fraction + decimals; i < e; i++) {
                offGrid |= b[i] != '0';
            }
        }
        switch (kind) {
            case K_PRICE:
                return offGrid ? MalformedReason.PRICE_OFF_GRID : MalformedReason.PRICE_OUT_OF_RANGE;
            case K_CENTS:
                return offGrid ? MalformedReason.PRICE_OFF_GRID
                        : fraction >= 0 ? MalformedReason.BAD_NUMBER : MalformedReason.PRICE_OUT_OF_RANGE;
            case K_COUNT:
                return negative ? MalformedReason.NEGATIVE_COUNT
                        : offGrid ? MalformedReason.COUNT_OFF_GRID : MalformedReason.COUNT_TOO_LARGE;
            case K_SIGNED_COUNT:
                return offGrid ? MalformedReason.COUNT_OFF_GRID : MalformedReason.COUNT_TOO_LARGE;
            default:
                return offGrid ? MalformedReason.PRICE_OFF_GRID : MalformedReason.COUNT_TOO_LARGE;
        }
    }

    /** Book levels, deltas, trades, fills and orders trade strictly between $0 and $1. */
    private boolean insideUnit(long price, int at) {
        if (price <= 0 || price >= PRICE_ONE) {
            fail(MalformedReason.PRICE_OUT_OF_RANGE, at);
            return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- time

    /** {@code ts_ms}, else {@code ts} (RFC 3339 string or Unix seconds), else {@code time} (RFC 3339). */
    private long tsMillis() {
        long ms = optLong(m, Fields.TS_MS);
        if (ms != ABSENT || failed()) {
            return ms;
        }
        if (!m.has(Fields.TS)) {
            return m.has(Fields.TIME) ? rfc3339(Fields.TIME) : ABSENT;
        }
        if (m.type[Fields.TS] == STRING) {
            return rfc3339(Fields.TS);
        }
        long seconds = optLong(m, Fields.TS);
        if (failed()) {
            return ABSENT;
        }
        if (Math.abs(seconds) > Long.MAX_VALUE / 1000) {
            fail(MalformedReason.BAD_TIME, m.start[Fields.TS]);
            return ABSENT;
        }
        return seconds * 1000;
    }

    private long msOr(int msField, int rfc3339Field) {
        long ms = optLong(m, msField);
        if (ms != ABSENT || failed()) {
            return ms;
        }
        return m.has(rfc3339Field) ? rfc3339(rfc3339Field) : ABSENT;
    }

    private long rfc3339(int f) {
        int s = m.start[f];
        if (m.type[f] != STRING) {
            fail(MalformedReason.WRONG_TYPE, s);
            return ABSENT;
        }
        long v = m.flags[f] != 0 ? Rfc3339.INVALID : Rfc3339.parseMillis(b, s, m.end[f]);
        if (v == Rfc3339.INVALID) {
            fail(MalformedReason.BAD_TIME, s);
            return ABSENT;
        }
        return v;
    }

    private static byte[][] names(String... names) {
        byte[][] out = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            out[i] = names[i].getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }
}
