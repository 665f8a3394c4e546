package io.kengine.risk.markets;

import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.MarketDefinitionEvent;
import io.kengine.protocol.event.MarketLifecycleEvent;
import io.kengine.protocol.stage.Regime;
import io.kengine.protocol.stage.TopOfBookNote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What risk knows about each market, by engine market id: whether it is defined, its status and close
 * time (definitions and lifecycle events), the event it belongs to, the last top of book and trust the
 * book stage reported, and the regime pricing last quoted it in. Event ids are dense ints assigned in
 * order of first definition (deterministic); tickers are kept as Strings only for the definition-time
 * work (correlation group matching), never read per quote.
 */
public final class MarketTable {
    private final int maxMarkets;
    private final boolean[] defined;
    private final byte[] status;
    private final long[] closeTimeMs;
    private final long[] lastTradableNanos; // closeTimeMs × 10^6 − 1, saturated: tradable while now ≤ it (no division)
    private final int[] eventId;
    private final String[] ticker;
    private final String[] series;
    private final long[] bestBid;
    private final long[] bestAsk;
    private final long[] tick;
    private final boolean[] trusted;
    private final int[] regime;
    private final Map<String, Integer> eventIds = new HashMap<>();
    private final List<String> eventNames = new ArrayList<>();
    private final int[] definedList;
    private int definedCount;

    public MarketTable(int maxMarkets) {
        this.maxMarkets = maxMarkets;
        defined = new boolean[maxMarkets];
        status = new byte[maxMarkets];
        closeTimeMs = new long[maxMarkets];
        lastTradableNanos = new long[maxMarkets];
        eventId = new int[maxMarkets];
        ticker = new String[maxMarkets];
        series = new String[maxMarkets];
        bestBid = new long[maxMarkets];
        bestAsk = new long[maxMarkets];
        tick = new long[maxMarkets];
        trusted = new boolean[maxMarkets];
        regime = new int[maxMarkets];
        definedList = new int[maxMarkets];
        java.util.Arrays.fill(eventId, -1);
        java.util.Arrays.fill(bestBid, TopOfBookNote.NO_PRICE);
        java.util.Arrays.fill(bestAsk, TopOfBookNote.NO_PRICE);
        java.util.Arrays.fill(closeTimeMs, Long.MAX_VALUE);
        java.util.Arrays.fill(lastTradableNanos, Long.MAX_VALUE);
    }

    public boolean valid(int m) {
        return m >= 0 && m < maxMarkets;
    }

    /** Registers or updates a definition (rare: allocates for new event tickers). Returns true if the market is new. */
    public boolean define(int m, MarketDefinitionEvent d) {
        boolean isNew = !defined[m];
        if (isNew) {
            definedList[definedCount++] = m;
        }
        defined[m] = true;
        status[m] = d.status();
        long close = d.closeTimeMs();
        close(m, close > 0 ? close : Long.MAX_VALUE);
        ticker[m] = d.ticker();
        series[m] = d.seriesTicker();
        String ev = d.eventTicker();
        if (ev.isEmpty()) {
            eventId[m] = -1;
        } else {
            Integer id = eventIds.get(ev);
            if (id == null) {
                id = eventNames.size();
                eventIds.put(ev, id);
                eventNames.add(ev);
            }
            eventId[m] = id;
        }
        return isNew;
    }

    /** Applies a lifecycle change (status, close time); settlement itself is the stage's job. */
    public void lifecycle(int m, MarketLifecycleEvent e) {
        switch (e.kind()) {
            case MarketLifecycleEvent.ACTIVATED:
                status[m] = Codes.STATUS_OPEN;
                break;
            case MarketLifecycleEvent.DEACTIVATED:
                status[m] = Codes.STATUS_PAUSED;
                break;
            case MarketLifecycleEvent.DETERMINED:
                status[m] = Codes.STATUS_DETERMINED;
                break;
            case MarketLifecycleEvent.SETTLED:
                status[m] = Codes.STATUS_SETTLED;
                break;
            default:
                break;
        }
        long close = e.closeTimeMs();
        if (close != MarketLifecycleEvent.NULL_LONG && close > 0) {
            close(m, close);
        }
    }

    /**
     * Sets the close time (ms, ≥ 1). {@code now / 10^6 < close} (truncating division) holds exactly when
     * {@code now ≤ close × 10^6 − 1}: for now ≥ 0 by the definition of the floor, for now &lt; 0 both sides
     * hold (the quotient is ≤ 0 &lt; close, and close × 10^6 − 1 ≥ 0); past 2^63 the product saturates, where
     * every now passes both ways.
     */
    private void close(int m, long closeMs) {
        closeTimeMs[m] = closeMs;
        lastTradableNanos[m] = closeMs > Long.MAX_VALUE / 1_000_000 ? Long.MAX_VALUE : closeMs * 1_000_000 - 1;
    }

    /** Records the book stage's top of book for the market. */
    public void top(int m, long bid, long ask, long tickSize, boolean isTrusted) {
        bestBid[m] = bid;
        bestAsk[m] = ask;
        tick[m] = tickSize;
        trusted[m] = isTrusted;
    }

    public void trust(int m, boolean isTrusted) {
        trusted[m] = isTrusted;
    }

    public void regime(int m, int r) {
        regime[m] = r >= Regime.UNKNOWN && r <= Regime.EVENT ? r : Regime.UNKNOWN;
    }

    /** Open, not paused, defined, and the event time before the close time. */
    public boolean tradable(int m, long nowNanos) {
        return defined[m] && status[m] == Codes.STATUS_OPEN && nowNanos <= lastTradableNanos[m];
    }

    public int maxMarkets() { return maxMarkets; }
    public boolean defined(int m) { return defined[m]; }
    public byte status(int m) { return status[m]; }
    public long closeTimeMs(int m) { return closeTimeMs[m]; }
    public int eventId(int m) { return eventId[m]; }
    public int eventCount() { return eventNames.size(); }
    public String eventTicker(int id) { return eventNames.get(id); }
    public String ticker(int m) { return ticker[m]; }
    public String series(int m) { return series[m]; }
    public long bestBid(int m) { return bestBid[m]; }
    public long bestAsk(int m) { return bestAsk[m]; }
    public long tick(int m) { return tick[m]; }
    public boolean trusted(int m) { return trusted[m]; }
    public int regime(int m) { return regime[m]; }
    /** Defined markets in order of first definition. */
    public int definedCount() { return definedCount; }
    public int definedMarket(int i) { return definedList[i]; }
}
