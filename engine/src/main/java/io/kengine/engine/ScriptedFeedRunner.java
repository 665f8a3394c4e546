package io.kengine.engine;

import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.TimerEvent;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.sim.scripted.ScriptedMarketFeed;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives the scripted feed onto the inbound ring from its own producer thread, paced at a fixed
 * rate against planned send times (a late start does not shift later events), interleaving timer
 * events at their interval. Pacing reads the wall clock; that is fine here: this is a producer,
 * and what it publishes is stamped and journaled, so replay never depends on when it ran.
 */
public final class ScriptedFeedRunner implements Runnable, MarketSource {
    private final ScriptedMarketFeed feed;
    private final EventPublisher publisher;
    private final long eventsPerSecond;
    private final long maxEvents;
    private final long timerIntervalNanos;
    private final TimerEvent timer = new TimerEvent();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean stopping;

    /**
     * @param eventsPerSecond 0 publishes as fast as the ring takes events
     * @param maxEvents       0 runs until {@link #stop()}
     * @param timerIntervalMs 0 publishes no timer events
     */
    public ScriptedFeedRunner(ScriptedMarketFeed feed, EventPublisher publisher, long eventsPerSecond, long maxEvents,
                              long timerIntervalMs) {
        this.feed = feed;
        this.publisher = publisher;
        this.eventsPerSecond = eventsPerSecond;
        this.maxEvents = maxEvents;
        this.timerIntervalNanos = TimeUnit.MILLISECONDS.toNanos(timerIntervalMs);
        this.thread = new Thread(this, "scripted-feed");
        this.thread.setDaemon(true);
    }

    @Override
    public void start() {
        thread.start();
    }

    @Override
    public void run() {
        try {
            feed.publishStart(publisher);
            long start = System.nanoTime();
            long period = eventsPerSecond > 0 ? 1_000_000_000L / eventsPerSecond : 0;
            long nextTimer = start + timerIntervalNanos;
            int timerId = 0;
            long n = 0;
            while (!stopping && (maxEvents == 0 || feed.eventsPublished() < maxEvents)) {
                long due = start + n * period;
                long now = System.nanoTime();
                if (timerIntervalNanos > 0 && now >= nextTimer) {
                    timer.wrapForEncode(publisher.claim(), 0, EventSource.TIMER).timerId(timerId++).scheduledAtNanos(nextTimer);
                    publisher.publish();
                    nextTimer += timerIntervalNanos;
                }
                if (period > 0 && now < due) {
                    long wait = due - now;
                    if (wait > 50_000) {
                        LockSupport.parkNanos(wait - 20_000);
                    } else {
                        Thread.onSpinWait();
                    }
                    continue;
                }
                feed.publishNext(publisher);
                n++;
            }
        } finally {
            finished.countDown();
        }
    }

    @Override
    public void stop() {
        stopping = true;
        try {
            finished.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the runner to finish on its own (event limit) or after stop(). */
    @Override
    public boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }

    @Override
    public boolean isFinished() {
        return finished.getCount() == 0;
    }

    @Override
    public String describe() {
        return "scripted, " + feed.markets() + " markets @ " + (eventsPerSecond == 0 ? "max" : eventsPerSecond + " ev/s")
            + (maxEvents > 0 ? ", " + maxEvents + " events" : "");
    }

    public long eventsPublished() {
        return feed.eventsPublished();
    }
}
