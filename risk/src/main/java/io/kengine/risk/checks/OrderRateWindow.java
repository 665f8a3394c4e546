package io.kengine.risk.checks;

/**
 * Orders (creates and amends) sent in the last 60 s of event time, against a per-minute cap.
 *
 * <p>Orders are counted per 2^20 ns (≈ 1.05 ms) of event time: a ring of (bucket end, count) pairs. At most
 * {@code min(cap, 57 222)} buckets can hold orders inside one window (every non-empty bucket holds at least
 * one order, and a minute spans 57 221 such buckets and a part), so the ring is allocated whole at
 * configuration and never grows, whatever the rate. (One timestamp per order, as before, grew with the
 * orders: at the harness's 20 000 orders a second it reallocated and copied 16–64 MB on the business thread.)
 *
 * <p>A bucket leaves the window when its <em>last</em> nanosecond is 60 s old, so an order counts for up to
 * 1.05 ms longer than 60 s, never shorter: the cap holds for every exact 60 s window. An event time earlier
 * than the newest bucket (two producers' clocks) counts in the newest bucket, which is the later side too.
 */
public final class OrderRateWindow {
    public static final long WINDOW_NANOS = 60_000_000_000L;
    /** Buckets of 2^20 ns (≈ 1.05 ms): a bucket's last nanosecond is an OR, not a division. */
    static final int BUCKET_SHIFT = 20;
    static final long BUCKET_MASK = (1L << BUCKET_SHIFT) - 1;
    /** Buckets one window can hold at most. */
    static final int MAX_BUCKETS = (int) (WINDOW_NANOS >> BUCKET_SHIFT) + 2;

    /** Per bucket, side by side (one cache line): [2i] its last nanosecond, inclusive; [2i + 1] its orders. */
    private long[] ring = new long[2];
    private int capacity = 1; // ring.length / 2, kept to spare the division on every wrap
    private int head;
    private int tail; // the newest bucket, when used > 0
    private int used;
    private int total;
    private int max = 1;

    public void configure(int maxPerMinute) {
        if (maxPerMinute != max) {
            capacity = Math.max(1, Math.min(maxPerMinute, MAX_BUCKETS));
            ring = new long[2 * capacity];
            head = 0;
            tail = 0;
            used = 0;
            total = 0;
            max = maxPerMinute;
        }
    }

    private void evict(long nowNanos) {
        while (used > 0 && nowNanos - ring[2 * head] >= WINDOW_NANOS) {
            total -= (int) ring[2 * head + 1];
            dropHead();
        }
    }

    private void dropHead() {
        head = head + 1 == capacity ? 0 : head + 1;
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
            if (--ring[2 * head + 1] == 0) {
                dropHead();
            }
        }
        total++;
        // in the newest bucket's millisecond, or before it; also the fallback when every bucket is taken
        // (only possible with a cap below the buckets a minute needs): counting later is the safe side
        if (used > 0 && (nowNanos <= ring[2 * tail] || used == capacity)) {
            ring[2 * tail + 1]++;
            return;
        }
        tail = used == 0 ? head : tail + 1 == capacity ? 0 : tail + 1;
        ring[2 * tail] = nowNanos | BUCKET_MASK;
        ring[2 * tail + 1] = 1;
        used++;
    }

    public int inWindow(long nowNanos) {
        evict(nowNanos);
        return total;
    }

    public int max() { return max; }

    /** Buckets allocated (tests). */
    int capacity() { return capacity; }
}
