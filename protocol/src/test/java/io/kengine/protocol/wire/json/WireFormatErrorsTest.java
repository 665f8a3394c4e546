package io.kengine.protocol.wire.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kengine.protocol.wire.Wire;
import io.kengine.protocol.wire.WireFormatException;
import io.kengine.protocol.wire.WireFormatException.Kind;
import io.kengine.protocol.wire.WireSamples;
import io.kengine.protocol.wire.rest.MarketCodecs;
import io.kengine.protocol.wire.rest.OrderCodecs;
import io.kengine.protocol.wire.rest.PortfolioCodecs;
import io.kengine.protocol.wire.ws.WsCodec;
import io.kengine.protocol.wire.ws.WsCommand;
import io.kengine.protocol.wire.ws.WsErrorCode;
import io.kengine.protocol.wire.ws.WsMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input is always a {@link WireFormatException} that names the field and the kind of problem. */
class WireFormatErrorsTest {

    private static WireFormatException expect(String field, Kind kind, Executable read) {
        WireFormatException e = assertThrows(WireFormatException.class, read);
        assertEquals(field, e.field(), e.getMessage());
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("field \"" + field + "\": "), e.getMessage());
        return e;
    }

    private static final String DELTA_HEAD = "{\"type\":\"orderbook_delta\",\"sid\":2,\"seq\":3,\"msg\":{\"market_ticker\":\"T\",";

    @Test
    void malformedJson() {
        WireFormatException e = expect("$", Kind.MALFORMED_JSON, () -> WsCodec.readMessage("{\"type\":\"ticker\""));
        assertTrue(e.getMessage().contains("malformed JSON at line 1"), e.getMessage());
        expect("$", Kind.MALFORMED_JSON, () -> WsCodec.readMessage(""));
        expect("$", Kind.MALFORMED_JSON, () -> WsCodec.readMessage("{} {}"));
        expect("$", Kind.MALFORMED_JSON, () -> WsCodec.readMessage("{'type':'ticker'}"));
        expect("$", Kind.MALFORMED_JSON, () -> WsCodec.readMessage("{\"type\":NaN}"));
        expect("$", Kind.MALFORMED_JSON, () -> WsCodec.readMessage(null));
        byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'};
        expect("$", Kind.MALFORMED_JSON, () -> WsCodec.readMessage(bad, 0, bad.length));
    }

    @Test
    void duplicateKeysAreRefused() {
        expect("type", Kind.MALFORMED_JSON, () -> WsCodec.readMessage("{\"type\":\"ok\",\"type\":\"error\"}"));
        expect("msg.side", Kind.MALFORMED_JSON, () -> WsCodec.readMessage(DELTA_HEAD
                + "\"price_dollars\":\"0.5\",\"delta_fp\":\"1\",\"side\":\"yes\",\"side\":\"no\"}}"));
    }

    @Test
    void rootMustBeAnObject() {
        expect("$", Kind.WRONG_TYPE, () -> WsCodec.readMessage("[1,2]"));
        expect("$", Kind.WRONG_TYPE, () -> OrderCodecs.CREATE_ORDER_V2_REQUEST.fromJson("\"x\""));
    }

    @Test
    void missingRequiredFields() {
        expect("type", Kind.MISSING, () -> WsCodec.readMessage("{\"sid\":1}"));
        expect("msg.side", Kind.MISSING, () -> WsCodec.readMessage(DELTA_HEAD + "\"price_dollars\":\"0.5\",\"delta_fp\":\"1\"}}"));
        expect("msg.price_dollars", Kind.MISSING, () -> WsCodec.readMessage(DELTA_HEAD + "\"delta_fp\":\"1\",\"side\":\"yes\"}}"));
        expect("msg", Kind.MISSING, () -> WsCodec.readMessage("{\"type\":\"ticker\",\"sid\":1}"));
        WireFormatException e = expect("ticker", Kind.MISSING, () -> OrderCodecs.CREATE_ORDER_V2_REQUEST.fromJson("{\"ticker\":null}"));
        assertTrue(e.getMessage().contains("got null"), e.getMessage());
        expect("orders[1].price", Kind.MISSING, () -> OrderCodecs.BATCH_CREATE_ORDERS_V2_REQUEST.fromJson(
                "{\"orders\":[" + OrderCodecs.CREATE_ORDER_V2_REQUEST.toJson(WireSamples.createOrder())
                        + ",{\"ticker\":\"T\",\"side\":\"bid\",\"count\":\"1\",\"time_in_force\":\"fill_or_kill\"}]}"));
        expect("orderbook_fp", Kind.MISSING, () -> MarketCodecs.ORDERBOOK_RESPONSE.fromJson("{}"));
        expect("balance", Kind.MISSING, () -> PortfolioCodecs.GET_BALANCE_RESPONSE.fromJson("{\"portfolio_value\":1}"));
    }

    @Test
    void wrongJsonTypes() {
        WireFormatException e = expect("msg.delta_fp", Kind.WRONG_TYPE,
                () -> WsCodec.readMessage(DELTA_HEAD + "\"price_dollars\":\"0.5\",\"delta_fp\":true,\"side\":\"yes\"}}"));
        assertTrue(e.getMessage().contains("expected a fixed-point count, got boolean true"), e.getMessage());
        expect("sid", Kind.WRONG_TYPE, () -> WsCodec.readMessage("{\"type\":\"ticker\",\"sid\":\"1\",\"msg\":{}}"));
        expect("sid", Kind.WRONG_TYPE, () -> WsCodec.readMessage("{\"type\":\"ticker\",\"sid\":1.0,\"msg\":{}}"));
        expect("msg", Kind.WRONG_TYPE, () -> WsCodec.readMessage("{\"type\":\"ticker\",\"sid\":1,\"msg\":[]}"));
        expect("post_only", Kind.WRONG_TYPE, () -> OrderCodecs.CREATE_ORDER_V2_REQUEST.fromJson(
                "{\"ticker\":\"T\",\"post_only\":\"true\"}".replace("{", "{\"side\":\"bid\",\"count\":\"1\",\"price\":\"0.5\","
                        + "\"time_in_force\":\"fill_or_kill\",\"self_trade_prevention_type\":\"maker\",")));
        expect("msg.yes_dollars_fp[0]", Kind.WRONG_TYPE, () -> WsCodec.readMessage(
                "{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":1,\"msg\":{\"market_ticker\":\"T\",\"yes_dollars_fp\":[\"0.5\"]}}"));
        expect("created_time", Kind.WRONG_TYPE, () -> PortfolioCodecs.ORDER.fromJson(
                "{\"order_id\":\"o\",\"ticker\":\"T\",\"status\":\"resting\",\"created_time\":1700000000}"));
    }

    @Test
    void invalidValues() {
        WireFormatException e = expect("msg.price_dollars", Kind.INVALID_VALUE,
                () -> WsCodec.readMessage(DELTA_HEAD + "\"price_dollars\":\"0.56789\",\"delta_fp\":\"1\",\"side\":\"yes\"}}"));
        assertTrue(e.getMessage().contains("more than 4 decimals"), e.getMessage());
        expect("msg.price_dollars", Kind.INVALID_VALUE,
                () -> WsCodec.readMessage(DELTA_HEAD + "\"price_dollars\":\"1.5\",\"delta_fp\":\"1\",\"side\":\"yes\"}}"));
        expect("msg.delta_fp", Kind.INVALID_VALUE,
                () -> WsCodec.readMessage(DELTA_HEAD + "\"price_dollars\":\"0.5\",\"delta_fp\":1e2,\"side\":\"yes\"}}"));
        e = expect("msg.side", Kind.INVALID_VALUE,
                () -> WsCodec.readMessage(DELTA_HEAD + "\"price_dollars\":\"0.5\",\"delta_fp\":\"1\",\"side\":\"maybe\"}}"));
        assertTrue(e.getMessage().contains("\"maybe\" is not one of [yes, no]"), e.getMessage());
        expect("sid", Kind.INVALID_VALUE, () -> WsCodec.readMessage("{\"type\":\"ticker\",\"sid\":99999999999999999999,\"msg\":{}}"));
        expect("count", Kind.INVALID_VALUE, () -> OrderCodecs.CREATE_ORDER_V2_REQUEST.fromJson(
                OrderCodecs.CREATE_ORDER_V2_REQUEST.toJson(WireSamples.createOrder()).replace("\"10.50\"", "\"-1\"")));
        expect("msg.yes_dollars_fp[1]", Kind.INVALID_VALUE, () -> WsCodec.readMessage(
                "{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":1,\"msg\":{\"market_ticker\":\"T\","
                        + "\"yes_dollars_fp\":[[\"0.1\",\"1\"],[\"0.2\",\"1\",\"x\"]]}}"));
        expect("last_update_time", Kind.INVALID_VALUE, () -> PortfolioCodecs.ORDER.fromJson(
                "{\"order_id\":\"o\",\"ticker\":\"T\",\"status\":\"resting\",\"last_update_time\":\"yesterday\"}"));
        expect("status", Kind.INVALID_VALUE, () -> PortfolioCodecs.ORDER.fromJson(
                "{\"order_id\":\"o\",\"ticker\":\"T\",\"status\":\"open\"}"));
        expect("balance", Kind.INVALID_VALUE, () -> PortfolioCodecs.GET_BALANCE_RESPONSE.fromJson(
                "{\"balance\":9223372036854775807}"));
    }

    @Test
    void rejectedCommandsMapToKalshiErrorCodes() {
        assertEquals(WsErrorCode.PARAMS_REQUIRED, codeFor("{\"id\":4,\"cmd\":\"subscribe\"}"));
        assertEquals(WsErrorCode.CHANNELS_REQUIRED, codeFor("{\"id\":4,\"cmd\":\"subscribe\",\"params\":{}}"));
        assertEquals(WsErrorCode.SIDS_REQUIRED, codeFor("{\"id\":4,\"cmd\":\"unsubscribe\",\"params\":{}}"));
        assertEquals(WsErrorCode.ACTION_REQUIRED, codeFor("{\"id\":4,\"cmd\":\"update_subscription\",\"params\":{\"sid\":1}}"));
        assertEquals(WsErrorCode.INVALID_PARAMETER, codeFor("{\"id\":4,\"cmd\":\"subscribe\",\"params\":{\"channels\":\"ticker\"}}"));
        assertEquals(WsErrorCode.INVALID_PARAMETER, codeFor("{\"id\":4,\"cmd\":\"unsubscribe\",\"params\":{\"sids\":[\"a\"]}}"));
        assertEquals(WsErrorCode.UNABLE_TO_PROCESS, codeFor("{\"id\":4,\"cmd\":"));
        assertEquals(WsErrorCode.UNABLE_TO_PROCESS, codeFor("{\"id\":4}"));
        assertEquals(4, WsCodec.commandIdOf("{\"id\":4,\"cmd\":\"subscribe\"}"));
        assertEquals(Wire.ABSENT, WsCodec.commandIdOf("{\"id\":4,"));
        assertEquals(Wire.ABSENT, WsCodec.commandIdOf("[4]"));
        assertEquals(Wire.ABSENT, WsCodec.commandIdOf("{\"id\":\"4\"}"));
    }

    private static WsErrorCode codeFor(String json) {
        return WsErrorCode.forRejectedCommand(assertThrows(WireFormatException.class, () -> WsCodec.readCommand(json)));
    }

    /** Every truncation and many random byte flips of every sample: parsed, or a WireFormatException; nothing else. */
    @Test
    void corruptedFramesOnlyEverThrowWireFormatException() {
        List<byte[]> docs = new ArrayList<>();
        for (WsMessage m : WireSamples.serverMessages()) {
            docs.add(WsCodec.toBytes(m));
        }
        for (WsCommand c : WireSamples.commands()) {
            docs.add(WsCodec.toBytes(c));
        }
        SplittableRandom random = new SplittableRandom(42);
        byte[] alphabet = "{}[]:,\"0123456789.-eE+ntrufalsx\\ ".getBytes(StandardCharsets.US_ASCII);
        int parsed = 0;
        for (byte[] doc : docs) {
            for (int len = 0; len < doc.length; len++) {
                parsed += tryRead(doc, len);
            }
            for (int i = 0; i < 200; i++) {
                byte[] copy = doc.clone();
                copy[random.nextInt(copy.length)] = alphabet[random.nextInt(alphabet.length)];
                parsed += tryRead(copy, copy.length);
            }
        }
        assertTrue(parsed > 0, "some flips leave a readable frame");
    }

    private static int tryRead(byte[] doc, int len) {
        try {
            WsCodec.readMessage(doc, 0, len);
            return 1;
        } catch (WireFormatException e) {
            // expected
        }
        try {
            WsCodec.readCommand(doc, 0, len);
            return 1;
        } catch (WireFormatException e) {
            return 0;
        }
    }
}
