package io.kengine.gateway.rest;

import io.kengine.gateway.IntentSender;
import io.kengine.gateway.MarketTickers;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.event.OrderReplyEvent;
import io.kengine.protocol.wire.KalshiPaths;
import io.kengine.protocol.wire.Wire;
import io.kengine.protocol.wire.auth.AuthHeaders;
import io.kengine.protocol.wire.auth.KalshiSigner;
import io.kengine.protocol.wire.model.BookSide;
import io.kengine.protocol.wire.model.OrderStatus;
import io.kengine.protocol.wire.model.SelfTradePrevention;
import io.kengine.protocol.wire.model.TimeInForce;
import io.kengine.protocol.wire.rest.AmendOrderV2Request;
import io.kengine.protocol.wire.rest.AmendOrderV2Response;
import io.kengine.protocol.wire.rest.ApiError;
import io.kengine.protocol.wire.rest.ApiErrorCodes;
import io.kengine.protocol.wire.rest.BatchCancelOrder;
import io.kengine.protocol.wire.rest.BatchCancelOrderResult;
import io.kengine.protocol.wire.rest.BatchCancelOrdersV2Request;
import io.kengine.protocol.wire.rest.BatchCreateOrderResult;
import io.kengine.protocol.wire.rest.BatchCreateOrdersV2Request;
import io.kengine.protocol.wire.rest.CreateOrderV2Request;
import io.kengine.protocol.wire.rest.CreateOrderV2Response;
import io.kengine.protocol.wire.rest.DecreaseOrderV2Request;
import io.kengine.protocol.wire.rest.DecreaseOrderV2Response;
import io.kengine.protocol.wire.rest.ErrorBody;
import io.kengine.protocol.wire.rest.ErrorCodecs;
import io.kengine.protocol.wire.rest.GetOrdersResponse;
import io.kengine.protocol.wire.rest.Order;
import io.kengine.protocol.wire.rest.OrderCodecs;
import io.kengine.protocol.wire.rest.PortfolioCodecs;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Sends journaled order intents to Kalshi's V2 order API and turns every answer into OrderReply events on
 * the inbound ring. Order calls go on {@link SenderConfig#directConnections()} persistent HTTP/1.1
 * connections ({@link DirectConnection}: the sending thread writes the request itself, a reader thread per
 * connection reads the answer); when none is idle, or with zero direct connections, over OkHttp
 * (keep-alive pool; HTTP/2 when TLS negotiates it), which also carries the reconciler's and the lookups'
 * GETs.
 *
 * <p><b>Threads.</b> {@link #send} runs on the outbound ring's sender thread: it decodes the intent,
 * signs (RSA-PSS, or a pre-signed header for the fixed create / batch-create / batch-cancel paths,
 * refreshed by the {@code gateway-pacer} thread and used up to {@link SenderConfig#preSignMaxAge()})
 * and writes the request on an idle direct connection (one blocking socket write, never a read) or hands
 * it to OkHttp. Answers arrive on the {@code gateway-direct-N} reader threads or OkHttp's threads and go
 * to the {@link InboundPublisher}'s own thread, which alone publishes inbound. Requests the rate budget
 * cannot pay yet, retries and backoffs are dispatched later by {@code gateway-pacer} (it signs those
 * itself); a 401's fresh retry is dispatched by the thread that read the 401.
 *
 * <p><b>Per intent.</b> Its create legs go as one create or one batch create, its cancels as one cancel
 * or one batch cancel, amends and decreases one by one. Costs mirror Kalshi's Write bucket (create,
 * amend, decrease 10 tokens; cancel 2; a batch the sum); what the budget cannot pay waits, cancels first.
 *
 * <p><b>Failures.</b> 429: the whole sender pauses with exponential backoff and seeded jitter, the request
 * is retried first. 5xx: retried up to {@link SenderConfig#maxRetries5xx()}, then unknown. 401: signed
 * afresh and retried once. No reply (timeout, connection lost): a create is retried with the same client
 * order id ({@link SenderConfig#createTransportRetries()}; a 409 then means it exists and is looked up and
 * adopted), a cancel is retried ({@link SenderConfig#cancelTransportRetries()}), an amend or decrease is
 * reported {@code UNKNOWN} at once; whatever stays unresolved is reported UNKNOWN and the
 * {@link #onUnknown} listener (the reconciler) is told.
 */
public final class KalshiRestSender implements IntentSender {
    private static final System.Logger LOG = System.getLogger(KalshiRestSender.class.getName());
    private static final MediaType JSON = MediaType.get("application/json");

    enum Kind { CREATE, BATCH_CREATE, AMEND, DECREASE, CANCEL, BATCH_CANCEL }

    record Leg(int market, String ticker, byte action, byte side, long price, long count, byte tif, byte flags,
               String clientOrderId, String updatedClientOrderId, String orderId) {
    }

    static final class Call0 {
        final Kind kind;
        final List<Leg> legs;
        final long cause;
        final long cost;
        int retries5xx;
        int transportRetries;
        boolean resigned;

        Call0(Kind kind, List<Leg> legs, long cause) {
            this.kind = kind;
            this.legs = legs;
            this.cause = cause;
            long per = kind == Kind.CANCEL || kind == Kind.BATCH_CANCEL ? RateTier.COST_CANCEL : RateTier.COST_ORDER;
            this.cost = per * legs.size();
        }

        boolean isCancel() {
            return kind == Kind.CANCEL || kind == Kind.BATCH_CANCEL;
        }
    }

    private final SenderConfig config;
    private final MarketTickers tickers;
    private final InboundPublisher inbound;
    private final OkHttpClient http;
    private final ScheduledExecutorService pacer;
    private final ThreadLocal<KalshiSigner> signers;
    private final long preSignMaxAgeMs;
    private volatile AuthHeaders preCreate;
    private volatile AuthHeaders preBatchCreate;
    private volatile AuthHeaders preBatchCancel;
    private volatile IntConsumer unknownListener = m -> { };

    private final OrderIntentEvent intent = new OrderIntentEvent();
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);

    // dispatcher state, guarded by this
    private final ArrayDeque<Call0> cancels = new ArrayDeque<>();
    private final ArrayDeque<Call0> others = new ArrayDeque<>();
    private final RateBudget budget;
    private final SplittableRandom jitter;
    private long pausedUntilNanos;
    private long pumpAtNanos = Long.MAX_VALUE;
    private int consecutive429;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger scheduled = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong preSignedUsed = new AtomicLong();
    private final AtomicLong freshSignatures = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicLong unauthorized = new AtomicLong();
    private final AtomicLong transportFailures = new AtomicLong();
    private final AtomicLong unknowns = new AtomicLong();
    private final AtomicLong lookups = new AtomicLong();
    private final AtomicLong budgetWaits = new AtomicLong();
    private final AtomicLong directWrites = new AtomicLong();
    private final AtomicLong directFallbacks = new AtomicLong();

    /** The sender-written connections (null = OkHttp only); answers come back on their reader threads. */
    private final DirectConnections<Call0> direct;
    private boolean started;

    /** What one order call puts on the wire. */
    record Outgoing(String method, String path, byte[] body, AuthHeaders auth) {
    }

    public KalshiRestSender(SenderConfig config, MarketTickers tickers, InboundPublisher inbound) {
        this(config, tickers, inbound, null);
    }

    /** @param http a client to share (its timeouts are replaced by the config's); null = a new one */
    public KalshiRestSender(SenderConfig config, MarketTickers tickers, InboundPublisher inbound, OkHttpClient http) {
        this.config = config;
        this.tickers = tickers;
        this.inbound = inbound;
        this.http = client(config, http);
        this.pacer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gateway-pacer");
            t.setDaemon(true);
            return t;
        });
        this.signers = ThreadLocal.withInitial(() -> new KalshiSigner(config.keyId(), config.privateKey()));
        this.preSignMaxAgeMs = config.preSignMaxAge().toMillis();
        this.budget = new RateBudget(config.tier().writePerSecond(), config.tier().writeCapacity(), System.nanoTime());
        this.jitter = new SplittableRandom(config.seed());
        this.direct = config.directConnections() <= 0 ? null : new DirectConnections<>(config.directConnections(),
            config.origin(), config.connectTimeout(), config.readTimeout(), config.callTimeout(),
            config.backoffInitial(), config.backoffMax(), config.directMaxIdle(), new DirectConnection.Handler<>() {
                @Override
                public void response(Call0 c, int status, byte[] body) {
                    try {
                        handle(c, status, body);
                    } catch (RuntimeException e) {
                        unknownAll(c, (short) 0, "unreadable reply: " + e.getClass().getSimpleName());
                    } finally {
                        inFlight.decrementAndGet();
                    }
                }

                @Override
                public void failure(Call0 c, IOException e) {
                    try {
                        failed(c, e);
                    } finally {
                        inFlight.decrementAndGet();
                    }
                }
            });
    }

    /** The OkHttp client the sender and reconciler share: keep-alive pool, the config's timeouts. */
    static OkHttpClient client(SenderConfig config, OkHttpClient base) {
        OkHttpClient.Builder b = base == null ? new OkHttpClient.Builder() : base.newBuilder();
        Dispatcher d = new Dispatcher();
        d.setMaxRequests(Math.max(64, config.maxConnections() * 4));
        d.setMaxRequestsPerHost(Math.max(16, config.maxConnections() * 4));
        return b.dispatcher(d)
            .connectionPool(new ConnectionPool(config.maxConnections(), 5, TimeUnit.MINUTES))
            .connectTimeout(config.connectTimeout()).readTimeout(config.readTimeout())
            .writeTimeout(config.readTimeout()).callTimeout(config.callTimeout())
            .retryOnConnectionFailure(false) // we decide what is retried: never a request that may have executed
            .build();
    }

    /** Starts pre-signing (when the max age is above zero) and opens the direct connections. */
    public synchronized KalshiRestSender start() {
        if (started) {
            return this;
        }
        started = true;
        if (direct != null) {
            direct.start();
        }
        if (preSignMaxAgeMs > 0) {
            long period = Math.max(1, preSignMaxAgeMs / 2);
            pacer.scheduleAtFixedRate(this::preSign, 0, period, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** Called (on an HTTP thread) after an UNKNOWN reply for a market was queued for publishing. */
    public void onUnknown(IntConsumer listener) {
        this.unknownListener = listener;
    }

    /** The pre-signer has produced its first headers. */
    boolean preSignedReady() {
        return preCreate != null && preBatchCreate != null && preBatchCancel != null;
    }

    OkHttpClient http() {
        return http;
    }

    private void preSign() {
        try {
            KalshiSigner s = signers.get();
            long now = config.clockMillis().getAsLong();
            preCreate = s.headers(now, "POST", KalshiPaths.ORDERS_V2);
            preBatchCreate = s.headers(now, "POST", KalshiPaths.ORDERS_V2_BATCHED);
            preBatchCancel = s.headers(now, "DELETE", KalshiPaths.ORDERS_V2_BATCHED);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "gateway: pre-signing failed: " + e.getClass().getSimpleName());
        }
    }

    // ------------------------------------------------------------------ intents in

    @Override
    public void send(DirectBuffer buffer, int offset, int length, boolean endOfBatch) {
        if (EventHeader.type(buffer, offset) != EventType.ORDER_INTENT) {
            return;
        }
        view.wrap(buffer, offset, length);
        intent.wrap(view, 0);
        long cause = intent.sequence();
        List<Leg> creates = null;
        List<Leg> cancelLegs = null;
        int n = intent.legCount();
        for (int i = 0; i < n; i++) {
            Leg leg = leg(i);
            if (leg.ticker() == null) {
                inbound.offer(reply(leg, OrderReplyEvent.REJECTED, cause, (short) 0, "unknown market id " + leg.market()));
                continue;
            }
            switch (leg.action()) {
                case OrderIntentEvent.CREATE:
                    (creates == null ? creates = new ArrayList<>(n) : creates).add(leg);
                    break;
                case OrderIntentEvent.CANCEL:
                    if (leg.orderId().isEmpty()) {
                        inbound.offer(reply(leg, OrderReplyEvent.REJECTED, cause, (short) 0, "no order id to cancel"));
                    } else {
                        (cancelLegs == null ? cancelLegs = new ArrayList<>(n) : cancelLegs).add(leg);
                    }
                    break;
                case OrderIntentEvent.AMEND:
                case OrderIntentEvent.DECREASE:
                    if (leg.orderId().isEmpty()) {
                        inbound.offer(reply(leg, OrderReplyEvent.REJECTED, cause, (short) 0, "no order id"));
                    } else {
                        submit(new Call0(leg.action() == OrderIntentEvent.AMEND ? Kind.AMEND : Kind.DECREASE,
                            List.of(leg), cause), false);
                    }
                    break;
                default:
                    inbound.offer(reply(leg, OrderReplyEvent.REJECTED, cause, (short) 0, "unknown action"));
                    break;
            }
        }
        if (cancelLegs != null) {
            submit(new Call0(cancelLegs.size() == 1 ? Kind.CANCEL : Kind.BATCH_CANCEL, cancelLegs, cause), false);
        }
        if (creates != null) {
            submit(new Call0(creates.size() == 1 ? Kind.CREATE : Kind.BATCH_CREATE, creates, cause), false);
        }
    }

    private Leg leg(int i) {
        int market = intent.legMarketId(i);
        return new Leg(market, tickers.ticker(market), intent.legAction(i), intent.legSide(i), intent.legPrice(i),
            intent.legCount(i), intent.legTimeInForce(i), intent.legFlags(i), intent.legClientOrderId(i),
            intent.legUpdatedClientOrderId(i), intent.legOrderId(i));
    }

    // ------------------------------------------------------------------ dispatch (rate budget, priority)

    private void submit(Call0 c, boolean first) {
        synchronized (this) {
            ArrayDeque<Call0> q = c.isCancel() ? cancels : others;
            if (first) {
                q.addFirst(c);
            } else {
                q.addLast(c);
            }
            pump();
        }
    }

    private synchronized void pump() {
        long now = System.nanoTime();
        if (now < pausedUntilNanos) {
            schedulePump(pausedUntilNanos, now);
            return;
        }
        while (true) {
            ArrayDeque<Call0> q = !cancels.isEmpty() ? cancels : others;
            Call0 c = q.peekFirst();
            if (c == null) {
                return;
            }
            if (config.rateBudget() && !budget.tryTake(c.cost, now)) {
                budgetWaits.incrementAndGet();
                schedulePump(now + Math.max(budget.nanosUntil(c.cost, now), 100_000L), now);
                return;
            }
            q.pollFirst();
            dispatch(c);
        }
    }

    private void schedulePump(long atNanos, long now) {
        if (atNanos >= pumpAtNanos && pumpAtNanos > now) {
            return; // an earlier pump is already scheduled
        }
        pumpAtNanos = atNanos;
        try {
            pacer.schedule(() -> {
                synchronized (this) {
                    pumpAtNanos = Long.MAX_VALUE;
                    pump();
                }
            }, Math.max(0, atNanos - now), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            pumpAtNanos = Long.MAX_VALUE; // closed
        }
    }

    /**
     * Sends one call: on an idle direct connection, written by this thread (the last byte is in the socket
     * when this returns); when none is idle (a burst, or reconnecting), through OkHttp's dispatcher, so a
     * burst still goes out in parallel and nothing waits behind a busy connection.
     */
    private void dispatch(Call0 c) {
        Outgoing o;
        try {
            o = prepare(c);
        } catch (RuntimeException e) { // a body the wire codecs refuse: the exchange would refuse it too
            for (Leg leg : c.legs) {
                inbound.offer(reply(leg, OrderReplyEvent.REJECTED, c.cause, (short) 0, "not sendable: " + e.getMessage()));
            }
            return;
        }
        inFlight.incrementAndGet();
        requests.incrementAndGet();
        if (direct != null) {
            int r;
            try {
                r = direct.trySend(c, o.method(), o.path(), o.body(), o.auth());
            } catch (IllegalArgumentException e) { // bytes the direct writer refuses before taking the call:
                r = DirectConnection.NOT_TAKEN;       // OkHttp encodes them
            }
            if (r == DirectConnection.WRITTEN) {
                directWrites.incrementAndGet();
                return;
            }
            if (r == DirectConnection.WRITE_FAILED) {
                return; // already reported to failed()
            }
            directFallbacks.incrementAndGet();
        }
        http.newCall(okHttpRequest(o)).enqueue(new Callback() {
            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    ResponseBody body = response.body();
                    byte[] bytes = body == null ? new byte[0] : body.bytes();
                    handle(c, response.code(), bytes);
                } catch (IOException e) {
                    failed(c, e);
                } catch (RuntimeException e) {
                    unknownAll(c, (short) 0, "unreadable reply: " + e.getClass().getSimpleName());
                } finally {
                    inFlight.decrementAndGet();
                }
            }

            @Override
            public void onFailure(Call call, IOException e) {
                try {
                    failed(c, e);
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        });
    }

    /** The OkHttp request of a call (signed now, or with a fresh-enough pre-signed header). */
    Request request(Call0 c) {
        return okHttpRequest(prepare(c));
    }

    private Request okHttpRequest(Outgoing o) {
        AuthHeaders auth = o.auth();
        Request.Builder b = new Request.Builder().url(config.origin() + o.path())
            .header(AuthHeaders.KEY, auth.keyId())
            .header(AuthHeaders.TIMESTAMP, auth.timestamp())
            .header(AuthHeaders.SIGNATURE, auth.signature());
        RequestBody rb = o.body() == null ? null : RequestBody.create(o.body(), JSON);
        if ("POST".equals(o.method())) {
            b.post(rb);
        } else {
            b.delete(rb);
        }
        return b.build();
    }

    /** Method, path, body and auth headers of a call. */
    Outgoing prepare(Call0 c) {
        Leg first = c.legs.get(0);
        String method;
        String path;
        byte[] body;
        AuthHeaders pre = null;
        switch (c.kind) {
            case CREATE:
                method = "POST";
                path = KalshiPaths.ORDERS_V2;
                body = OrderCodecs.CREATE_ORDER_V2_REQUEST.toBytes(createBody(first));
                pre = preCreate;
                break;
            case BATCH_CREATE: {
                method = "POST";
                path = KalshiPaths.ORDERS_V2_BATCHED;
                List<CreateOrderV2Request> items = new ArrayList<>(c.legs.size());
                for (Leg l : c.legs) {
                    items.add(createBody(l));
                }
                body = OrderCodecs.BATCH_CREATE_ORDERS_V2_REQUEST.toBytes(new BatchCreateOrdersV2Request(items));
                pre = preBatchCreate;
                break;
            }
            case AMEND:
                method = "POST";
                path = KalshiPaths.amendOrderV2(first.orderId());
                body = OrderCodecs.AMEND_ORDER_V2_REQUEST.toBytes(new AmendOrderV2Request(first.ticker(),
                    bookSide(first.side()), first.price(), first.count(), first.clientOrderId(),
                    first.updatedClientOrderId().isEmpty() ? null : first.updatedClientOrderId(), null));
                break;
            case DECREASE:
                method = "POST";
                path = KalshiPaths.decreaseOrderV2(first.orderId());
                body = OrderCodecs.DECREASE_ORDER_V2_REQUEST.toBytes(
                    new DecreaseOrderV2Request(first.count(), Wire.ABSENT, null, null));
                break;
            case CANCEL:
                method = "DELETE";
                path = KalshiPaths.orderV2(first.orderId());
                body = null;
                break;
            default: {
                method = "DELETE";
                path = KalshiPaths.ORDERS_V2_BATCHED;
                List<BatchCancelOrder> items = new ArrayList<>(c.legs.size());
                for (Leg l : c.legs) {
                    items.add(BatchCancelOrder.of(l.orderId()));
                }
                body = OrderCodecs.BATCH_CANCEL_ORDERS_V2_REQUEST.toBytes(new BatchCancelOrdersV2Request(items));
                pre = preBatchCancel;
                break;
            }
        }
        return new Outgoing(method, path, body, auth(c, pre, method, path));
    }

    private AuthHeaders auth(Call0 c, AuthHeaders pre, String method, String path) {
        long now = config.clockMillis().getAsLong();
        if (pre != null && !c.resigned && now - pre.timestampMs() <= preSignMaxAgeMs && now >= pre.timestampMs()) {
            preSignedUsed.incrementAndGet();
            return pre;
        }
        freshSignatures.incrementAndGet();
        return signers.get().headers(now, method, path);
    }

    private static CreateOrderV2Request createBody(Leg l) {
        boolean postOnly = (l.flags() & OrderIntentEvent.FLAG_POST_ONLY) != 0;
        boolean reduceOnly = (l.flags() & OrderIntentEvent.FLAG_REDUCE_ONLY) != 0;
        boolean onPause = (l.flags() & OrderIntentEvent.FLAG_CANCEL_ON_PAUSE) != 0;
        return new CreateOrderV2Request(l.ticker(), bookSide(l.side()), l.count(), l.price(), tif(l.tif()),
            SelfTradePrevention.TAKER_AT_CROSS, l.clientOrderId().isEmpty() ? null : l.clientOrderId(), Wire.ABSENT,
            postOnly ? Boolean.TRUE : null, reduceOnly ? Boolean.TRUE : null, onPause ? Boolean.TRUE : null,
            null, null, null);
    }

    private static BookSide bookSide(byte side) {
        return side == Codes.ASK ? BookSide.ASK : BookSide.BID;
    }

    private static TimeInForce tif(byte t) {
        switch (t) {
            case OrderIntentEvent.TIF_IOC: return TimeInForce.IMMEDIATE_OR_CANCEL;
            case OrderIntentEvent.TIF_FOK: return TimeInForce.FILL_OR_KILL;
            default: return TimeInForce.GOOD_TILL_CANCELED;
        }
    }

    // ------------------------------------------------------------------ answers

    private void handle(Call0 c, int status, byte[] body) {
        if (status == 401) {
            unauthorized.incrementAndGet();
            if (!c.resigned) {
                c.resigned = true; // a stale or clock-skewed pre-signed header: sign afresh, once
                submit(c, true);
            } else {
                rejectAll(c, (short) status, "unauthorized");
            }
            return;
        }
        if (status == 429) {
            throttled.incrementAndGet();
            synchronized (this) {
                long now = System.nanoTime();
                consecutive429++;
                long delay = backoffNanos(consecutive429);
                pausedUntilNanos = Math.max(pausedUntilNanos, now + delay);
                budget.drain(now);
                (c.isCancel() ? cancels : others).addFirst(c);
                schedulePump(pausedUntilNanos, now);
            }
            return;
        }
        if (status >= 500) {
            serverErrors.incrementAndGet();
            if (c.retries5xx++ < config.maxRetries5xx()) {
                long delay;
                synchronized (this) {
                    delay = backoffNanos(c.retries5xx);
                }
                retryLater(c, delay);
            } else {
                unknownAll(c, (short) status, "http " + status);
            }
            return;
        }
        synchronized (this) {
            consecutive429 = 0;
        }
        switch (c.kind) {
            case CREATE:
                onCreate(c, c.legs.get(0), status, body);
                break;
            case BATCH_CREATE:
                onBatchCreate(c, status, body);
                break;
            case AMEND:
                onAmend(c, status, body);
                break;
            case DECREASE:
                onDecrease(c, status, body);
                break;
            case CANCEL:
                onCancel(c, status, body);
                break;
            default:
                onBatchCancel(c, status, body);
                break;
        }
    }

    private void onCreate(Call0 c, Leg leg, int status, byte[] body) {
        if (status == 200 || status == 201) {
            CreateOrderV2Response r = OrderCodecs.CREATE_ORDER_V2_RESPONSE.fromJson(body);
            inbound.offer(created(leg, c.cause, (short) status, r.orderId(), r.fillCount(), r.remainingCount(), r.tsMs()));
            return;
        }
        ApiError e = error(body);
        if (status == 409 && e != null && ApiErrorCodes.ORDER_ALREADY_EXISTS.equals(e.code())) {
            lookup(leg, c.cause);
            return;
        }
        if (c.transportRetries > 0) { // an earlier attempt may have landed: a refusal now proves nothing
            unknown(leg, c.cause, (short) status, "retry refused: " + describe(e, status));
            return;
        }
        inbound.offer(reply(leg, OrderReplyEvent.REJECTED, c.cause, (short) status, describe(e, status)));
    }

    private void onBatchCreate(Call0 c, int status, byte[] body) {
        if (status != 200 && status != 201) {
            rejectAll(c, (short) status, describe(error(body), status));
            return;
        }
        List<BatchCreateOrderResult> results = OrderCodecs.BATCH_CREATE_ORDERS_V2_RESPONSE.fromJson(body).orders();
        for (int i = 0; i < c.legs.size(); i++) {
            Leg leg = c.legs.get(i);
            BatchCreateOrderResult r = i < results.size() ? results.get(i) : null;
            if (r == null) {
                unknown(leg, c.cause, (short) status, "missing from batch reply");
            } else if (r.error() == null) {
                inbound.offer(created(leg, c.cause, (short) status, r.orderId(), zeroIfAbsent(r.fillCount()),
                    zeroIfAbsent(r.remainingCount()), r.tsMs()));
            } else if (ApiErrorCodes.ORDER_ALREADY_EXISTS.equals(r.error().code())) {
                lookup(leg, c.cause);
            } else if (c.transportRetries > 0) {
                unknown(leg, c.cause, (short) 400, "retry refused: " + describe(r.error(), 400));
            } else {
                inbound.offer(reply(leg, OrderReplyEvent.REJECTED, c.cause, (short) 400, describe(r.error(), 400)));
            }
        }
    }

    private Reply created(Leg leg, long cause, short status, String orderId, long filled, long remaining, long tsMs) {
        byte type = remaining > 0 ? OrderReplyEvent.ACCEPTED
            : filled >= leg.count() ? OrderReplyEvent.EXECUTED : OrderReplyEvent.CANCELED;
        return new Reply(leg.market(), type, leg.side(), leg.clientOrderId(), orderId, leg.price(), remaining, filled,
            cause, status, "", Reply.nullIfAbsent(tsMs));
    }

    private void onAmend(Call0 c, int status, byte[] body) {
        Leg leg = c.legs.get(0);
        if (status == 200 || status == 201) {
            AmendOrderV2Response r = OrderCodecs.AMEND_ORDER_V2_RESPONSE.fromJson(body);
            String id = leg.updatedClientOrderId().isEmpty() ? leg.clientOrderId() : leg.updatedClientOrderId();
            inbound.offer(new Reply(leg.market(), OrderReplyEvent.AMENDED, leg.side(), id, r.orderId(), leg.price(),
                r.remainingCount(), zeroIfAbsent(r.fillCount()), c.cause, (short) status, "", Reply.nullIfAbsent(r.tsMs())));
            return;
        }
        inbound.offer(reply(leg, OrderReplyEvent.REJECTED, c.cause, (short) status, describe(error(body), status)));
    }

    private void onDecrease(Call0 c, int status, byte[] body) {
        Leg leg = c.legs.get(0);
        if (status == 200 || status == 201) {
            DecreaseOrderV2Response r = OrderCodecs.DECREASE_ORDER_V2_RESPONSE.fromJson(body);
            inbound.offer(new Reply(leg.market(), OrderReplyEvent.DECREASED, leg.side(), leg.clientOrderId(), r.orderId(),
                leg.price(), r.remainingCount(), 0, c.cause, (short) status, "", Reply.nullIfAbsent(r.tsMs())));
            return;
        }
        inbound.offer(reply(leg, OrderReplyEvent.REJECTED, c.cause, (short) status, describe(error(body), status)));
    }

    private void onCancel(Call0 c, int status, byte[] body) {
        Leg leg = c.legs.get(0);
        if (status == 200 || status == 201 || status == 404) { // 404: the exchange does not have it, so it is gone
            inbound.offer(new Reply(leg.market(), OrderReplyEvent.CANCELED, leg.side(), leg.clientOrderId(), leg.orderId(),
                leg.price(), 0, 0, c.cause, (short) status, status == 404 ? "not found" : "", Reply.nullIfAbsent(Wire.ABSENT)));
            return;
        }
        inbound.offer(reply(leg, OrderReplyEvent.REJECTED, c.cause, (short) status, describe(error(body), status)));
    }

    private void onBatchCancel(Call0 c, int status, byte[] body) {
        if (status != 200 && status != 201) {
            rejectAll(c, (short) status, describe(error(body), status));
            return;
        }
        List<BatchCancelOrderResult> results = OrderCodecs.BATCH_CANCEL_ORDERS_V2_RESPONSE.fromJson(body).orders();
        for (int i = 0; i < c.legs.size(); i++) {
            Leg leg = c.legs.get(i);
            BatchCancelOrderResult r = i < results.size() ? results.get(i) : null;
            if (r == null) {
                unknown(leg, c.cause, (short) status, "missing from batch reply");
            } else if (r.error() == null || "not_found".equals(r.error().code())) {
                inbound.offer(new Reply(leg.market(), OrderReplyEvent.CANCELED, leg.side(), leg.clientOrderId(),
                    leg.orderId(), leg.price(), 0, 0, c.cause, (short) status, r.error() == null ? "" : "not found",
                    Reply.nullIfAbsent(r.tsMs())));
            } else {
                inbound.offer(reply(leg, OrderReplyEvent.REJECTED, c.cause, (short) 400, describe(r.error(), 400)));
            }
        }
    }

    /** A 409 on create: the client order id exists, so our earlier attempt got through. Find and adopt it. */
    private void lookup(Leg leg, long cause) {
        lookups.incrementAndGet();
        try {
            Order o = findOrder(leg.ticker(), leg.clientOrderId());
            if (o == null) {
                unknown(leg, cause, (short) 409, "exists but not found");
                return;
            }
            byte type = o.status() == OrderStatus.RESTING ? OrderReplyEvent.ACCEPTED
                : o.status() == OrderStatus.EXECUTED ? OrderReplyEvent.EXECUTED
                : o.status() == OrderStatus.CANCELED ? OrderReplyEvent.CANCELED : OrderReplyEvent.UNKNOWN;
            if (type == OrderReplyEvent.UNKNOWN) {
                unknown(leg, cause, (short) 409, "status " + o.status());
                return;
            }
            inbound.offer(new Reply(leg.market(), type, leg.side(), leg.clientOrderId(), o.orderId(), o.yesPrice(),
                o.remainingCount(), o.fillCount(), cause, (short) 409, "adopted", Reply.nullIfAbsent(o.lastUpdateTimeMs())));
        } catch (IOException | RuntimeException e) {
            unknown(leg, cause, (short) 409, "lookup failed: " + e.getClass().getSimpleName());
        }
    }

    /** GET /portfolio/orders?ticker=… (all statuses), following the cursor; null when absent. */
    Order findOrder(String ticker, String clientOrderId) throws IOException {
        String cursor = null;
        for (int page = 0; page < 50; page++) {
            GetOrdersResponse r = getOrders(ticker, null, cursor);
            for (Order o : r.orders()) {
                if (clientOrderId.equals(o.clientOrderId())) {
                    return o;
                }
            }
            cursor = r.cursor();
            if (cursor == null || cursor.isEmpty()) {
                return null;
            }
        }
        return null;
    }

    GetOrdersResponse getOrders(String ticker, String status, String cursor) throws IOException {
        String path = KalshiPaths.withQuery(KalshiPaths.ORDERS, "ticker", ticker, "status", status, "limit", "1000",
            "cursor", cursor == null || cursor.isEmpty() ? null : cursor);
        return PortfolioCodecs.GET_ORDERS_RESPONSE.fromJson(get(path));
    }

    /** A signed GET, synchronous (off the sender thread: reconciler, lookups). Throws on a non-2xx. */
    byte[] get(String pathAndQuery) throws IOException {
        AuthHeaders auth = signers.get().headers(config.clockMillis().getAsLong(), "GET", pathAndQuery);
        freshSignatures.incrementAndGet();
        Request request = new Request.Builder().url(config.origin() + pathAndQuery).get()
            .header(AuthHeaders.KEY, auth.keyId()).header(AuthHeaders.TIMESTAMP, auth.timestamp())
            .header(AuthHeaders.SIGNATURE, auth.signature()).build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            byte[] bytes = body == null ? new byte[0] : body.bytes();
            if (response.code() / 100 != 2) {
                throw new IOException("GET " + KalshiPaths.stripQuery(pathAndQuery) + " answered " + response.code());
            }
            return bytes;
        }
    }

    private void failed(Call0 c, IOException e) {
        transportFailures.incrementAndGet();
        int max = c.kind == Kind.CREATE || c.kind == Kind.BATCH_CREATE ? config.createTransportRetries()
            : c.isCancel() ? config.cancelTransportRetries() : 0;
        if (c.transportRetries++ < max) {
            retryLater(c, config.backoffInitial().toNanos());
        } else {
            unknownAll(c, (short) 0, "no reply: " + e.getClass().getSimpleName());
        }
    }

    private void retryLater(Call0 c, long delayNanos) {
        scheduled.incrementAndGet();
        try {
            pacer.schedule(() -> {
                try {
                    submit(c, true);
                } finally {
                    scheduled.decrementAndGet();
                }
            }, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            scheduled.decrementAndGet(); // closed: nothing is retried any more
        }
    }

    /** Exponential backoff with equal jitter from the seeded RNG. Caller holds the lock. */
    private long backoffNanos(int attempt) {
        long initial = Math.max(1, config.backoffInitial().toNanos());
        long max = Math.max(initial, config.backoffMax().toNanos());
        long base = attempt >= 30 ? max : Math.min(max, initial << Math.max(0, attempt - 1));
        long half = base / 2;
        return half + jitter.nextLong(half + 1);
    }

    private void rejectAll(Call0 c, short status, String reason) {
        for (Leg leg : c.legs) {
            inbound.offer(reply(leg, OrderReplyEvent.REJECTED, c.cause, status, reason));
        }
    }

    private void unknownAll(Call0 c, short status, String reason) {
        for (Leg leg : c.legs) {
            unknown(leg, c.cause, status, reason);
        }
    }

    private void unknown(Leg leg, long cause, short status, String reason) {
        unknowns.incrementAndGet();
        inbound.offer(reply(leg, OrderReplyEvent.UNKNOWN, cause, status, reason));
        unknownListener.accept(leg.market());
    }

    private static Reply reply(Leg leg, byte type, long cause, short status, String reason) {
        return new Reply(leg.market(), type, leg.side(), leg.clientOrderId(), leg.orderId(), leg.price(), 0, 0, cause, status,
            reason, Reply.nullIfAbsent(Wire.ABSENT));
    }

    private static ApiError error(byte[] body) {
        try {
            ErrorBody e = ErrorCodecs.ERROR_BODY.fromJson(body);
            return e.error() != null ? e.error() : ApiError.of(e.text(), e.text());
        } catch (RuntimeException e) { // WireFormatException included
            return null;
        }
    }

    private static String describe(ApiError e, int status) {
        if (e == null) {
            return "http " + status;
        }
        return (e.code() == null ? "http " + status : e.code()) + (e.details() != null && !e.details().isEmpty()
            ? ": " + e.details() : e.message() != null ? ": " + e.message() : "");
    }

    private static long zeroIfAbsent(long v) {
        return v == Wire.ABSENT ? 0 : v;
    }

    // ------------------------------------------------------------------ views

    /** Nothing queued, in flight or scheduled for retry. */
    public boolean isIdle() {
        synchronized (this) {
            if (!cancels.isEmpty() || !others.isEmpty()) {
                return false;
            }
        }
        return inFlight.get() == 0 && scheduled.get() == 0;
    }

    public long requests() { return requests.get(); }
    public long preSignedUsed() { return preSignedUsed.get(); }
    public long freshSignatures() { return freshSignatures.get(); }
    public long throttled() { return throttled.get(); }
    public long serverErrors() { return serverErrors.get(); }
    public long unauthorized() { return unauthorized.get(); }
    public long transportFailures() { return transportFailures.get(); }
    public long unknowns() { return unknowns.get(); }
    public long lookups() { return lookups.get(); }
    public long budgetWaits() { return budgetWaits.get(); }
    /** Calls this sender wrote on a direct connection itself (counted once the write returned). */
    public long directWrites() { return directWrites.get(); }
    /** Calls that went through OkHttp because no direct connection was idle. */
    public long directFallbacks() { return directFallbacks.get(); }
    /** Direct connections up now (0 when they are off). */
    public int directConnected() { return direct == null ? 0 : direct.connected(); }
    /** Idle direct connections closed and reopened before a middlebox could drop them silently. */
    public long directRecycles() { return direct == null ? 0 : direct.recycles(); }

    /** Queues, in-flight and pause state, for diagnostics. */
    public synchronized String debugState() {
        long now = System.nanoTime();
        return "cancels=" + cancels.size() + " others=" + others.size() + " inFlight=" + inFlight.get()
            + " scheduled=" + scheduled.get() + " pausedForMs=" + Math.max(0, (pausedUntilNanos - now) / 1_000_000)
            + " pumpInMs=" + (pumpAtNanos == Long.MAX_VALUE ? -1 : (pumpAtNanos - now) / 1_000_000)
            + " tokens=" + budget.available(now) + " 429s=" + throttled.get()
            + (direct == null ? "" : " direct=[" + direct + "] fallbacks=" + directFallbacks.get());
    }

    /** Write tokens the client-side budget holds now. */
    public synchronized long budgetAvailable() {
        return budget.available(System.nanoTime());
    }

    @Override
    public void close() {
        pacer.shutdownNow();
        if (direct != null) {
            direct.close();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
