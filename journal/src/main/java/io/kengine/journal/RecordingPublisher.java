package io.kengine.journal;

import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.stage.EventPublisher;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The intent sink a replayed pipeline publishes into. Like the live outbound ring it stamps the
 * sequence (0, 1, 2, ... per session) and nothing else; then it compares the intent byte for byte
 * with the next journaled one. It records only the first difference: after that the replay is over.
 */
final class RecordingPublisher implements EventPublisher {
    private final JournalReader journaled;
    private final EventFormatter formatter = new EventFormatter();
    private final OrderIntentEvent intent = new OrderIntentEvent();
    private final UnsafeBuffer actual = newEventBuffer();
    private final UnsafeBuffer expected = newEventBuffer();
    private boolean expectedLoaded;
    private boolean expectedPresent;

    private long nextSequence;
    private int session;
    private long inboundSequence;
    private long matched;
    private Divergence divergence;

    RecordingPublisher(JournalReader journaled) {
        this.journaled = journaled;
    }

    /** A new engine run begins: sequences restart. Checks first that the last run left no journaled intent unmatched. */
    void startSession(long sessionStartNanos) {
        if (session > 0 && divergence == null && peekExpected()) {
            // an intent of the next run starts again at sequence 0 and is caused at or after its SessionStart
            long seq = EventHeader.sequence(expected, 0);
            if (seq != 0 || EventHeader.timestampNanos(expected, 0) < sessionStartNanos) {
                diverge(causeOf(expected, inboundSequence), seq, formatter.format(expected, 0), Divergence.NONE);
            }
        }
        session++;
        nextSequence = 0;
    }

    /** The inbound event the pipeline is about to see: the fallback cause when an intent names none. */
    void onInbound(long sequence) {
        inboundSequence = sequence;
    }

    /** The inbound stream is exhausted: any journaled intent left is one the replay did not produce. */
    void finish() {
        if (divergence == null && peekExpected()) {
            diverge(causeOf(expected, inboundSequence), EventHeader.sequence(expected, 0),
                formatter.format(expected, 0), Divergence.NONE);
        }
    }

    @Override
    public UnsafeBuffer claim() {
        return actual;
    }

    @Override
    public long publish() {
        long seq = nextSequence++;
        if (divergence != null) {
            return seq; // the pipeline finishes its current event; nothing after the first difference counts
        }
        EventHeader.sequence(actual, 0, seq);
        String invalid = EventHeader.validate(actual, 0, actual.capacity());
        if (!peekExpected() || EventHeader.sequence(expected, 0) < seq) {
            // nothing journaled, or the next journaled intent already belongs to a later run
            diverge(causeOf(actual, inboundSequence), seq, Divergence.NONE, formatter.format(actual, 0));
        } else if (invalid != null || !sameEvent(actual, expected)) {
            diverge(causeOf(actual, causeOf(expected, inboundSequence)), seq,
                formatter.format(expected, 0), formatter.format(actual, 0));
        } else {
            expectedLoaded = false;
            matched++;
        }
        return seq;
    }

    boolean diverged() {
        return divergence != null;
    }

    Divergence divergence() {
        return divergence;
    }

    long matched() {
        return matched;
    }

    int sessions() {
        return session;
    }

    private boolean peekExpected() {
        if (!expectedLoaded) {
            expectedPresent = journaled.next(expected);
            expectedLoaded = true;
        }
        return expectedPresent;
    }

    private void diverge(long inbound, long outbound, String expectedText, String actualText) {
        divergence = new Divergence(inbound, outbound, session, expectedText, actualText);
    }

    /** The intent's own causeSequence when it is a well-formed intent, else the fallback. */
    private long causeOf(UnsafeBuffer event, long fallback) {
        if (EventHeader.validate(event, 0, event.capacity()) != null
            || EventHeader.type(event, 0) != EventType.ORDER_INTENT) {
            return fallback;
        }
        intent.wrap(event, 0);
        return intent.causeSequence();
    }

    private static boolean sameEvent(DirectBuffer a, DirectBuffer b) {
        int length = EventHeader.length(a, 0);
        if (length != EventHeader.length(b, 0)) {
            return false;
        }
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            if (a.getLong(i) != b.getLong(i)) {
                return false;
            }
        }
        for (; i < length; i++) {
            if (a.getByte(i) != b.getByte(i)) {
                return false;
            }
        }
        return true;
    }

    private static UnsafeBuffer newEventBuffer() {
        return new UnsafeBuffer(BufferUtil.allocateDirectAligned(EventHeader.MAX_EVENT_LENGTH, 64));
    }
}
