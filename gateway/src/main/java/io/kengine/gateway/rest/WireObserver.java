package io.kengine.gateway.rest;

/**
 * Told each time the {@link KalshiRestSender} has put an order call's request on the wire, for
 * receive-to-wire latency: {@code now - causeTimestampNanos}, read with the same clock that stamped the
 * intent's cause (epoch nanos in production, the harness clock in benchmarks). Set with
 * {@link SenderConfig.Builder#wireObserver}; the default is {@link #NONE}.
 *
 * <p><b>When.</b> Once per write of a call's request whose last byte is in the socket: on a direct
 * connection right after the blocking write returned; through OkHttp when OkHttp has written and flushed
 * the request body (its {@code requestBodyEnd} event; a single cancel is sent with an empty body there so
 * it has that event too). A write that fails, and a call that is never written (not sendable, abandoned at
 * close), is not reported.
 *
 * <p><b>Retries.</b> Every write is a wire event, so a call written again (after a 401, 429, 5xx or a lost
 * answer) is reported again, with the same {@code causeTimestampNanos} and a higher {@code attempt}. Filter
 * on {@code attempt == 0} for the latency of first sends only; a retry's latency includes its back-off.
 *
 * <p><b>Threads.</b> Called on the thread that wrote, and concurrently from several: direct writes happen on
 * the outbound ring's sender thread (in {@link KalshiRestSender#send}, under the send queue's lock),
 * {@code gateway-pacer} (calls the rate budget delayed, retries after a back-off) or the thread that read a
 * 401 ({@code gateway-direct-N} or an OkHttp thread: its fresh retry); OkHttp writes happen on OkHttp's
 * dispatcher threads. Implementations must be thread-safe, <b>must not block and must not allocate</b> (on
 * the direct path the call sits between the socket write and the next order); they should not throw —
 * a {@link RuntimeException} thrown is caught, counted ({@link KalshiRestSender#wireObserverFailures}) and
 * otherwise ignored, so it never affects the call.
 */
@FunctionalInterface
public interface WireObserver {
    /** Observes nothing (the default). */
    WireObserver NONE = (causeTimestampNanos, legs, attempt) -> { };

    /**
     * An order call's request has been written to the socket.
     *
     * @param causeTimestampNanos the header timestamp of the intent the call was made for: the receive time of
     *                            the market event that caused it
     * @param legs                the intent legs this request carries (1, or a batch's size)
     * @param attempt             0 for the call's first dispatch, n for its n-th re-dispatch (a dispatch whose
     *                            write failed is counted but not reported, so a call's first report may be
     *                            above 0)
     */
    void written(long causeTimestampNanos, int legs, int attempt);
}
