package io.kengine.pricing.market;

import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.MarketDefinitionEvent;
import io.kengine.protocol.event.MarketLifecycleEvent;
import io.kengine.protocol.stage.BookFeaturesNote;
import io.kengine.protocol.stage.BookTrust;
import io.kengine.protocol.stage.TopOfBookNote;
import io.kengine.protocol.units.TickGrid;

/**
 * What pricing remembers per market, in arrays indexed by market id: the definition (tickers, grid,
 * status, close time), the last top of book and features the book stage announced (pricing needs
 * other markets' books for M3, and the market's own when a fair value or a fill arrives between book
 * updates) and our position from fills. Strings and grids are built only when a definition changes them.
 */
public final class Markets {
    private final int capacity;
    private int limit; // 1 + the highest id seen, bounds sweeps
    private final boolean[] defined;
    private final String[] ticker;
    private final String[] eventTicker;
    private final String[] series;
    private final TickGrid[] grid;
    private final long[] minInside;
    private final long[] maxInside;
    private final byte[] status;
    private final long[] closeTimeMs;
    private final boolean[] fractional;

    private final boolean[] hasTop;
    private final boolean[] trusted;
    private final int[] trust;
    private final long[] bid;
    private final long[] ask;
    private final long[] bidQty;
    private final long[] askQty;
    private final long[] tick;
    private final long[] micro;
    private final long[] imbDepth;
    private final long[] vol;
    private final long[] intensity;

    private final long[] position;

    public Markets(int capacity) {
        this.capacity = capacity;
        defined = new boolean[capacity];
        ticker = new String[capacity];
        eventTicker = new String[capacity];
        series = new String[capacity];
        grid = new TickGrid[capacity];
        minInside = new long[capacity];
        maxInside = new long[capacity];
        status = new byte[capacity];
        closeTimeMs = new long[capacity];
        fractional = new boolean[capacity];
        hasTop = new boolean[capacity];
        trusted = new boolean[capacity];
        trust = new int[capacity];
        bid = new long[capacity];
        ask = new long[capacity];
        bidQty = new long[capacity];
        askQty = new long[capacity];
        tick = new long[capacity];
        micro = new long[capacity];
        imbDepth = new long[capacity];
        vol = new long[capacity];
        intensity = new long[capacity];
        position = new long[capacity];
    }

    public boolean inRange(int m) {
        return m >= 0 && m < capacity;
    }

    public int capacity() {
        return capacity;
    }

    /** 1 + the highest market id seen so far. */
    public int limit() {
        return limit;
    }

    private void seen(int m) {
        if (m >= limit) {
            limit = m + 1;
        }
    }

    /** Applies a definition; returns true when the tickers changed (engine and group choices need redoing). */
    public boolean define(int m, MarketDefinitionEvent def) {
        seen(m);
        boolean renamed = !defined[m] || !def.tickerEquals(ticker[m]);
        if (renamed) {
            ticker[m] = def.ticker();
            eventTicker[m] = def.eventTicker();
            series[m] = def.seriesTicker();
        }
        if (def.priceRangeCount() > 0 && (grid[m] == null || !grid[m].matches(def))) {
            grid[m] = TickGrid.from(def);
            minInside[m] = grid[m].ceil(1);
            maxInside[m] = grid[m].floor(io.kengine.protocol.units.FixedPoint.PRICE_ONE - 1);
        }
        defined[m] = true;
        status[m] = def.status();
        closeTimeMs[m] = def.closeTimeMs();
        fractional[m] = def.fractionalTrading();
        return renamed;
    }

    public void lifecycle(int m, MarketLifecycleEvent e) {
        seen(m);
        switch (e.kind()) {
            case MarketLifecycleEvent.ACTIVATED: status[m] = Codes.STATUS_OPEN; break;
            case MarketLifecycleEvent.DEACTIVATED: status[m] = Codes.STATUS_PAUSED; break;
            case MarketLifecycleEvent.DETERMINED: status[m] = Codes.STATUS_DETERMINED; break;
            case MarketLifecycleEvent.SETTLED: status[m] = Codes.STATUS_SETTLED; break;
            default: break;
        }
        if (e.closeTimeMs() != MarketLifecycleEvent.NULL_LONG && e.closeTimeMs() > 0) {
            closeTimeMs[m] = e.closeTimeMs();
        }
    }

    /** Remembers the book stage's notes for their market (the notes must be valid and for {@code m}). */
    public void rememberBook(int m, TopOfBookNote top, BookFeaturesNote features) {
        seen(m);
        hasTop[m] = true;
        bid[m] = top.bestBid();
        ask[m] = top.bestAsk();
        bidQty[m] = top.bestBidQty();
        askQty[m] = top.bestAskQty();
        tick[m] = top.tick();
        boolean ours = features.marketId() == m;
        int t = ours ? features.trustCode() : BookTrust.NONE;
        trust[m] = t;
        // as M0: the flag must say trusted, and the features (when present) must agree
        trusted[m] = top.isTrusted() && (!ours || t == BookTrust.TRUSTED.code());
        micro[m] = ours ? features.microprice() : BookFeaturesNote.NO_VALUE;
        imbDepth[m] = ours ? features.imbalanceDepthBps() : BookFeaturesNote.NO_VALUE;
        vol[m] = ours ? features.volatility() : 0;
        intensity[m] = ours ? features.tradeIntensity() : 0;
    }

    public void position(int m, long p) {
        seen(m);
        position[m] = p;
    }

    public boolean isDefined(int m) { return defined[m]; }
    public String ticker(int m) { return ticker[m]; }
    public String eventTicker(int m) { return eventTicker[m]; }
    public String series(int m) { return series[m]; }
    /** The market's grid, or null before a definition with price ranges. */
    public TickGrid grid(int m) { return grid[m]; }
    public byte status(int m) { return status[m]; }
    /** The grid's lowest point above 0 (valid when {@link #grid} is not null). */
    public long minInside(int m) { return minInside[m]; }
    public long maxInside(int m) { return maxInside[m]; }
    /** Unknown (no definition) counts as open so a book without a definition still quotes, as M0 did. */
    public boolean isOpen(int m) { return status[m] == Codes.STATUS_OPEN || status[m] == Codes.STATUS_UNKNOWN; }
    public long closeTimeMs(int m) { return closeTimeMs[m]; }
    public boolean fractional(int m) { return fractional[m]; }
    public boolean hasTop(int m) { return hasTop[m]; }
    public boolean trusted(int m) { return trusted[m]; }
    public int trust(int m) { return trust[m]; }
    public long bid(int m) { return bid[m]; }
    public long ask(int m) { return ask[m]; }
    public long bidQty(int m) { return bidQty[m]; }
    public long askQty(int m) { return askQty[m]; }
    public long tick(int m) { return tick[m]; }
    public long microprice(int m) { return micro[m]; }
    public long imbalanceDepth(int m) { return imbDepth[m]; }
    public long volatility(int m) { return vol[m]; }
    public long tradeIntensity(int m) { return intensity[m]; }
    public long position(int m) { return position[m]; }

    /** Mid of the remembered book when trusted, open and two-sided; −1 otherwise. */
    public long liveMid(int m) {
        if (!hasTop[m] || !trusted[m] || !isOpen(m) || bid[m] < 0 || ask[m] < 0) {
            return -1;
        }
        return (bid[m] + ask[m]) / 2;
    }
}
