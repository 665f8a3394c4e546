package io.kengine.gateway.rest;

import io.kengine.gateway.IntentSender;
import io.kengine.gateway.MarketTickers;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.event.OrderReplyEvent;
import io.kengine.protocol.wire.rest.GetOrdersResponse;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * signs (RSA-PSS, or a pre-signed header for the fixed create / batch-create / batch-cancel paths and
 * for the amend / decrease / cancel paths of the order ids in use ({@link OrderPathHeaders}), refreshed
 * by the {@code gateway-pacer} thread and used up to {@link SenderConfig#preSignMaxAge()})
 * and writes the request on an idle direct connection (one blocking socket write, never a read) or hands
 * it to OkHttp. Answers arrive on the {@code gateway-direct-N} reader threads or OkHttp's threads and go
 * to the {@link InboundPublisher}'s own thread, which alone publishes inbound. Requests the rate budget
 * cannot pay yet, retries and backoffs are dispatched later by {@code gateway-pacer} (it signs those
 * itself); a 401's fresh retry is dispatched by the thread that read the 401. Each write of an order
 * request is reported to {@link SenderConfig#wireObserver()} ({@link WireObserver}: receive-to-wire).
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
 *
 * <p><b>Parts.</b> This class decodes intents into {@link OrderCall}s and routes answers; the work is done
 * by {@link SendQueue} (budget, priority, pacer), {@link CallDispatcher} (direct connection or OkHttp),
 * {@link OrderRequests} and {@link RequestSigner} (bytes and headers), {@link RetryPolicy} (401, 429, 5xx,
 * no reply), {@link ReplyTranslator} and {@link ExistingOrderAdoption} (answers → replies, 409 lookups),
 * {@link CallOutcomes} (replies out, the unknown listener) and {@link SignedGets}. {@link OpenCalls} counts
 * the calls accepted and not yet ended, which is what {@link #isIdle} reads.
 */
public final class KalshiRestSender implements IntentSender {
    private final MarketTickers tickers;
    private final ScheduledExecutorService pacer;
    private final RequestSigner signer;
    private final CallOutcomes outcomes;
    private final SignedGets gets;
    private final ExistingOrderAdoption adoption;
    private final ReplyTranslator translator;
    private final CallDispatcher dispatcher;
    private final SendQueue queue;
    private final RetryPolicy retries;
    private final OpenCalls calls = new OpenCalls();
    private boolean started;

    private final OrderIntentEvent intent = new OrderIntentEvent();
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);

    public KalshiRestSender(SenderConfig config, MarketTickers tickers, InboundPublisher inbound) {
        this(config, tickers, inbound, null);
    }

    /** @param http a client to share (its timeouts are replaced by the config's); null = a new one */
    public KalshiRestSender(SenderConfig config, MarketTickers tickers, InboundPublisher inbound, OkHttpClient http) {
        this.tickers = tickers;
        OkHttpClient client = CallDispatcher.client(config, http);
        this.pacer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gateway-pacer");
            t.setDaemon(true);
            return t;
        });
        this.signer = new RequestSigner(config);
        this.outcomes = new CallOutcomes(inbound);
        this.gets = new SignedGets(config.origin(), client, signer);
        this.adoption = new ExistingOrderAdoption(gets, outcomes);
        this.translator = new ReplyTranslator(outcomes, adoption, signer.orderPaths());
        this.dispatcher = new CallDispatcher(config, client, new OrderRequests(signer), outcomes, calls,
            new DirectConnection.Handler<>() {
                @Override
                public void response(OrderCall c, int status, byte[] body) {
                    handle(c, status, body);
                }

                @Override
                public void failure(OrderCall c, IOException e) {
                    retries.noReply(c, e);
                }
            });
        this.queue = new SendQueue(config, pacer, dispatcher::dispatch, calls, signer::signsOnTheSpot);
        this.retries = new RetryPolicy(config, queue, outcomes, calls);
    }

    /** Starts pre-signing (when the max age is above zero) and opens the direct connections. */
    public synchronized KalshiRestSender start() {
        if (started) {
            return this;
        }
        started = true;
        dispatcher.start();
        long maxAgeMs = signer.preSignMaxAgeMs();
        if (maxAgeMs > 0) {
            long period = Math.max(1, maxAgeMs / 2);
            pacer.scheduleAtFixedRate(signer::preSign, 0, period, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** Called (on an HTTP thread) after an UNKNOWN reply for a market was queued for publishing. */
    public void onUnknown(IntConsumer listener) {
        outcomes.onUnknown(listener);
    }

    /** The pre-signer has produced its first headers. */
    boolean preSignedReady() {
        return signer.preSignedReady();
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
        long causeNanos = EventHeader.timestampNanos(buffer, offset);
        List<OrderCall.Leg> creates = null;
        List<OrderCall.Leg> cancelLegs = null;
        int n = intent.legCount();
        for (int i = 0; i < n; i++) {
            OrderCall.Leg leg = leg(i);
            if (leg.ticker() == null) {
                outcomes.publish(leg, OrderReplyEvent.REJECTED, cause, (short) 0, "unknown market id " + leg.market());
                continue;
            }
            switch (leg.action()) {
                case OrderIntentEvent.CREATE:
                    (creates == null ? creates = new ArrayList<>(n) : creates).add(leg);
                    break;
                case OrderIntentEvent.CANCEL:
                    if (leg.orderId().isEmpty()) {
                        outcomes.publish(leg, OrderReplyEvent.REJECTED, cause, (short) 0, "no order id to cancel");
                    } else {
                        (cancelLegs == null ? cancelLegs = new ArrayList<>(n) : cancelLegs).add(leg);
                    }
                    break;
                case OrderIntentEvent.AMEND:
                case OrderIntentEvent.DECREASE:
                    if (leg.orderId().isEmpty()) {
                        outcomes.publish(leg, OrderReplyEvent.REJECTED, cause, (short) 0, "no order id");
                    } else {
                        signer.orderPaths().used(leg.orderId()); // the next amend of it gets a pre-signed header
                        submit(new OrderCall(leg.action() == OrderIntentEvent.AMEND ? OrderCall.Kind.AMEND
                            : OrderCall.Kind.DECREASE, List.of(leg), cause, causeNanos));
                    }
                    break;
                default:
                    outcomes.publish(leg, OrderReplyEvent.REJECTED, cause, (short) 0, "unknown action");
                    break;
            }
        }
        if (cancelLegs != null) {
            submit(new OrderCall(cancelLegs.size() == 1 ? OrderCall.Kind.CANCEL : OrderCall.Kind.BATCH_CANCEL,
                cancelLegs, cause, causeNanos));
        }
        if (creates != null) {
            submit(new OrderCall(creates.size() == 1 ? OrderCall.Kind.CREATE : OrderCall.Kind.BATCH_CREATE,
                creates, cause, causeNanos));
        }
    }

    /** Each leg is rejected with {@code reason}, published like an exchange's refusal; nothing is sent. */
    @Override
    public void refuse(DirectBuffer buffer, int offset, int length, String reason) {
        if (EventHeader.type(buffer, offset) != EventType.ORDER_INTENT) {
            return;
        }
        view.wrap(buffer, offset, length);
        intent.wrap(view, 0);
        long cause = intent.sequence();
        for (int i = 0; i < intent.legCount(); i++) {
            outcomes.publish(leg(i), OrderReplyEvent.REJECTED, cause, (short) 0, reason);
        }
    }

    /** Opens the call before it is queued: from here until it ends, {@link #isIdle} is false. */
    private void submit(OrderCall c) {
        calls.opened();
        queue.submit(c, false);
    }

    private OrderCall.Leg leg(int i) {
        int market = intent.legMarketId(i);
        return new OrderCall.Leg(market, tickers.ticker(market), intent.legAction(i), intent.legSide(i),
            intent.legPrice(i), intent.legCount(i), intent.legTimeInForce(i), intent.legFlags(i),
            intent.legClientOrderId(i), intent.legUpdatedClientOrderId(i), intent.legOrderId(i));
    }

    /** The OkHttp request of a call (signed now, or with a fresh-enough pre-signed header). */
    Request request(OrderCall c) {
        return dispatcher.request(c);
    }

    // ------------------------------------------------------------------ answers

    /** An answer: retried or given up on by the policy, else translated; then the call ends (replies offered first). */
    private void handle(OrderCall c, int status, byte[] body) {
        if (retries.tookAnswer(c, status)) {
            return; // retried (still open), or given up on (ended there)
        }
        try {
            translator.translate(c, status, body);
        } catch (RuntimeException e) { // a 2xx body that cannot be read: it may have executed
            outcomes.unknownAll(c, (short) 0, "unreadable reply: " + e.getClass().getSimpleName());
        } finally {
            calls.finished();
        }
    }

    /** One page of {@code GET /portfolio/orders} (the reconciler's). */
    GetOrdersResponse getOrders(String ticker, String status, String cursor) throws IOException {
        return gets.getOrders(ticker, status, cursor);
    }

    /** A signed GET, synchronous (off the sender thread: reconciler, lookups). Throws on a non-2xx. */
    byte[] get(String pathAndQuery) throws IOException {
        return gets.get(pathAndQuery);
    }

    // ------------------------------------------------------------------ views

    /**
     * Every order call accepted so far has ended, its replies offered to the {@link InboundPublisher}:
     * nothing queued, in flight, waiting for a back-off or being looked up. One read of {@link OpenCalls}, so
     * a call moving between those states is never missed. The replies may still be in the publisher's queue:
     * read {@link InboundPublisher#isIdle()} after this for "every reply is on the ring".
     */
    public boolean isIdle() {
        return calls.none();
    }

    /** Order calls accepted and not yet ended (queued, in flight, waiting to be retried). */
    public long openCalls() { return calls.open(); }
    /** Calls dropped without a reply because the sender was closed (waiting to be sent or retried, or sent to it after). */
    public long abandoned() { return calls.abandoned(); }

    public long requests() { return dispatcher.sent(); }
    public long preSignedUsed() { return signer.preSignedUsed(); }
    public long freshSignatures() { return signer.freshSignatures(); }
    /** Order ids whose amend / decrease / cancel headers the latest pre-signing run re-signed. */
    public int preSignedOrderIds() { return signer.orderPaths().keptFresh(); }
    /** Order ids tracked for pre-signed order-path headers (kept fresh, or beyond the signature cap). */
    public int trackedOrderIds() { return signer.orderPaths().tracked(); }
    /** Signatures the pacer made ahead of time for order-id paths (amend, decrease, cancel). */
    public long orderPathPreSignatures() { return signer.orderPaths().signatures(); }
    /** Runs of the pre-signing task (for tests: waiting for the pacer to have run). */
    long preSignRuns() { return signer.orderPaths().runs(); }
    /** Whether an order id's paths are tracked for pre-signing now (for tests). */
    boolean tracksOrderId(String orderId) { return signer.orderPaths().tracks(orderId); }
    public long throttled() { return retries.throttled(); }
    public long serverErrors() { return retries.serverErrors(); }
    public long unauthorized() { return retries.unauthorized(); }
    public long transportFailures() { return retries.transportFailures(); }
    public long unknowns() { return outcomes.unknowns(); }
    public long lookups() { return adoption.lookups(); }
    public long budgetWaits() { return queue.budgetWaits(); }
    /** Calls this sender wrote on a direct connection itself (counted once the write returned). */
    public long directWrites() { return dispatcher.directWrites(); }
    /** Calls that went through OkHttp because no direct connection was idle. */
    public long directFallbacks() { return dispatcher.directFallbacks(); }
    /** Direct connections up now (0 when they are off). */
    public int directConnected() { return dispatcher.directConnected(); }
    /** Direct connections up and idle now (the next call would be written on one); for tests. */
    int directIdle() { return dispatcher.directIdle(); }
    /** Idle direct connections closed and reopened before a middlebox could drop them silently. */
    public long directRecycles() { return dispatcher.directRecycles(); }
    /** Exceptions the {@link SenderConfig#wireObserver()} threw (caught; the calls went on unaffected). */
    public long wireObserverFailures() { return dispatcher.wireObserverFailures(); }

    /** Queues, in-flight and pause state, for diagnostics. */
    public String debugState() {
        return "open=" + calls.open() + " " + queue.describe(dispatcher.inFlight()) + " 429s=" + retries.throttled() + dispatcher.describe();
    }

    /** Write tokens the client-side budget holds now. */
    public long budgetAvailable() {
        return queue.budgetAvailable();
    }

    /**
     * Stops sending: calls waiting in the queue or for a back-off are abandoned ({@link #abandoned}); calls
     * in flight on direct connections fail (UNKNOWN, or abandoned if they would be retried); OkHttp's finish.
     */
    @Override
    public void close() {
        queue.close(); // before the pacer stops: a retry it will never run is counted as abandoned here
        pacer.shutdownNow();
        dispatcher.close();
    }
}
