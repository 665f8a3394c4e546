package io.kengine.sim.server;

import io.kengine.sim.exchange.AccountPrecision;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The server's settings. Defaults follow Kalshi: loopback, a random free port, ±30 s timestamp
 * window, a Ping every 10 s, rate limits on at the Basic tier. Tests shorten the timers and
 * inject a clock.
 *
 * <pre>{@code
 * SimServerConfig cfg = SimServerConfig.builder().port(0).pingInterval(Duration.ofMillis(50)).build();
 * }</pre>
 */
public final class SimServerConfig {
    private final String host;
    private final int port;
    private final Duration authWindow;
    private final Duration pingInterval;
    private final Duration pongTimeout;
    private final boolean webSocketCompression;
    private final boolean rateLimits;
    private final RateTier defaultTier;
    private final LongSupplier clockMillis;
    private final Duration exchangeCallTimeout;
    private final Duration exchangeTick;
    private final long seed;
    private final AccountPrecision accountPrecision;
    private final FaultSettings faults;
    private final FillDeltaOwner fillDeltaOwner;

    private SimServerConfig(Builder b) {
        this.faults = b.faults;
        this.fillDeltaOwner = b.fillDeltaOwner;
        this.exchangeTick = b.exchangeTick;
        this.seed = b.seed;
        this.accountPrecision = b.accountPrecision;
        this.host = b.host;
        this.port = b.port;
        this.authWindow = b.authWindow;
        this.pingInterval = b.pingInterval;
        this.pongTimeout = b.pongTimeout;
        this.webSocketCompression = b.webSocketCompression;
        this.rateLimits = b.rateLimits;
        this.defaultTier = b.defaultTier;
        this.clockMillis = b.clockMillis;
        this.exchangeCallTimeout = b.exchangeCallTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static SimServerConfig defaults() {
        return builder().build();
    }

    /** Interface to bind; loopback unless told otherwise. */
    public String host() {
        return host;
    }

    /** Port to bind; 0 = a random free port (read it back with {@link SimServer#port()}). */
    public int port() {
        return port;
    }

    /** A request's {@code KALSHI-ACCESS-TIMESTAMP} may differ from the server clock by at most this. */
    public Duration authWindow() {
        return authWindow;
    }

    /** How often each WebSocket gets a Ping with payload {@code heartbeat}. */
    /**
     * Whether the WebSocket upgrade may negotiate permessage-deflate. Off by default: whether Kalshi
     * compresses is not documented, and deflate costs ~2 µs per frame on the exchange thread, which caps
     * the simulator well below the rates a load test needs (bench/RESULTS.md).
     */
    public boolean webSocketCompression() {
        return webSocketCompression;
    }

    public Duration pingInterval() {
        return pingInterval;
    }

    /** A WebSocket with no Pong (or connect) for longer than this is dropped at the next Ping tick. */
    public Duration pongTimeout() {
        return pongTimeout;
    }

    /** Whether the token buckets are enforced (off for load tests). */
    public boolean rateLimits() {
        return rateLimits;
    }

    /** Tier of keys registered without one. */
    public RateTier defaultTier() {
        return defaultTier;
    }

    /** Wall clock in Unix ms: auth window, rate buckets, {@code ts_ms}. */
    public LongSupplier clockMillis() {
        return clockMillis;
    }

    /** Longest a REST call waits for the exchange thread before answering 500. */
    public Duration exchangeCallTimeout() {
        return exchangeCallTimeout;
    }

    /** How often the exchange clock advances between calls (market open/close, order expiry). */
    public Duration exchangeTick() {
        return exchangeTick;
    }

    /** Seed of the exchange core's order and trade ids. */
    public long seed() {
        return seed;
    }

    /** Balance precision of accounts opened by {@link SimServer#registerKey}. */
    public AccountPrecision accountPrecision() {
        return accountPrecision;
    }

    /** Fault switches set at {@link SimServer#start()} (the runtime switches can change them later). */
    public FaultSettings faults() {
        return faults;
    }

    /** Whose {@code client_order_id} a trade's {@code orderbook_delta} carries (Kalshi's choice is unconfirmed). */
    public FillDeltaOwner fillDeltaOwner() {
        return fillDeltaOwner;
    }

    public static final class Builder {
        private FillDeltaOwner fillDeltaOwner = FillDeltaOwner.MAKER;
        private boolean webSocketCompression;
        private FaultSettings faults = FaultSettings.NONE;
        private Duration exchangeTick = Duration.ofMillis(50);
        private long seed = 1;
        private AccountPrecision accountPrecision = AccountPrecision.CENT;
        private String host = "127.0.0.1";
        private int port = 0;
        private Duration authWindow = Duration.ofSeconds(30);
        private Duration pingInterval = Duration.ofSeconds(10);
        private Duration pongTimeout = Duration.ofSeconds(25);
        private boolean rateLimits = true;
        private RateTier defaultTier = RateTier.BASIC;
        private LongSupplier clockMillis = System::currentTimeMillis;
        private Duration exchangeCallTimeout = Duration.ofSeconds(10);

        private Builder() {
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port " + port);
            }
            this.port = port;
            return this;
        }

        public Builder authWindow(Duration d) {
            this.authWindow = positive(d, "authWindow");
            return this;
        }

        public Builder webSocketCompression(boolean on) {
            this.webSocketCompression = on;
            return this;
        }

        public Builder pingInterval(Duration d) {
            this.pingInterval = positive(d, "pingInterval");
            return this;
        }

        public Builder pongTimeout(Duration d) {
            this.pongTimeout = positive(d, "pongTimeout");
            return this;
        }

        public Builder rateLimits(boolean on) {
            this.rateLimits = on;
            return this;
        }

        public Builder defaultTier(RateTier tier) {
            this.defaultTier = Objects.requireNonNull(tier);
            return this;
        }

        public Builder clockMillis(LongSupplier clock) {
            this.clockMillis = Objects.requireNonNull(clock);
            return this;
        }

        public Builder exchangeCallTimeout(Duration d) {
            this.exchangeCallTimeout = positive(d, "exchangeCallTimeout");
            return this;
        }

        public Builder exchangeTick(Duration d) {
            this.exchangeTick = positive(d, "exchangeTick");
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder accountPrecision(AccountPrecision p) {
            this.accountPrecision = Objects.requireNonNull(p);
            return this;
        }

        public Builder faults(FaultSettings settings) {
            this.faults = Objects.requireNonNull(settings);
            return this;
        }

        /**
         * Faults on from the start, as specs ({@code skipSeq=1}, {@code delayFrames=250ms},
         * {@code failRest=503x2@/trade-api/v2/portfolio}, see {@link FaultSettings}).
         *
         * @throws IllegalArgumentException naming the first bad spec
         */
        public Builder faults(String... specs) {
            return faults(FaultSettings.parse(specs));
        }

        public Builder fillDeltaOwner(FillDeltaOwner owner) {
            this.fillDeltaOwner = Objects.requireNonNull(owner);
            return this;
        }

        public SimServerConfig build() {
            return new SimServerConfig(this);
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }
    }
}
