package io.kengine.pricing;

import io.kengine.config.ParameterDef;
import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.stage.BookFeaturesNote;
import io.kengine.protocol.stage.BookTrust;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.QuoteNote;
import io.kengine.protocol.stage.QuoteReason;
import io.kengine.protocol.stage.Stage;
import io.kengine.protocol.stage.TopOfBookNote;
import io.kengine.protocol.units.FixedPoint;

import java.util.List;

/**
 * M0: fair value = mid of the YES book; quote mid ± edge on the market's grid, post-only safe.
 * The calm-market heartbeat, and the first engine the ring runs. It reads only the slot
 * (the book stage's top-of-book note) and its own parameters, which arrive as journaled
 * ConfigChange events, so replay reproduces every quote.
 *
 * <p>It quotes only a book whose trust state is TRUSTED (the book stage sets FLAG_TRUSTED only then):
 * a stale book pulls with {@link QuoteReason#STALE_BOOK}; resyncing, untrusted and, for now,
 * REST-sourced books (a polled snapshot may be seconds old) pull with {@link QuoteReason#NO_BOOK}.
 */
public final class MidEdgePricingStage implements Stage {
    public static final String EDGE_KEY = "pricing.m0.edge";
    public static final String SIZE_KEY = "pricing.m0.size";
    public static final ParameterDef EDGE = ParameterDef.price(EDGE_KEY, "0.0200",
        "M0 half-spread: quote mid minus and plus this edge").withMax("0.5000");
    public static final ParameterDef SIZE = ParameterDef.count(SIZE_KEY, "10.00",
        "M0 quote size per side in contracts").withMin("0.01");
    public static final List<ParameterDef> PARAMETERS = List.of(EDGE, SIZE);

    private final TopOfBookNote top = new TopOfBookNote();
    private final BookFeaturesNote features = new BookFeaturesNote();
    private final QuoteNote quote = new QuoteNote();
    private final ConfigChangeEvent config = new ConfigChangeEvent();

    private long edge;
    private long size;
    private long quotesWritten;

    /** Starts at the declared defaults; configured values arrive as ConfigChange events. */
    public MidEdgePricingStage() {
        this.edge = EDGE.parse(EDGE.defaultValue());
        this.size = SIZE.parse(SIZE.defaultValue());
    }

    @Override
    public void onEvent(EventSlot slot, boolean endOfBatch) {
        quote.wrap(slot, QuoteNote.PRICING).clear();
        if (slot.type() == EventType.CONFIG_CHANGE) {
            applyConfig(slot);
            return;
        }
        top.wrap(slot);
        features.wrap(slot);
        if (!top.isValid() || !top.isChanged()) {
            return;
        }
        price(top.marketId());
    }

    private void price(int marketId) {
        long bid = top.bestBid();
        long ask = top.bestAsk();
        boolean ours = features.marketId() == marketId;
        int trust = ours ? features.trustCode() : BookTrust.NONE;
        if (!top.isTrusted() || (ours && trust != BookTrust.TRUSTED.code())
            || bid == TopOfBookNote.NO_PRICE || ask == TopOfBookNote.NO_PRICE) {
            int reason = trust == BookTrust.STALE.code() ? QuoteReason.STALE_BOOK : QuoteReason.NO_BOOK;
            quote.set(marketId, QuoteNote.FLAG_PRESENT | QuoteNote.FLAG_PULL,
                0, 0, reason, 0, 0, reason, TopOfBookNote.NO_PRICE);
            quotesWritten++;
            return;
        }
        long tick = Math.max(1, top.tick());
        long fair = (bid + ask) / 2;
        long wantBid = Math.floorDiv(fair - edge, tick) * tick;
        long wantAsk = -Math.floorDiv(-(fair + edge), tick) * tick;

        long bidQty = size;
        int bidReason = QuoteReason.QUOTED;
        if (wantBid >= ask) {               // post-only: never cross the opposite best
            wantBid = ask - tick;
        }
        if (wantBid < tick) {
            bidQty = 0;
            bidReason = QuoteReason.OUTSIDE_BOUNDS;
        }
        long askQty = size;
        int askReason = QuoteReason.QUOTED;
        if (wantAsk <= bid) {
            wantAsk = bid + tick;
        }
        if (wantAsk > FixedPoint.PRICE_ONE - tick) {
            askQty = 0;
            askReason = QuoteReason.OUTSIDE_BOUNDS;
        }
        quote.set(marketId, QuoteNote.FLAG_PRESENT, wantBid, bidQty, bidReason, wantAsk, askQty, askReason, fair);
        quotesWritten++;
    }

    private void applyConfig(EventSlot slot) {
        config.wrap(slot.event(), 0);
        if (config.keyEquals(EDGE_KEY)) {
            edge = EDGE.parse(config.value());
        } else if (config.keyEquals(SIZE_KEY)) {
            size = SIZE.parse(config.value());
        }
    }

    public long edge() {
        return edge;
    }

    public long size() {
        return size;
    }

    public long quotesWritten() {
        return quotesWritten;
    }
}
