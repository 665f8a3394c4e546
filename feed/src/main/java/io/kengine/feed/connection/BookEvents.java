package io.kengine.feed.connection;

import io.kengine.protocol.event.BookSnapshotEvent;
import io.kengine.protocol.stage.EventPublisher;

/**
 * Writes book snapshots (chunked FIRST … LAST, YES levels before NO levels, as the book stage expects)
 * and the "untrusted" marker: an empty FIRST-only chunk, which makes the book stage drop the book's
 * levels, hold it untrusted and refuse deltas until a complete snapshot arrives. Not thread-safe.
 */
public final class BookEvents {
    private final BookSnapshotEvent snapshot = new BookSnapshotEvent();

    /** Publishes the marker for one market; returns 1 (events published). */
    public int publishUntrustMarker(EventPublisher publisher, int marketId, int source, long sid, long seq) {
        snapshot.wrapForEncode(publisher.claim(), 0, marketId, source)
                .subscriptionId(sid).exchangeSeq(seq).flags(BookSnapshotEvent.FLAG_FIRST);
        publisher.publish();
        return 1;
    }

    /**
     * Publishes a full book. Prices are each leg's own price (NO levels in NO-leg price), quantities
     * absolute, in protocol units. Returns the number of chunks published.
     */
    public int publishSnapshot(EventPublisher publisher, int marketId, int source, long sid, long seq,
                               long[] yesPrice, long[] yesQty, int yesCount, long[] noPrice, long[] noQty, int noCount) {
        int chunks = 0;
        boolean open = false;
        for (int i = 0; i < yesCount; i++) {
            if (!open || snapshot.isFull()) {
                if (open) {
                    publisher.publish();
                    chunks++;
                }
                begin(publisher, marketId, source, sid, seq, chunks == 0);
                open = true;
            }
            snapshot.addYesLevel(yesPrice[i], yesQty[i]);
        }
        for (int i = 0; i < noCount; i++) {
            if (!open || snapshot.isFull()) {
                if (open) {
                    publisher.publish();
                    chunks++;
                }
                begin(publisher, marketId, source, sid, seq, chunks == 0);
                open = true;
            }
            snapshot.addNoLevel(noPrice[i], noQty[i]);
        }
        if (!open) {
            begin(publisher, marketId, source, sid, seq, true); // an empty book is still a complete snapshot
        }
        snapshot.flags((byte) (snapshot.flags() | BookSnapshotEvent.FLAG_LAST));
        publisher.publish();
        return chunks + 1;
    }

    private void begin(EventPublisher publisher, int marketId, int source, long sid, long seq, boolean first) {
        snapshot.wrapForEncode(publisher.claim(), 0, marketId, source)
                .subscriptionId(sid).exchangeSeq(seq).flags(first ? BookSnapshotEvent.FLAG_FIRST : 0);
    }
}
