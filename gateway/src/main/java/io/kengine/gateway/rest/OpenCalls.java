package io.kengine.gateway.rest;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The order calls the sender has accepted and not yet finished, as one count: {@link #opened} in
 * {@link KalshiRestSender#send} before the call is queued (before any other thread can see it), and
 * {@link #finished} exactly once per call, by whichever thread ends it, after its last reply was offered to
 * the {@link InboundPublisher}:
 * <ul>
 *   <li>a final answer, translated ({@code KalshiRestSender}: 2xx, 4xx, a 409 adopted, an unreadable 2xx);</li>
 *   <li>given up on ({@link RetryPolicy}: a second 401, 5xx past the limit, no reply past the limit);</li>
 *   <li>not sendable ({@link CallDispatcher}: a request the codecs or OkHttp refuse, an unreadable body);</li>
 *   <li>abandoned ({@link SendQueue}: submitted, re-queued or retried after the sender closed, or waiting in
 *       the queue or for a back-off when it closed) &mdash; counted, no reply.</li>
 * </ul>
 * A retry (401, 429, 5xx, no reply) does not finish the call: it stays open while it moves from in flight to
 * the queue or a back-off and back. So "nothing left to publish" is this count at zero, one read: three
 * separate reads (queue, in flight, back-off) could each miss a call that was moving between them.
 */
final class OpenCalls {
    private final AtomicLong open = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();

    /** A call was accepted; before it is queued. */
    void opened() {
        open.incrementAndGet();
    }

    /** A call ended and its replies (if any) were offered to the inbound publisher. Once per call. */
    void finished() {
        open.decrementAndGet();
    }

    /** Calls dropped without a reply because the sender closed; they end here. */
    void abandoned(int calls) {
        if (calls > 0) {
            abandoned.addAndGet(calls);
            open.addAndGet(-calls);
        }
    }

    /** No call accepted and not finished. */
    boolean none() {
        return open.get() == 0;
    }

    long open() {
        return open.get();
    }

    long abandoned() {
        return abandoned.get();
    }
}
