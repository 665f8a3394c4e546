package io.kengine.gateway.rest;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What is retried, and when. 401: signed afresh and retried once at once (a stale or clock-skewed
 * pre-signed header). 429: the whole sender pauses ({@link SendQueue#throttled}). 5xx: retried after a
 * backoff up to {@code maxRetries5xx} times, then UNKNOWN. No reply (timeout, connection lost): a create
 * or cancel is retried after {@code backoffInitial} up to its transport-retry limit (the same client order
 * id, so a create that landed answers 409); an amend or decrease is UNKNOWN at once (it is not idempotent).
 * A call given up on ends here ({@link OpenCalls#finished}, after its replies are offered); a retried one
 * stays open.
 */
final class RetryPolicy {
    private final SenderConfig config;
    private final SendQueue queue;
    private final CallOutcomes outcomes;
    private final OpenCalls calls;
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicLong unauthorized = new AtomicLong();
    private final AtomicLong transportFailures = new AtomicLong();

    RetryPolicy(SenderConfig config, SendQueue queue, CallOutcomes outcomes, OpenCalls calls) {
        this.config = config;
        this.queue = queue;
        this.outcomes = outcomes;
        this.calls = calls;
    }

    /**
     * Takes a 401, 429 or 5xx answer (retried, or given up on and ended) and returns true; any other status:
     * false (the caller translates the answer and ends the call).
     */
    boolean tookAnswer(OrderCall c, int status) {
        if (status == 401) {
            unauthorized.incrementAndGet();
            if (!c.resigned) {
                c.resigned = true; // a stale or clock-skewed pre-signed header: sign afresh, once
                queue.submit(c, true);
            } else {
                try {
                    outcomes.rejectAll(c, (short) status, "unauthorized");
                } finally {
                    calls.finished();
                }
            }
            return true;
        }
        if (status == 429) {
            throttled.incrementAndGet();
            queue.throttled(c);
            return true;
        }
        if (status >= 500) {
            serverErrors.incrementAndGet();
            if (c.retries5xx++ < config.maxRetries5xx()) {
                queue.retryLater(c, queue.backoffNanos(c.retries5xx));
            } else {
                try {
                    outcomes.unknownAll(c, (short) status, "http " + status);
                } finally {
                    calls.finished();
                }
            }
            return true;
        }
        queue.answered();
        return false;
    }

    /** No answer came (write or read failed, timed out, connection lost). */
    void noReply(OrderCall c, IOException e) {
        transportFailures.incrementAndGet();
        int max = c.isCreate() ? config.createTransportRetries() : c.isCancel() ? config.cancelTransportRetries() : 0;
        if (c.transportRetries++ < max) {
            queue.retryLater(c, config.backoffInitial().toNanos());
        } else {
            try {
                outcomes.unknownAll(c, (short) 0, "no reply: " + e.getClass().getSimpleName());
            } finally {
                calls.finished();
            }
        }
    }

    long throttled() { return throttled.get(); }
    long serverErrors() { return serverErrors.get(); }
    long unauthorized() { return unauthorized.get(); }
    long transportFailures() { return transportFailures.get(); }
}
