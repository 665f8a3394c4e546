package io.kengine.gateway.rest;

import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.stage.EventPublisher;
import org.agrona.BufferUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway's only producer onto the inbound ring: HTTP callbacks and the reconciler hand it
 * {@link Encoder}s through an unbounded queue, and its own thread ({@code gateway-inbound}) encodes
 * each into a scratch buffer, validates it, and only then claims a slot, copies and publishes: an
 * exception between claim and publish would stall the ring. Nobody the business stages wait on ever
 * blocks here (IntentSender's rule), and FIFO order is kept (an unknown reply is on the ring before the
 * reconciliation round it triggered).
 */
public final class InboundPublisher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(InboundPublisher.class.getName());

    /** Writes one complete event at offset 0 of the scratch buffer. Runs on the publisher's thread. */
    @FunctionalInterface
    public interface Encoder {
        void encode(MutableDirectBuffer scratch);
    }

    private static final Encoder STOP = b -> { };

    private final LinkedBlockingQueue<Encoder> queue = new LinkedBlockingQueue<>();
    private final EventPublisher inbound;
    private final UnsafeBuffer scratch = new UnsafeBuffer(BufferUtil.allocateDirectAligned(EventHeader.MAX_EVENT_LENGTH, 64));
    private final Thread thread;
    private final AtomicLong enqueued = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    public InboundPublisher(EventPublisher inbound) {
        this.inbound = inbound;
        this.thread = new Thread(this::run, "gateway-inbound");
        this.thread.setDaemon(true);
    }

    public InboundPublisher start() {
        thread.start();
        return this;
    }

    /** Queues an event; never blocks. */
    public void offer(Encoder e) {
        enqueued.incrementAndGet();
        queue.add(e);
    }

    /** Queues an event and runs {@code afterPublish} on the publisher's thread once it is on the ring (or dropped). */
    public void offer(Encoder e, Runnable afterPublish) {
        offer(new Tracked(e, afterPublish));
    }

    private record Tracked(Encoder encoder, Runnable after) implements Encoder {
        @Override
        public void encode(MutableDirectBuffer scratch) {
            encoder.encode(scratch);
        }
    }

    private void run() {
        try {
            while (true) {
                Encoder e = queue.take();
                if (e == STOP) {
                    return;
                }
                try {
                    publishOne(e);
                } finally {
                    if (e instanceof Tracked t) {
                        t.after().run();
                    }
                }
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    private void publishOne(Encoder e) {
        String problem;
        try {
            e.encode(scratch);
            problem = EventHeader.validate(scratch, 0, EventHeader.MAX_EVENT_LENGTH);
        } catch (RuntimeException ex) {
            problem = ex.getClass().getSimpleName() + ": " + ex.getMessage();
        }
        if (problem != null) {
            dropped.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "gateway: inbound event not published: " + problem);
            return;
        }
        int length = EventHeader.length(scratch, 0);
        MutableDirectBuffer slot = inbound.claim();
        slot.putBytes(0, scratch, 0, length);
        inbound.publish();
        published.incrementAndGet();
    }

    /** Every event offered so far is on the ring (or was dropped as invalid). */
    public boolean isIdle() {
        return published.get() + dropped.get() == enqueued.get();
    }

    public long published() {
        return published.get();
    }

    public long dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        queue.add(STOP);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
