package io.kengine.feed.decode;

import java.util.Arrays;

/**
 * An open-addressing table from ticker bytes to market id. Registration copies the ticker into its own
 * array (allocates, rarely: one per market definition); lookups hash and compare bytes and allocate
 * nothing. Single-threaded: register and look up on the thread that owns it, or publish a new table.
 */
public final class ByteKeyMarketIds implements MarketIdResolver {
    private byte[][] keys;
    private int[] hashes;
    private int[] ids;
    private int size;

    public ByteKeyMarketIds() {
        this(64);
    }

    public ByteKeyMarketIds(int expectedMarkets) {
        int capacity = Integer.highestOneBit(Math.max(8, expectedMarkets * 2) - 1) << 1;
        keys = new byte[capacity][];
        hashes = new int[capacity];
        ids = new int[capacity];
    }

    /** Maps {@code ticker} (printable ASCII) to {@code marketId} (≥ 0), replacing an earlier mapping. */
    public void register(CharSequence ticker, int marketId) {
        if (marketId < 0) {
            throw new IllegalArgumentException("market id must be >= 0: " + marketId);
        }
        byte[] key = new byte[ticker.length()];
        for (int i = 0; i < key.length; i++) {
            char c = ticker.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("ticker is not printable ASCII: '" + ticker + "'");
            }
            key[i] = (byte) c;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int h = hash(key, 0, key.length);
        int i = slot(key, 0, key.length, h);
        if (keys[i] == null) {
            keys[i] = key;
            hashes[i] = h;
            size++;
        }
        ids[i] = marketId;
    }

    public int size() {
        return size;
    }

    @Override
    public int marketId(byte[] bytes, int offset, int length) {
        int i = slot(bytes, offset, length, hash(bytes, offset, length));
        return keys[i] == null ? UNKNOWN : ids[i];
    }

    /** The slot holding the key, or the empty slot where it would go (the table is never full). */
    private int slot(byte[] bytes, int offset, int length, int h) {
        int mask = keys.length - 1;
        int i = h & mask;
        byte[] k;
        while ((k = keys[i]) != null) {
            if (hashes[i] == h && k.length == length && Arrays.equals(k, 0, length, bytes, offset, offset + length)) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return i;
    }

    private static int hash(byte[] b, int offset, int length) {
        int h = 0x811C9DC5;
        for (int i = 0; i < length; i++) {
            h = (h ^ (b[offset + i] & 0xFF)) * 0x01000193; // FNV-1a
        }
        return h ^ (h >>> 15);
    }

    private void grow() {
        byte[][] oldKeys = keys;
        int[] oldHashes = hashes;
        int[] oldIds = ids;
        keys = new byte[oldKeys.length * 2][];
        hashes = new int[keys.length];
        ids = new int[keys.length];
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = slot(oldKeys[j], 0, oldKeys[j].length, oldHashes[j]);
                keys[i] = oldKeys[j];
                hashes[i] = oldHashes[j];
                ids[i] = oldIds[j];
            }
        }
    }
}
