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
 * {@code preSignMaxAge}, so the sender thread usually skips the ~1 ms signature.
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

    RequestSigner(SenderConfig config) {
        this.clockMillis = config.clockMillis();
        this.signers = ThreadLocal.withInitial(() -> new KalshiSigner(config.keyId(), config.privateKey()));
        this.preSignMaxAgeMs = config.preSignMaxAge().toMillis();
    }

    long preSignMaxAgeMs() {
        return preSignMaxAgeMs;
    }

    /** Signs the fixed paths now; run periodically by the pacer. */
    void preSign() {
        try {
            KalshiSigner s = signers.get();
            long now = clockMillis.getAsLong();
            preCreate = s.headers(now, "POST", KalshiPaths.ORDERS_V2);
            preBatchCreate = s.headers(now, "POST", KalshiPaths.ORDERS_V2_BATCHED);
            preBatchCancel = s.headers(now, "DELETE", KalshiPaths.ORDERS_V2_BATCHED);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "gateway: pre-signing failed: " + e.getClass().getSimpleName());
        }
    }

    /** The pre-signer has produced its first headers. */
    boolean preSignedReady() {
        return preCreate != null && preBatchCreate != null && preBatchCancel != null;
    }

    /** The latest pre-signed header of a call's fixed path; null for a path with an order id in it. */
    AuthHeaders preSigned(OrderCall.Kind kind) {
        switch (kind) {
            case CREATE: return preCreate;
            case BATCH_CREATE: return preBatchCreate;
            case BATCH_CANCEL: return preBatchCancel;
            default: return null;
        }
    }

    /**
     * True when {@link #forCall} would sign this call on the spot (≈ 0.75 ms of RSA-PSS): a path with an
     * order id in it (amend, decrease, cancel), a stale pre-signed header, or a call refused with 401.
     */
    boolean signsOnTheSpot(OrderCall c) {
        AuthHeaders pre = preSigned(c.kind);
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
