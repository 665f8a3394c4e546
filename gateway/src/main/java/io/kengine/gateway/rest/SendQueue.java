package io.kengine.gateway.rest;

import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Order calls waiting for the client-side Write budget, cancels first, and the pacer that sends them
 * later. {@link #submit} dispatches at once what the budget can pay (on the caller's thread, under this
 * queue's lock, so calls leave in queue order); the rest waits for one pump the pacer runs when the
 * tokens will be there. A call that would be signed on the spot (an order-id path — amend, decrease,
 * cancel — whose id the pacer does not keep pre-signed, a stale header, a 401 resend) is never
 * dispatched on the caller's thread: the caller is the sender, which the {@code single} mapping runs on
 * the business thread, and an RSA-PSS signature costs it ≈ 0.75 ms. The pacer sends it (and, to keep the
 * order, everything queued behind it) at once instead. A 429 pauses everything (exponential backoff, seeded jitter) and drains the
 * bucket; the refused call goes first again.
 *
 * <p>{@link #close} abandons what waits here (queued, or for a retry's back-off) and everything submitted
 * after it: each such call ends in {@link OpenCalls#abandoned}, exactly once, never sent.
 */
final class SendQueue {
    private final boolean rateBudget;
    private final ScheduledExecutorService pacer;
    private final Consumer<OrderCall> dispatch;
    private final OpenCalls calls;
    private final Predicate<OrderCall> signsOnTheSpot;

    // guarded by this
    private final ArrayDeque<OrderCall> cancels = new ArrayDeque<>();
    private final ArrayDeque<OrderCall> others = new ArrayDeque<>();
    private final RateBudget budget;
    private final Backoff backoff;
    private long pausedUntilNanos;
    private long pumpAtNanos = Long.MAX_VALUE;
    private int consecutive429;
    /** Retries waiting for their back-off on the pacer. */
    private int scheduled;
    private boolean closed;

    private final AtomicLong budgetWaits = new AtomicLong();

    /**
     * @param dispatch       sends one call; runs under this queue's lock
     * @param calls          where a call this queue abandons ends
     * @param signsOnTheSpot calls whose dispatch signs on the spot: left to the pacer's thread
     */
    SendQueue(SenderConfig config, ScheduledExecutorService pacer, Consumer<OrderCall> dispatch, OpenCalls calls,
              Predicate<OrderCall> signsOnTheSpot) {
        this.signsOnTheSpot = signsOnTheSpot;
        this.rateBudget = config.rateBudget();
        this.pacer = pacer;
        this.dispatch = dispatch;
        this.calls = calls;
        this.budget = new RateBudget(config.tier().writePerSecond(), config.tier().writeCapacity(), System.nanoTime());
        this.backoff = new Backoff(config);
    }

    /**
     * Queues a call (first: ahead of its queue, for retries) and sends what the budget allows now. Once
     * closed, the call is abandoned instead.
     */
    synchronized void submit(OrderCall c, boolean first) {
        enqueue(c, first, false);
    }

    private synchronized void enqueue(OrderCall c, boolean first, boolean onPacer) {
        if (closed) {
            calls.abandoned(1);
            return;
        }
        ArrayDeque<OrderCall> q = c.isCancel() ? cancels : others;
        if (first) {
            q.addFirst(c);
        } else {
            q.addLast(c);
        }
        pump(onPacer);
    }

    private synchronized void pump(boolean onPacer) {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        if (now < pausedUntilNanos) {
            schedulePump(pausedUntilNanos, now);
            return;
        }
        while (true) {
            ArrayDeque<OrderCall> q = !cancels.isEmpty() ? cancels : others;
            OrderCall c = q.peekFirst();
            if (c == null) {
                return;
            }
            if (!onPacer && signsOnTheSpot.test(c)) {
                schedulePump(now, now); // the pacer signs and sends it, and what waits behind it, at once
                return;
            }
            if (rateBudget && !budget.tryTake(c.cost, now)) {
                budgetWaits.incrementAndGet();
                schedulePump(now + Math.max(budget.nanosUntil(c.cost, now), 100_000L), now);
                return;
            }
            q.pollFirst();
            dispatch.accept(c);
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
                    pump(true);
                }
            }, Math.max(0, atNanos - now), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            pumpAtNanos = Long.MAX_VALUE; // closed
        }
    }

    /** A 429: pause all sending (longer with each 429 in a row), empty the bucket, put the call first again. */
    synchronized void throttled(OrderCall c) {
        if (closed) {
            calls.abandoned(1);
            return;
        }
        long now = System.nanoTime();
        consecutive429++;
        long delay = backoff.nanos(consecutive429);
        pausedUntilNanos = Math.max(pausedUntilNanos, now + delay);
        budget.drain(now);
        (c.isCancel() ? cancels : others).addFirst(c);
        schedulePump(pausedUntilNanos, now);
    }

    /** An answer that was not a 429 (nor a 401 or 5xx): the next 429 starts the backoff afresh. */
    synchronized void answered() {
        consecutive429 = 0;
    }

    synchronized long backoffNanos(int attempt) {
        return backoff.nanos(attempt);
    }

    /**
     * Submits the call first in its queue after the delay, on the pacer. Abandoned when the queue is closed
     * now; when it closes during the delay, {@link #close} abandons it (counted in {@code scheduled}).
     */
    void retryLater(OrderCall c, long delayNanos) {
        synchronized (this) {
            if (closed) {
                calls.abandoned(1);
                return;
            }
            scheduled++;
        }
        try {
            pacer.schedule(() -> retryNow(c), delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                if (!closed) { // else close() counted it among the scheduled
                    scheduled--;
                    calls.abandoned(1);
                }
            }
        }
    }

    private synchronized void retryNow(OrderCall c) {
        if (closed) {
            return; // close() abandoned it with the other scheduled retries
        }
        scheduled--;
        enqueue(c, true, true);
    }

    /**
     * Sends nothing more: the calls queued and the retries waiting for their back-off are abandoned now,
     * whatever is submitted, re-queued or retried later when it comes. Call before shutting the pacer down.
     */
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        int n = cancels.size() + others.size() + scheduled;
        cancels.clear();
        others.clear();
        scheduled = 0;
        calls.abandoned(n);
    }

    long budgetWaits() {
        return budgetWaits.get();
    }

    synchronized long budgetAvailable() {
        return budget.available(System.nanoTime());
    }

    /** Queues, retries waiting, pause and budget, for diagnostics. */
    synchronized String describe(int inFlight) {
        long now = System.nanoTime();
        return "cancels=" + cancels.size() + " others=" + others.size() + " inFlight=" + inFlight
            + " scheduled=" + scheduled + " pausedForMs=" + Math.max(0, (pausedUntilNanos - now) / 1_000_000)
            + " pumpInMs=" + (pumpAtNanos == Long.MAX_VALUE ? -1 : (pumpAtNanos - now) / 1_000_000)
            + " tokens=" + budget.available(now);
    }
}
