package io.kengine.sim.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.kengine.protocol.units.TickGrid;
import io.kengine.protocol.wire.ws.KalshiAsyncApi;
import io.kengine.sim.exchange.FeeSchedule;
import io.kengine.sim.exchange.MarketResult;
import io.kengine.sim.exchange.MarketSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 3, "Done when" 1: every WebSocket text frame the simulator really emits — a real server on a
 * random loopback port, real signed OkHttp WebSockets, the real exchange core driven through REST and
 * {@code server.exchange} — validates against the payload schema of its {@code type} in Kalshi's
 * kalshi-asyncapi.yaml (protocol's copy and validator, from its test-jar): field names, JSON types,
 * required fields, enums, consts, bounds. The types seen must be exactly the list below, so a type that
 * stops being produced, or a new one, fails here.
 */
class EmittedFramesConformanceTest {
    private static final String A = "KXCONF-26DEC31-A";  // cent grid
    private static final String B = "KXCONF-26DEC31-B";  // deci-cent grid, maker fees
    private static final String C = "KXCONF-26DEC31-C";  // listed while subscribed: "created"
    private static final String ORDERS = "/trade-api/v2/portfolio/events/orders";

    /** Every frame type the server can emit, with the schema message it must conform to. */
    private static final Map<String, Set<String>> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("subscribed", Set.of("subscribedResponse")),
            Map.entry("unsubscribed", Set.of("unsubscribedResponse")),
            Map.entry("ok", Set.of("okResponse", "listSubscriptionsResponse")),
            Map.entry("error", Set.of("errorResponse")),
            Map.entry("orderbook_snapshot", Set.of("orderbookSnapshot")),
            Map.entry("orderbook_delta", Set.of("orderbookDelta")),
            Map.entry("ticker", Set.of("ticker")),
            Map.entry("trade", Set.of("trade")),
            Map.entry("fill", Set.of("fill")),
            Map.entry("user_order", Set.of("userOrder")),
            Map.entry("market_position", Set.of("marketPosition")),
            Map.entry("market_lifecycle_v2", Set.of("marketLifecycleV2"))));

    /** Frame types allowed without a schema message, each with the reason. None today. */
    private static final Map<String, String> NO_SCHEMA_MESSAGE = Map.of();

    /** Every {@code market_lifecycle_v2} event the core publishes (open and close are implicit on Kalshi). */
    private static final Set<String> LIFECYCLE_EVENTS = Set.of("created", "activated", "deactivated",
            "close_date_updated", "determined", "settled");

    /** The numbered errors the bad commands below provoke (6 and 17+ the server never sends). */
    private static final Set<Integer> ERROR_CODES = Set.of(1, 2, 3, 4, 5, 7, 8, 11, 12, 13, 14, 15, 16);

    private Harness h;

    @BeforeEach
    void start() {
        h = new Harness(SimServerConfig.builder().rateLimits(false));
        long now = h.clock.get();
        h.server.exchange(ex -> {
            ex.addMarket(new MarketSpec(A, "KXCONF-26DEC31", "KXCONF", TickGrid.uniform(100), now - 1_000,
                    now + 3_600_000, FeeSchedule.QUADRATIC), now);
            ex.addMarket(new MarketSpec(B, "KXCONF-26DEC31", "KXCONF", TickGrid.uniform(10), now - 1_000,
                    now + 3_600_000, FeeSchedule.QUADRATIC_WITH_MAKER_FEES), now);
            return null;
        });
        h.server.deposit("alice", 10_000_000);
        h.server.deposit("bob", 10_000_000);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    /** A connection plus what each command id asked, to tell apart the two answers of type {@code ok}. */
    private static final class Client {
        final String name;
        final WsProbe ws;
        final Map<Long, String> commandById = new HashMap<>();

        Client(String name, WsProbe ws) {
            this.name = name;
            this.ws = ws;
        }

        void send(long id, String cmd, String params) {
            commandById.put(id, cmd);
            ws.send("{\"id\":" + id + ",\"cmd\":\"" + cmd + "\"" + (params == null ? "" : ",\"params\":" + params) + "}");
        }

        /** Waits for the answer to command {@code id}: commands run in order, so everything before it has been handled. */
        JsonNode awaitAnswer(long id) throws InterruptedException {
            return Harness.json(ws.until(f -> Harness.json(f).path("id").asLong(-1) == id));
        }
    }

    private static String order(String ticker, String side, String price, String count, String clientOrderId, String extra) {
        return "{\"ticker\":\"" + ticker + "\",\"side\":\"" + side + "\",\"count\":\"" + count + "\",\"price\":\"" + price
                + "\",\"time_in_force\":\"good_till_canceled\",\"self_trade_prevention_type\":\"taker_at_cross\""
                + ",\"client_order_id\":\"" + clientOrderId + "\"" + extra + "}";
    }

    private String create(io.kengine.protocol.wire.auth.KalshiSigner who, String body) throws IOException {
        Harness.Reply r = h.call(who, "POST", ORDERS, body);
        assertEquals(201, r.code(), r.body());
        return r.json().path("order_id").asText();
    }

    private static String quoted(String s) {
        return "\"" + s + "\"";
    }

    @Test
    void everyEmittedFrameConformsToKalshisSchema() throws Exception {
        Client alice = new Client("alice", h.openWs(h.alice));
        Client bob = new Client("bob", h.openWs(h.bob));

        // ---- alice: every channel the server accepts, in the three subscribe shapes, then every other command
        Set<WsChannel> rest = EnumSet.allOf(WsChannel.class);
        rest.removeAll(EnumSet.of(WsChannel.ORDERBOOK_DELTA, WsChannel.TICKER, WsChannel.TRADE, WsChannel.FILL,
                WsChannel.USER_ORDERS, WsChannel.MARKET_POSITIONS, WsChannel.MARKET_LIFECYCLE_V2));
        alice.send(1, "subscribe", "{\"channels\":[\"orderbook_delta\"],\"market_ticker\":\"" + A + "\"}");
        alice.send(2, "subscribe", "{\"channels\":[\"ticker\",\"trade\",\"fill\",\"user_orders\",\"market_positions\"],"
                + "\"market_tickers\":[\"" + A + "\",\"" + B + "\"]}");
        alice.send(3, "subscribe", "{\"channels\":[\"market_lifecycle_v2\"]}");
        List<String> silent = new ArrayList<>();
        rest.forEach(c -> silent.add(quoted(c.wireName())));
        alice.send(4, "subscribe", "{\"channels\":[" + String.join(",", silent) + "]}");
        alice.send(5, "subscribe", "{\"channels\":[\"orderbook_delta\"],\"market_tickers\":[\"" + B + "\"]}"); // same sid, B's snapshot
        alice.awaitAnswer(5);
        Map<String, Integer> sids = new HashMap<>();
        for (String f : alice.ws.all) {
            JsonNode n = Harness.json(f);
            if (n.path("type").asText().equals("subscribed")) {
                sids.put(n.path("msg").path("channel").asText(), n.path("msg").path("sid").asInt());
            }
        }
        for (WsChannel c : WsChannel.values()) {
            assertTrue(sids.containsKey(c.wireName()), "no subscribed ack for " + c.wireName() + ": " + sids);
        }
        int bookSid = sids.get("orderbook_delta");
        int tickerSid = sids.get("ticker");
        alice.send(6, "update_subscription", "{\"sid\":" + tickerSid + ",\"market_tickers\":[\"" + B + "\"],\"action\":\"delete_markets\"}");
        alice.send(7, "update_subscription", "{\"sids\":[" + tickerSid + "],\"market_tickers\":[\"" + B + "\"],\"action\":\"add_markets\"}");
        alice.send(8, "update_subscription", "{\"sid\":" + bookSid + ",\"market_ticker\":\"" + A + "\",\"action\":\"get_snapshot\"}");
        alice.send(9, "list_subscriptions", null);
        alice.send(10, "unsubscribe", "{\"sids\":[" + sids.get(WsChannel.PYTH_VALUE.wireName()) + "]}");
        // bad commands: one error frame per numbered code the server can answer
        alice.ws.send("not json");                                                                  // 1, no id to echo
        alice.send(21, "subscribe", null);                                                          // 2
        alice.send(22, "subscribe", "{}");                                                          // 3
        alice.send(23, "unsubscribe", "{}");                                                        // 4
        alice.send(24, "frobnicate", "{}");                                                         // 5
        alice.send(25, "unsubscribe", "{\"sids\":[999]}");                                          // 7
        alice.send(26, "subscribe", "{\"channels\":[\"no_such_channel\"]}");                       // 8
        alice.send(27, "subscribe", "{\"channels\":[\"orderbook_delta\"],\"market_id\":\"x\"}");   // 11
        alice.send(28, "update_subscription", "{\"sid\":" + bookSid + ",\"sids\":[" + bookSid + "],\"action\":\"add_markets\"}"); // 12
        alice.send(29, "update_subscription", "{\"sid\":" + bookSid + ",\"market_ticker\":\"" + A + "\",\"action\":\"explode\"}"); // 13
        alice.send(30, "subscribe", "{\"channels\":[\"orderbook_delta\"]}");                       // 14
        alice.send(31, "update_subscription", "{\"sid\":" + bookSid + ",\"market_ticker\":\"" + A + "\"}"); // 15
        alice.send(32, "subscribe", "{\"channels\":[\"ticker\"],\"market_ticker\":\"NO-SUCH-MARKET\"}"); // 16, names the market
        alice.ws.send("{\"cmd\":\"frobnicate\"}");                                                   // 5 without an id
        alice.awaitAnswer(32);

        // ---- bob: the option variants (yes-leg prices, initial ticker, acks without market lists)
        bob.send(1, "subscribe", "{\"channels\":[\"orderbook_delta\"],\"market_tickers\":[\"" + A + "\",\"" + B + "\"],\"use_yes_price\":true}");
        bob.send(2, "subscribe", "{\"channels\":[\"ticker\"],\"market_tickers\":[\"" + A + "\",\"" + B + "\"],"
                + "\"send_initial_snapshot\":true,\"skip_ticker_ack\":true}");
        bob.send(3, "subscribe", "{\"channels\":[\"fill\",\"user_orders\",\"market_positions\",\"trade\"]}");
        bob.awaitAnswer(3);
        int bobTicker = Harness.json(bob.ws.all.stream().filter(f -> f.contains("\"channel\":\"ticker\"")).findFirst()
                .orElseThrow()).path("msg").path("sid").asInt();
        bob.send(4, "update_subscription", "{\"sid\":" + bobTicker + ",\"market_ticker\":\"" + B + "\",\"action\":\"delete_markets\"}");
        bob.awaitAnswer(4);

        // ---- the exchange: resting orders, crosses with fills both ways, amend/decrease/cancel, positions
        String a1 = create(h.alice, order(A, "bid", "0.5000", "5.00", "a-1", ""));
        create(h.bob, order(A, "ask", "0.5000", "2.00", "b-1", ""));                        // alice maker fill
        assertEquals(200, h.call(h.alice, "POST", ORDERS + "/" + a1 + "/amend",
                "{\"ticker\":\"" + A + "\",\"side\":\"bid\",\"price\":\"0.5100\",\"count\":\"6.00\"}").code());
        assertEquals(200, h.call(h.alice, "POST", ORDERS + "/" + a1 + "/decrease", "{\"reduce_by\":\"1.00\"}").code());
        create(h.alice, order(A, "ask", "0.7000", "1.00", "a-2", ",\"cancel_order_on_pause\":true"));
        String b2 = create(h.bob, order(B, "bid", "0.4150", "3.00", "b-2", ""));
        create(h.alice, order(B, "ask", "0.4150", "1.50", "a-3", ""));                      // alice taker, fractional
        create(h.alice, order(B, "ask", "0.8990", "2.25", "a-4",
                ",\"expiration_time\":" + (h.clock.get() / 1000 + 3_600)));                   // good till time
        assertEquals(200, h.call(h.bob, "DELETE", ORDERS + "/" + b2, null).code());

        // ---- lifecycle: pause, resume, new market, close early, determine, settle
        long now = h.clock.get();
        h.server.exchange(ex -> {
            ex.pauseMarket(A, now);
            ex.resumeMarket(A, now);
            ex.addMarket(new MarketSpec(C, "KXCONF-26DEC31", "KXCONF", TickGrid.uniform(100), now + 60_000,
                    now + 3_600_000, FeeSchedule.QUADRATIC), now);
            ex.updateCloseTime(A, now + 10, now);
            ex.updateCloseTime(B, now + 10, now);
            return null;
        });
        long later = h.clock.addAndGet(1_000);
        h.server.exchange(ex -> {
            ex.determine(A, MarketResult.YES, 0, later);  // closes A first (the clock passed its close)
            ex.determine(B, MarketResult.SCALAR, 4_150, later);
            ex.settle(A, later);
            ex.settle(B, later);
            return null;
        });
        // a final command on each connection: once answered, every earlier frame has arrived
        alice.send(99, "list_subscriptions", null);
        bob.send(99, "list_subscriptions", null);
        alice.awaitAnswer(99);
        bob.awaitAnswer(99);

        // ---- validate every frame
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> seen = new TreeMap<>();
        Set<String> lifecycle = new TreeSet<>();
        Set<Integer> errors = new TreeSet<>();
        int frames = 0;
        for (Client c : List.of(alice, bob)) {
            for (String text : c.ws.all) {
                frames++;
                JsonNode frame;
                try {
                    frame = Harness.JSON.readTree(text);
                } catch (IOException e) {
                    problems.add(c.name + ": not JSON: " + text);
                    continue;
                }
                String type = frame.path("type").asText("");
                String key = schemaMessage(c, frame, type, problems, text);
                if (key == null) {
                    continue;
                }
                seen.computeIfAbsent(type, t -> new TreeSet<>()).add(key);
                for (String v : KalshiAsyncApi.validate(frame, key)) {
                    problems.add(key + " " + v + "  e.g. " + c.name + " got " + text);
                }
                if (type.equals("market_lifecycle_v2")) {
                    lifecycle.add(frame.path("msg").path("event_type").asText());
                } else if (type.equals("error")) {
                    errors.add(frame.path("msg").path("code").asInt());
                }
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " violations in " + frames + " frames:\n" + summary(problems));
        assertEquals(EXPECTED, seen, "frame types (and schema messages) seen");
        assertEquals(new TreeSet<>(LIFECYCLE_EVENTS), lifecycle, "market_lifecycle_v2 event types seen");
        assertEquals(new TreeSet<>(ERROR_CODES), errors, "error codes seen");
        assertTrue(alice.ws.all.stream().anyMatch(f -> f.contains("\"orderbook_delta\"") && f.contains("\"client_order_id\":\"a-1\"")),
                "an own-order delta with client_order_id");
    }

    /** One line per distinct violation (the text before the example), with its count and first example. */
    private static String summary(List<String> problems) {
        Map<String, List<String>> distinct = new TreeMap<>();
        for (String p : problems) {
            int cut = p.indexOf("  e.g. ");
            distinct.computeIfAbsent(cut < 0 ? p : p.substring(0, cut), k -> new ArrayList<>()).add(p);
        }
        StringBuilder b = new StringBuilder();
        distinct.forEach((what, all) -> b.append(all.size()).append(" x ").append(all.get(0)).append('\n'));
        return b.toString();
    }

    /**
     * The schema message a frame must match: the one whose payload fixes {@code type} to this value;
     * when several do (type {@code ok}), the one answering the command the frame's {@code id} names.
     */
    private static String schemaMessage(Client c, JsonNode frame, String type, List<String> problems, String text) {
        List<String> candidates = KalshiAsyncApi.messagesByType().get(type);
        if (candidates == null) {
            if (!NO_SCHEMA_MESSAGE.containsKey(type)) {
                problems.add(c.name + ": type \"" + type + "\" has no message in the schema: " + text);
            }
            return null;
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        String cmd = c.commandById.get(frame.path("id").asLong(-1));
        String key = type.equals("ok") && "list_subscriptions".equals(cmd) ? "listSubscriptionsResponse"
                : type.equals("ok") && "update_subscription".equals(cmd) ? "okResponse" : null;
        if (key == null || !candidates.contains(key)) {
            problems.add(c.name + ": cannot tell which of " + candidates + " answers command " + cmd + ": " + text);
            return null;
        }
        return key;
    }
}
