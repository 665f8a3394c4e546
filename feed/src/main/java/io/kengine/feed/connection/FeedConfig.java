package io.kengine.feed.connection;

import io.kengine.protocol.wire.KalshiEnvironment;
import io.kengine.protocol.wire.auth.KalshiKeys;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Everything {@link KalshiFeed} needs: where to connect, who we are, which markets, and the timings of
 * dead detection, reconnect backoff, resync and REST fallback. Immutable; build with {@link #builder()}.
 * Tests shrink every interval to milliseconds; the defaults are for the real exchange.
 */
public final class FeedConfig {
    /** The six channels the engine needs (issue 4, point 1). */
    public static final List<String> DEFAULT_CHANNELS = List.of(
            "orderbook_delta", "ticker", "trade", "fill", "user_orders", "market_lifecycle_v2");

    private final String restBaseUrl;
    private final String wsUrl;
    private final String keyId;
    private final PrivateKey privateKey;
    private final List<String> tickers;
    private final List<String> eventTickers;
    private final List<String> seriesTickers;
    private final List<String> channels;
    private final Duration deadAfter;
    private final Duration backoffInitial;
    private final Duration backoffMax;
    private final double backoffJitter;
    private final long seed;
    private final Duration resyncTimeout;
    private final int maxResyncAttempts;
    private final Duration restFallbackAfter;
    private final Duration restPollInterval;
    private final Duration httpTimeout;
    private final Duration tickInterval;
    private final Duration clientPingInterval;
    private final FeedTransport transport;
    private final int maxMarkets;
    private final LongSupplier clockMillis;

    private FeedConfig(Builder b) {
        restBaseUrl = stripSlash(require(b.restBaseUrl, "restBaseUrl"));
        wsUrl = require(b.wsUrl, "wsUrl");
        keyId = require(b.keyId, "keyId");
        if (b.privateKey == null && b.privateKeyPem == null) {
            throw new IllegalArgumentException("privateKey: set a PrivateKey or a PEM file path");
        }
        privateKey = b.privateKey != null ? b.privateKey : KalshiKeys.readPrivateKey(b.privateKeyPem);
        tickers = List.copyOf(b.tickers);
        eventTickers = List.copyOf(b.eventTickers);
        seriesTickers = List.copyOf(b.seriesTickers);
        if (tickers.isEmpty() && eventTickers.isEmpty() && seriesTickers.isEmpty()) {
            throw new IllegalArgumentException("markets: name at least one ticker, event or series");
        }
        channels = List.copyOf(b.channels);
        if (!channels.contains("orderbook_delta")) {
            throw new IllegalArgumentException("channels: orderbook_delta is required (books are the point)");
        }
        deadAfter = positive(b.deadAfter, "deadAfter");
        backoffInitial = positive(b.backoffInitial, "backoffInitial");
        backoffMax = positive(b.backoffMax, "backoffMax");
        if (backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException("backoffMax " + backoffMax + " is below backoffInitial " + backoffInitial);
        }
        if (!(b.backoffJitter >= 0 && b.backoffJitter <= 1)) {
            throw new IllegalArgumentException("backoffJitter must be within [0, 1], got " + b.backoffJitter);
        }
        backoffJitter = b.backoffJitter;
        seed = b.seed;
        resyncTimeout = positive(b.resyncTimeout, "resyncTimeout");
        if (b.maxResyncAttempts < 1) {
            throw new IllegalArgumentException("maxResyncAttempts must be >= 1, got " + b.maxResyncAttempts);
        }
        maxResyncAttempts = b.maxResyncAttempts;
        restFallbackAfter = Objects.requireNonNull(b.restFallbackAfter, "restFallbackAfter");
        restPollInterval = positive(b.restPollInterval, "restPollInterval");
        httpTimeout = positive(b.httpTimeout, "httpTimeout");
        tickInterval = positive(b.tickInterval, "tickInterval");
        clientPingInterval = Objects.requireNonNull(b.clientPingInterval, "clientPingInterval");
        transport = Objects.requireNonNull(b.transport, "transport");
        if (b.maxMarkets < 1) {
            throw new IllegalArgumentException("maxMarkets must be >= 1, got " + b.maxMarkets);
        }
        maxMarkets = b.maxMarkets;
        clockMillis = Objects.requireNonNull(b.clockMillis, "clockMillis");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** REST base including {@code /trade-api/v2}, e.g. {@code https://external-api.kalshi.com/trade-api/v2}. */
    public String restBaseUrl() { return restBaseUrl; }
    /** WebSocket URL including {@code /trade-api/ws/v2}. */
    public String wsUrl() { return wsUrl; }
    public String keyId() { return keyId; }
    public PrivateKey privateKey() { return privateKey; }
    /** Markets by ticker, in the order that assigns engine market ids 0, 1, 2, ... */
    public List<String> tickers() { return tickers; }
    /** Every open market of these events is added (GET /markets?event_ticker=…) after the tickers. */
    public List<String> eventTickers() { return eventTickers; }
    /** Every open market of these series is added (GET /markets?series_ticker=…) after the events. */
    public List<String> seriesTickers() { return seriesTickers; }
    public List<String> channels() { return channels; }
    /** No text frame, ping or pong for this long: the connection is dead (default 30 s). */
    public Duration deadAfter() { return deadAfter; }
    public Duration backoffInitial() { return backoffInitial; }
    public Duration backoffMax() { return backoffMax; }
    /** Each delay is drawn uniformly from [(1 − jitter) · d, d]; 0 = no jitter. */
    public double backoffJitter() { return backoffJitter; }
    /** Seeds the jitter, so a run's reconnect schedule can be reproduced. */
    public long seed() { return seed; }
    /** A requested snapshot that has not arrived after this long is asked for again. */
    public Duration resyncTimeout() { return resyncTimeout; }
    /** Consecutive unanswered snapshot requests before the connection is dropped and rebuilt. */
    public int maxResyncAttempts() { return maxResyncAttempts; }
    /** How long the WebSocket must be down before books are polled over REST; zero or negative = never. */
    public Duration restFallbackAfter() { return restFallbackAfter; }
    public Duration restPollInterval() { return restPollInterval; }
    /** Connect / read / call time-out of every HTTP request, the WebSocket upgrade included. */
    public Duration httpTimeout() { return httpTimeout; }
    /** How often the control thread checks liveness, resync deadlines and the REST fallback. */
    public Duration tickInterval() { return tickInterval; }
    /**
     * Our own WebSocket pings; zero = off (Kalshi pings us). DIRECT sends them from the control tick and a
     * missing pong shows up as a dead connection after {@link #deadAfter()}; OkHttp fails the socket itself.
     */
    public Duration clientPingInterval() { return clientPingInterval; }
    /** Which WebSocket client carries the feed (default {@link FeedTransport#DIRECT}). */
    public FeedTransport transport() { return transport; }
    /** Upper bound on the number of markets (engine ids are dense below it). */
    public int maxMarkets() { return maxMarkets; }
    /** Wall clock for signing timestamps (Unix ms). */
    public LongSupplier clockMillis() { return clockMillis; }

    public boolean restFallbackEnabled() {
        return !restFallbackAfter.isZero() && !restFallbackAfter.isNegative();
    }

    private static String require(String s, String name) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(name + " must be set");
        }
        return s;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static Duration positive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
        return d;
    }

    public static final class Builder {
        private String restBaseUrl;
        private String wsUrl;
        private String keyId;
        private PrivateKey privateKey;
        private Path privateKeyPem;
        private final List<String> tickers = new ArrayList<>();
        private final List<String> eventTickers = new ArrayList<>();
        private final List<String> seriesTickers = new ArrayList<>();
        private List<String> channels = DEFAULT_CHANNELS;
        private Duration deadAfter = Duration.ofSeconds(30);
        private Duration backoffInitial = Duration.ofSeconds(1);
        private Duration backoffMax = Duration.ofSeconds(60);
        private double backoffJitter = 0.5;
        private long seed = 1;
        private Duration resyncTimeout = Duration.ofSeconds(5);
        private int maxResyncAttempts = 3;
        private Duration restFallbackAfter = Duration.ofSeconds(10);
        private Duration restPollInterval = Duration.ofSeconds(2);
        private Duration httpTimeout = Duration.ofSeconds(10);
        private Duration tickInterval = Duration.ofMillis(250);
        private Duration clientPingInterval = Duration.ZERO;
        private FeedTransport transport = FeedTransport.DIRECT;
        private int maxMarkets = 4096;
        private LongSupplier clockMillis = System::currentTimeMillis;

        private Builder() {
        }

        /** Kalshi production or demo hosts. */
        public Builder environment(KalshiEnvironment env) {
            restBaseUrl = env.restBaseUrl();
            wsUrl = env.wsUrl();
            return this;
        }

        public Builder restBaseUrl(String url) { restBaseUrl = url; return this; }
        public Builder wsUrl(String url) { wsUrl = url; return this; }
        public Builder keyId(String id) { keyId = id; return this; }
        public Builder privateKey(PrivateKey key) { privateKey = key; return this; }
        /** A PKCS#1 or PKCS#8 PEM file, as Kalshi hands it out. */
        public Builder privateKeyPem(Path file) { privateKeyPem = file; return this; }
        public Builder tickers(List<String> t) { tickers.addAll(t); return this; }
        public Builder ticker(String t) { tickers.add(t); return this; }
        public Builder eventTicker(String t) { eventTickers.add(t); return this; }
        public Builder seriesTicker(String t) { seriesTickers.add(t); return this; }
        public Builder channels(List<String> c) { channels = c; return this; }
        public Builder deadAfter(Duration d) { deadAfter = d; return this; }
        public Builder backoff(Duration initial, Duration max) { backoffInitial = initial; backoffMax = max; return this; }
        public Builder backoffJitter(double fraction) { backoffJitter = fraction; return this; }
        public Builder seed(long s) { seed = s; return this; }
        public Builder resyncTimeout(Duration d) { resyncTimeout = d; return this; }
        public Builder maxResyncAttempts(int n) { maxResyncAttempts = n; return this; }
        public Builder restFallbackAfter(Duration d) { restFallbackAfter = d; return this; }
        public Builder restPollInterval(Duration d) { restPollInterval = d; return this; }
        public Builder httpTimeout(Duration d) { httpTimeout = d; return this; }
        public Builder tickInterval(Duration d) { tickInterval = d; return this; }
        public Builder clientPingInterval(Duration d) { clientPingInterval = d; return this; }
        /** DIRECT (default: no allocation per frame) or OKHTTP (the fallback). */
        public Builder transport(FeedTransport t) { transport = t; return this; }
        public Builder maxMarkets(int n) { maxMarkets = n; return this; }
        public Builder clockMillis(LongSupplier c) { clockMillis = c; return this; }

        public FeedConfig build() {
            return new FeedConfig(this);
        }
    }
}
