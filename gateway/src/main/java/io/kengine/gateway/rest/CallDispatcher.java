package io.kengine.gateway.rest;

import io.kengine.protocol.wire.auth.AuthHeaders;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Puts one order call on the wire: on an idle direct connection, written by the calling thread (the last
 * byte is in the socket when {@link #dispatch} returns); when none is idle (a burst, or reconnecting),
 * through OkHttp's dispatcher, so a burst still goes out in parallel and nothing waits behind a busy
 * connection. Either way the answer (or its absence) reaches {@code answers} exactly once, on a reader or
 * OkHttp thread. A call that cannot be put on the wire (a request the codecs or OkHttp refuse) is REJECTED,
 * and one whose body cannot be read is UNKNOWN: both end here ({@link OpenCalls#finished}).
 * {@code answers} must not throw (the sender handles what its translation throws).
 *
 * <p>Each write of a call's request is reported to the {@link WireObserver}: after a direct write returned
 * {@link DirectConnection#WRITTEN}, on the writing thread (primitives only, nothing allocated); for an OkHttp
 * call, by a per-call {@link EventListener} (added only when an observer is set, so a listener the shared
 * client already has is kept) at {@code requestBodyEnd}, which OkHttp fires after closing the body sink,
 * which flushes it to the socket (HTTP/1.1) or ends the stream and flushes the connection (HTTP/2). A
 * bodyless request's {@code requestHeadersEnd} would come before OkHttp's HTTP/1.1 flush, so a single
 * cancel goes through OkHttp with an empty body ({@code Content-Length: 0}, as on a direct connection).
 * (Were OkHttp to follow a 307/308 redirect, it would write the request again and report the same attempt
 * again; the exchange's order endpoints do not redirect.)
 */
final class CallDispatcher implements AutoCloseable {
    private static final MediaType JSON = MediaType.get("application/json");
    /** A bodyless request's body through OkHttp (a single cancel): {@code Content-Length: 0}, no Content-Type. */
    private static final RequestBody EMPTY = RequestBody.create(new byte[0], null);

    private final String origin;
    private final OkHttpClient http;
    private final OrderRequests requests;
    private final CallOutcomes outcomes;
    private final OpenCalls calls;
    private final DirectConnection.Handler<OrderCall> answers;
    /** The sender-written connections (null = OkHttp only); answers come back on their reader threads. */
    private final DirectConnections<OrderCall> direct;
    private final WireObserver wire;
    /** An observer other than {@link WireObserver#NONE}: OkHttp calls get a listener. */
    private final boolean observing;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong directWrites = new AtomicLong();
    private final AtomicLong directFallbacks = new AtomicLong();
    private final AtomicLong wireObserverFailures = new AtomicLong();

    CallDispatcher(SenderConfig config, OkHttpClient http, OrderRequests requests, CallOutcomes outcomes,
                   OpenCalls calls, DirectConnection.Handler<OrderCall> answers) {
        this.origin = config.origin();
        this.http = http;
        this.requests = requests;
        this.outcomes = outcomes;
        this.calls = calls;
        this.answers = answers;
        this.wire = config.wireObserver();
        this.observing = wire != WireObserver.NONE;
        this.direct = config.directConnections() <= 0 ? null : new DirectConnections<>(config.directConnections(),
            config.origin(), config.connectTimeout(), config.readTimeout(), config.callTimeout(),
            config.backoffInitial(), config.backoffMax(), config.directMaxIdle(), config.directKeepAlive(),
            new DirectConnection.Handler<>() {
                @Override
                public void response(OrderCall c, int status, byte[] body) {
                    try {
                        answers.response(c, status, body);
                    } finally {
                        inFlight.decrementAndGet();
                    }
                }

                @Override
                public void failure(OrderCall c, IOException e) {
                    try {
                        answers.failure(c, e);
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

    /** Opens the direct connections (their readers connect; nothing waits here). */
    void start() {
        if (direct != null) {
            direct.start();
        }
    }

    void dispatch(OrderCall c) {
        OrderRequests.Outgoing o;
        try {
            o = requests.prepare(c);
        } catch (RuntimeException e) { // a body the wire codecs refuse: the exchange would refuse it too
            notSendable(c, e);
            return;
        }
        int attempt = c.dispatches++; // the call is this thread's until it is handed to a connection or OkHttp
        inFlight.incrementAndGet();
        sent.incrementAndGet();
        if (direct != null) {
            int r;
            try {
                r = direct.trySend(c, o.method(), o.path(), o.body(), o.auth());
            } catch (IllegalArgumentException e) { // bytes the direct writer refuses before taking the call:
                r = DirectConnection.NOT_TAKEN;       // OkHttp encodes them
            }
            if (r == DirectConnection.WRITTEN) {
                written(c, attempt);
                directWrites.incrementAndGet();
                return;
            }
            if (r == DirectConnection.WRITE_FAILED) {
                return; // already reported to answers.failure
            }
            directFallbacks.incrementAndGet();
        }
        Call okCall;
        try {
            okCall = http.newCall(okHttpRequest(o));
        } catch (RuntimeException e) { // a URL or header OkHttp refuses: nothing was sent
            inFlight.decrementAndGet();
            notSendable(c, e);
            return;
        }
        OkHttpExchange exchange = new OkHttpExchange(c, attempt);
        if (observing) {
            okCall.addEventListener(exchange);
        }
        okCall.enqueue(exchange); // a closed client's executor refuses it: onFailure
    }

    /** Tells the observer that a call's request is on the wire; what it throws never reaches the call. */
    private void written(OrderCall c, int attempt) {
        try {
            wire.written(c.causeTimestampNanos, c.legs.size(), attempt);
        } catch (RuntimeException e) {
            wireObserverFailures.incrementAndGet();
        }
    }

    /** One call through OkHttp: its answer (the callback) and, with an observer, its write (the listener). */
    private final class OkHttpExchange extends EventListener implements Callback {
        private final OrderCall c;
        private final int attempt;

        OkHttpExchange(OrderCall c, int attempt) {
            this.c = c;
            this.attempt = attempt;
        }

        /** The body sink was closed: flushed to the socket (HTTP/1.1), or the stream ended and flushed (HTTP/2). */
        @Override
        public void requestBodyEnd(Call call, long byteCount) {
            written(c, attempt);
        }

        @Override
        public void onResponse(Call call, Response response) {
            try {
                byte[] bytes;
                try (response) {
                    ResponseBody body = response.body();
                    bytes = body == null ? new byte[0] : body.bytes();
                } catch (IOException e) {
                    answers.failure(c, e);
                    return;
                } catch (RuntimeException e) {
                    unreadable(c, e);
                    return;
                }
                answers.response(c, response.code(), bytes);
            } finally {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public void onFailure(Call call, IOException e) {
            try {
                answers.failure(c, e);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    /** The request could not be built: REJECTED (nothing reached the exchange); the call ends. */
    private void notSendable(OrderCall c, RuntimeException e) {
        try {
            outcomes.rejectAll(c, (short) 0, "not sendable: " + e.getMessage());
        } finally {
            calls.finished();
        }
    }

    /** The answer's body could not be read: UNKNOWN (it may have executed); the call ends. */
    private void unreadable(OrderCall c, RuntimeException e) {
        try {
            outcomes.unknownAll(c, (short) 0, "unreadable reply: " + e.getClass().getSimpleName());
        } finally {
            calls.finished();
        }
    }

    /** The OkHttp request of a call (signed now, or with a fresh-enough pre-signed header). */
    Request request(OrderCall c) {
        return okHttpRequest(requests.prepare(c));
    }

    private Request okHttpRequest(OrderRequests.Outgoing o) {
        AuthHeaders auth = o.auth();
        Request.Builder b = new Request.Builder().url(origin + o.path())
            .header(AuthHeaders.KEY, auth.keyId())
            .header(AuthHeaders.TIMESTAMP, auth.timestamp())
            .header(AuthHeaders.SIGNATURE, auth.signature());
        // an empty body rather than none: OkHttp's requestBodyEnd (the WireObserver's moment) then comes after
        // its flush; the direct connections send the same Content-Length: 0
        RequestBody rb = o.body() == null ? EMPTY : RequestBody.create(o.body(), JSON);
        if ("POST".equals(o.method())) {
            b.post(rb);
        } else {
            b.delete(rb);
        }
        return b.build();
    }

    int inFlight() { return inFlight.get(); }
    long sent() { return sent.get(); }
    long directWrites() { return directWrites.get(); }
    long directFallbacks() { return directFallbacks.get(); }
    long wireObserverFailures() { return wireObserverFailures.get(); }
    int directConnected() { return direct == null ? 0 : direct.connected(); }
    int directIdle() { return direct == null ? 0 : direct.idle(); }
    long directRecycles() { return direct == null ? 0 : direct.recycles(); }

    /** The direct connections' states, for diagnostics ("" when they are off). */
    String describe() {
        return direct == null ? "" : " direct=[" + direct + "] fallbacks=" + directFallbacks.get();
    }

    @Override
    public void close() {
        if (direct != null) {
            direct.close();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
