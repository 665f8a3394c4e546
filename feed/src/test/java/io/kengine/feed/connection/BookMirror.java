package io.kengine.feed.connection;

import io.kengine.book.BookStage;
import io.kengine.book.OrderBook;
import io.kengine.protocol.event.BookSnapshotEvent;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.event.Flyweight;
import io.kengine.protocol.event.MarketDefinitionEvent;
import io.kengine.protocol.event.MarketLifecycleEvent;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.protocol.stage.EventSlot;
import org.agrona.MutableDirectBuffer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The test's ring: every published event is recorded and applied to a real {@link BookStage}, and the
 * trust invariant is checked as it happens: a delta may only follow a complete snapshot (LAST chunk) of its
 * market, never a marker or nothing. Thread-safe: the feed publishes from its threads, tests read from theirs.
 */
final class BookMirror implements EventPublisher {
    record Published(short type, int marketId, int source, byte flags, int levels, long seq) {
        boolean isMarker() {
            return type == EventType.BOOK_SNAPSHOT && flags == BookSnapshotEvent.FLAG_FIRST && levels == 0;
        }
    }

    private final EventSlot slot = new EventSlot();
    private final BookStage stage = new BookStage(64);
    private final BookSnapshotEvent snapshot = new BookSnapshotEvent();
    private final List<Published> events = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final MarketDefinitionEvent definition = new MarketDefinitionEvent();
    private final MarketLifecycleEvent lifecycle = new MarketLifecycleEvent();
    private final Map<Integer, String> definitions = new HashMap<>();
    private final List<String> lifecycles = new ArrayList<>();
    private final boolean[] complete = new boolean[64];
    private long sequence;
    private boolean claimed;

    @Override
    public synchronized MutableDirectBuffer claim() {
        if (claimed) {
            throw new IllegalStateException("claim twice");
        }
        claimed = true;
        return slot.event();
    }

    @Override
    public synchronized long publish() {
        claimed = false;
        long seq = sequence++;
        EventHeader.sequence(slot.event(), 0, seq);
        short type = slot.type();
        int m = slot.marketId();
        int source = EventHeader.source(slot.event(), 0);
        byte flags = 0;
        int levels = 0;
        long exSeq = 0;
        if (type == EventType.BOOK_SNAPSHOT) {
            snapshot.wrap(slot.event(), 0);
            flags = snapshot.flags();
            levels = snapshot.yesCount() + snapshot.noCount();
            exSeq = snapshot.exchangeSeq();
            if (snapshot.isFirst()) {
                complete[m] = false;
            }
            if (snapshot.isLast()) {
                complete[m] = true;
            }
        } else if (type == EventType.MARKET_DEFINITION) {
            definition.wrap(slot.event(), 0);
            definitions.put(m, "event=" + definition.eventTicker() + " series=" + definition.seriesTicker());
        } else if (type == EventType.MARKET_LIFECYCLE) {
            lifecycle.wrap(slot.event(), 0);
            lifecycles.add(m + " " + MarketLifecycleEvent.kindName(lifecycle.kind()) + " result=" + lifecycle.result()
                    + " value=" + show(lifecycle.settlementValue()) + " open=" + show(lifecycle.openTimeMs())
                    + " close=" + show(lifecycle.closeTimeMs()) + " time=" + show(lifecycle.exchangeTimeMs()));
        } else if (type == EventType.BOOK_DELTA) {
            if (!complete[m]) {
                violations.add("delta for market " + m + " published without a complete snapshot before it (event " + seq + ")");
            }
        }
        events.add(new Published(type, m, source, flags, levels, exSeq));
        stage.onEvent(slot, true);
        return seq;
    }

    private static String show(long v) {
        return v == Flyweight.NULL_LONG ? "-" : Long.toString(v);
    }

    /** "event=… series=…" of the market's latest definition, or null. */
    synchronized String definition(int marketId) {
        return definitions.get(marketId);
    }

    /** Every lifecycle event: "market kind result=… value=… open=… close=… time=…" ("-" = null). */
    synchronized List<String> lifecycles() {
        return new ArrayList<>(lifecycles);
    }

    synchronized List<Published> events() {
        return new ArrayList<>(events);
    }

    synchronized List<String> violations() {
        return new ArrayList<>(violations);
    }

    synchronized long rejected() {
        return stage.rejectedTotal();
    }

    synchronized <T> T read(Function<BookStage, T> f) {
        return f.apply(stage);
    }

    synchronized boolean trusted(int marketId) {
        OrderBook b = stage.book(marketId);
        return b != null && b.isTrusted();
    }

    /** YES bids as "price:qty" ascending, and NO bids (NO-leg price) ascending, from the mirrored book. */
    synchronized String ladders(int marketId) {
        OrderBook b = stage.book(marketId);
        if (b == null) {
            return "no book";
        }
        long[] p = new long[10_001];
        long[] q = new long[10_001];
        int n = b.copyBids(p, q);
        List<String> yes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            yes.add(p[i] + ":" + q[i]);
        }
        yes.sort(null);
        n = b.copyAsks(p, q);
        List<String> no = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            no.add((10_000 - p[i]) + ":" + q[i]); // asks are mirrored NO bids
        }
        no.sort(null);
        return "yes=" + yes + " no=" + no;
    }

    static String ladders(List<long[]> yes, List<long[]> no) {
        List<String> y = new ArrayList<>();
        for (long[] l : yes) {
            y.add(l[0] + ":" + l[1]);
        }
        y.sort(null);
        List<String> n = new ArrayList<>();
        for (long[] l : no) {
            n.add(l[0] + ":" + l[1]);
        }
        n.sort(null);
        return "yes=" + y + " no=" + n;
    }

    synchronized int count(short type) {
        int c = 0;
        for (Published p : events) {
            if (p.type() == type) {
                c++;
            }
        }
        return c;
    }

    @Override
    public synchronized String toString() {
        return Arrays.toString(events.toArray());
    }
}
