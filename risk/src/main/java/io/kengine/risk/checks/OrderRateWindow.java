package io.kengine.risk.checks;

/** Orders (creates and amends) sent in the last 60 s of event time, against a per-minute cap. */
public final class OrderRateWindow {
    public static final long WINDOW_NANOS = 60_000_000_000L;
    private long[] times = new long[1];
    private int head;
    private int size;
    private int max = 1;

    public void configure(int maxPerMinute) {
        if (maxPerMinute != max) {
            times = new long[maxPerMinute];
            head = 0;
            size = 0;
            max = maxPerMinute;
        }
    }

    private void evict(long nowNanos) {
        while (size > 0 && nowNanos - times[head] >= WINDOW_NANOS) {
            head = head + 1 == max ? 0 : head + 1;
            size--;
        }
    }

    public boolean allows(long nowNanos, int orders) {
        evict(nowNanos);
        return size + orders <= max;
    }

    public void record(long nowNanos) {
        evict(nowNanos);
        if (size == max) {
            head = head + 1 == max ? 0 : head + 1;
            size--;
        }
        int i = head + size;
        times[i >= max ? i - max : i] = nowNanos;
        size++;
    }

    public int inWindow(long nowNanos) {
        evict(nowNanos);
        return size;
    }

    public int max() { return max; }
}
