package io.kengine.protocol.wire.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kengine.protocol.wire.WireSamples;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** write → read gives the same record, and write → read → write the same bytes, for every WS record type. */
class WsRoundTripTest {

    static Stream<WsMessage> serverMessages() {
        return WireSamples.serverMessages().stream();
    }

    static Stream<WsCommand> commands() {
        return WireSamples.commands().stream();
    }

    @ParameterizedTest
    @MethodSource("serverMessages")
    void serverMessageRoundTrips(WsMessage m) {
        String json = WsCodec.toJson(m);
        assertEquals(m, WsCodec.readMessage(json), json);
        byte[] bytes = WsCodec.toBytes(m);
        assertEquals(m, WsCodec.readMessage(bytes, 0, bytes.length));
        assertEquals(json, WsCodec.toJson(WsCodec.readMessage(json)));
        assertEquals(json, new String(bytes, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void commandRoundTrips(WsCommand c) {
        String json = WsCodec.toJson(c);
        assertEquals(c, WsCodec.readCommand(json), json);
        byte[] bytes = WsCodec.toBytes(c);
        assertEquals(c, WsCodec.readCommand(bytes, 0, bytes.length));
        assertEquals(json, WsCodec.toJson(WsCodec.readCommand(json)));
    }

    @Test
    void everyModelledMessageTypeHasASample() {
        Set<Class<?>> covered = new HashSet<>();
        WireSamples.serverMessages().forEach(m -> covered.add(m.getClass()));
        for (Class<?> c : WsMessage.class.getPermittedSubclasses()) {
            if (c != UnknownMessage.class) {
                assertEquals(true, covered.contains(c), "no sample for " + c.getSimpleName());
            }
        }
        Set<Class<?>> commands = new HashSet<>();
        WireSamples.commands().forEach(c -> commands.add(c.getClass()));
        assertEquals(Set.of(WsCommand.class.getPermittedSubclasses()), commands);
    }

    @Test
    void writesKalshiSpellings() {
        assertEquals("{\"type\":\"orderbook_delta\",\"sid\":2,\"seq\":3,\"msg\":{\"market_ticker\":\""
                        + WireSamples.TICKER + "\",\"market_id\":\"" + WireSamples.MARKET_ID + "\","
                        + "\"price_dollars\":\"0.9601\",\"delta_fp\":\"-54.37\",\"side\":\"yes\","
                        + "\"client_order_id\":\"my-order-1\",\"subaccount\":3,"
                        + "\"ts\":\"2022-11-22T20:44:01.123Z\",\"ts_ms\":1669149841123}}",
                WsCodec.toJson(WireSamples.delta()));
        assertEquals("{\"id\":2,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\",\"ticker\"],"
                        + "\"market_tickers\":[\"A\",\"B\"]}}",
                WsCodec.toJson(Subscribe.of(2, List.of("orderbook_delta", "ticker"), List.of("A", "B"))));
        assertEquals("{\"id\":3,\"cmd\":\"list_subscriptions\"}", WsCodec.toJson(new ListSubscriptions(3)));
        assertEquals("{\"id\":5,\"cmd\":\"update_subscription\",\"params\":{\"sids\":[9],"
                        + "\"market_tickers\":[\"X\"],\"action\":\"get_snapshot\"}}",
                WsCodec.toJson(UpdateSubscription.of(5, 9, UpdateSubscription.GET_SNAPSHOT, List.of("X"))));
        assertEquals("{\"type\":\"orderbook_snapshot\",\"sid\":5,\"seq\":1,\"msg\":{\"market_ticker\":\"T\"}}",
                WsCodec.toJson(new OrderbookSnapshot(5, 1, "T", null, null, null)), "empty sides are omitted");
        assertEquals("{\"type\":\"event_fee_update\",\"sid\":5,\"msg\":{\"event_ticker\":\"KXBTCD-26MAY2018\","
                        + "\"fee_type_override\":null,\"fee_multiplier_override\":null}}",
                WsCodec.toJson(WireSamples.feeUpdateCleared()), "a cleared override is an explicit null");
    }

    @Test
    void unknownMessageIsReadNotWritten() {
        WsMessage m = WsCodec.readMessage("{\"type\":\"rfq_created\",\"sid\":15,\"msg\":{\"id\":\"rfq_123\"}}");
        assertEquals(new UnknownMessage("rfq_created", 15, io.kengine.protocol.wire.Wire.ABSENT), m);
        assertThrows(IllegalArgumentException.class, () -> WsCodec.toJson(m));
    }

    @Test
    void errorCodesTable() {
        assertEquals(28, WsErrorCode.values().length);
        for (int code = 1; code <= 28; code++) {
            assertEquals(code, WsErrorCode.of(code).code());
        }
        assertEquals(null, WsErrorCode.of(0));
        assertEquals(null, WsErrorCode.of(29));
        assertEquals(Set.of(10, 17, 25), Stream.of(WsErrorCode.values()).filter(WsErrorCode::terminal)
                .map(WsErrorCode::code).collect(java.util.stream.Collectors.toSet()));
        assertEquals("Already subscribed", WsErrorCode.ALREADY_SUBSCRIBED.message());
    }
}
