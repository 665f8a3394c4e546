package io.kengine.feed.connection;

import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.protocol.wire.WireFormatException;
import io.kengine.protocol.wire.model.PriceLevel;
import io.kengine.protocol.wire.ws.Subscribe;
import io.kengine.protocol.wire.ws.Subscribed;
import io.kengine.protocol.wire.ws.Unsubscribe;
import io.kengine.protocol.wire.ws.UpdateOk;
import io.kengine.protocol.wire.ws.UpdateSubscription;
import io.kengine.protocol.wire.ws.WsCodec;
import io.kengine.protocol.wire.ws.WsError;
import io.kengine.protocol.wire.ws.WsErrorCode;
import io.kengine.protocol.wire.ws.WsMessage;
import org.agrona.DirectBuffer;
import org.agrona.collections.LongHashSet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The feed's protocol logic, without sockets: subscriptions, per-sid sequence discipline, resync and the
 * trust markers it publishes. {@link KalshiFeed} drives it from its threads under one lock; tests drive it
 * directly with hand-written frames.
 *
 * <p>Book trust, as published to the ring. Each market is either <em>live</em> (its deltas are published)
 * or <em>awaiting a snapshot</em>. Turning a market from live to awaiting always publishes the untrusted
 * marker (an empty FIRST-only snapshot chunk) before anything else about it, and while it awaits, none of its
 * deltas are published. Only an {@code orderbook_snapshot} makes it live again: a snapshot is the market's
 * whole book at its seq, so it is good whatever was lost before it, and the deltas after it are checked for
 * continuity like any others.
 *
 * <p>A market becomes awaiting on: a seq gap, repeat or regression on the orderbook sid (the lost frame may
 * have been any market's: seq is shared by the sid, kalshi-api.md §4.6), a terminal error, a disconnect
 * (no more deltas will come) and a new connection. Recovery asks only for what is missing:
 * {@code update_subscription get_snapshot} for the markets that just went awaiting; after
 * {@code resyncTimeout} without an answer it asks again, and after {@code maxResyncAttempts} unanswered
 * rounds the feed drops the connection. Terminal errors (10, 17, 25) and a failed snapshot request
 * unsubscribe and subscribe again (a repeated subscribe is idempotent and would send no snapshot).
 *
 * <p>Not thread-safe: one caller at a time (the feed's lock gives the happens-before between them).
 */
final class FeedSession {
    /** Where commands go: the live socket. */
    interface CommandChannel {
        boolean send(String text);
    }

    static final int TICK_OK = 0;
    static final int TICK_RECONNECT = 1;

    private static final System.Logger LOG = System.getLogger(FeedSession.class.getName());
    private static final long NONE = Long.MIN_VALUE;
    private static final String ORDERBOOK = "orderbook_delta";
    private static final String LIFECYCLE = "market_lifecycle_v2";
    private static final long LOG_INTERVAL_NANOS = 1_000_000_000L;

    private final MarketRegistry markets;
    private final FrameSink sink;
    private final EventPublisher publisher;
    private final FeedCounters counters;
    private final List<String> marketChannels = new ArrayList<>();
    private final boolean lifecycle;
    private final long resyncTimeoutNanos;
    private final int maxResyncAttempts;
    private final BookEvents bookEvents = new BookEvents();
    private final SequenceTracker tracker = new SequenceTracker();
    private final LongHashSet knownSids = new LongHashSet();
    private final LongHashSet retiredSids = new LongHashSet();
    private final Set<Long> snapshotRequestIds = new HashSet<>();

    private final boolean[] awaiting;
    private final boolean[] restSourced;
    private final long[] requestedAt;

    private CommandChannel out;
    private long nextCommandId = 1;
    private long orderbookSid = NONE;
    private int resyncRounds;
    private long snapshotsThisConnection;
    private byte[] controlScratch = new byte[1024];
    private long lastLogNanos = Long.MIN_VALUE;
    private long suppressedLogs;

    FeedSession(FeedConfig config, MarketRegistry markets, FrameSink sink, EventPublisher publisher, FeedCounters counters) {
        this.markets = markets;
        this.sink = sink;
        this.publisher = publisher;
        this.counters = counters;
        for (String c : config.channels()) {
            if (!c.equals(LIFECYCLE)) {
                marketChannels.add(c);
            }
        }
        this.lifecycle = config.channels().contains(LIFECYCLE);
        this.resyncTimeoutNanos = config.resyncTimeout().toNanos();
        this.maxResyncAttempts = config.maxResyncAttempts();
        int n = markets.size();
        awaiting = new boolean[n];
        restSourced = new boolean[n];
        requestedAt = new long[n];
        // before the first connection no book has a snapshot: the book stage already holds them untrusted
        java.util.Arrays.fill(awaiting, true);
    }

    // ---------------------------------------------------------------- connection lifecycle

    /** A socket is open: start over (sids are per connection) and subscribe. */
    void connected(CommandChannel channel, long nowNanos) {
        out = channel;
        tracker.reset();
        knownSids.clear();
        retiredSids.clear();
        snapshotRequestIds.clear();
        orderbookSid = NONE;
        nextCommandId = 1;
        resyncRounds = 0;
        snapshotsThisConnection = 0;
        for (int m = 0; m < awaiting.length; m++) {
            if (!awaiting[m] || restSourced[m]) {
                // a REST book is not updated by this socket until its snapshot arrives: not trusted meanwhile
                markUntrusted(m, 0, 0);
            }
            awaiting[m] = true;
            restSourced[m] = false;
            requestedAt[m] = nowNanos;
        }
        sendSubscribes();
    }

    /** The socket is gone: every live book stops being updated, so none may stay trusted. */
    void disconnected(long nowNanos) {
        out = null;
        for (int m = 0; m < awaiting.length; m++) {
            if (!awaiting[m]) {
                markUntrusted(m, 0, 0);
                requestedAt[m] = nowNanos;
            }
        }
    }

    boolean isConnected() {
        return out != null;
    }

    boolean isAwaiting(int marketId) {
        return awaiting[marketId];
    }

    boolean isRestSourced(int marketId) {
        return restSourced[marketId];
    }

    long snapshotsThisConnection() {
        return snapshotsThisConnection;
    }

    long orderbookSid() {
        return orderbookSid;
    }

    // ---------------------------------------------------------------- frames

    void onFrame(DirectBuffer buffer, int offset, int length, long nowNanos) {
        counters.increment(FeedCounter.FRAMES);
        counters.add(FeedCounter.FRAME_BYTES, length);
        int kind = sink.decode(buffer, offset, length);
        switch (kind) {
            case FrameCategory.SNAPSHOT:
            case FrameCategory.DELTA:
                onBookFrame(kind, nowNanos);
                break;
            case FrameCategory.DATA:
                onData();
                break;
            case FrameCategory.LIFECYCLE:
                onLifecycle();
                break;
            case FrameCategory.CONTROL:
                onControl(buffer, offset, length, nowNanos);
                break;
            case FrameCategory.MALFORMED:
                counters.increment(FeedCounter.MALFORMED_FRAMES);
                log(nowNanos, "malformed frame", buffer, offset, length);
                break;
            default:
                counters.increment(FeedCounter.UNKNOWN_FRAMES);
                break;
        }
    }

    private void onBookFrame(int kind, long nowNanos) {
        long sid = sink.sid();
        long seq = sink.seq();
        int m = sink.marketId();
        if (retiredSids.contains(sid)) {
            counters.increment(FeedCounter.FRAMES_RETIRED_SID);
            return;
        }
        int r = tracker.onSeq(sid, seq);
        if (r == SequenceTracker.GAP) {
            counters.increment(FeedCounter.SEQ_GAPS);
            breakSequence(sid, seq, kind == FrameCategory.SNAPSHOT ? m : MarketRegistry.UNKNOWN, nowNanos);
        } else if (r == SequenceTracker.REPEAT || r == SequenceTracker.REGRESSION) {
            counters.increment(r == SequenceTracker.REPEAT ? FeedCounter.SEQ_REPEATS : FeedCounter.SEQ_REGRESSIONS);
            breakSequence(sid, seq, MarketRegistry.UNKNOWN, nowNanos);
            return; // the frame itself is not trusted either
        }
        if (m == MarketRegistry.UNKNOWN) {
            counters.increment(FeedCounter.FRAMES_UNKNOWN_MARKET);
            return;
        }
        if (kind == FrameCategory.SNAPSHOT) {
            publish();
            awaiting[m] = false;
            restSourced[m] = false;
            snapshotsThisConnection++;
            resyncRounds = 0;
            counters.increment(FeedCounter.SNAPSHOTS);
        } else if (awaiting[m]) {
            counters.increment(FeedCounter.DELTAS_DROPPED_AWAITING_SNAPSHOT);
        } else {
            publish();
            counters.increment(FeedCounter.DELTAS);
        }
    }

    private void onData() {
        if (retiredSids.contains(sink.sid())) {
            counters.increment(FeedCounter.FRAMES_RETIRED_SID);
        } else if (sink.marketId() == MarketRegistry.UNKNOWN) {
            counters.increment(FeedCounter.FRAMES_UNKNOWN_MARKET);
        } else {
            publish();
        }
    }

    /**
     * Lifecycle frames have no seq and another sid than the orderbook's: they bypass the sequence tracker, so
     * they can neither reveal nor hide an orderbook gap. Other markets' events are expected (no filter).
     */
    private void onLifecycle() {
        if (retiredSids.contains(sink.sid())) {
            counters.increment(FeedCounter.FRAMES_RETIRED_SID);
        } else if (sink.marketId() == MarketRegistry.UNKNOWN) {
            counters.increment(FeedCounter.LIFECYCLE_OTHER_MARKETS);
        } else {
            counters.increment(FeedCounter.LIFECYCLE_FRAMES);
            publish();
        }
    }

    private void publish() {
        counters.add(FeedCounter.EVENTS_PUBLISHED, sink.publish(publisher, EventSource.FEED));
    }

    /**
     * The orderbook stream of {@code sid} lost continuity at {@code seq}: every live market goes awaiting
     * (except {@code keep}, whose own snapshot is the frame that showed the gap) and is asked for again.
     */
    private void breakSequence(long sid, long seq, int keep, long nowNanos) {
        List<String> request = new ArrayList<>();
        for (int m = 0; m < awaiting.length; m++) {
            if (m != keep && !awaiting[m]) {
                markUntrusted(m, sid, seq);
                request.add(markets.ticker(m));
            }
        }
        // markets already awaiting have a request in flight; the resync deadline covers a lost answer
        requestSnapshots(request, nowNanos);
    }

    /** Publishes the marker and stops publishing the market's deltas until its next snapshot. */
    private void markUntrusted(int m, long sid, long seq) {
        awaiting[m] = true;
        counters.add(FeedCounter.EVENTS_PUBLISHED, bookEvents.publishUntrustMarker(publisher, m, EventSource.FEED, sid, seq));
        counters.increment(FeedCounter.UNTRUST_MARKERS);
    }

    // ---------------------------------------------------------------- commands and responses

    private void onControl(DirectBuffer buffer, int offset, int length, long nowNanos) {
        if (controlScratch.length < length) {
            controlScratch = new byte[Math.max(length, controlScratch.length * 2)];
        }
        buffer.getBytes(offset, controlScratch, 0, length);
        WsMessage msg;
        try {
            msg = WsCodec.readMessage(controlScratch, 0, length);
        } catch (WireFormatException | IllegalArgumentException e) {
            counters.increment(FeedCounter.MALFORMED_FRAMES);
            return;
        }
        if (msg instanceof Subscribed) {
            Subscribed s = (Subscribed) msg;
            knownSids.add(s.sid());
            if (ORDERBOOK.equals(s.channel())) {
                orderbookSid = s.sid();
            }
        } else if (msg instanceof WsError) {
            onError((WsError) msg, nowNanos);
        } else if (msg instanceof UpdateOk) {
            snapshotRequestIds.remove(((UpdateOk) msg).id());
        }
        // ok, unsubscribed, list: nothing to do (their seq is not a data seq and is not checked)
    }

    private void onError(WsError e, long nowNanos) {
        counters.increment(FeedCounter.WS_ERRORS);
        WsErrorCode code = WsErrorCode.of(e.code());
        if (code != null && code.terminal()) {
            counters.increment(FeedCounter.TERMINAL_ERRORS);
            LOG.log(System.Logger.Level.WARNING, "terminal WebSocket error {0} ({1}): resubscribing", e.code(), e.msg());
            resubscribe(nowNanos);
        } else if (snapshotRequestIds.remove(e.id())) {
            // our view of the subscription is wrong (e.g. unknown sid): rebuild it
            LOG.log(System.Logger.Level.WARNING, "snapshot request {0} refused with {1} ({2}): resubscribing",
                    e.id(), e.code(), e.msg());
            resubscribe(nowNanos);
        } else {
            LOG.log(System.Logger.Level.WARNING, "WebSocket error {0} ({1}) for command {2}", e.code(), e.msg(), e.id());
        }
    }

    /** Drops every subscription of this connection and subscribes again: fresh sids, fresh snapshots. */
    void resubscribe(long nowNanos) {
        if (out == null) {
            return;
        }
        counters.increment(FeedCounter.RESUBSCRIBES);
        for (int m = 0; m < awaiting.length; m++) {
            if (!awaiting[m]) {
                markUntrusted(m, orderbookSid == NONE ? 0 : orderbookSid, 0);
            }
            requestedAt[m] = nowNanos;
        }
        List<Long> old = new ArrayList<>();
        knownSids.forEach(sid -> {
            old.add(sid);
            retiredSids.add(sid);
            tracker.forget(sid);
        });
        if (orderbookSid != NONE && !knownSids.contains(orderbookSid)) {
            old.add(orderbookSid);
            retiredSids.add(orderbookSid);
        }
        knownSids.clear();
        orderbookSid = NONE;
        snapshotRequestIds.clear();
        if (!old.isEmpty()) {
            send(WsCodec.toJson(new Unsubscribe(nextCommandId++, old)));
        }
        sendSubscribes();
    }

    private void sendSubscribes() {
        if (!marketChannels.isEmpty() && markets.size() > 0) {
            send(WsCodec.toJson(Subscribe.of(nextCommandId++, marketChannels, markets.tickers())));
        }
        if (lifecycle) {
            // market_lifecycle_v2 takes no market filter (§4.4); other markets' events are dropped by ticker
            send(WsCodec.toJson(Subscribe.of(nextCommandId++, List.of(LIFECYCLE), null)));
        }
    }

    private void requestSnapshots(List<String> tickers, long nowNanos) {
        if (tickers.isEmpty() || out == null) {
            return;
        }
        for (String t : tickers) {
            requestedAt[markets.id(t)] = nowNanos;
        }
        if (orderbookSid == NONE) {
            return; // no subscription ack yet: the deadline will resubscribe
        }
        long id = nextCommandId++;
        snapshotRequestIds.add(id);
        counters.increment(FeedCounter.SNAPSHOT_REQUESTS);
        send(WsCodec.toJson(UpdateSubscription.of(id, orderbookSid, UpdateSubscription.GET_SNAPSHOT, tickers)));
    }

    private void send(String json) {
        if (out != null && out.send(json)) {
            counters.increment(FeedCounter.COMMANDS_SENT);
        }
    }

    // ---------------------------------------------------------------- timers and REST

    /** Resync deadlines. Returns {@link #TICK_RECONNECT} when the connection should be dropped. */
    int onTick(long nowNanos) {
        if (out == null) {
            return TICK_OK;
        }
        List<String> due = null;
        for (int m = 0; m < awaiting.length; m++) {
            if (awaiting[m] && nowNanos - requestedAt[m] >= resyncTimeoutNanos) {
                if (due == null) {
                    due = new ArrayList<>();
                }
                due.add(markets.ticker(m));
            }
        }
        if (due == null) {
            return TICK_OK;
        }
        counters.increment(FeedCounter.RESYNC_TIMEOUTS);
        if (++resyncRounds > maxResyncAttempts) {
            LOG.log(System.Logger.Level.WARNING, "{0} markets still without a snapshot after {1} requests: reconnecting",
                    due.size(), maxResyncAttempts);
            return TICK_RECONNECT;
        }
        if (orderbookSid == NONE) {
            resubscribe(nowNanos);
        } else {
            requestSnapshots(due, nowNanos);
        }
        return TICK_OK;
    }

    /**
     * A book polled over REST while the WebSocket is down. Published as a complete snapshot with source
     * {@link EventSource#REST_POLLER}; discarded (false) once a socket is up, because the socket's own
     * snapshot and deltas must not be overtaken by an older REST answer.
     */
    boolean publishRestSnapshot(int m, List<PriceLevel> yes, List<PriceLevel> no) {
        if (out != null) {
            counters.increment(FeedCounter.REST_SNAPSHOTS_DISCARDED);
            return false;
        }
        long[] yp = new long[yes.size()];
        long[] yq = new long[yes.size()];
        long[] np = new long[no.size()];
        long[] nq = new long[no.size()];
        for (int i = 0; i < yp.length; i++) {
            yp[i] = yes.get(i).price();
            yq[i] = yes.get(i).count();
        }
        for (int i = 0; i < np.length; i++) {
            np[i] = no.get(i).price();
            nq[i] = no.get(i).count();
        }
        counters.add(FeedCounter.EVENTS_PUBLISHED,
                bookEvents.publishSnapshot(publisher, m, EventSource.REST_POLLER, 0, 0, yp, yq, yp.length, np, nq, np.length));
        restSourced[m] = true; // still awaiting: the WebSocket owes a snapshot
        counters.increment(FeedCounter.REST_SNAPSHOTS);
        return true;
    }

    // ---------------------------------------------------------------- logging

    /** At most one line per second, with a short sample; the counters carry the totals. */
    private void log(long nowNanos, String what, DirectBuffer buffer, int offset, int length) {
        if (lastLogNanos != Long.MIN_VALUE && nowNanos - lastLogNanos < LOG_INTERVAL_NANOS) {
            suppressedLogs++;
            return;
        }
        lastLogNanos = nowNanos;
        String sample = buffer.getStringWithoutLengthAscii(offset, Math.min(length, 120));
        LOG.log(System.Logger.Level.WARNING, "{0} ({1} similar suppressed): {2}", what, suppressedLogs, sample);
        suppressedLogs = 0;
    }
}
