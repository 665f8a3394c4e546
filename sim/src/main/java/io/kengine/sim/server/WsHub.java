package io.kengine.sim.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kengine.protocol.wire.Wire;
import io.kengine.protocol.wire.ws.Subscribed;
import io.kengine.protocol.wire.ws.SubscriptionList;
import io.kengine.protocol.wire.ws.Unsubscribed;
import io.kengine.protocol.wire.ws.UpdateOk;
import io.kengine.protocol.wire.ws.WsCodec;
import io.kengine.protocol.wire.ws.WsError;
import io.kengine.protocol.wire.ws.WsErrorCode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WebSocket subscriptions and fan-out (reference §4.2–4.6). Exchange-thread only: commands,
 * connection open/close and every {@link #publish} run on the one thread that also drives the
 * exchange, so a snapshot and the deltas that follow it are consistent and messages leave in the
 * order the exchange produced them.
 *
 * <h2>Conventions where Kalshi's documents are silent</h2>
 * <ul>
 *   <li>{@code sid}s count from 1 per connection. A repeated {@code subscribe} to a channel the
 *       connection already has is idempotent: the existing sid is acknowledged again and any new
 *       markets are added to it (snapshots for the new ones).</li>
 *   <li>{@code seq} is per sid, counts only data messages of seq channels ({@code orderbook_snapshot}
 *       and {@code orderbook_delta} here), starts at 1 with the first snapshot and grows by 1 per
 *       message across all markets of the sid. The {@code ok}/{@code unsubscribed} acks carry the
 *       last seq sent on the sid (at least 1) and use none up, so a gap check over data
 *       messages never trips on an ack.</li>
 *   <li>{@code get_snapshot} answers {@code ok} and then one {@code orderbook_snapshot} per ticker.</li>
 *   <li>{@code market_id(s)} filters are refused with error 11 (the simulator keys markets by ticker).</li>
 * </ul>
 */
final class WsHub {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Faults faults;
    private volatile MarketView view;
    private final Map<WsChannel, List<Subscription>> byChannel = new EnumMap<>(WsChannel.class);
    private final Map<WsConnection, int[]> nextSid = new java.util.HashMap<>();

    final AtomicLong dataFramesSent = new AtomicLong();
    private final List<WsConnection> written = new ArrayList<>();

    WsHub(Faults faults, MarketView view) {
        this.faults = faults;
        this.view = view;
        for (WsChannel c : WsChannel.values()) {
            byChannel.put(c, new ArrayList<>());
        }
    }

    void view(MarketView view) {
        this.view = view;
    }

    // ------------------------------------------------------------------ connection lifecycle

    void onOpen(WsConnection c) {
        nextSid.put(c, new int[] {1});
    }

    void onClose(WsConnection c) {
        for (Subscription s : c.subscriptions) {
            byChannel.get(s.channel).remove(s);
        }
        c.subscriptions.clear();
        c.heldFrame = null;
        nextSid.remove(c);
    }

    // ------------------------------------------------------------------ fan-out

    /** Sends one exchange message to every subscription that wants it. */
    void publish(ChannelMessage m) {
        List<Subscription> subs = byChannel.get(m.channel());
        for (int i = 0, n = subs.size(); i < n; i++) {
            Subscription s = subs.get(i);
            if (m.channel().marketFilter() && !s.matches(m.market())) {
                continue;
            }
            boolean owner = m.owner() != null && m.owner().equals(s.connection.account());
            if (m.channel().privateToOwner() && !owner) {
                continue;
            }
            deliver(s, m, owner);
        }
    }

    private void deliver(Subscription s, ChannelMessage m, boolean owner) {
        String msg = m.msgJson(owner, s.useYesPrice);
        String type = m.type();
        boolean seq = s.channel.hasSeq();
        StringBuilder b = new StringBuilder(msg.length() + 64);
        b.append("{\"type\":\"").append(type).append("\",\"sid\":").append(s.sid);
        if (seq) {
            b.append(",\"seq\":").append(s.nextSeq());
        }
        b.append(",\"msg\":").append(msg).append('}');
        writeData(s.connection, b.toString(), seq);
    }

    /** Data frames pass through the frame faults; acks never do. */
    private void writeData(WsConnection c, String frame, boolean seqBearing) {
        if (!c.isOpen()) {
            return;
        }
        if (seqBearing && faults.takeSkip()) {
            return; // lost: the client sees a gap
        }
        if (faults.takeMalform()) {
            frame = frame.substring(0, frame.length() / 2);
        }
        if (seqBearing) {
            if (c.heldFrame != null) {
                String held = c.heldFrame;
                c.heldFrame = null;
                send(c, frame);
                send(c, held);
                return;
            }
            if (faults.takeReorder()) {
                c.heldFrame = frame;
                return;
            }
        }
        // decide before sending: a client that reacts to this frame must not change what happens to it
        boolean twice = seqBearing && faults.takeDuplicate();
        send(c, frame);
        if (twice) {
            send(c, frame);
        }
    }

    private void send(WsConnection c, String frame) {
        dataFramesSent.incrementAndGet();
        write(c, frame);
    }

    /** Every frame leaves through here: batched on the socket, flushed by {@link #flushWritten()}. */
    private void write(WsConnection c, String frame) {
        if (c.write(frame) && !c.dirty) {
            c.dirty = true;
            written.add(c);
        }
    }

    /** End of an exchange task: flush every connection written during it. */
    void flushWritten() {
        for (int i = 0, n = written.size(); i < n; i++) {
            WsConnection c = written.get(i);
            c.dirty = false;
            c.flush();
        }
        written.clear();
    }

    // ------------------------------------------------------------------ commands

    private static final class CommandError extends Exception {
        private static final long serialVersionUID = 1L;
        final WsErrorCode code;
        final String market;

        CommandError(WsErrorCode code) {
            this(code, null);
        }

        CommandError(WsErrorCode code, String market) {
            super(code.message(), null, false, false);
            this.code = code;
            this.market = market;
        }
    }

    void onText(WsConnection c, String text) {
        long id = 0;
        try {
            JsonNode root;
            try {
                root = MAPPER.readTree(text);
            } catch (IOException e) {
                throw new CommandError(WsErrorCode.UNABLE_TO_PROCESS);
            }
            if (root == null || !root.isObject()) {
                throw new CommandError(WsErrorCode.UNABLE_TO_PROCESS);
            }
            JsonNode idNode = root.get("id");
            if (idNode != null && !idNode.isNull()) {
                if (!idNode.canConvertToLong() || !idNode.isIntegralNumber() || idNode.asLong() < 0) {
                    throw new CommandError(WsErrorCode.UNABLE_TO_PROCESS);
                }
                id = idNode.asLong();
            }
            JsonNode cmd = root.get("cmd");
            String name = cmd != null && cmd.isTextual() ? cmd.asText() : "";
            switch (name) {
                case "subscribe" -> subscribe(c, id, params(root));
                case "unsubscribe" -> unsubscribe(c, id, params(root));
                case "update_subscription" -> update(c, id, params(root));
                case "list_subscriptions" -> list(c, id);
                default -> throw new CommandError(WsErrorCode.UNKNOWN_COMMAND);
            }
        } catch (CommandError e) {
            error(c, id, e.code, e.market);
        } catch (RuntimeException e) {
            error(c, id, WsErrorCode.INTERNAL_ERROR, null);
        }
    }

    private static JsonNode params(JsonNode root) throws CommandError {
        JsonNode p = root.get("params");
        if (p == null || !p.isObject()) {
            throw new CommandError(WsErrorCode.PARAMS_REQUIRED);
        }
        return p;
    }

    private void subscribe(WsConnection c, long id, JsonNode params) throws CommandError {
        JsonNode channels = params.get("channels");
        if (channels == null || !channels.isArray() || channels.isEmpty()) {
            throw new CommandError(WsErrorCode.CHANNELS_REQUIRED);
        }
        List<WsChannel> wanted = new ArrayList<>();
        for (JsonNode ch : channels) {
            WsChannel channel = ch.isTextual() ? WsChannel.byName(ch.asText()) : null;
            if (channel == null) {
                throw new CommandError(WsErrorCode.UNKNOWN_CHANNEL);
            }
            if (!wanted.contains(channel)) {
                wanted.add(channel);
            }
        }
        Set<String> markets = markets(params, false);
        boolean useYesPrice = params.path("use_yes_price").asBoolean(false);
        boolean skipTickerAck = params.path("skip_ticker_ack").asBoolean(false);
        boolean initialTicker = params.path("send_initial_snapshot").asBoolean(false);
        for (WsChannel ch : wanted) {
            if (ch.marketRequired() && markets == null) {
                throw new CommandError(WsErrorCode.MARKET_TICKER_REQUIRED);
            }
        }
        if (markets != null) {
            checkExist(markets);
        }
        for (WsChannel ch : wanted) {
            Subscription existing = find(c, ch);
            boolean fresh = existing == null;
            Subscription sub = fresh ? new Subscription(nextSid.get(c)[0]++, c, ch) : existing;
            if (fresh) {
                sub.useYesPrice = useYesPrice;
                sub.skipTickerAck = skipTickerAck;
                sub.allMarkets = markets == null || !ch.marketFilter();
                c.subscriptions.add(sub);
                byChannel.get(ch).add(sub);
            }
            List<String> added = new ArrayList<>();
            if (ch.marketFilter() && markets != null && !sub.allMarkets) {
                for (String m : markets) {
                    if (sub.markets.add(m)) {
                        added.add(m);
                    }
                }
            } else if (!fresh && markets == null && ch.marketFilter() && !sub.allMarkets) {
                sub.allMarkets = true; // a filterless repeat widens the subscription to every market
                sub.markets.clear();
            }
            reply(c, new Subscribed(idOrAbsent(id), ch.wireName(), sub.sid));
            if (ch == WsChannel.ORDERBOOK_DELTA) {
                for (String m : added) {
                    deliver(sub, view.orderbookSnapshot(m), false);
                }
            } else if (ch == WsChannel.TICKER && initialTicker && markets != null) {
                for (String m : markets) {
                    ChannelMessage t = view.tickerSnapshot(m);
                    if (t != null) {
                        deliver(sub, t, false);
                    }
                }
            }
        }
    }

    private void unsubscribe(WsConnection c, long id, JsonNode params) throws CommandError {
        JsonNode sids = params.get("sids");
        if (sids == null || !sids.isArray() || sids.isEmpty()) {
            throw new CommandError(WsErrorCode.SIDS_REQUIRED);
        }
        for (JsonNode n : sids) {
            if (!n.isIntegralNumber()) {
                error(c, id, WsErrorCode.INVALID_PARAMETER, null);
                continue;
            }
            Subscription sub = find(c, n.asInt());
            if (sub == null) {
                error(c, id, WsErrorCode.UNKNOWN_SID, null);
                continue;
            }
            c.subscriptions.remove(sub);
            byChannel.get(sub.channel).remove(sub);
            reply(c, new Unsubscribed(idOrAbsent(id), sub.sid, Math.max(1, sub.seq)));
        }
    }

    private void update(WsConnection c, long id, JsonNode params) throws CommandError {
        JsonNode action = params.get("action");
        if (action == null || action.isNull()) {
            throw new CommandError(WsErrorCode.ACTION_REQUIRED);
        }
        JsonNode sidNode = params.get("sid");
        JsonNode sidsNode = params.get("sids");
        JsonNode one;
        if (sidNode != null && sidsNode != null) {
            throw new CommandError(WsErrorCode.EXACTLY_ONE_SID_REQUIRED);
        } else if (sidNode != null) {
            one = sidNode;
        } else if (sidsNode != null && sidsNode.isArray() && sidsNode.size() == 1) {
            one = sidsNode.get(0);
        } else {
            throw new CommandError(WsErrorCode.EXACTLY_ONE_SID_REQUIRED);
        }
        if (!one.isIntegralNumber()) {
            throw new CommandError(WsErrorCode.INVALID_PARAMETER);
        }
        Subscription sub = find(c, one.asInt());
        if (sub == null) {
            throw new CommandError(WsErrorCode.UNKNOWN_SID);
        }
        String act = action.isTextual() ? action.asText() : "";
        switch (act) {
            case "add_markets", "delete_markets", "get_snapshot" -> { }
            default -> throw new CommandError(WsErrorCode.UNSUPPORTED_ACTION);
        }
        if (!sub.channel.marketFilter() || (act.equals("get_snapshot") && sub.channel != WsChannel.ORDERBOOK_DELTA)) {
            throw new CommandError(WsErrorCode.UNSUPPORTED_ACTION);
        }
        Set<String> markets = markets(params, true);
        if (markets == null) {
            throw new CommandError(WsErrorCode.MARKET_TICKER_REQUIRED);
        }
        checkExist(markets);
        List<String> added = new ArrayList<>();
        switch (act) {
            case "add_markets" -> {
                if (!sub.allMarkets) {
                    for (String m : markets) {
                        if (sub.markets.add(m)) {
                            added.add(m);
                        }
                    }
                }
            }
            case "delete_markets" -> sub.markets.removeAll(markets);
            default -> added.addAll(markets); // get_snapshot: snapshots, subscription unchanged
        }
        reply(c, new UpdateOk(idOrAbsent(id), sub.sid, Math.max(1, sub.seq),
                sub.skipTickerAck ? null : List.copyOf(sub.markets), null));
        if (sub.channel == WsChannel.ORDERBOOK_DELTA) {
            for (String m : added) {
                deliver(sub, view.orderbookSnapshot(m), false);
            }
        }
    }

    private void list(WsConnection c, long id) {
        List<SubscriptionList.Entry> entries = new ArrayList<>();
        for (Subscription s : c.subscriptions) {
            entries.add(new SubscriptionList.Entry(s.channel.wireName(), s.sid));
        }
        reply(c, new SubscriptionList(idOrAbsent(id), entries));
    }

    /** {@code market_ticker} / {@code market_tickers} → a set; null when neither is given. */
    private static Set<String> markets(JsonNode params, boolean emptyMeansNone) throws CommandError {
        if (params.has("market_id") || params.has("market_ids")) {
            throw new CommandError(WsErrorCode.INVALID_PARAMETER);
        }
        JsonNode one = params.get("market_ticker");
        JsonNode many = params.get("market_tickers");
        Set<String> out = new LinkedHashSet<>();
        if (one != null && !one.isNull()) {
            if (!one.isTextual() || one.asText().isEmpty()) {
                throw new CommandError(WsErrorCode.INVALID_PARAMETER);
            }
            out.add(one.asText());
        }
        if (many != null && !many.isNull()) {
            if (!many.isArray()) {
                throw new CommandError(WsErrorCode.INVALID_PARAMETER);
            }
            for (JsonNode m : many) {
                if (!m.isTextual() || m.asText().isEmpty()) {
                    throw new CommandError(WsErrorCode.INVALID_PARAMETER);
                }
                out.add(m.asText());
            }
        }
        if (out.isEmpty()) {
            return null;
        }
        return out;
    }

    private void checkExist(Set<String> markets) throws CommandError {
        for (String m : markets) {
            if (!view.marketExists(m)) {
                throw new CommandError(WsErrorCode.MARKET_NOT_FOUND, m);
            }
        }
    }

    private static Subscription find(WsConnection c, WsChannel ch) {
        for (Subscription s : c.subscriptions) {
            if (s.channel == ch) {
                return s;
            }
        }
        return null;
    }

    private static Subscription find(WsConnection c, int sid) {
        for (Subscription s : c.subscriptions) {
            if (s.sid == sid) {
                return s;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ ack frames

    private static long idOrAbsent(long id) {
        return id > 0 ? id : Wire.ABSENT;
    }

    private void error(WsConnection c, long id, WsErrorCode code, String market) {
        reply(c, new WsError(idOrAbsent(id), code.code(), code.message(), market, null));
    }

    private void reply(WsConnection c, io.kengine.protocol.wire.ws.WsMessage m) {
        write(c, WsCodec.toJson(m));
    }
}
