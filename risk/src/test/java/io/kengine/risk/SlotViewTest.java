package io.kengine.risk;

import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.event.FillEvent;
import io.kengine.protocol.stage.BasketNote;
import io.kengine.protocol.stage.BookFeaturesNote;
import io.kengine.protocol.stage.BookTrust;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.QuoteNote;
import io.kengine.protocol.stage.TopOfBookNote;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Pins {@link SlotView}'s offsets against the flyweights that write the fields. */
class SlotViewTest {
    @Test
    void readsWhatTheFlyweightsWrite() {
        EventSlot slot = new EventSlot();
        new FillEvent().wrapForEncode(slot.event(), 0, 1234, EventSource.FEED).price(4321).count(98_765).fee(77)
            .postPosition(-5).exchangeTimeMs(123_456_789L).side(Codes.ASK).isTaker(true).tradeId("t-1");
        EventHeader.timestampNanos(slot.event(), 0, 1_795_244_400_123_456_789L);
        new TopOfBookNote().wrap(slot).set(1234, TopOfBookNote.FLAG_VALID | TopOfBookNote.FLAG_TRUSTED, 4_800, 11, 5_200, 13, 100);
        new BookFeaturesNote().wrap(slot).set(1234, BookTrust.TRUSTED, 7, 5_000, 5_001, 1, 2, 3, 4, 60_000);
        QuoteNote q = new QuoteNote().wrap(slot, QuoteNote.PRICING);
        q.set(1234, QuoteNote.FLAG_PRESENT, 4_700, 300, 17, 5_300, 400, 19, 5_050);
        q.meta(2, 1_500);
        new BasketNote().wrap(slot).propose(9, 1, 10);

        SlotView v = new SlotView().wrap(slot);
        assertEquals(EventType.FILL, v.type());
        assertEquals(1_795_244_400_123_456_789L, v.timestampNanos());
        assertEquals(1234, v.eventMarketId());
        assertEquals(true, v.holdsFill());
        FillEvent f = new FillEvent();
        f.wrap(slot.event(), 0);
        assertEquals(f.price(), v.eventLong(SlotView.FILL_PRICE));
        assertEquals(f.count(), v.eventLong(SlotView.FILL_COUNT));
        assertEquals(f.fee(), v.eventLong(SlotView.FILL_FEE));
        assertEquals(f.side(), v.eventByte(SlotView.FILL_SIDE));
        assertEquals(1, v.eventByte(SlotView.FILL_TAKER));
        assertEquals(FillEvent.TRADE_ID_OFFSET, SlotView.FILL_TAKER + 7);
        f.isTaker(false);
        assertEquals(0, v.eventByte(SlotView.FILL_TAKER));

        TopOfBookNote top = new TopOfBookNote().wrap(slot);
        assertEquals(top.marketId(), v.noteInt(SlotView.TOP_MARKET));
        assertEquals(top.flags(), v.noteInt(SlotView.TOP_FLAGS));
        assertEquals(top.bestBid(), v.noteLong(SlotView.TOP_BID));
        assertEquals(top.bestAsk(), v.noteLong(SlotView.TOP_ASK));
        assertEquals(top.tick(), v.noteLong(SlotView.TOP_TICK));
        BookFeaturesNote features = new BookFeaturesNote().wrap(slot);
        assertEquals(features.marketId(), v.noteInt(SlotView.FEATURES_MARKET));
        assertEquals(features.trustCode(), v.noteInt(SlotView.FEATURES_TRUST));
        assertEquals(q.marketId(), v.wantedInt(SlotView.Q_MARKET));
        assertEquals(q.flags(), v.wantedInt(SlotView.Q_FLAGS));
        assertEquals(q.bidPrice(), v.wantedLong(SlotView.Q_BID_PRICE));
        assertEquals(q.bidQty(), v.wantedLong(SlotView.Q_BID_QTY));
        assertEquals(q.askPrice(), v.wantedLong(SlotView.Q_ASK_PRICE));
        assertEquals(q.askQty(), v.wantedLong(SlotView.Q_ASK_QTY));
        assertEquals(q.bidReason(), v.wantedInt(SlotView.Q_BID_REASON));
        assertEquals(q.askReason(), v.wantedInt(SlotView.Q_ASK_REASON));
        assertEquals(q.fairValue(), v.wantedLong(SlotView.Q_FAIR));
        assertEquals(q.regime(), v.wantedInt(SlotView.Q_REGIME));
        assertEquals(q.lifetimeMs(), v.wantedInt(SlotView.Q_LIFETIME));
        BasketNote basket = new BasketNote().wrap(slot);
        assertEquals(basket.status(), v.noteInt(SlotView.BASKET_STATUS));
        assertEquals(BasketNote.STATUS_PROPOSED, v.noteInt(SlotView.BASKET_STATUS));
        basket.clear();
        assertNotEquals(BasketNote.STATUS_PROPOSED, v.noteInt(SlotView.BASKET_STATUS));
    }
}
