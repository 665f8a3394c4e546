package io.kengine.gateway.rest;

import io.kengine.protocol.wire.KalshiPaths;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Settings of the REST sender and the reconciler. Build with {@link #builder()}; {@code restBaseUrl}
 * (e.g. {@code https://external-api.kalshi.com/trade-api/v2}, or the simulator's
 * {@code restBaseUrl()}), {@code keyId} and a key ({@link Builder#privateKeyPem(Path)} or
 * {@link Builder#privateKey(PrivateKey)}) are required. {@link #toString()} never shows the key.
 */
public final class SenderConfig {
    private final String origin;
    private final String keyId;
    private final PrivateKey privateKey;
    private final RateTier tier;
    private final Duration preSignMaxAge;
    private final int preSignOrderIds;
    private final int preSignOrderPathsPerSecond;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final int maxRetries5xx;
    private final int createTransportRetries;
    private final int cancelTransportRetries;
    private final Duration backoffInitial;
    private final Duration backoffMax;
    private final long seed;
    private final LongSupplier clockMillis;
    private final int maxConnections;
    private final boolean rateBudget;
    private final int directConnections;
    private final Duration directMaxIdle;
    private final TcpKeepAlive directKeepAlive;
    private final WireObserver wireObserver;

    private SenderConfig(Builder b) {
        String base = Objects.requireNonNull(b.restBaseUrl, "restBaseUrl");
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        this.origin = base.endsWith(KalshiPaths.API_PREFIX) ? base.substring(0, base.length() - KalshiPaths.API_PREFIX.length()) : base;
        this.keyId = Objects.requireNonNull(b.keyId, "keyId");
        if (b.privateKey != null) {
            this.privateKey = b.privateKey;
        } else if (b.privateKeyPem != null) {
            this.privateKey = KeyFiles.readPrivateKey(b.privateKeyPem);
        } else {
            throw new IllegalArgumentException("a private key (privateKey or privateKeyPem) is required");
        }
        this.tier = b.tier;
        this.preSignMaxAge = b.preSignMaxAge;
        this.preSignOrderIds = b.preSignOrderIds;
        this.preSignOrderPathsPerSecond = b.preSignOrderPathsPerSecond;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.callTimeout = b.callTimeout;
        this.maxRetries5xx = b.maxRetries5xx;
        this.createTransportRetries = b.createTransportRetries;
        this.cancelTransportRetries = b.cancelTransportRetries;
        this.backoffInitial = b.backoffInitial;
        this.backoffMax = b.backoffMax;
        this.seed = b.seed;
        this.clockMillis = b.clockMillis;
        this.maxConnections = b.maxConnections;
        this.rateBudget = b.rateBudget;
        this.directConnections = b.directConnections;
        this.directMaxIdle = b.directMaxIdle;
        this.directKeepAlive = b.directKeepAlive;
        this.wireObserver = b.wireObserver;
    }

    /** A copy with another wire observer (e.g. the engine's receive-to-wire recorder, known only once its rings exist). */
    public SenderConfig withWireObserver(WireObserver observer) {
        return new SenderConfig(this, Objects.requireNonNull(observer, "wireObserver"));
    }

    private SenderConfig(SenderConfig c, WireObserver observer) {
        this.origin = c.origin;
        this.keyId = c.keyId;
        this.privateKey = c.privateKey;
        this.tier = c.tier;
        this.preSignMaxAge = c.preSignMaxAge;
        this.preSignOrderIds = c.preSignOrderIds;
        this.preSignOrderPathsPerSecond = c.preSignOrderPathsPerSecond;
        this.connectTimeout = c.connectTimeout;
        this.readTimeout = c.readTimeout;
        this.callTimeout = c.callTimeout;
        this.maxRetries5xx = c.maxRetries5xx;
        this.createTransportRetries = c.createTransportRetries;
        this.cancelTransportRetries = c.cancelTransportRetries;
        this.backoffInitial = c.backoffInitial;
        this.backoffMax = c.backoffMax;
        this.seed = c.seed;
        this.clockMillis = c.clockMillis;
        this.maxConnections = c.maxConnections;
        this.rateBudget = c.rateBudget;
        this.directConnections = c.directConnections;
        this.directMaxIdle = c.directMaxIdle;
        this.directKeepAlive = c.directKeepAlive;
        this.wireObserver = observer;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Scheme, host and port: {@code origin() + KalshiPaths.ORDERS_V2} is a full URL. */
    public String origin() { return origin; }
    public String keyId() { return keyId; }
    PrivateKey privateKey() { return privateKey; }
    public RateTier tier() { return tier; }
    /** Pre-signed headers for fixed paths are used up to this age; zero = always sign fresh. */
    public Duration preSignMaxAge() { return preSignMaxAge; }
    /** Order ids tracked for pre-signed amend / decrease / cancel headers (most recently used kept; default 256). */
    public int preSignOrderIds() { return preSignOrderIds; }
    /**
     * Cap on the signatures a second the pacer makes for order-id paths (3 per id every preSignMaxAge / 2, so
     * an id costs 6000 / preSignMaxAgeMs a second, ≈ 0.75 ms each; default 200 ≈ 15% of a core, 3 ids at
     * 100 ms); ids beyond it are signed on the spot. Under 3 per run (6000 / preSignMaxAgeMs): off.
     */
    public int preSignOrderPathsPerSecond() { return preSignOrderPathsPerSecond; }
    public Duration connectTimeout() { return connectTimeout; }
    public Duration readTimeout() { return readTimeout; }
    public Duration callTimeout() { return callTimeout; }
    public int maxRetries5xx() { return maxRetries5xx; }
    public int createTransportRetries() { return createTransportRetries; }
    public int cancelTransportRetries() { return cancelTransportRetries; }
    public Duration backoffInitial() { return backoffInitial; }
    public Duration backoffMax() { return backoffMax; }
    public long seed() { return seed; }
    public LongSupplier clockMillis() { return clockMillis; }
    public int maxConnections() { return maxConnections; }
    /** Whether the client-side token bucket paces requests (off only for benchmarks and unlimited simulators). */
    public boolean rateBudget() { return rateBudget; }
    /**
     * Persistent HTTP/1.1 connections the sender thread writes order calls on itself (one request in flight
     * each; see {@link DirectConnection}); zero = every call through OkHttp's dispatcher.
     */
    public int directConnections() { return directConnections; }
    /**
     * A direct connection idle this long is closed and reopened by its reader, before a middlebox's or the
     * server's idle timeout can drop it silently (default 50 s, under the common 60 s); zero = never.
     */
    public Duration directMaxIdle() { return directMaxIdle; }
    /** TCP keepalive timing of the direct connections' sockets (see {@link Builder#directKeepAlive}). */
    TcpKeepAlive directKeepAlive() { return directKeepAlive; }
    /** Told when each order request has been written to the socket ({@link WireObserver}); {@link WireObserver#NONE} by default. */
    public WireObserver wireObserver() { return wireObserver; }

    @Override
    public String toString() {
        return "SenderConfig[origin=" + origin + ", keyId=" + keyId + ", key=<redacted>, tier=" + tier
            + ", preSignMaxAge=" + preSignMaxAge + ", preSignOrderIds=" + preSignOrderIds
            + ", preSignOrderPathsPerSecond=" + preSignOrderPathsPerSecond + ", readTimeout=" + readTimeout + ", directConnections="
            + directConnections + ", directMaxIdle=" + directMaxIdle + ", directKeepAlive=" + directKeepAlive.idle().getSeconds()
            + "s/" + directKeepAlive.interval().getSeconds() + "s/" + directKeepAlive.count() + "]";
    }

    public static final class Builder {
        private String restBaseUrl;
        private String keyId;
        private PrivateKey privateKey;
        private Path privateKeyPem;
        private RateTier tier = RateTier.BASIC;
        private Duration preSignMaxAge = Duration.ofMillis(100);
        private int preSignOrderIds = 256;
        private int preSignOrderPathsPerSecond = 0; // off: see gateway/README, "Order-id paths"
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration readTimeout = Duration.ofSeconds(2);
        private Duration callTimeout = Duration.ofSeconds(5);
        private int maxRetries5xx = 3;
        private int createTransportRetries = 1;
        private int cancelTransportRetries = 3;
        private Duration backoffInitial = Duration.ofMillis(50);
        private Duration backoffMax = Duration.ofSeconds(2);
        private long seed = 1;
        private LongSupplier clockMillis = System::currentTimeMillis;
        private int maxConnections = 16;
        private boolean rateBudget = true;
        private int directConnections = 2;
        private Duration directMaxIdle = Duration.ofSeconds(50);
        private TcpKeepAlive directKeepAlive = TcpKeepAlive.DEFAULT;
        private WireObserver wireObserver = WireObserver.NONE;

        public Builder restBaseUrl(String url) { restBaseUrl = url; return this; }
        public Builder keyId(String id) { keyId = id; return this; }
        public Builder privateKey(PrivateKey key) { privateKey = key; return this; }
        /** PEM file, PKCS#1 or PKCS#8; refused when group or others can read it. */
        public Builder privateKeyPem(Path file) { privateKeyPem = file; return this; }
        public Builder tier(RateTier t) { tier = Objects.requireNonNull(t); return this; }
        public Builder preSignMaxAge(Duration d) { preSignMaxAge = nonNegative(d); return this; }
        /** Order ids tracked for pre-signed order-path headers (default 256, at least 1). */
        public Builder preSignOrderIds(int n) { preSignOrderIds = Math.max(1, n); return this; }
        /** Cap on order-path pre-signatures a second (default 200; 0 = off, every amend signed on the spot). */
        public Builder preSignOrderPathsPerSecond(int n) { preSignOrderPathsPerSecond = Math.max(0, n); return this; }
        public Builder connectTimeout(Duration d) { connectTimeout = nonNegative(d); return this; }
        public Builder readTimeout(Duration d) { readTimeout = nonNegative(d); return this; }
        public Builder callTimeout(Duration d) { callTimeout = nonNegative(d); return this; }
        public Builder maxRetries5xx(int n) { maxRetries5xx = Math.max(0, n); return this; }
        public Builder createTransportRetries(int n) { createTransportRetries = Math.max(0, n); return this; }
        public Builder cancelTransportRetries(int n) { cancelTransportRetries = Math.max(0, n); return this; }
        public Builder backoff(Duration initial, Duration max) {
            backoffInitial = nonNegative(initial);
            backoffMax = nonNegative(max);
            return this;
        }
        /** Seed of the backoff jitter (I/O timing, not a decision). */
        public Builder seed(long s) { seed = s; return this; }
        /** Wall clock for the signature timestamps. */
        public Builder clockMillis(LongSupplier c) { clockMillis = Objects.requireNonNull(c); return this; }
        public Builder maxConnections(int n) { maxConnections = Math.max(1, n); return this; }
        public Builder rateBudget(boolean on) { rateBudget = on; return this; }
        /** Direct connections for order calls (default 2); 0 = OkHttp only. */
        public Builder directConnections(int n) { directConnections = Math.max(0, n); return this; }
        /** Idle time after which a direct connection is reopened (default 50 s); zero = never. */
        public Builder directMaxIdle(Duration d) { directMaxIdle = nonNegative(d); return this; }
        /**
         * TCP keepalive of the direct connections' sockets, where the platform supports setting it: first probe
         * after {@code idle} of silence, then every {@code interval}, the socket failed after {@code count}
         * unanswered probes (default 15 s / 5 s / 3: a dead peer noticed in ~30 s, not the OS's 2 h+).
         * Whole seconds 1..32767, count 1..127.
         */
        public Builder directKeepAlive(Duration idle, Duration interval, int count) {
            directKeepAlive = new TcpKeepAlive(idle, interval, count);
            return this;
        }

        /**
         * Told each time an order call's request has been written to the socket, with the cause's receive
         * timestamp (receive-to-wire latency); see {@link WireObserver} for the threads it runs on. It must
         * not block or allocate. Default {@link WireObserver#NONE}.
         */
        public Builder wireObserver(WireObserver o) { wireObserver = Objects.requireNonNull(o, "wireObserver"); return this; }

        public SenderConfig build() {
            return new SenderConfig(this);
        }

        private static Duration nonNegative(Duration d) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("duration must be zero or positive: " + d);
            }
            return d;
        }
    }
}
