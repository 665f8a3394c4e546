package io.kengine.gateway.rest;

import io.kengine.protocol.wire.KalshiPaths;
import io.kengine.protocol.wire.auth.AuthHeaders;
import io.kengine.protocol.wire.auth.KalshiSigner;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Auth headers for the sender's requests: RSA-PSS signatures made on the spot (one {@link KalshiSigner}
 * per thread: it is not thread-safe), and pre-signed headers for the three fixed paths (create, batch
 * create, batch cancel), refreshed by the pacer every {@code preSignMaxAge / 2} and used up to
 * {@code preSignMaxAge}, so the sender thread usually skips the ~1 ms signature; and, through
 * {@link OrderPathHeaders}, pre-signed headers for the amend, decrease and cancel paths of the order ids
 * in use (bounded in ids and in signatures per second; see there for the cost).
 */
final class RequestSigner {
    private static final System.Logger LOG = System.getLogger(KalshiRestSender.class.getName()); // the sender's log

    private final LongSupplier clockMillis;
    private final ThreadLocal<KalshiSigner> signers;
    private final long preSignMaxAgeMs;
    private volatile AuthHeaders preCreate;
    private volatile AuthHeaders preBatchCreate;
    private volatile AuthHeaders preBatchCancel;
    private final AtomicLong preSignedUsed = new AtomicLong();
    private final AtomicLong freshSignatures = new AtomicLong();
    private final OrderPathHeaders orderPaths;

    RequestSigner(SenderConfig config) {
        this.clockMillis = config.clockMillis();
        this.signers = ThreadLocal.withInitial(() -> new KalshiSigner(config.keyId(), config.privateKey()));
        this.preSignMaxAgeMs = config.preSignMaxAge().toMillis();
        long periodMs = Math.max(1, preSignMaxAgeMs / 2);
        this.orderPaths = new OrderPathHeaders(clockMillis, config.preSignOrderIds(), 10 * Math.max(1, preSignMaxAgeMs),
            periodMs, preSignMaxAgeMs > 0 ? config.preSignOrderPathsPerSecond() : 0);
    }

    long preSignMaxAgeMs() {
        return preSignMaxAgeMs;
    }

    /** Signs the fixed paths, then the order-id paths of the ids in use, now; run periodically by the pacer. */
    void preSign() {
        KalshiSigner s = signers.get();
        try {
            long now = clockMillis.getAsLong();
            preCreate = s.headers(now, "POST", KalshiPaths.ORDERS_V2);
            preBatchCreate = s.headers(now, "POST", KalshiPaths.ORDERS_V2_BATCHED);
            preBatchCancel = s.headers(now, "DELETE", KalshiPaths.ORDERS_V2_BATCHED);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "gateway: pre-signing failed: " + e.getClass().getSimpleName());
        }
        try {
            orderPaths.refresh(s);
        } catch (RuntimeException e) { // never let the scheduled task die
            LOG.log(System.Logger.Level.WARNING, "gateway: pre-signing order paths failed: " + e.getClass().getSimpleName());
        }
    }

    /** The order ids whose amend / decrease / cancel headers the pacer keeps fresh. */
    OrderPathHeaders orderPaths() {
        return orderPaths;
    }

    /** The pre-signer has produced its first headers. */
    boolean preSignedReady() {
        return preCreate != null && preBatchCreate != null && preBatchCancel != null;
    }

    /**
     * The latest pre-signed header of a call's path: the fixed path's, or for an amend, decrease or cancel
     * the one of its order id's path (null when that id is not kept fresh).
     */
    AuthHeaders preSigned(OrderCall c) {
        switch (c.kind) {
            case CREATE: return preCreate;
            case BATCH_CREATE: return preBatchCreate;
            case BATCH_CANCEL: return preBatchCancel;
            default: return orderPaths.get(c);
        }
    }

    /**
     * True when {@link #forCall} would sign this call on the spot (≈ 0.75 ms of RSA-PSS): no pre-signed
     * header for its path (an order id not kept fresh), a stale one, or a call refused with 401.
     */
    boolean signsOnTheSpot(OrderCall c) {
        AuthHeaders pre = preSigned(c);
        long now = clockMillis.getAsLong();
        return pre == null || c.resigned || now - pre.timestampMs() > preSignMaxAgeMs || now < pre.timestampMs();
    }

    /**
     * The headers of an order call: {@code pre} while it is fresh enough (and not from the future), unless
     * the call was already refused with 401 (then a fresh signature: the header may be what was refused).
     */
    AuthHeaders forCall(OrderCall c, AuthHeaders pre, String method, String path) {
        long now = clockMillis.getAsLong();
        if (pre != null && !c.resigned && now - pre.timestampMs() <= preSignMaxAgeMs && now >= pre.timestampMs()) {
            preSignedUsed.incrementAndGet();
            return pre;
        }
        freshSignatures.incrementAndGet();
        return signers.get().headers(now, method, path);
    }

    /** Fresh headers for a GET (the query is not signed; the signer strips it). */
    AuthHeaders forGet(String pathAndQuery) {
        AuthHeaders auth = signers.get().headers(clockMillis.getAsLong(), "GET", pathAndQuery);
        freshSignatures.incrementAndGet();
        return auth;
    }

    long preSignedUsed() { return preSignedUsed.get(); }
    long freshSignatures() { return freshSignatures.get(); }
}
