package io.kengine.sim.server;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fault-injection switchboard. Every switch can be flipped at runtime from any thread
 * (tests, an operator command); the server reads them on each request / frame.
 *
 * <p>Counted faults ("the next n") decrement as they fire; {@link #FOREVER} keeps one on until
 * {@link #clear()}. Frame faults apply to <em>data</em> frames (channel messages), never to command
 * acks, so a client's subscribe still gets its {@code subscribed}:
 * <ul>
 *   <li>{@link #skipSeq(int)}: the next seq-bearing frame is not sent (its seq is used up: a gap);</li>
 *   <li>{@link #duplicateSeq(int)}: the next seq-bearing frame is sent twice;</li>
 *   <li>{@link #reorderNext(int)}: the next seq-bearing frame is held back and sent right after the
 *       following seq-bearing frame on the same connection (seq N+1 arrives before N);</li>
 *   <li>{@link #malformNext(int)}: the next data frame is cut in half (not valid JSON);</li>
 *   <li>{@link #delayFrames(Duration)}: every outbound frame (acks too) leaves that much later, in order;</li>
 *   <li>{@link #dropWebSockets()}: every open WebSocket is cut now, without a close frame;
 *       {@link #dropWebSocketsEvery(Duration)} does it periodically (the form configuration can use).</li>
 * </ul>
 * REST faults answer the next requests (under an optional path prefix) before they reach the
 * exchange: {@link RestFault#HTTP_500}, {@link RestFault#HTTP_503}, {@link RestFault#HTTP_429},
 * or {@link RestFault#TIMEOUT} (no answer; the connection is closed after {@link #timeoutHold(Duration)}).
 * {@link #loseOrderReplies(int)} lets the next order calls (create, batch create, amend, decrease,
 * cancel, batch cancel) reach the exchange and take effect, then closes the connection instead of
 * answering; {@link #holdOrderReplies(int, Duration)} first holds them past the client's timeout.
 *
 * <p>{@link SimServerConfig.Builder#faults(String...)} sets the same switches at start
 * ({@link FaultSettings}).
 */
public final class Faults {
    /** A count that never runs out. */
    public static final int FOREVER = -1;

    /** What a faulted REST call gets instead of its answer. */
    public enum RestFault { HTTP_500, HTTP_503, HTTP_429, TIMEOUT }

    private record RestRule(RestFault kind, String pathPrefix) {
    }

    private final AtomicReference<RestRule> restRule = new AtomicReference<>();
    private final AtomicInteger restCount = new AtomicInteger();
    private final AtomicInteger loseReplies = new AtomicInteger();
    private final AtomicInteger holdReplies = new AtomicInteger();
    private final AtomicLong holdRepliesMillis = new AtomicLong();
    private final AtomicLong timeoutHoldMillis = new AtomicLong(30_000);

    private final AtomicInteger skipSeq = new AtomicInteger();
    private final AtomicInteger duplicateSeq = new AtomicInteger();
    private final AtomicInteger reorder = new AtomicInteger();
    private final AtomicInteger malform = new AtomicInteger();
    private final AtomicLong frameDelayMillis = new AtomicLong();

    private volatile Runnable dropper = () -> { };
    // periodic drop: the period, the server's timer once started, the scheduled task (guarded by this)
    private long dropEveryMillis;
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> dropTask;

    // ---------------------------------------------------------------- REST

    /** The next {@code times} REST calls (any path) get {@code kind}; {@link #FOREVER} until cleared. */
    public Faults failRest(RestFault kind, int times) {
        return failRest(kind, times, null);
    }

    /** As {@link #failRest(RestFault, int)}, only for paths starting with {@code pathPrefix}. */
    public Faults failRest(RestFault kind, int times, String pathPrefix) {
        restCount.set(times);
        restRule.set(new RestRule(kind, pathPrefix));
        return this;
    }

    /** How long a {@link RestFault#TIMEOUT} holds the request before closing the connection. */
    public Faults timeoutHold(Duration hold) {
        timeoutHoldMillis.set(hold.toMillis());
        return this;
    }

    /** The next {@code times} order calls take effect but their reply is lost (connection closed). */
    public Faults loseOrderReplies(int times) {
        loseReplies.set(times);
        return this;
    }

    /**
     * The next {@code times} order calls are held for {@code hold} before they reach the exchange (a
     * client with a shorter timeout gives up first), then take effect and their reply is lost (connection
     * closed): a request that timed out on the client but executed late on the exchange.
     */
    public Faults holdOrderReplies(int times, Duration hold) {
        holdRepliesMillis.set(Math.max(0, hold.toMillis()));
        holdReplies.set(times);
        return this;
    }

    // ---------------------------------------------------------------- WebSocket

    public Faults skipSeq(int times) {
        skipSeq.set(times);
        return this;
    }

    public Faults duplicateSeq(int times) {
        duplicateSeq.set(times);
        return this;
    }

    public Faults reorderNext(int times) {
        reorder.set(times);
        return this;
    }

    public Faults malformNext(int times) {
        malform.set(times);
        return this;
    }

    /** Delay every outbound frame by {@code delay} (zero = off). Order is kept. */
    public Faults delayFrames(Duration delay) {
        frameDelayMillis.set(Math.max(0, delay.toMillis()));
        return this;
    }

    /** Cut every open WebSocket now (no close frame; the client sees the TCP connection end). */
    public Faults dropWebSockets() {
        dropper.run();
        return this;
    }

    /**
     * Cut every open WebSocket every {@code period}, first one period from now (zero = off). Before
     * the server starts the period is kept and the drops begin at start.
     */
    public Faults dropWebSocketsEvery(Duration period) {
        synchronized (this) {
            dropEveryMillis = Math.max(0, period.toMillis());
            reschedule();
        }
        return this;
    }

    /** Every switch off (the timeout hold keeps its value). */
    public Faults clear() {
        dropWebSocketsEvery(Duration.ZERO);
        restRule.set(null);
        restCount.set(0);
        loseReplies.set(0);
        holdReplies.set(0);
        skipSeq.set(0);
        duplicateSeq.set(0);
        reorder.set(0);
        malform.set(0);
        frameDelayMillis.set(0);
        return this;
    }

    // ---------------------------------------------------------------- read by the server

    void dropper(Runnable r) {
        dropper = r;
    }

    /** The server's timer, which runs the periodic drop (set at start). */
    synchronized void scheduler(ScheduledExecutorService timer) {
        scheduler = timer;
        reschedule();
    }

    private void reschedule() {
        if (dropTask != null) {
            dropTask.cancel(false);
            dropTask = null;
        }
        if (dropEveryMillis > 0 && scheduler != null) {
            try {
                dropTask = scheduler.scheduleAtFixedRate(() -> dropper.run(), dropEveryMillis, dropEveryMillis,
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // the server is closed: nothing left to drop
            }
        }
    }

    /** The REST fault for this request, consuming one count; null = none. */
    RestFault takeRestFault(String path) {
        RestRule rule = restRule.get();
        if (rule == null || (rule.pathPrefix() != null && !path.startsWith(rule.pathPrefix()))) {
            return null;
        }
        return take(restCount) ? rule.kind() : null;
    }

    long timeoutHoldMillis() {
        return timeoutHoldMillis.get();
    }

    boolean takeLoseReply() {
        if (take(holdReplies)) {
            try {
                Thread.sleep(holdRepliesMillis.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        }
        return take(loseReplies);
    }

    boolean takeSkip() {
        return take(skipSeq);
    }

    boolean takeDuplicate() {
        return take(duplicateSeq);
    }

    boolean takeReorder() {
        return take(reorder);
    }

    boolean takeMalform() {
        return take(malform);
    }

    long frameDelayMillis() {
        return frameDelayMillis.get();
    }

    private static boolean take(AtomicInteger counter) {
        while (true) {
            int n = counter.get();
            if (n == 0) {
                return false;
            }
            if (n < 0 || counter.compareAndSet(n, n - 1)) {
                return true;
            }
        }
    }
}
