package io.kengine.gateway.orders;

/**
 * Fills already counted, by a 64-bit hash of (trade id, order id): a fill reported twice (the fill
 * channel after a reconnect, the reconciler's REST fills) moves the position once. Fixed capacity,
 * zero allocation: open addressing with linear probing; when full, the oldest entry is evicted
 * (FIFO, backward-shift deletion), so the set remembers the most recent {@code capacity} fills —
 * far more than the reconciler's fill window holds.
 */
final class TradeIdSet {
    private static final long EMPTY = 0;
    private final long[] table;
    private final long[] fifo;
    private final int mask;
    private int head;
    private int size;
    private boolean zeroPresent; // 0 marks empty table slots, so key 0 lives here

    /** @param capacity remembered fills; rounded up to a power of two */
    TradeIdSet(int capacity) {
        int c = Integer.highestOneBit(Math.max(16, capacity - 1)) << 1;
        fifo = new long[c];
        table = new long[c * 2];
        mask = table.length - 1;
    }

    /** Adds the key; false when it was already there. */
    boolean add(long key) {
        if (key == EMPTY) {
            if (zeroPresent) {
                return false;
            }
            if (size == fifo.length) {
                remove(fifo[head]);
                size--;
            }
            zeroPresent = true;
            fifo[(head + size) & (fifo.length - 1)] = key;
            size++;
            return true;
        }
        int i = index(key);
        while (table[i] != EMPTY) {
            if (table[i] == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
        if (size == fifo.length) {
            remove(fifo[head]);
            size--;
            i = index(key);
            while (table[i] != EMPTY) {
                i = (i + 1) & mask;
            }
        }
        table[i] = key;
        fifo[(head + size) & (fifo.length - 1)] = key;
        size++;
        return true;
    }

    boolean contains(long key) {
        if (key == EMPTY) {
            return zeroPresent;
        }
        int i = index(key);
        while (table[i] != EMPTY) {
            if (table[i] == key) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    int size() {
        return size;
    }

    void clear() {
        java.util.Arrays.fill(table, EMPTY);
        zeroPresent = false;
        head = 0;
        size = 0;
    }

    private void remove(long key) {
        if (key == EMPTY) {
            zeroPresent = false;
            head = (head + 1) & (fifo.length - 1);
            return;
        }
        int i = index(key);
        while (table[i] != key) {
            if (table[i] == EMPTY) {
                head = (head + 1) & (fifo.length - 1);
                return;
            }
            i = (i + 1) & mask;
        }
        table[i] = EMPTY;
        head = (head + 1) & (fifo.length - 1);
        // backward-shift: move later entries of the cluster into the hole when their home allows
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            long k = table[j];
            if (k == EMPTY) {
                return;
            }
            int home = index(k);
            boolean between = i <= j ? (home > i && home <= j) : (home > i || home <= j);
            if (!between) {
                table[i] = k;
                table[j] = EMPTY;
                i = j;
            }
        }
    }

    private int index(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }
}
