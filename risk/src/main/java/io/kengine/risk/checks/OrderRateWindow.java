package io.kengine.risk.checks;

/**
 * Orders (creates and amends) sent in the last 60 s of event time, against a per-minute cap.
 *
 * <p>Orders are counted per millisecond of event time: a ring of (millisecond, count) buckets. At most
 * {@code min(cap, 60 001)} buckets can hold orders inside one window (every non-empty bucket holds at least
 * one order, and a minute has 60 000 milliseconds), so the ring is allocated whole at configuration and
 * never grows, whatever the rate. (One timestamp per order, as before, grew with the orders: at the harness's
 * 20 000 orders a second it reallocated and copied 16–64 MB on the business thread mid-run.)
 *
 * <p>A bucket leaves the window when its <em>last</em> nanosecond is 60 s old, so an order counts for up to
 * 1 ms longer than 60 s, never shorter: the cap holds for every exact 60 s window. An event time earlier
 * than the newest bucket (two producers' clocks) counts in the newest bucket, which is the later side too.
 */
public final class OrderRateWindow {
    public static final long WINDOW_NANOS = 60_000_000_000L;
    static final long BUCKET_NANOS = 1_000_000L;
    /** Buckets one window can hold at most. */
    static final int MAX_BUCKETS = (int) (WINDOW_NANOS / BUCKET_NANOS) + 1;

    private long[] buckets = new long[1]; // bucket number: event time / 1 ms
    private int[] counts = new int[1];
    private int head;
    private int used;
    private int total;
    private int max = 1;

    public void configure(int maxPerMinute) {
        if (maxPerMinute != max) {
            int n = Math.max(1, Math.min(maxPerMinute, MAX_BUCKETS));
            buckets = new long[n];
            counts = new int[n];
            head = 0;
            used = 0;
            total = 0;
            max = maxPerMinute;
        }
    }

    private void evict(long nowNanos) {
        while (used > 0 && nowNanos - ((buckets[head] + 1) * BUCKET_NANOS - 1) >= WINDOW_NANOS) {
            total -= counts[head];
            dropHead();
        }
    }

    private void dropHead() {
        head = head + 1 == buckets.length ? 0 : head + 1;
        used--;
    }

    public boolean allows(long nowNanos, int orders) {
        evict(nowNanos);
        return total + orders <= max;
    }

    public void record(long nowNanos) {
        evict(nowNanos);
        if (total >= max) { // over the cap (a caller that did not ask first): the oldest order makes room
            total--;
            if (--counts[head] == 0) {
                dropHead();
            }
        }
        long bucket = Math.floorDiv(nowNanos, BUCKET_NANOS);
        if (used > 0) {
            int tail = index(used - 1);
            if (bucket <= buckets[tail]) {
                counts[tail]++;
                total++;
                return;
            }
        }
        if (used == buckets.length) { // only with a cap below the buckets a minute needs: merge into the newest
            counts[index(used - 1)]++;
            total++;
            return;
        }
        int i = index(used);
        buckets[i] = bucket;
        counts[i] = 1;
        used++;
        total++;
    }

    private int index(int k) {
        int i = head + k;
        return i >= buckets.length ? i - buckets.length : i;
    }

    public int inWindow(long nowNanos) {
        evict(nowNanos);
        return total;
    }

    public int max() { return max; }

    /** Buckets allocated (tests). */
    int capacity() { return buckets.length; }
}
