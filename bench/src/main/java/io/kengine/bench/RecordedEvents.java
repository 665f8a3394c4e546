package io.kengine.bench;

import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.stage.EventPublisher;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;

/**
 * Events recorded once (e.g. from the scripted feed) and handed out again by copying their bytes.
 * A ring benchmark's producer then costs the same in every configuration: one claim, one copy of
 * the event's bytes, one publish. {@link #copyNext} cycles through the recording forever.
 */
final class RecordedEvents implements EventPublisher {
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[EventHeader.MAX_EVENT_LENGTH]);
    private final ExpandableDirectByteBuffer bytes = new ExpandableDirectByteBuffer(1 << 20);
    private int[] offsets = new int[1024];
    private int count;
    private int end;
    private int cursor;

    // ---------------------------------------------------------------- recording (setup only)

    @Override
    public MutableDirectBuffer claim() {
        return scratch;
    }

    @Override
    public long publish() {
        int length = EventHeader.length(scratch, 0);
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, count * 2);
        }
        offsets[count] = end;
        bytes.putBytes(end, scratch, 0, length);
        end += length;
        return count++;
    }

    // ---------------------------------------------------------------- replaying (hot path)

    /** Copies the next recorded event to {@code dst} at offset 0, wrapping at the end of the recording. */
    void copyNext(MutableDirectBuffer dst) {
        int offset = offsets[cursor];
        dst.putBytes(0, bytes, offset, EventHeader.length(bytes, offset));
        if (++cursor == count) {
            cursor = 0;
        }
    }

    int count() {
        return count;
    }

    long totalBytes() {
        return end;
    }
}
