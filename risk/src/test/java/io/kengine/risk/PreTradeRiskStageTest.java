package io.kengine.risk;

import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.FillEvent;
import io.kengine.protocol.event.OperatorCommandEvent;
import io.kengine.protocol.event.TimerEvent;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.QuoteNote;
import io.kengine.protocol.stage.QuoteReason;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreTradeRiskStageTest {
    private final PreTradeRiskStage stage = new PreTradeRiskStage();
    private final EventSlot slot = new EventSlot();
    private final QuoteNote approved = new QuoteNote();

    @Test
    void passesAQuoteWithinLimits() {
        wanted(1, 1000, 1000);
        approved.wrap(slot, QuoteNote.RISK);
        assertTrue(approved.isPresent());
        assertEquals(1000, approved.bidQty());
        assertEquals(1000, approved.askQty());
        assertEquals(4800, approved.bidPrice());
    }

    @Test
    void cutsToMaxOrderSize() {
        config(PreTradeRiskStage.MAX_ORDER_SIZE_KEY, "5.00");
        wanted(1, 1000, 1000);
        approved.wrap(slot, QuoteNote.RISK);
        assertEquals(500, approved.bidQty());
        assertEquals(QuoteReason.RISK_SIZE_CAP, approved.bidReason());
    }

    @Test
    void positionCapLimitsTheSideThatAddsExposure() {
        config(PreTradeRiskStage.MAX_POSITION_KEY, "12.00");
        fill(1, Codes.BID, 1000);  // long 10 YES
        wanted(1, 1000, 1000);
        approved.wrap(slot, QuoteNote.RISK);
        assertEquals(200, approved.bidQty(), "only 2 more contracts fit under the cap");
        assertEquals(QuoteReason.RISK_POSITION_CAP, approved.bidReason());
        assertEquals(1000, approved.askQty(), "selling reduces exposure");
    }

    @Test
    void haltPullsEverythingUntilResume() {
        command(OperatorCommandEvent.HALT);
        approved.wrap(slot, QuoteNote.RISK);
        assertTrue(approved.isPull());
        assertEquals(EventHeader.NO_MARKET, approved.marketId());
        wanted(1, 1000, 1000);
        assertTrue(approved.wrap(slot, QuoteNote.RISK).isPull());
        assertEquals(QuoteReason.RISK_HALTED, approved.bidReason());

        command(OperatorCommandEvent.RESUME);
        wanted(1, 1000, 1000);
        assertFalse(approved.wrap(slot, QuoteNote.RISK).isPull());
    }

    private void wanted(int market, long bidQty, long askQty) {
        new TimerEvent().wrapForEncode(slot.event(), 0, EventSource.TIMER);
        slot.notes().setMemory(0, EventSlot.NOTES_LENGTH, (byte) 0);
        new QuoteNote().wrap(slot, QuoteNote.PRICING).set(market, QuoteNote.FLAG_PRESENT, 4800, bidQty, QuoteReason.QUOTED,
            5200, askQty, QuoteReason.QUOTED, 5000);
        stage.onEvent(slot, true);
    }

    private void fill(int market, byte side, long count) {
        new FillEvent().wrapForEncode(slot.event(), 0, market, EventSource.FEED).side(side).count(count).price(5000);
        stage.onEvent(slot, true);
    }

    private void command(byte command) {
        new OperatorCommandEvent().wrapForEncode(slot.event(), 0, EventHeader.NO_MARKET, EventSource.OPERATOR).command(command);
        stage.onEvent(slot, true);
    }

    private void config(String key, String value) {
        new ConfigChangeEvent().wrapForEncode(slot.event(), 0, EventSource.ENGINE).key(key).value(value);
        stage.onEvent(slot, true);
    }
}
