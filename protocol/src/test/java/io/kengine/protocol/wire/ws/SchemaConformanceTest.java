package io.kengine.protocol.wire.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kengine.protocol.wire.WireSamples;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the writer against Kalshi's own AsyncAPI schema (test resource kalshi-asyncapi.yaml): every
 * WebSocket message our writer produces validates against its message payload; and every example in
 * the schema is read by our reader into the expected record type.
 */
class SchemaConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode SPEC = loadSpec();
    private static final SchemaValidator VALIDATOR = new SchemaValidator(SPEC);

    /** Our record type → the schema's message key (components/messages/<key>). */
    private static final Map<Class<?>, String> MESSAGE_KEYS = Map.ofEntries(
            Map.entry(Subscribed.class, "subscribedResponse"),
            Map.entry(Unsubscribed.class, "unsubscribedResponse"),
            Map.entry(UpdateOk.class, "okResponse"),
            Map.entry(SubscriptionList.class, "listSubscriptionsResponse"),
            Map.entry(WsError.class, "errorResponse"),
            Map.entry(OrderbookSnapshot.class, "orderbookSnapshot"),
            Map.entry(OrderbookDelta.class, "orderbookDelta"),
            Map.entry(Ticker.class, "ticker"),
            Map.entry(Trade.class, "trade"),
            Map.entry(Fill.class, "fill"),
            Map.entry(UserOrder.class, "userOrder"),
            Map.entry(MarketPosition.class, "marketPosition"),
            Map.entry(MarketLifecycleV2.class, "marketLifecycleV2"),
            Map.entry(EventLifecycle.class, "eventLifecycle"),
            Map.entry(EventFeeUpdate.class, "eventFeeUpdate"),
            Map.entry(OrderGroupUpdate.class, "orderGroupUpdates"),
            Map.entry(Subscribe.class, "subscribeCommand"),
            Map.entry(Unsubscribe.class, "unsubscribeCommand"),
            Map.entry(UpdateSubscription.class, "updateSubscriptionCommand"),
            Map.entry(ListSubscriptions.class, "listSubscriptionsCommand"));

    private static JsonNode loadSpec() {
        try (InputStream in = SchemaConformanceTest.class.getResourceAsStream("/kalshi-asyncapi.yaml")) {
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read kalshi-asyncapi.yaml", e);
        }
    }

    private static JsonNode payloadSchema(Class<?> type) {
        String key = MESSAGE_KEYS.get(type);
        assertNotNull(key, "no schema message mapped for " + type.getSimpleName());
        return VALIDATOR.at("/components/messages/" + key + "/payload");
    }

    static Stream<Object> producedMessages() {
        List<Object> all = new ArrayList<>(WireSamples.serverMessages());
        WireSamples.commands().stream().filter(c -> !(c instanceof UnknownCommand)).forEach(all::add);
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("producedMessages")
    void writerOutputConformsToKalshisSchema(Object message) throws IOException {
        String json = message instanceof WsMessage ? WsCodec.toJson((WsMessage) message) : WsCodec.toJson((WsCommand) message);
        List<String> violations = VALIDATOR.validate(JSON.readTree(json), payloadSchema(message.getClass()));
        assertEquals(List.of(), violations, json);
    }

    @Test
    void everyWrittenTypeIsChecked() {
        Set<Class<?>> covered = new HashSet<>();
        producedMessages().forEach(m -> covered.add(m.getClass()));
        for (Class<?> c : WsMessage.class.getPermittedSubclasses()) {
            if (c != UnknownMessage.class) {
                assertTrue(covered.contains(c) && MESSAGE_KEYS.containsKey(c), c.getSimpleName());
            }
        }
    }

    /** The validator is not vacuous: each kind of violation it claims to check is caught. */
    @Test
    void validatorCatchesViolations() throws IOException {
        JsonNode delta = payloadSchema(OrderbookDelta.class);
        String good = WsCodec.toJson(WireSamples.delta());
        assertEquals(List.of(), VALIDATOR.validate(JSON.readTree(good), delta));
        assertViolation(delta, good.replace("\"side\":\"yes\",", ""), "required field \"side\" is missing");
        assertViolation(delta, good.replace("\"side\":\"yes\"", "\"side\":\"maybe\""), "is not in");
        assertViolation(delta, good.replace("\"delta_fp\":\"-54.37\"", "\"delta_fp\":-54.37"), "expected string");
        assertViolation(delta, good.replace("\"ts_ms\":1669149841123", "\"ts_ms\":1669149841.5"), "expected integer");
        assertViolation(delta, good.replace("\"side\":\"yes\"", "\"side\":\"yes\",\"sidee\":1"), "field not defined");
        assertViolation(delta, good.replace("\"type\":\"orderbook_delta\"", "\"type\":\"orderbook_snapshot\""), "must be");
        assertViolation(delta, good.replace("\"seq\":3", "\"seq\":0"), "minimum");
        assertViolation(delta, good.replace("\"client_order_id\":\"my-order-1\"", "\"client_order_id\":null"), "null");
        JsonNode snapshot = payloadSchema(OrderbookSnapshot.class);
        assertViolation(snapshot, WsCodec.toJson(WireSamples.snapshot()).replace("[\"0.0800\",\"300.00\"]",
                "[\"0.0800\",\"300.00\",\"1\"]"), "more than 2 items");
        JsonNode fee = payloadSchema(EventFeeUpdate.class);
        assertEquals(List.of(), VALIDATOR.validate(JSON.readTree(WsCodec.toJson(WireSamples.feeUpdateCleared())), fee),
                "null allowed where the schema says nullable");
        assertViolation(fee, WsCodec.toJson(WireSamples.feeUpdateSet()).replace("quadratic_with_maker_fees", "cubic"), "is not in");
    }

    private static void assertViolation(JsonNode schema, String json, String fragment) throws IOException {
        List<String> v = VALIDATOR.validate(JSON.readTree(json), schema);
        assertTrue(v.stream().anyMatch(s -> s.contains(fragment)), fragment + " not in " + v + " for " + json);
    }

    /** Every JSON example in Kalshi's schema is read by our reader, into the record its message maps to. */
    @Test
    void readsEveryOfficialExample() throws IOException {
        Map<String, Class<?>> byKey = new java.util.HashMap<>();
        MESSAGE_KEYS.forEach((type, key) -> byKey.put(key, type));
        int read = 0;
        for (Map.Entry<String, JsonNode> e : SPEC.at("/components/messages").properties()) {
            JsonNode message = e.getValue();
            if (!"application/json".equals(message.path("contentType").asText()) || !message.has("examples")) {
                continue;
            }
            boolean command = message.at("/payload/$ref").asText().contains("CommandPayload");
            for (JsonNode example : message.get("examples")) {
                String json = JSON.writeValueAsString(example.get("payload"));
                Object parsed = command ? WsCodec.readCommand(json) : WsCodec.readMessage(json);
                Class<?> expected = byKey.get(e.getKey());
                if (expected == null && e.getKey().startsWith("updateSubscription")) {
                    expected = UpdateSubscription.class;
                } else if (expected == null && e.getKey().endsWith("UpdateSubscriptionCommand")) {
                    expected = UpdateSubscription.class; // cfbenchmarks / pyth actions are carried as strings
                } else if (expected == null) {
                    expected = UnknownMessage.class; // RFQ, multivariate lifecycle, index feeds
                }
                assertInstanceOf(expected, parsed, e.getKey() + " example " + example.path("name").asText());
                read++;
            }
        }
        assertTrue(read >= 40, "read " + read + " examples");
    }

    @Test
    void officialExamplesCarryTheirValues() throws IOException {
        OrderbookSnapshot s = (OrderbookSnapshot) WsCodec.readMessage(example("orderbookSnapshot", 0));
        assertEquals(2, s.yes().size());
        assertEquals(14_600, s.no().get(1).count());
        Fill f = (Fill) WsCodec.readMessage(example("fill", 0));
        assertEquals(io.kengine.protocol.wire.model.OutcomeSide.YES, f.outcomeSide());
        assertEquals(50_000, f.postPosition());
        assertEquals(2, f.exchangeIndex());
        MarketLifecycleV2 plsu = (MarketLifecycleV2) WsCodec.readMessage(example("marketLifecycleV2", 1));
        assertEquals(List.of(new io.kengine.protocol.wire.model.PriceRange(0, 10_000, 10)), plsu.priceRanges());
        EventFeeUpdate cleared = (EventFeeUpdate) WsCodec.readMessage(example("eventFeeUpdate", 1));
        assertEquals(new EventFeeUpdate(5, "KXBTCD-26MAY2018", null, null), cleared);
        WsError err = (WsError) WsCodec.readMessage(example("errorResponse", 4));
        assertEquals(new WsError(127, 16, "Market not found", "INVALID-MARKET", null), err);
        UpdateSubscription single = (UpdateSubscription) WsCodec.readCommand(example("updateSubscriptionSingleSidCommand", 0));
        assertEquals(456, single.sid());
    }

    private static String example(String key, int index) throws IOException {
        return JSON.writeValueAsString(SPEC.at("/components/messages/" + key + "/examples/" + index + "/payload"));
    }
}
