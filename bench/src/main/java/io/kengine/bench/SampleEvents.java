package io.kengine.bench;

import io.kengine.protocol.event.BookDeltaEvent;
import io.kengine.protocol.event.BookSnapshotEvent;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventSource;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

/** Single events to journal, encoded into an off-heap, cache-line-aligned buffer like a ring slot. */
final class SampleEvents {
    private SampleEvents() {
    }

    /**
     * @param kind {@code bookDelta}: a BookDelta as the feed emits it (80 B), the most common inbound event;
     *             {@code fullSnapshot}: a snapshot chunk with every level it can hold (1016 B), the largest
     *             valid event of the schema (a slot holds 1024 B, but no event type has exactly that length)
     */
    static UnsafeBuffer encode(String kind) {
        UnsafeBuffer b = new UnsafeBuffer(BufferUtil.allocateDirectAligned(EventHeader.MAX_EVENT_LENGTH, 64));
        switch (kind) {
            case "bookDelta":
                new BookDeltaEvent().wrapForEncode(b, 0, 3, EventSource.FEED)
                    .subscriptionId(7).exchangeSeq(123_456).side(Codes.BOOK_YES)
                    .price(5_600).delta(-1_500).exchangeTimeMs(1_795_000_000_000L);
                EventHeader.sequence(b, 0, 987_654);
                EventHeader.timestampNanos(b, 0, 1_795_000_000_123_456_789L);
                return b;
            case "fullSnapshot": {
                BookSnapshotEvent s = new BookSnapshotEvent().wrapForEncode(b, 0, 3, EventSource.FEED)
                    .subscriptionId(7).exchangeSeq(123_456)
                    .flags((byte) (BookSnapshotEvent.FLAG_FIRST | BookSnapshotEvent.FLAG_LAST));
                int half = BookSnapshotEvent.MAX_LEVELS / 2;
                for (int i = 0; i < half; i++) {
                    s.addYesLevel((long) (i + 1) * 100, 1_000 + i);
                }
                for (int i = 0; i < BookSnapshotEvent.MAX_LEVELS - half; i++) {
                    s.addNoLevel((long) (i + 1) * 100, 2_000 + i);
                }
                EventHeader.sequence(b, 0, 987_655);
                EventHeader.timestampNanos(b, 0, 1_795_000_000_123_456_790L);
                return b;
            }
            default:
                throw new IllegalArgumentException("unknown sample event '" + kind + "' (bookDelta | fullSnapshot)");
        }
    }
}
