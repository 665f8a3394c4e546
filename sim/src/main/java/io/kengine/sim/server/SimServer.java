package io.kengine.sim.server;

import io.kengine.protocol.wire.KalshiEndpoint;
import io.kengine.protocol.wire.KalshiPaths;
import io.kengine.protocol.wire.auth.KalshiKeys;
import io.kengine.sim.exchange.Exchange;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.websocket.api.Session;

import java.io.IOException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The simulator's network face: Kalshi's REST API under {@code /trade-api/v2} and its WebSocket
 * at {@code /trade-api/ws/v2}, on loopback, in front of an exchange that runs on one thread.
 *
 * <pre>{@code
 * try (SimServer server = new SimServer(SimServerConfig.defaults()).start()) {
 *     server.registerKey("key-1", "alice", publicKeyPem);
 *     String rest = server.restBaseUrl();   // http://127.0.0.1:<port>/trade-api/v2
 *     String ws = server.webSocketUrl();    // ws://127.0.0.1:<port>/trade-api/ws/v2
 *     server.faults().skipSeq(1);
 * }
 * }</pre>
 *
 * <p>Every REST call passes, in order: the REST fault switch ({@link Faults}), authentication
 * (401), the account's token bucket (429), then the endpoint on the exchange thread. The WebSocket
 * upgrade is authenticated the same way; each connection is pinged every
 * {@link SimServerConfig#pingInterval()} with payload {@code heartbeat} and cut when it has not
 * answered for {@link SimServerConfig#pongTimeout()}.
 */
public final class SimServer implements AutoCloseable {
    public static final String REST_PREFIX = KalshiPaths.API_PREFIX;
    public static final String WS_PATH = KalshiPaths.WS_PATH;
    private static final String ANSWERED = SimServer.class.getName() + ".answered";

    private final SimServerConfig config;
    private final Faults faults = new Faults();
    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final ExchangeThread exchangeThread = new ExchangeThread();
    private final WsHub hub;
    private final ExchangeBridge bridge;
    private final Exchange exchangeCore;
    private final ScheduledExecutorService timer;
    private final Set<WsConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong connectionIds = new AtomicLong();
    private final AtomicLong wsDropsForSilence = new AtomicLong();
    private final Javalin app;
    private final Set<KalshiEndpoint> served = EnumSet.noneOf(KalshiEndpoint.class);
    private volatile boolean started;

    public SimServer(SimServerConfig config) {
        this.config = config;
        this.authenticator = new Authenticator(config.clockMillis(), config.authWindow().toMillis());
        this.rateLimiter = new RateLimiter(config.clockMillis(), config.rateLimits());
        this.hub = new WsHub(faults, MarketView.EMPTY);
        this.bridge = new ExchangeBridge(hub, config.fillDeltaOwner());
        this.exchangeCore = new Exchange(config.seed(), bridge);
        bridge.exchange(exchangeCore);
        hub.view(bridge);
        exchangeThread.afterEachTask(hub::flushWritten);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-ws-timer");
            t.setDaemon(true);
            return t;
        });
        faults.dropper(this::dropAllWebSockets);
        WsServlet wsServlet = new WsServlet(this);
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
            cfg.jetty.defaultHost = config.host();
            cfg.jetty.defaultPort = config.port();
            cfg.http.disableCompression();
            cfg.http.defaultContentType = "application/json";
            cfg.jetty.modifyServletContextHandler(h -> h.addServlet(new ServletHolder(wsServlet), WS_PATH));
        });
        app.exception(Exception.class, (e, ctx) -> answer(ctx, RestError.internal()));
        app.error(404, ctx -> {
            if (ctx.attribute(ANSWERED) == null) { // Javalin's own "endpoint not found"
                answer(ctx, RestError.notFound("no such endpoint"));
            }
        });
        RestApi.register(this);
    }

    // ------------------------------------------------------------------ lifecycle

    public SimServer start() {
        // configured faults are on before the port opens, so the first request already sees them
        config.faults().applyTo(faults);
        faults.scheduler(timer);
        app.start();
        started = true;
        long interval = config.pingInterval().toMillis();
        timer.scheduleAtFixedRate(this::pingTick, interval, interval, TimeUnit.MILLISECONDS);
        long tick = config.exchangeTick().toMillis();
        timer.scheduleAtFixedRate(() -> exchangeThread.post(this::advanceClock), tick, tick, TimeUnit.MILLISECONDS);
        return this;
    }

    /** The bound port (the random one when the config asked for 0). */
    public int port() {
        if (!started) {
            throw new IllegalStateException("not started");
        }
        return app.port();
    }

    public String restBaseUrl() {
        return "http://" + config.host() + ":" + port() + REST_PREFIX;
    }

    public String webSocketUrl() {
        return "ws://" + config.host() + ":" + port() + WS_PATH;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        for (WsConnection c : connections) {
            c.disconnect();
        }
        try {
            app.stop();
        } finally {
            exchangeThread.close();
        }
    }

    // ------------------------------------------------------------------ accounts, faults, introspection

    /** Registers an API key at the default tier. {@code publicKeyPem}: {@code PUBLIC KEY} or {@code RSA PUBLIC KEY}. */
    public ApiKey registerKey(String keyId, String account, String publicKeyPem) {
        return registerKey(keyId, account, publicKeyPem, config.defaultTier());
    }

    /**
     * Registers an API key for {@code account}, opening the account in the exchange (at
     * {@link SimServerConfig#accountPrecision()}, no cash) if it is new. Fund it with {@link #deposit}.
     */
    public ApiKey registerKey(String keyId, String account, String publicKeyPem, RateTier tier) {
        ApiKey key = new ApiKey(keyId, account, KalshiKeys.readPublicKey(publicKeyPem), tier);
        exchange(ex -> {
            if (!ex.accountIds().contains(account)) {
                ex.openAccount(account, config.accountPrecision());
            }
            return null;
        });
        authenticator.register(key);
        return key;
    }

    /** Adds cash to an account, in $0.0001 (on the account's precision grid). */
    public void deposit(String account, long money) {
        exchange(ex -> {
            ex.deposit(account, money);
            return null;
        });
    }

    /**
     * Runs {@code call} against the exchange core on the exchange thread and returns its result;
     * the WebSocket messages it causes are published before this returns. The way for anything
     * else in the process (market setup, simulated participants, tests) to reach the core.
     */
    public <T> T exchange(Function<Exchange, T> call) {
        try {
            return exchangeThread.call(() -> {
                try {
                    return call.apply(exchangeCore);
                } finally {
                    bridge.afterCall();
                }
            }, config.exchangeCallTimeout());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (TimeoutException e) {
            throw new IllegalStateException("exchange thread did not answer within " + config.exchangeCallTimeout(), e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server clock (Unix ms): what order calls pass to the exchange as now. */
    public long now() {
        return config.clockMillis().getAsLong();
    }

    private void advanceClock() {
        try {
            exchangeCore.advanceTime(now());
        } finally {
            bridge.afterCall();
        }
    }

    public Faults faults() {
        return faults;
    }

    public SimServerConfig config() {
        return config;
    }

    /** WebSocket connections open now. */
    public int webSocketCount() {
        int n = 0;
        for (WsConnection c : connections) {
            if (c.isOpen()) {
                n++;
            }
        }
        return n;
    }

    /** Connections cut because they stopped answering Pings. */
    public long webSocketsDroppedForSilence() {
        return wsDropsForSilence.get();
    }

    /** Data frames (channel messages) written so far, duplicates included. */
    public long dataFramesSent() {
        return hub.dataFramesSent.get();
    }

    /** Runs {@code task} on the exchange thread (tests: to publish hand-made messages). */
    <T> T onExchange(Callable<T> task) throws Exception {
        return exchangeThread.call(task, config.exchangeCallTimeout());
    }

    /** Fans a channel message out to the subscribers that want it. Exchange thread only. */
    void publish(ChannelMessage message) {
        if (!exchangeThread.onThread()) {
            throw new IllegalStateException("publish off the exchange thread");
        }
        hub.publish(message);
    }

    /** Replaces what the WebSocket hub asks about markets (tests with hand-made markets). */
    void marketView(MarketView view) {
        hub.view(view);
    }

    Authenticator authenticator() {
        return authenticator;
    }

    RateLimiter rateLimiter() {
        return rateLimiter;
    }

    // ------------------------------------------------------------------ REST pipeline

    /** An endpoint body, after auth and rate limiting. */
    @FunctionalInterface
    interface Endpoint {
        void handle(Context ctx, ApiKey key) throws Exception;
    }

    /** Tokens a request costs (may read the body: a batch costs the sum of its items). */
    @FunctionalInterface
    interface Cost {
        long of(Context ctx) throws Exception;
    }

    /** Serves one of the wire contract's endpoints (its template is Javalin's path syntax too). */
    void route(KalshiEndpoint e, RateLimiter.Bucket bucket, Cost cost, Endpoint endpoint) {
        route(e, bucket, cost, false, endpoint);
    }

    /** As {@link #route(KalshiEndpoint, RateLimiter.Bucket, Cost, Endpoint)}; {@code orderCall} = subject to lost replies. */
    void route(KalshiEndpoint e, RateLimiter.Bucket bucket, Cost cost, boolean orderCall, Endpoint endpoint) {
        app.addHttpHandler(HandlerType.valueOf(e.method()), e.template(), ctx -> gate(ctx, bucket, cost, orderCall, endpoint));
        served.add(e);
    }

    /** The wire endpoints this server answers. */
    public Set<KalshiEndpoint> endpoints() {
        return Collections.unmodifiableSet(served);
    }

    private void gate(Context ctx, RateLimiter.Bucket bucket, Cost cost, boolean orderCall, Endpoint endpoint) throws Exception {
        String path = ctx.req().getRequestURI();
        Faults.RestFault fault = faults.takeRestFault(path);
        if (fault != null) {
            switch (fault) {
                case HTTP_500 -> answer(ctx, RestError.internal());
                case HTTP_503 -> answer(ctx, RestError.serviceUnavailable());
                case HTTP_429 -> answer(ctx, RestError.tooManyRequests());
                case TIMEOUT -> holdThenAbort(ctx);
            }
            return;
        }
        Authenticator.Result auth = authenticator.authenticate(ctx.method().name(), path,
                ctx.header(Authenticator.HEADER_KEY), ctx.header(Authenticator.HEADER_TIMESTAMP),
                ctx.header(Authenticator.HEADER_SIGNATURE));
        if (!auth.ok()) {
            answer(ctx, auth.error());
            return;
        }
        ApiKey key = auth.key();
        long tokens;
        try {
            tokens = cost.of(ctx);
        } catch (Exception e) {
            tokens = RateLimiter.COST_DEFAULT; // an unreadable body still costs a request; the endpoint rejects it
        }
        if (!rateLimiter.tryAcquire(key.account(), key.tier(), bucket, tokens)) {
            answer(ctx, RestError.tooManyRequests());
            return;
        }
        boolean loseReply = orderCall && faults.takeLoseReply();
        ctx.attribute(ANSWERED, Boolean.TRUE);
        try {
            endpoint.handle(ctx, key);
        } catch (RestApi.BadRequest | IllegalArgumentException e) {
            answer(ctx, RestError.invalidParameters(e.getMessage()));
        }
        if (loseReply) {
            abort(ctx);
        }
    }

    static void answer(Context ctx, RestError error) {
        ctx.attribute(ANSWERED, Boolean.TRUE);
        ctx.status(error.status()).contentType("application/json").result(error.body());
    }

    /** The TIMEOUT fault: no answer; the connection is closed after the hold. */
    private void holdThenAbort(Context ctx) {
        CompletableFuture<Void> never = new CompletableFuture<>();
        Request base = Request.getBaseRequest(ctx.req());
        timer.schedule(() -> {
            abortChannel(base);
            never.complete(null);
        }, faults.timeoutHoldMillis(), TimeUnit.MILLISECONDS);
        ctx.future(() -> never);
    }

    private static void abort(Context ctx) {
        abortChannel(Request.getBaseRequest(ctx.req()));
    }

    private static void abortChannel(Request base) {
        if (base != null && base.getHttpChannel() != null) {
            base.getHttpChannel().abort(new IOException("fault injection: reply dropped"));
        }
    }

    // ------------------------------------------------------------------ WebSocket plumbing

    WsConnection wsOpened(ApiKey key, Session session) {
        WsConnection c = new WsConnection(connectionIds.incrementAndGet(), key, session, faults, timer, System::nanoTime);
        connections.add(c);
        exchangeThread.post(() -> hub.onOpen(c));
        return c;
    }

    void wsText(WsConnection c, String text) {
        exchangeThread.post(() -> hub.onText(c, text));
    }

    void wsClosed(WsConnection c) {
        c.markClosed();
        if (connections.remove(c)) {
            exchangeThread.post(() -> hub.onClose(c));
        }
    }

    private void dropAllWebSockets() {
        for (WsConnection c : connections) {
            c.disconnect();
        }
    }

    private void pingTick() {
        long now = System.nanoTime();
        long timeout = config.pongTimeout().toNanos();
        for (WsConnection c : connections) {
            if (!c.isOpen()) {
                continue;
            }
            if (now - c.lastPongNanos() > timeout) {
                wsDropsForSilence.incrementAndGet();
                c.disconnect();
                wsClosed(c);
            } else {
                c.ping();
            }
        }
    }
}
