package io.kengine.feed.connection;

import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Ticker ↔ engine market id: dense ids from 0 in the order markets were added, fixed for the life of
 * the feed (reconnects never renumber). Lookup by the ticker's ASCII bytes allocates nothing (an
 * open-addressing table over byte content), so a decoder can resolve straight from the frame.
 * Filled once at start on one thread and read-only afterwards; safe to share after publication.
 */
public final class MarketRegistry {
    public static final int UNKNOWN = -1;

    private final List<String> tickers = new ArrayList<>();
    private final List<byte[]> tickerBytes = new ArrayList<>();
    private int[] table = new int[16]; // id + 1; 0 = empty
    private final int maxMarkets;

    public MarketRegistry(int maxMarkets) {
        this.maxMarkets = maxMarkets;
    }

    /** The id of {@code ticker}, adding it when new. */
    public int add(String ticker) {
        int existing = id(ticker);
        if (existing != UNKNOWN) {
            return existing;
        }
        if (tickers.size() >= maxMarkets) {
            throw new IllegalStateException("more than " + maxMarkets + " markets (at " + ticker + ")");
        }
        byte[] bytes = ticker.getBytes(StandardCharsets.US_ASCII);
        int id = tickers.size();
        tickers.add(ticker);
        tickerBytes.add(bytes);
        if ((id + 1) * 2 > table.length) {
            rehash(table.length * 2);
        } else {
            insert(bytes, id);
        }
        return id;
    }

    public int size() {
        return tickers.size();
    }

    public String ticker(int id) {
        return tickers.get(id);
    }

    public List<String> tickers() {
        return Collections.unmodifiableList(tickers);
    }

    public int id(String ticker) {
        if (ticker == null) {
            return UNKNOWN;
        }
        int h = hashChars(ticker);
        int mask = table.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int slot = table[i];
            if (slot == 0) {
                return UNKNOWN;
            }
            if (tickers.get(slot - 1).equals(ticker)) {
                return slot - 1;
            }
        }
    }

    /** Zero-allocation lookup of the ASCII ticker in {@code buffer[offset, offset + length)}. */
    public int id(DirectBuffer buffer, int offset, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + (buffer.getByte(offset + i) & 0xFF);
        }
        int mask = table.length - 1;
        for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
            int slot = table[i];
            if (slot == 0) {
                return UNKNOWN;
            }
            byte[] candidate = tickerBytes.get(slot - 1);
            if (candidate.length == length && sameBytes(candidate, buffer, offset)) {
                return slot - 1;
            }
        }
    }

    private static boolean sameBytes(byte[] a, DirectBuffer b, int offset) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b.getByte(offset + i)) {
                return false;
            }
        }
        return true;
    }

    private void rehash(int capacity) {
        table = new int[capacity];
        for (int id = 0; id < tickerBytes.size(); id++) {
            insert(tickerBytes.get(id), id);
        }
    }

    private void insert(byte[] bytes, int id) {
        int h = 0;
        for (byte b : bytes) {
            h = 31 * h + (b & 0xFF);
        }
        int mask = table.length - 1;
        int i = spread(h) & mask;
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = id + 1;
    }

    /** Tickers are ASCII, so String.hashCode equals the byte hash above. */
    private static int hashChars(String s) {
        return spread(s.hashCode());
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
