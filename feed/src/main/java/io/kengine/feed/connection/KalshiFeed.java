package io.kengine.feed.connection;

import io.kengine.feed.decode.DecodeCounters;
import io.kengine.feed.decode.FrameDecoder;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.MarketDefinitionEvent;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.protocol.wire.KalshiPaths;
import io.kengine.protocol.wire.Wire;
import io.kengine.protocol.wire.auth.AuthHeaders;
import io.kengine.protocol.wire.auth.KalshiSigner;
import io.kengine.protocol.wire.json.JsonCodec;
import io.kengine.protocol.wire.model.PriceRange;
import io.kengine.protocol.wire.rest.EventData;
import io.kengine.protocol.wire.rest.GetMarketsResponse;
import io.kengine.protocol.wire.rest.Market;
import io.kengine.protocol.wire.rest.MarketCodecs;
import io.kengine.protocol.wire.rest.OrderbookResponse;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The Kalshi market-data connection: REST market definitions at start, one authenticated WebSocket
 * ({@link FeedConfig#transport()}: the feed's own RFC 6455 client by default, OkHttp as the fallback)
 * subscribed to the configured channels for the configured markets, dead detection, reconnect with backoff
 * and jitter, per-sid sequence discipline and resync ({@link FeedSession}), and REST book polling while the
 * socket is down. Everything it learns goes to the ring through one {@link EventPublisher}.
 *
 * <p>Threads: the reader thread of the current socket ({@code kalshi-feed-ws-N}, or OkHttp's) connects it
 * and delivers its frames; one control thread ({@code kalshi-feed-control}) starts connects, runs the
 * liveness/resync/ping tick and polls REST. Every call into
 * the session, hence every publish, happens under one lock, so the publisher sees one producer at a time
 * (with happens-before between them) even though the reader thread changes on each reconnect. The lock is
 * uncontended in steady state: only the reader thread takes it, plus the tick a few times a second.
 * I/O threads touch no business state: they only publish events.
 */
public final class KalshiFeed implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KalshiFeed.class.getName());
    private static final long NONE = Long.MIN_VALUE;

    private final FeedConfig config;
    private final EventPublisher publisher;
    private final Function<MarketRegistry, FrameSink> sinkFactory;
    private final FeedCounters counters = new FeedCounters();
    private final MarketRegistry markets;
    private final KalshiSigner signer;
    private final String restOrigin;
    private final OkHttpClient http;
    private final WsTransport transport;
    private final Backoff backoff;
    private final Object lock = new Object();
    private java.util.function.LongConsumer decodeLatency = nanos -> { };
    private final MarketDefinitionEvent definition = new MarketDefinitionEvent();
    private final org.agrona.concurrent.UnsafeBuffer definitionScratch =
        new org.agrona.concurrent.UnsafeBuffer(new byte[io.kengine.protocol.event.EventHeader.MAX_EVENT_LENGTH]);
    /** event ticker → series ticker ("" = unknown), filled at start: one GET /events/{e} per event at most. */
    private final Map<String, String> seriesByEvent = new HashMap<>();
    private final long deadAfterNanos;
    private final long restFallbackAfterNanos;
    private final long restPollIntervalNanos;
    private final long clientPingNanos;

    private ScheduledExecutorService control;
    private FeedSession session;
    private Connection current;
    private boolean started;
    private boolean stopped;
    private long downSinceNanos = NONE;
    private long nextPollNanos = NONE;
    private DecodeCounters decodeCounters;

    /** With the zero-allocation decoder ({@link DecoderFrameSink}); its counters are {@link #decodeCounters()}. */
    public KalshiFeed(FeedConfig config, EventPublisher publisher) {
        this(config, publisher, new DecodeCounters());
    }

    private KalshiFeed(FeedConfig config, EventPublisher publisher, DecodeCounters decodeCounters) {
        this(config, publisher, markets -> new DecoderFrameSink(markets, decodeCounters));
        this.decodeCounters = decodeCounters;
    }

    /** {@code sinkFactory} builds the decoder once the market ids are known (at {@link #start}). */
    public KalshiFeed(FeedConfig config, EventPublisher publisher, Function<MarketRegistry, FrameSink> sinkFactory) {
        this.config = config;
        this.publisher = publisher;
        this.sinkFactory = sinkFactory;
        this.markets = new MarketRegistry(config.maxMarkets());
        this.signer = new KalshiSigner(config.keyId(), config.privateKey());
        if (!config.restBaseUrl().endsWith(KalshiPaths.API_PREFIX)) {
            throw new IllegalArgumentException("restBaseUrl must end with " + KalshiPaths.API_PREFIX + ": " + config.restBaseUrl());
        }
        this.restOrigin = config.restBaseUrl().substring(0, config.restBaseUrl().length() - KalshiPaths.API_PREFIX.length());
        this.http = new OkHttpClient.Builder()
                .connectTimeout(config.httpTimeout())
                .readTimeout(config.httpTimeout()) // the upgrade only: OkHttp clears it once the socket is a WebSocket
                .callTimeout(config.httpTimeout())
                .pingInterval(config.clientPingInterval())
                .retryOnConnectionFailure(false) // we own retries and their pacing
                .build();
        this.transport = config.transport() == FeedTransport.DIRECT
                // the decoder refuses longer frames anyway: a longer message closes the socket with 1009
                ? new DirectTransport(config.wsUrl(), config.httpTimeout(), FrameDecoder.DEFAULT_MAX_FRAME_LENGTH)
                : new OkHttpTransport(http, config.wsUrl());
        this.backoff = new Backoff(config.backoffInitial().toNanos(), config.backoffMax().toNanos(),
                config.backoffJitter(), config.seed());
        this.deadAfterNanos = config.deadAfter().toNanos();
        this.restFallbackAfterNanos = config.restFallbackAfter().toNanos();
        this.restPollIntervalNanos = config.restPollInterval().toNanos();
        this.clientPingNanos = config.clientPingInterval().isNegative() ? 0 : config.clientPingInterval().toNanos();
    }

    /**
     * Receives, per WebSocket frame, the nanoseconds from its arrival to its events being on the ring
     * (decode, seq check, publish). Called under the feed's lock, one frame at a time. Set before {@link #start}.
     */
    public void decodeLatency(java.util.function.LongConsumer nanos) {
        this.decodeLatency = java.util.Objects.requireNonNull(nanos);
    }

    /**
     * Fetches the market definitions over REST (blocking; throws {@link FeedStartException} if a market cannot
     * be read), publishes one {@code MarketDefinitionEvent} per market, then connects in the background.
     */
    public void start() {
        synchronized (lock) {
            if (started) {
                throw new IllegalStateException("already started");
            }
            started = true;
        }
        List<Market> defs = resolveMarkets();
        for (Market m : defs) {
            seriesOf(m.eventTicker()); // REST before taking the lock
        }
        FrameSink sink = sinkFactory.apply(markets);
        synchronized (lock) {
            session = new FeedSession(config, markets, sink, publisher, counters);
            for (Market m : defs) {
                publishDefinition(m, seriesOf(m.eventTicker()));
            }
            downSinceNanos = System.nanoTime(); // no socket yet: the REST fallback clock runs from now
        }
        control = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kalshi-feed-control");
            t.setDaemon(true);
            return t;
        });
        long tick = config.tickInterval().toNanos();
        control.scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.NANOSECONDS);
        control.execute(this::connect);
    }

    /** Closes the socket, marks every live book untrusted and stops the threads. Idempotent. */
    public void stop() {
        Connection c;
        synchronized (lock) {
            if (stopped) {
                return;
            }
            stopped = true;
            c = current;
            current = null;
            if (c != null && c.open && session != null) {
                session.disconnected(System.nanoTime());
            }
        }
        if (c != null && c.socket != null) {
            c.socket.close(1000, "client stopping");
            c.socket.cancel();
        }
        if (control != null) {
            control.shutdownNow();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public void close() {
        stop();
    }

    /** Asks for fresh snapshots of every market (unsubscribe + subscribe), e.g. when a book stays untrusted. */
    public void requestResync() {
        synchronized (lock) {
            if (session != null && current != null && current.open) {
                session.resubscribe(System.nanoTime());
            }
        }
    }

    public FeedCounters counters() {
        return counters;
    }

    /** The decoder's counters (per kind, dropped by reason, samples), or null with a custom sink. */
    public DecodeCounters decodeCounters() {
        return decodeCounters;
    }

    /** Ticker ↔ engine market id; complete once {@link #start} returned. */
    public MarketRegistry markets() {
        return markets;
    }

    public boolean isConnected() {
        synchronized (lock) {
            return current != null && current.open;
        }
    }

    // ---------------------------------------------------------------- markets and definitions

    private List<Market> resolveMarkets() {
        Map<String, Market> found = new LinkedHashMap<>();
        for (String ticker : config.tickers()) {
            found.put(ticker, restGet(KalshiPaths.market(ticker), MarketCodecs.GET_MARKET_RESPONSE).market());
        }
        for (String event : config.eventTickers()) {
            listMarkets("event_ticker", event, found);
        }
        for (String series : config.seriesTickers()) {
            for (Market m : listMarkets("series_ticker", series, found)) {
                if (m.eventTicker() != null && !m.eventTicker().isEmpty()) {
                    seriesByEvent.putIfAbsent(m.eventTicker(), series); // the filter says which: no need to ask
                }
            }
        }
        if (found.isEmpty()) {
            throw new FeedStartException("no open market matches the configured events/series");
        }
        List<Market> defs = new ArrayList<>();
        for (Market m : found.values()) {
            markets.add(m.ticker());
            defs.add(m);
        }
        return defs;
    }

    /** Every market the filter lists (also those already found); {@code found} keeps the first of each ticker. */
    private List<Market> listMarkets(String filter, String value, Map<String, Market> found) {
        List<Market> listed = new ArrayList<>();
        String cursor = null;
        do {
            GetMarketsResponse page = restGet(KalshiPaths.withQuery(KalshiPaths.MARKETS, filter, value,
                    "status", "open", "limit", "1000", "cursor", cursor), MarketCodecs.GET_MARKETS_RESPONSE);
            for (Market m : page.markets()) {
                found.putIfAbsent(m.ticker(), m);
                listed.add(m);
            }
            cursor = page.cursor() == null || page.cursor().isEmpty() ? null : page.cursor();
        } while (cursor != null);
        return listed;
    }

    /**
     * The series of an event: Kalshi's Market has no series field, so it comes from {@code GET /events/{e}}
     * ({@code series_ticker}), asked once per event and cached. A failed call or an answer without a usable
     * series leaves it empty ("" cached too, so it is asked once) and counts {@link FeedCounter#SERIES_UNKNOWN}:
     * the series is descriptive, not worth failing the start for.
     */
    private String seriesOf(String eventTicker) {
        if (eventTicker == null || eventTicker.isEmpty()) {
            return "";
        }
        String known = seriesByEvent.get(eventTicker);
        if (known != null) {
            return known;
        }
        String series = "";
        counters.increment(FeedCounter.EVENT_LOOKUPS);
        try {
            EventData e = restGetOrThrow(KalshiPaths.event(eventTicker), MarketCodecs.GET_EVENT_RESPONSE).event();
            String s = e == null ? null : e.seriesTicker();
            if (s != null && !s.isEmpty() && fitsTickerField(s)) {
                series = s;
            } else {
                LOG.log(System.Logger.Level.WARNING, "event {0}: no usable series_ticker ({1}); series left empty",
                        eventTicker, s);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "GET event {0} failed ({1}); series left empty", eventTicker, e.getMessage());
        }
        if (series.isEmpty()) {
            counters.increment(FeedCounter.SERIES_UNKNOWN);
        }
        seriesByEvent.put(eventTicker, series);
        return series;
    }

    /** Checked before claiming a slot: a value the flyweight refuses would leave a claimed slot unpublished. */
    private static boolean fitsTickerField(String s) {
        if (s.length() > MarketDefinitionEvent.TICKER_CAPACITY - 1) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 0x20 || s.charAt(i) > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private void publishDefinition(Market m, String series) {
        int id = markets.id(m.ticker());
        // Encoded off-ring first: a value the flyweight refuses (bad range, oversized ticker) must throw
        // before a ring slot is claimed, or the claimed slot would never be published and the ring would stall.
        definition.wrapForEncode(definitionScratch, 0, id, EventSource.FEED)
                .openTimeMs(orNull(m.openTimeMs())).closeTimeMs(orNull(m.closeTimeMs()))
                .status(status(m.status())).fractionalTrading(true) // fractional everywhere since 2026-04-17 (§5)
                .ticker(m.ticker()).eventTicker(m.eventTicker() == null ? "" : m.eventTicker()).seriesTicker(series);
        List<PriceRange> ranges = m.priceRanges();
        if (ranges == null || ranges.isEmpty()) {
            definition.addPriceRange(0, 10_000, 100); // markets from before price_ranges: whole cents
        } else {
            for (PriceRange r : ranges) {
                definition.addPriceRange(r.start(), r.end(), r.step());
            }
        }
        publisher.claim().putBytes(0, definitionScratch, 0, definition.length());
        publisher.publish();
        counters.increment(FeedCounter.DEFINITIONS);
        counters.increment(FeedCounter.EVENTS_PUBLISHED);
    }

    private static long orNull(long v) {
        return v == Wire.ABSENT ? MarketDefinitionEvent.NULL_LONG : v;
    }

    static byte status(String s) {
        if (s == null) {
            return Codes.STATUS_UNKNOWN;
        }
        switch (s) {
            case Market.STATUS_INITIALIZED: return Codes.STATUS_INITIALIZED;
            case Market.STATUS_ACTIVE: return Codes.STATUS_OPEN;
            case Market.STATUS_INACTIVE: return Codes.STATUS_PAUSED;
            case Market.STATUS_CLOSED: return Codes.STATUS_CLOSED;
            case Market.STATUS_DETERMINED:
            case Market.STATUS_DISPUTED:
            case Market.STATUS_AMENDED: return Codes.STATUS_DETERMINED;
            case Market.STATUS_FINALIZED: return Codes.STATUS_SETTLED;
            default: return Codes.STATUS_UNKNOWN;
        }
    }

    // ---------------------------------------------------------------- REST

    private <T> T restGet(String pathAndQuery, JsonCodec<T> codec) {
        try {
            return restGetOrThrow(pathAndQuery, codec);
        } catch (IOException e) {
            throw new FeedStartException("GET " + pathAndQuery + " failed: " + e.getMessage(), e);
        }
    }

    private <T> T restGetOrThrow(String pathAndQuery, JsonCodec<T> codec) throws IOException {
        AuthHeaders h = sign(KalshiPaths.stripQuery(pathAndQuery));
        Request.Builder b = new Request.Builder().url(restOrigin + pathAndQuery).get();
        h.forEach(b::header);
        try (Response r = http.newCall(b.build()).execute()) {
            ResponseBody body = r.body();
            byte[] bytes = body == null ? new byte[0] : body.bytes();
            if (!r.isSuccessful()) {
                String text = new String(bytes, 0, Math.min(bytes.length, 200), java.nio.charset.StandardCharsets.UTF_8);
                throw new IOException("HTTP " + r.code() + " " + text);
            }
            try {
                return codec.fromJson(bytes);
            } catch (RuntimeException bad) {
                throw new IOException("unreadable " + codec.name() + ": " + bad.getMessage(), bad);
            }
        }
    }

    /** The signer is not thread-safe; signing is rare (connects, REST calls). Fresh timestamp every time. */
    private AuthHeaders sign(String path) {
        synchronized (signer) {
            return signer.headers(config.clockMillis().getAsLong(), "GET", path);
        }
    }

    private void pollRest() {
        for (int m = 0; m < markets.size(); m++) {
            synchronized (lock) {
                if (stopped || (current != null && current.open)) {
                    return; // the socket is back: its snapshots rule
                }
            }
            counters.increment(FeedCounter.REST_POLLS);
            OrderbookResponse book;
            try {
                book = restGetOrThrow(KalshiPaths.orderbook(markets.ticker(m)), MarketCodecs.ORDERBOOK_RESPONSE);
            } catch (IOException | RuntimeException e) {
                counters.increment(FeedCounter.REST_POLL_FAILURES);
                continue;
            }
            synchronized (lock) {
                if (!stopped) {
                    session.publishRestSnapshot(m, book.yes(), book.no());
                }
            }
        }
    }

    // ---------------------------------------------------------------- WebSocket

    private void connect() {
        Connection c;
        synchronized (lock) {
            if (stopped || current != null) {
                return;
            }
            c = new Connection();
            current = c;
        }
        counters.increment(FeedCounter.CONNECT_ATTEMPTS);
        try {
            WsSocket ws = transport.connect(sign(KalshiPaths.WS_PATH), c);
            synchronized (lock) {
                c.socket = ws;
            }
        } catch (RuntimeException e) {
            lost(c, e.toString());
        }
    }

    /** The liveness, resync and fallback clock (control thread). */
    private void tick() {
        try {
            tickOrThrow();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "feed tick failed", e); // never kill the scheduler
        }
    }

    private void tickOrThrow() {
        Connection c;
        WsSocket ws;
        synchronized (lock) {
            c = current;
            ws = c == null ? null : c.socket;
        }
        // outside our lock: OkHttp's counts take the socket's monitor
        long pingsPongs = ws == null ? 0 : ws.receivedPingsPongs();
        boolean poll = false;
        boolean ping = false;
        synchronized (lock) {
            if (stopped) {
                return;
            }
            long now = System.nanoTime();
            if (c != null && c == current && c.open) {
                long activity = c.frames + pingsPongs;
                if (activity != c.lastActivity) {
                    c.lastActivity = activity;
                    c.lastActivityNanos = now;
                } else if (now - c.lastActivityNanos >= deadAfterNanos) {
                    counters.increment(FeedCounter.DEAD_CONNECTIONS);
                    LOG.log(System.Logger.Level.WARNING, "no frame, ping or pong for {0} ms: reconnecting",
                            (now - c.lastActivityNanos) / 1_000_000);
                    drop(c, "dead");
                    return;
                }
                if (clientPingNanos > 0 && now - c.lastPingNanos >= clientPingNanos) {
                    c.lastPingNanos = now;
                    ping = true;
                }
                if (session.snapshotsThisConnection() > 0) {
                    backoff.reset(); // the connection works end to end
                }
                if (session.onTick(now) == FeedSession.TICK_RECONNECT) {
                    drop(c, "resync failed");
                    return;
                }
            } else if ((c == null || !c.open) && config.restFallbackEnabled() && downSinceNanos != NONE
                    && now - downSinceNanos >= restFallbackAfterNanos
                    && (nextPollNanos == NONE || now - nextPollNanos >= 0)) {
                nextPollNanos = now + restPollIntervalNanos;
                poll = true;
            }
        }
        if (ping && ws != null) { // ws is null if the socket opened between our two looks
            ws.ping(); // outside the lock: a write
        }
        if (poll) {
            pollRest();
        }
    }

    /** Under the lock: give up on {@code c} ourselves (dead, resync failed). */
    private void drop(Connection c, String why) {
        if (c.socket != null) {
            c.socket.cancel(); // its later onFailure is ignored: c is no longer current
        }
        lost(c, why);
    }

    private void lost(Connection c, String why) {
        synchronized (lock) {
            if (c != current) {
                return;
            }
            current = null;
            long now = System.nanoTime();
            if (c.open) {
                counters.increment(FeedCounter.DISCONNECTS);
                session.disconnected(now);
                downSinceNanos = now;
                nextPollNanos = NONE;
                LOG.log(System.Logger.Level.INFO, "WebSocket lost ({0})", why);
            } else {
                counters.increment(FeedCounter.CONNECT_FAILURES);
                LOG.log(System.Logger.Level.DEBUG, "WebSocket connect failed ({0})", why);
            }
            if (!stopped) {
                control.schedule(this::connect, backoff.nextDelayNanos(), TimeUnit.NANOSECONDS);
            }
        }
    }

    /** One socket's listener; callbacks from a socket that is no longer current are ignored. */
    private final class Connection implements WsListener {
        WsSocket socket;
        boolean open;
        long frames;
        long lastActivity = -1;
        long lastActivityNanos;
        long lastPingNanos;

        @Override
        public void onOpen(WsSocket ws) {
            synchronized (lock) {
                if (this != current || stopped) {
                    ws.cancel();
                    return;
                }
                socket = ws;
                open = true;
                long now = System.nanoTime();
                lastActivityNanos = now;
                lastPingNanos = now;
                downSinceNanos = NONE;
                counters.increment(FeedCounter.CONNECTS);
                session.connected(ws::send, now);
            }
        }

        @Override
        public void onMessage(DirectBuffer buffer, int offset, int length, long receivedNanos) {
            synchronized (lock) {
                if (this != current) {
                    return;
                }
                frames++;
                session.onFrame(buffer, offset, length, receivedNanos);
                decodeLatency.accept(System.nanoTime() - receivedNanos);
            }
        }

        @Override
        public void onServerClose(int code, String reason) {
            lost(this, "server closed " + code + " " + reason);
        }

        @Override
        public void onFailure(String reason) {
            lost(this, reason);
        }

        @Override
        public void onProtocolError(int closeCode, String reason) {
            counters.increment(FeedCounter.WS_PROTOCOL_ERRORS);
            LOG.log(System.Logger.Level.WARNING, "WebSocket protocol error, closed with {0}: {1}", closeCode, reason);
            lost(this, "protocol error " + closeCode);
        }
    }
}
