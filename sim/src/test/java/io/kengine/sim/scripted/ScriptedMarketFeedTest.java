package io.kengine.sim.scripted;

import io.kengine.protocol.event.BookDeltaEvent;
import io.kengine.protocol.event.BookSnapshotEvent;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.stage.EventPublisher;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptedMarketFeedTest {

    private static List<byte[]> run(long seed, int steps) {
        List<byte[]> out = new ArrayList<>();
        UnsafeBuffer scratch = new UnsafeBuffer(new byte[EventHeader.MAX_EVENT_LENGTH]);
        EventPublisher recorder = new EventPublisher() {
            @Override
            public MutableDirectBuffer claim() {
                return scratch;
            }

            @Override
            public long publish() {
                out.add(Arrays.copyOf(scratch.byteArray(), EventHeader.length(scratch, 0)));
                return out.size() - 1;
            }
        };
        ScriptedMarketFeed feed = new ScriptedMarketFeed(seed, 3, 0);
        feed.publishStart(recorder);
        for (int i = 0; i < steps; i++) {
            feed.publishNext(recorder);
        }
        assertEquals(out.size(), feed.eventsPublished());
        return out;
    }

    @Test
    void sameSeedGivesTheSameBytes() {
        List<byte[]> a = run(7, 5000);
        List<byte[]> b = run(7, 5000);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), "event " + i);
        }
        List<byte[]> c = run(8, 5000);
        assertTrue(a.size() != c.size() || !Arrays.equals(a.get(a.size() - 1), c.get(c.size() - 1)),
            "another seed should give another sequence");
    }

    @Test
    void everyEventIsValidAndBooksNeverCrossOrGoNegative() {
        long[][] yes = new long[3][101];
        long[][] no = new long[3][101];
        BookDeltaEvent delta = new BookDeltaEvent();
        BookSnapshotEvent snap = new BookSnapshotEvent();
        int deltas = 0;
        for (byte[] bytes : run(11, 50_000)) {
            UnsafeBuffer b = new UnsafeBuffer(bytes);
            assertNull(EventHeader.validate(b, 0, bytes.length));
            short type = EventHeader.type(b, 0);
            int m = EventHeader.marketId(b, 0);
            if (type == EventType.BOOK_DELTA) {
                delta.wrap(b, 0);
                long[] ladder = delta.side() == Codes.BOOK_YES ? yes[m] : no[m];
                int cents = (int) (delta.price() / 100);
                ladder[cents] += delta.delta();
                assertTrue(ladder[cents] >= 0, "negative level");
                deltas++;
            } else if (type == EventType.BOOK_SNAPSHOT) {
                snap.wrap(b, 0);
                if (snap.isFirst()) {
                    Arrays.fill(yes[m], 0);
                    Arrays.fill(no[m], 0);
                }
                for (int i = 0; i < snap.yesCount(); i++) {
                    yes[m][(int) (snap.yesPrice(i) / 100)] = snap.yesQuantity(i);
                }
                for (int i = 0; i < snap.noCount(); i++) {
                    no[m][(int) (snap.noPrice(i) / 100)] = snap.noQuantity(i);
                }
            }
            if (m >= 0 && (type == EventType.BOOK_DELTA || (type == EventType.BOOK_SNAPSHOT && snap.isLast()))) {
                assertTrue(best(yes[m]) + best(no[m]) < 100, "crossed book in market " + m);
            }
        }
        assertTrue(deltas > 40_000, "mostly deltas expected, got " + deltas);
    }

    private static int best(long[] ladder) {
        for (int c = 100; c >= 0; c--) {
            if (ladder[c] > 0) {
                return c;
            }
        }
        return 0;
    }
}
