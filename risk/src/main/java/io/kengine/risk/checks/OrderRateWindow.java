package io.kengine.risk.checks;

/**
 * Orders (creates and amends) sent in the last 60 s of event time, against a per-minute cap. One timestamp
 * per order in the window, in a ring sized at configuration to the cap, but to at most 2^20 (8 MB, a million
 * orders a minute: twenty times Kalshi's top tier), so a huge cap is not a huge array (60 000 000 was 480 MB).
 * Beyond that the ring doubles, up to the cap, when that many orders are actually in the window: allocation
 * then, at rates no Kalshi tier allows, never at the rates the engine trades at.
 */
public final class OrderRateWindow {
    public static final long WINDOW_NANOS = 60_000_000_000L;
    static final int DEFAULT_INITIAL_CAPACITY = 1 << 20;

    private final int initialCapacity;
    private long[] times = new long[1];
    private int head;
    private int size;
    private int max = 1;

    public OrderRateWindow() {
        this(DEFAULT_INITIAL_CAPACITY);
    }

    /** @param initialCapacity the most timestamps allocated at configuration (tests use a small one to see growth) */
    OrderRateWindow(int initialCapacity) {
        this.initialCapacity = initialCapacity;
    }

    public void configure(int maxPerMinute) {
        if (maxPerMinute != max) {
            times = new long[Math.min(maxPerMinute, initialCapacity)];
            head = 0;
            size = 0;
            max = maxPerMinute;
        }
    }

    private void evict(long nowNanos) {
        while (size > 0 && nowNanos - times[head] >= WINDOW_NANOS) {
            head = head + 1 == times.length ? 0 : head + 1;
            size--;
        }
    }

    public boolean allows(long nowNanos, int orders) {
        evict(nowNanos);
        return size + orders <= max;
    }

    public void record(long nowNanos) {
        evict(nowNanos);
        if (size == max) { // over the cap (a caller that did not ask first): the oldest makes room
            head = head + 1 == times.length ? 0 : head + 1;
            size--;
        } else if (size == times.length) {
            grow();
        }
        int i = head + size;
        times[i >= times.length ? i - times.length : i] = nowNanos;
        size++;
    }

    /** Doubles the ring (at most to the cap), oldest first at index 0. */
    private void grow() {
        long[] bigger = new long[(int) Math.min((long) max, 2L * times.length)];
        int firstPart = Math.min(size, times.length - head);
        System.arraycopy(times, head, bigger, 0, firstPart);
        System.arraycopy(times, 0, bigger, firstPart, size - firstPart);
        times = bigger;
        head = 0;
    }

    public int inWindow(long nowNanos) {
        evict(nowNanos);
        return size;
    }

    public int max() { return max; }

    /** Timestamps the ring can hold before it grows again (tests). */
    int capacity() { return times.length; }
}
