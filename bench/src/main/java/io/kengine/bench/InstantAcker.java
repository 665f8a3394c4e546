package io.kengine.bench;

import io.kengine.gateway.IntentSender;
import io.kengine.engine.rehearsal.InstantReplies;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.stage.EventPublisher;
import org.HdrHistogram.SingleWriterRecorder;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * The harness's exchange: acknowledges every intent leg at once ({@link InstantReplies}), so the orders stage always has
 * resting orders to amend. It also records receive-to-wire: now − the intent's timestamp (its cause's
 * planned arrival) when the intent reaches the sender, after journal-out.
 *
 * <p>Replies are encoded on the sender thread into a one-to-one ring ({@link #drainInto} is called
 * by the producer thread, which publishes them inbound), because a sender must never publish into
 * the inbound ring itself (see {@link IntentSender}). Allocation-free.
 */
final class InstantAcker implements IntentSender, HarnessVenue {
    private final PlannedClock clock;
    private final OneToOneRingBuffer acks = new OneToOneRingBuffer(
        new UnsafeBuffer(BufferUtil.allocateDirectAligned((1 << 22) + RingBufferDescriptor.TRAILER_LENGTH, 64)));
    private final UnsafeBuffer scratch = new UnsafeBuffer(BufferUtil.allocateDirectAligned(1024, 64));
    private final OrderIntentEvent intent = new OrderIntentEvent();
    private final InstantReplies replies = new InstantReplies();
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    final SingleWriterRecorder wire = new SingleWriterRecorder(3_600_000_000_000L, 3);
    private volatile long acksWritten;
    private long acksRead;
    private long lost;

    private EventPublisher inbound;
    private final org.agrona.concurrent.MessageHandler publish = this::publishAck;

    InstantAcker(PlannedClock clock) {
        this.clock = clock;
    }

    @Override
    public void send(DirectBuffer buffer, int offset, int length, boolean endOfBatch) {
        view.wrap(buffer, offset, length);
        if (EventType.ORDER_INTENT != io.kengine.protocol.event.EventHeader.type(view, 0)) {
            return;
        }
        wire.recordValue(Math.max(0, clock.now() - io.kengine.protocol.event.EventHeader.timestampNanos(view, 0)));
        intent.wrap(view, 0);
        for (int leg = 0; leg < intent.legCount(); leg++) {
            ack(leg);
        }
    }

    private void ack(int leg) {
        int length = replies.encode(intent, view, leg, scratch);
        if (acks.write(1, scratch, 0, length)) {
            acksWritten++;
        } else {
            lost++;
        }
    }

    @Override
    public IntentSender sender(EventPublisher inbound) {
        return this;
    }

    @Override
    public void pump(EventPublisher control) {
        drainInto(control);
    }

    @Override
    public org.HdrHistogram.Histogram wireInterval(org.HdrHistogram.Histogram reuse) {
        return wire.getIntervalHistogram(reuse);
    }

    @Override
    public void close() {
        // nothing of its own: the runtime closes the sender side
    }

    /** Publishes every acknowledgement waiting, on the caller's (producer) thread; returns how many. */
    int drainInto(EventPublisher out) {
        inbound = out;
        int n = acks.read(publish);
        acksRead += n;
        return n;
    }

    private void publishAck(int msgTypeId, MutableDirectBuffer buffer, int index, int length) {
        inbound.claim().putBytes(0, buffer, index, length);
        inbound.publish();
    }

    @Override
    public boolean idle() {
        return acksRead == acksWritten;
    }

    @Override
    public long lost() {
        return lost;
    }
}
