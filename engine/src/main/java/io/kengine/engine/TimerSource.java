package io.kengine.engine;

import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.TimerEvent;
import io.kengine.protocol.stage.EventPublisher;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes a timer event every interval on its own producer thread, so stages learn that time
 * passed when no market data arrives. The tick is stamped and journaled like any event.
 */
public final class TimerSource implements AutoCloseable {
    private final EventPublisher publisher;
    private final long intervalNanos;
    private final TimerEvent timer = new TimerEvent();
    private final Thread thread;
    private volatile boolean stopping;

    public TimerSource(EventPublisher publisher, long intervalMs) {
        this.publisher = publisher;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMs);
        this.thread = new Thread(this::run, "timer");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        long next = System.nanoTime() + intervalNanos;
        int id = 0;
        while (!stopping) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            timer.wrapForEncode(publisher.claim(), 0, EventSource.TIMER).timerId(id++).scheduledAtNanos(next);
            publisher.publish();
            next += intervalNanos;
        }
    }

    @Override
    public void close() {
        stopping = true;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
