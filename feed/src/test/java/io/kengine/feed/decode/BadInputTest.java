package io.kengine.feed.decode;

import static io.kengine.feed.decode.TestFrames.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kengine.protocol.event.EventSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each bad-input class of the issue (malformed JSON, truncated frames, wrong types, prices off the grid
 * or outside (0, 1), huge or negative counts, unknown markets) and the decoder's own limits: the frame
 * is MALFORMED with the right reason, counted with a sample, and nothing reaches the ring.
 */
class BadInputTest {
    private static final String T = "\"market_ticker\":\"FED-23DEC-T3.00\"";

    private static String delta(String msgFields) {
        return "{\"type\":\"orderbook_delta\",\"sid\":2,\"seq\":3,\"msg\":{" + T + "," + msgFields + "}}";
    }

    private static String goodDelta(String extra) {
        return delta("\"price_dollars\":\"0.5600\",\"delta_fp\":\"-5.00\",\"side\":\"yes\"" + extra);
    }

    private static String snapshot(String levels) {
        return "{\"type\":\"orderbook_snapshot\",\"sid\":2,\"seq\":1,\"msg\":{" + T + ",\"yes_dollars_fp\":" + levels + "}}";
    }

    private static String trade(String fields) {
        return "{\"type\":\"trade\",\"sid\":11,\"msg\":{" + T + "," + fields + "}}";
    }

    private static String fill(String fields) {
        return "{\"type\":\"fill\",\"sid\":13,\"msg\":{\"trade_id\":\"t\",\"order_id\":\"o\"," + T + ",\"is_taker\":true,"
                + "\"outcome_side\":\"yes\"," + fields + "}}";
    }

