package io.kengine.pricing.quote;

import io.kengine.protocol.stage.QuoteNote;
import io.kengine.protocol.stage.QuoteReason;
import io.kengine.protocol.stage.Regime;

/**
 * The quote being built for one market on one event: each step of {@link QuotePipeline} reads what
 * the previous ones left here and adds its part. One preallocated instance; {@link #reset} per quote.
 * Prices $0.0001 (long, may lie outside (0, 1) until {@link GridStep}), quantities 0.01 contracts.
 */
public final class QuoteDraft {
    public int marketId;
    /** Fair value the quote is built around (external or market-implied), $0.0001. */
    public long fair;
    /** Confidence in the fair value, basis points of 1 (10000 for market-implied). */
    public int confidenceBps;
    /** The engine's base half-spread before fees and widening. */
    public long baseEdge;
    /** The engine's wanted size per side (a cap on what Kelly sizing may ask). */
    public long engineSize;
    public int regime;
    public int lifetimeMs;
    /** Set by an engine that already priced inventory in (Avellaneda–Stoikov): its shift of the centre. */
    public boolean engineSkew;
    public long engineShift;

    /** Fair value minus the inventory shift: what each side's edge is measured against. */
    public long center;
    public long shift;
    public long halfSpread;
    public long bidPrice;
    public long askPrice;
    public long bidQty;
    public long askQty;
    public int bidReason;
    public int askReason;

    public void reset(int marketId) {
        this.marketId = marketId;
        fair = 0;
        confidenceBps = 10_000;
        baseEdge = 0;
        engineSize = 0;
        regime = Regime.UNKNOWN;
        lifetimeMs = 0;
        engineSkew = false;
        engineShift = 0;
        center = 0;
        shift = 0;
        halfSpread = 0;
        bidPrice = 0;
        askPrice = 0;
        bidQty = 0;
        askQty = 0;
        bidReason = QuoteReason.QUOTED;
        askReason = QuoteReason.QUOTED;
    }

    public boolean bidLive() {
        return bidQty > 0;
    }

    public boolean askLive() {
        return askQty > 0;
    }

    /** Takes the bid out of the quote with a reason (a side once dropped stays dropped). */
    public void dropBid(int reason) {
        if (bidQty > 0 || bidReason == QuoteReason.QUOTED) {
            bidQty = 0;
            bidReason = reason;
        }
    }

    public void dropAsk(int reason) {
        if (askQty > 0 || askReason == QuoteReason.QUOTED) {
            askQty = 0;
            askReason = reason;
        }
    }

    /** Writes the finished quote into the slot's pricing region. */
    public void writeTo(QuoteNote note) {
        note.set(marketId, QuoteNote.FLAG_PRESENT, bidPrice, bidQty, bidReason, askPrice, askQty, askReason, fair);
        note.meta(regime, lifetimeMs);
    }
}