    static Stream<Arguments> cases() {
        List<Arguments> c = new ArrayList<>();
        // ---- malformed JSON
        c.add(Arguments.of("not JSON", "hello", MalformedReason.BAD_JSON));
        c.add(Arguments.of("empty", "", MalformedReason.TRUNCATED));
        c.add(Arguments.of("root array", "[1,2]", MalformedReason.WRONG_TYPE));
        c.add(Arguments.of("missing colon", "{\"type\" \"ticker\"}", MalformedReason.BAD_JSON));
        c.add(Arguments.of("trailing comma", goodDelta("").replace("}}", ",}}"), MalformedReason.BAD_JSON));
        c.add(Arguments.of("trailing content", goodDelta("") + "x", MalformedReason.BAD_JSON));
        c.add(Arguments.of("two documents", goodDelta("") + "{}", MalformedReason.BAD_JSON));
        c.add(Arguments.of("single quotes", "{'type':'ticker'}", MalformedReason.BAD_JSON));
        c.add(Arguments.of("leading zero", goodDelta(",\"subaccount\":03"), MalformedReason.BAD_JSON));
        c.add(Arguments.of("bare dot number", goodDelta(",\"x\":.5"), MalformedReason.BAD_JSON));
        c.add(Arguments.of("NaN", goodDelta(",\"x\":NaN"), MalformedReason.BAD_JSON));
        c.add(Arguments.of("bad literal", goodDelta(",\"x\":tru"), MalformedReason.BAD_JSON));
        c.add(Arguments.of("bad escape", goodDelta(",\"x\":\"\\q\""), MalformedReason.BAD_JSON));
        c.add(Arguments.of("lone surrogate escape", goodDelta(",\"x\":\"\\udc00\""), MalformedReason.BAD_JSON));
        c.add(Arguments.of("control byte in string", goodDelta(",\"x\":\"a\u0001b\""), MalformedReason.BAD_JSON));
        c.add(Arguments.of("comment", goodDelta("/* hi */"), MalformedReason.BAD_JSON));
        c.add(Arguments.of("duplicate known key", goodDelta(",\"side\":\"no\""), MalformedReason.DUPLICATE_KEY));
        c.add(Arguments.of("duplicate unknown key", goodDelta(",\"x\":1,\"x\":2"), MalformedReason.DUPLICATE_KEY));
        c.add(Arguments.of("duplicate nested key", goodDelta(",\"x\":{\"a\":1,\"b\":[{\"c\":1,\"c\":1}]}"), MalformedReason.DUPLICATE_KEY));
        c.add(Arguments.of("duplicate envelope key", goodDelta("").replace("\"sid\":2,", "\"sid\":2,\"sid\":2,"), MalformedReason.DUPLICATE_KEY));
        c.add(Arguments.of("escaped key", goodDelta(",\"si\\u0064e\":\"no\""), MalformedReason.BAD_STRING));
        c.add(Arguments.of("key too long", goodDelta(",\"" + "k".repeat(257) + "\":1"), MalformedReason.TOO_COMPLEX));
        c.add(Arguments.of("too many keys", goodDelta(keys(65)), MalformedReason.TOO_COMPLEX));
        c.add(Arguments.of("nesting too deep", goodDelta(",\"x\":" + "[".repeat(40) + "]".repeat(40)), MalformedReason.TOO_COMPLEX));
        // ---- truncated
        c.add(Arguments.of("cut in a string", goodDelta("").substring(0, 40), MalformedReason.TRUNCATED));
        c.add(Arguments.of("cut after a number", "{\"type\":\"orderbook_delta\",\"sid\":2", MalformedReason.TRUNCATED));
        c.add(Arguments.of("cut in a literal", goodDelta(",\"x\":nul").replace("}}", ""), MalformedReason.TRUNCATED));
        c.add(Arguments.of("cut before the last brace", goodDelta("").substring(0, goodDelta("").length() - 1), MalformedReason.TRUNCATED));
        // ---- wrong types and missing fields
        c.add(Arguments.of("sid as string", goodDelta("").replace("\"sid\":2", "\"sid\":\"2\""), MalformedReason.WRONG_TYPE));
        c.add(Arguments.of("seq as float", goodDelta("").replace("\"seq\":3", "\"seq\":3.0"), MalformedReason.WRONG_TYPE));
        c.add(Arguments.of("type as number", "{\"type\":7,\"sid\":1,\"msg\":{}}", MalformedReason.WRONG_TYPE));
        c.add(Arguments.of("msg as array", "{\"type\":\"ticker\",\"sid\":1,\"msg\":[]}", MalformedReason.WRONG_TYPE));
        c.add(Arguments.of("price as object", delta("\"price_dollars\":{},\"delta_fp\":\"1\",\"side\":\"yes\""), MalformedReason.WRONG_TYPE));
        c.add(Arguments.of("side as number", delta("\"price_dollars\":\"0.5\",\"delta_fp\":\"1\",\"side\":1"), MalformedReason.WRONG_TYPE));
        c.add(Arguments.of("is_taker as string", fill("\"yes_price_dollars\":\"0.5\",\"count_fp\":\"1\"").replace("\"is_taker\":true", "\"is_taker\":\"true\""), MalformedReason.WRONG_TYPE));
        c.add(Arguments.of("ts_ms as float", goodDelta(",\"ts_ms\":1.5"), MalformedReason.WRONG_TYPE));
        c.add(Arguments.of("levels as object", snapshot("{}"), MalformedReason.WRONG_TYPE));
        c.add(Arguments.of("level as number", snapshot("[1]"), MalformedReason.BAD_LEVEL));
        c.add(Arguments.of("level of one", snapshot("[[\"0.5\"]]"), MalformedReason.BAD_LEVEL));
        c.add(Arguments.of("level of three", snapshot("[[\"0.5\",\"1\",\"2\"]]"), MalformedReason.BAD_LEVEL));
        c.add(Arguments.of("level price as bool", snapshot("[[true,\"1\"]]"), MalformedReason.WRONG_TYPE));
        c.add(Arguments.of("no type", "{\"sid\":1,\"msg\":{}}", MalformedReason.MISSING_FIELD));
        c.add(Arguments.of("no sid", goodDelta("").replace("\"sid\":2,", ""), MalformedReason.MISSING_FIELD));
        c.add(Arguments.of("no msg", "{\"type\":\"ticker\",\"sid\":1}", MalformedReason.MISSING_FIELD));
        c.add(Arguments.of("no ticker", "{\"type\":\"orderbook_delta\",\"sid\":2,\"msg\":{\"price_dollars\":\"0.5\",\"delta_fp\":\"1\",\"side\":\"yes\"}}", MalformedReason.MISSING_FIELD));
        c.add(Arguments.of("no delta", delta("\"price_dollars\":\"0.5\",\"side\":\"yes\""), MalformedReason.MISSING_FIELD));
        c.add(Arguments.of("null price", delta("\"price_dollars\":null,\"delta_fp\":\"1\",\"side\":\"yes\""), MalformedReason.MISSING_FIELD));
        c.add(Arguments.of("fill without direction", "{\"type\":\"fill\",\"sid\":13,\"msg\":{\"trade_id\":\"t\",\"order_id\":\"o\"," + T
                + ",\"is_taker\":true,\"yes_price_dollars\":\"0.5\",\"count_fp\":\"1\"}}", MalformedReason.MISSING_FIELD));
        c.add(Arguments.of("trade without count", trade("\"yes_price_dollars\":\"0.5\""), MalformedReason.MISSING_FIELD));
        c.add(Arguments.of("bad side", delta("\"price_dollars\":\"0.5\",\"delta_fp\":\"1\",\"side\":\"maybe\""), MalformedReason.BAD_ENUM));
        c.add(Arguments.of("bad status", "{\"type\":\"user_order\",\"sid\":1,\"msg\":{\"order_id\":\"o\",\"ticker\":\"T\",\"status\":\"open\"}}", MalformedReason.BAD_ENUM));
        c.add(Arguments.of("negative sid", goodDelta("").replace("\"sid\":2", "\"sid\":-2"), MalformedReason.BAD_NUMBER));
        c.add(Arguments.of("sid beyond long", goodDelta("").replace("\"sid\":2", "\"sid\":9223372036854775808"), MalformedReason.BAD_NUMBER));
        c.add(Arguments.of("subaccount beyond int", goodDelta(",\"subaccount\":2147483648"), MalformedReason.BAD_NUMBER));
        c.add(Arguments.of("price with exponent", delta("\"price_dollars\":5e-1,\"delta_fp\":\"1\",\"side\":\"yes\""), MalformedReason.BAD_NUMBER));
        c.add(Arguments.of("price with spaces", delta("\"price_dollars\":\" 0.5\",\"delta_fp\":\"1\",\"side\":\"yes\""), MalformedReason.BAD_NUMBER));
        c.add(Arguments.of("escaped ticker", goodDelta("").replace("FED-23DEC", "FED\\u002d23DEC"), MalformedReason.BAD_STRING));
        c.add(Arguments.of("non-ASCII ticker", goodDelta("").replace("FED-23DEC", "FÉD-23DEC"), MalformedReason.BAD_STRING));
        c.add(Arguments.of("ticker too long", goodDelta("").replace("FED-23DEC-T3.00", "X".repeat(64)), MalformedReason.FIELD_TOO_LONG));
        c.add(Arguments.of("fill client order id too long", fill("\"yes_price_dollars\":\"0.5\",\"count_fp\":\"1\",\"client_order_id\":\"" + "c".repeat(40) + "\""), MalformedReason.FIELD_TOO_LONG));
        // ---- prices off the grid or outside (0, 1)
        c.add(Arguments.of("price below the unit", delta("\"price_dollars\":\"0.96001\",\"delta_fp\":\"1\",\"side\":\"yes\""), MalformedReason.PRICE_OFF_GRID));
        c.add(Arguments.of("fractional cents", delta("\"price\":96.5,\"delta_fp\":\"1\",\"side\":\"yes\""), MalformedReason.PRICE_OFF_GRID));
        c.add(Arguments.of("level off grid", snapshot("[[\"0.12345\",\"1\"]]"), MalformedReason.PRICE_OFF_GRID));
        c.add(Arguments.of("price above 1", delta("\"price_dollars\":\"1.0001\",\"delta_fp\":\"1\",\"side\":\"yes\""), MalformedReason.PRICE_OUT_OF_RANGE));
        c.add(Arguments.of("price exactly 1", delta("\"price_dollars\":\"1.0000\",\"delta_fp\":\"1\",\"side\":\"yes\""), MalformedReason.PRICE_OUT_OF_RANGE));
        c.add(Arguments.of("price 0", delta("\"price_dollars\":\"0\",\"delta_fp\":\"1\",\"side\":\"yes\""), MalformedReason.PRICE_OUT_OF_RANGE));
        c.add(Arguments.of("negative price", delta("\"price_dollars\":\"-0.5\",\"delta_fp\":\"1\",\"side\":\"yes\""), MalformedReason.PRICE_OUT_OF_RANGE));
        c.add(Arguments.of("cents above 100", delta("\"price\":101,\"delta_fp\":\"1\",\"side\":\"yes\""), MalformedReason.PRICE_OUT_OF_RANGE));
        c.add(Arguments.of("level at 0", snapshot("[[\"0.0000\",\"1\"]]"), MalformedReason.PRICE_OUT_OF_RANGE));
        c.add(Arguments.of("ticker bid above 1", "{\"type\":\"ticker\",\"sid\":1,\"msg\":{" + T + ",\"yes_bid_dollars\":\"1.5\"}}", MalformedReason.PRICE_OUT_OF_RANGE));
        c.add(Arguments.of("trade at 1", trade("\"yes_price_dollars\":\"1\",\"count_fp\":\"1\""), MalformedReason.PRICE_OUT_OF_RANGE));
        c.add(Arguments.of("fill at 0", fill("\"yes_price_dollars\":\"0.0000\",\"count_fp\":\"1\""), MalformedReason.PRICE_OUT_OF_RANGE));
        // ---- huge or negative counts
        c.add(Arguments.of("huge level count", snapshot("[[\"0.5\",\"1000000000000.00\"]]"), MalformedReason.COUNT_TOO_LARGE));
        c.add(Arguments.of("huge delta", delta("\"price_dollars\":\"0.5\",\"delta_fp\":\"-1000000000000\",\"side\":\"yes\""), MalformedReason.COUNT_TOO_LARGE));
        c.add(Arguments.of("huge integer count", trade("\"yes_price\":50,\"count\":123456789012345678901234567890"), MalformedReason.COUNT_TOO_LARGE));
        c.add(Arguments.of("negative level count", snapshot("[[\"0.5\",\"-5.00\"]]"), MalformedReason.NEGATIVE_COUNT));
        c.add(Arguments.of("negative trade count", trade("\"yes_price_dollars\":\"0.5\",\"count_fp\":\"-1\""), MalformedReason.NEGATIVE_COUNT));
        c.add(Arguments.of("negative fill count", fill("\"yes_price_dollars\":\"0.5\",\"count_fp\":-0.01"), MalformedReason.NEGATIVE_COUNT));
        c.add(Arguments.of("count below 0.01", snapshot("[[\"0.5\",\"1.005\"]]"), MalformedReason.COUNT_OFF_GRID));
        c.add(Arguments.of("too many levels", snapshot(levels(DecodedFrame.MAX_LEVELS_PER_SIDE + 1)), MalformedReason.TOO_DEEP));
        // ---- market_lifecycle_v2
        c.add(Arguments.of("lifecycle without event_type", lifecycle(""), MalformedReason.MISSING_FIELD));
        c.add(Arguments.of("lifecycle event_type as number", lifecycle(",\"event_type\":3"), MalformedReason.WRONG_TYPE));
        c.add(Arguments.of("lifecycle without ticker", lifecycle(",\"event_type\":\"settled\"").replace(T + ",", ""), MalformedReason.MISSING_FIELD));
        c.add(Arguments.of("lifecycle bad result", lifecycle(",\"event_type\":\"determined\",\"result\":\"void\""), MalformedReason.BAD_ENUM));
        c.add(Arguments.of("lifecycle settlement above 1", lifecycle(",\"event_type\":\"determined\",\"settlement_value\":\"1.5\""), MalformedReason.PRICE_OUT_OF_RANGE));
        c.add(Arguments.of("lifecycle settlement off grid", lifecycle(",\"event_type\":\"determined\",\"settlement_value\":\"0.12345\""), MalformedReason.PRICE_OFF_GRID));
        c.add(Arguments.of("lifecycle close_ts as string", lifecycle(",\"event_type\":\"close_date_updated\",\"close_ts\":\"1702591200\""), MalformedReason.WRONG_TYPE));
        c.add(Arguments.of("lifecycle close_ts overflow", lifecycle(",\"event_type\":\"close_date_updated\",\"close_ts\":9223372036854776"), MalformedReason.BAD_TIME));
        c.add(Arguments.of("lifecycle is_deactivated as string", lifecycle(",\"event_type\":\"deactivated\",\"is_deactivated\":\"true\""), MalformedReason.WRONG_TYPE));
        c.add(Arguments.of("lifecycle range without step", lifecycle(",\"event_type\":\"created\",\"price_ranges\":[{\"start\":\"0\",\"end\":\"1\"}]"), MalformedReason.MISSING_FIELD));
        c.add(Arguments.of("lifecycle range as number", lifecycle(",\"event_type\":\"created\",\"price_ranges\":[1]"), MalformedReason.WRONG_TYPE));
        c.add(Arguments.of("lifecycle ranges as object", lifecycle(",\"event_type\":\"created\",\"price_ranges\":{}"), MalformedReason.WRONG_TYPE));
        c.add(Arguments.of("lifecycle too many ranges", lifecycle(",\"event_type\":\"created\",\"price_ranges\":[" + ranges(17) + "]"), MalformedReason.TOO_DEEP));
        c.add(Arguments.of("lifecycle metadata as string", lifecycle(",\"event_type\":\"created\",\"additional_metadata\":\"x\""), MalformedReason.WRONG_TYPE));
        c.add(Arguments.of("lifecycle metadata bool as number", lifecycle(",\"event_type\":\"created\",\"additional_metadata\":{\"can_close_early\":1}"), MalformedReason.WRONG_TYPE));
        c.add(Arguments.of("lifecycle metadata ts as float", lifecycle(",\"event_type\":\"created\",\"additional_metadata\":{\"expected_expiration_ts\":1.5}"), MalformedReason.WRONG_TYPE));
        c.add(Arguments.of("lifecycle strike exponent overflow", lifecycle(",\"event_type\":\"metadata_updated\",\"floor_strike\":1e9999999999"), MalformedReason.BAD_NUMBER));
        c.add(Arguments.of("lifecycle strike not a number", lifecycle(",\"event_type\":\"metadata_updated\",\"cap_strike\":\"high\""), MalformedReason.BAD_NUMBER));
        c.add(Arguments.of("lifecycle strike as bool", lifecycle(",\"event_type\":\"metadata_updated\",\"cap_strike\":true"), MalformedReason.WRONG_TYPE));
        c.add(Arguments.of("lifecycle subtitle as number", lifecycle(",\"event_type\":\"metadata_updated\",\"yes_sub_title\":5"), MalformedReason.WRONG_TYPE));
        c.add(Arguments.of("lifecycle exchange_index beyond int", lifecycle(",\"event_type\":\"created\",\"exchange_index\":2147483648"), MalformedReason.BAD_NUMBER));
        // ---- time
        c.add(Arguments.of("ts not a time", goodDelta(",\"ts\":\"yesterday\""), MalformedReason.BAD_TIME));
        c.add(Arguments.of("ts on Feb 30", goodDelta(",\"ts\":\"2026-02-30T00:00:00Z\""), MalformedReason.BAD_TIME));
        c.add(Arguments.of("ts seconds overflow", goodDelta(",\"ts\":9223372036854776"), MalformedReason.BAD_TIME));
        return c.stream();
    }

    private static String lifecycle(String fields) {
        return "{\"type\":\"market_lifecycle_v2\",\"sid\":13,\"msg\":{" + T + fields + "}}";
    }

    static String ranges(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"start\":\"0\",\"end\":\"1\",\"step\":\"0.01\"}");
        }
        return sb.toString();
    }

    static String keys(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(",\"k").append(i).append("\":").append(i);
        }
        return sb.toString();
    }

    static String levels(int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("[\"0.").append(String.format("%04d", 1 + i % 9998)).append("\",\"1.00\"]");
        }
        return sb.append(']').toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithReasonAndNothingPublished(String name, String json, MalformedReason reason) {
        DecodeCounters counters = new DecodeCounters();
        FrameDecoder decoder = new FrameDecoder(counters);
        DecodedFrame f = TestFrames.decode(decoder, json);
        assertEquals(FrameKind.MALFORMED, f.kind(), name + ": " + f);
        assertEquals(reason, f.reason(), name);
        assertEquals(1, counters.dropped(reason));
        assertNotNull(counters.sampleText(reason));
        RecordingPublisher out = new RecordingPublisher(true);
        ByteKeyMarketIds ids = new ByteKeyMarketIds();
        ids.register("FED-23DEC-T3.00", 1);
        ids.register("T", 2);
        assertEquals(0, new RingEventWriter(counters).publish(f, ids, out, EventSource.FEED));
        assertEquals(0, out.claims);
    }

    @Test
    void theFixturesTheseCasesBreakAreGood() {
        FrameDecoder decoder = new FrameDecoder();
        assertEquals(FrameKind.ORDERBOOK_DELTA, TestFrames.decode(decoder, goodDelta(",\"subaccount\":3,\"x\":{\"a\":[1]}")).kind());
        assertEquals(FrameKind.ORDERBOOK_DELTA, TestFrames.decode(decoder, goodDelta(keys(63) + ",\"" + "k".repeat(256) + "\":1")).kind());
        assertEquals(FrameKind.ORDERBOOK_DELTA, TestFrames.decode(decoder, goodDelta(",\"x\":" + "[".repeat(29) + "]".repeat(29))).kind());
        assertEquals(FrameKind.ORDERBOOK_SNAPSHOT, TestFrames.decode(decoder, snapshot(levels(DecodedFrame.MAX_LEVELS_PER_SIDE))).kind());
        assertEquals(FrameKind.TRADE, TestFrames.decode(decoder, trade("\"yes_price\":50,\"count\":1234567890")).kind());
        assertEquals(FrameKind.FILL, TestFrames.decode(decoder, fill("\"yes_price_dollars\":\"0.5\",\"count_fp\":\"1\"")).kind());
        assertEquals(FrameKind.MARKET_LIFECYCLE, TestFrames.decode(decoder, lifecycle(",\"event_type\":\"created\",\"price_ranges\":["
                + ranges(16) + "],\"floor_strike\":1e999999999,\"cap_strike\":\"-12.5\",\"additional_metadata\":{\"can_close_early\":false,"
                + "\"expected_expiration_ts\":-5,\"floor_strike\":\"7\"}")).kind());
    }

    @Test
    void everyProperPrefixIsTruncated() {
        FrameDecoder decoder = new FrameDecoder();
        DecodedFrame f = new DecodedFrame();
        List<String> all = new ArrayList<>(Fixtures.hot());
        all.addAll(Fixtures.control());
        all.addAll(Fixtures.lifecycle());
        for (String json : all) {
            byte[] b = bytes(json.strip());
            for (int n = 0; n < b.length; n++) {
                decoder.decode(b, 0, n, f);
                assertEquals(FrameKind.MALFORMED, f.kind(), json + " cut at " + n);
                // Cutting a multi-byte character can leave a lone lead byte: that is invalid UTF-8 rather than a cut.
                assertTrue(f.reason() == MalformedReason.TRUNCATED || f.reason() == MalformedReason.BAD_JSON, json + " cut at " + n + ": " + f);
            }
        }
    }

    @Test
    void invalidUtf8AnywhereIsBadJson() {
        FrameDecoder decoder = new FrameDecoder();
        DecodedFrame f = new DecodedFrame();
        byte[][] bad = {{(byte) 0xFF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
        for (byte[] seq : bad) {
            for (String where : new String[] {"key", "value", "ticker"}) {
                String json = goodDelta(where.equals("key") ? ",\"@\":1" : where.equals("value") ? ",\"x\":\"@\"" : "")
                        .replace(where.equals("ticker") ? "FED-" : "@@@", "@");
                byte[] b = bytes(json);
                int at = indexOf(b, (byte) '@');
                byte[] frame = new byte[b.length - 1 + seq.length];
                System.arraycopy(b, 0, frame, 0, at);
                System.arraycopy(seq, 0, frame, at, seq.length);
                System.arraycopy(b, at + 1, frame, at + seq.length, b.length - at - 1);
                decoder.decode(frame, 0, frame.length, f);
                assertEquals(MalformedReason.BAD_JSON, f.reason(), where + " " + java.util.Arrays.toString(seq));
            }
        }
    }

    private static int indexOf(byte[] b, byte c) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void unknownMarketIsCountedAndNotPublished() {
        DecodeCounters counters = new DecodeCounters();
        FrameDecoder decoder = new FrameDecoder(counters);
        RingEventWriter writer = new RingEventWriter(counters);
        ByteKeyMarketIds ids = new ByteKeyMarketIds();
        ids.register("OTHER", 3);
        RecordingPublisher out = new RecordingPublisher(true);
        for (String json : Fixtures.hot()) {
            DecodedFrame f = TestFrames.decode(decoder, json);
            assertEquals(0, writer.publish(f, ids, out, EventSource.FEED), json);
        }
        assertEquals(0, out.claims);
        assertEquals(Fixtures.hot().size(), counters.dropped(MalformedReason.UNKNOWN_MARKET));
        assertTrue(counters.sampleText(MalformedReason.UNKNOWN_MARKET).contains("FED-23DEC-T3.00")
                || counters.sampleText(MalformedReason.UNKNOWN_MARKET).contains(": T"));
    }

    @Test
    void frameLongerThanTheLimit() {
        FrameDecoder decoder = new FrameDecoder(new DecodeCounters(), 64);
        DecodedFrame f = TestFrames.decode(decoder, goodDelta(""));
        assertEquals(MalformedReason.FRAME_TOO_LARGE, f.reason());
        org.agrona.concurrent.UnsafeBuffer offHeap = new org.agrona.concurrent.UnsafeBuffer(java.nio.ByteBuffer.allocateDirect(200));
        decoder.decode(offHeap, 0, 200, f);
        assertEquals(MalformedReason.FRAME_TOO_LARGE, f.reason());
    }
}
