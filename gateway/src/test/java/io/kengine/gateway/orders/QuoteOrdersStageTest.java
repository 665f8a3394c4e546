package io.kengine.gateway.orders;

import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.event.OrderReplyEvent;
import io.kengine.protocol.event.SessionStartEvent;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.QuoteNote;
import io.kengine.protocol.stage.QuoteReason;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuoteOrdersStageTest {
    private final List<byte[]> published = new ArrayList<>();
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[EventHeader.MAX_EVENT_LENGTH]);
    private final EventPublisher recorder = new EventPublisher() {
        @Override
        public MutableDirectBuffer claim() {
            return scratch;
        }

        @Override
        public long publish() {
            byte[] copy = new byte[EventHeader.length(scratch, 0)];
            scratch.getBytes(0, copy);
            published.add(copy);
            return published.size() - 1;
        }
    };
    private final QuoteOrdersStage stage = new QuoteOrdersStage(recorder);
    private final EventSlot slot = new EventSlot();
    private long sequence;

    @BeforeEach
    void session() {
        new SessionStartEvent().wrapForEncode(slot.event(), 0, EventSource.ENGINE).runId(0xABCL);
        stamp();
        stage.onEvent(slot, true);
    }

    @Test
    void firstQuoteCreatesBothSidesWithDeterministicIds() {
        quote(7, 4800, 1000, 5200, 1000);
        assertEquals(1, published.size());
        OrderIntentEvent intent = intent(0);
        assertEquals(2, intent.legCount());
        assertEquals(OrderIntentEvent.CREATE, intent.legAction(0));
        assertEquals(Codes.BID, intent.legSide(0));
        assertEquals(4800, intent.legPrice(0));
        assertEquals("kabc-1", intent.legClientOrderId(0));
        assertEquals(Codes.ASK, intent.legSide(1));
        assertEquals("kabc-2", intent.legClientOrderId(1));
        assertEquals(OrderIntentEvent.FLAG_POST_ONLY, intent.legFlags(1));
        assertEquals(sequence, intent.causeSequence());
    }

    @Test
    void nothingIsSentWhileARequestIsInFlight() {
        quote(7, 4800, 1000, 5200, 1000);
        quote(7, 4700, 1000, 5300, 1000);
        assertEquals(1, published.size(), "pending-new orders must not be amended before their ack");
    }

    @Test
    void changedPriceAmendsAfterAckAndUnchangedQuoteSendsNothing() {
        quote(7, 4800, 1000, 5200, 1000);
        ack(7, "kabc-1", "X1");
        ack(7, "kabc-2", "X2");
        quote(7, 4800, 1000, 5200, 1000);
        assertEquals(1, published.size(), "an unchanged quote must not spend rate budget");

        quote(7, 4700, 1000, 5200, 1000);
        assertEquals(2, published.size());
        OrderIntentEvent amend = intent(1);
        assertEquals(1, amend.legCount());
        assertEquals(OrderIntentEvent.AMEND, amend.legAction(0));
        assertEquals("X1", amend.legOrderId(0));
        assertEquals("kabc-1", amend.legClientOrderId(0));
        assertEquals("kabc-3", amend.legUpdatedClientOrderId(0));
        assertEquals(4700, amend.legPrice(0));
    }

    @Test
    void zeroQuantityCancelsAndPullCancelsEverything() {
        quote(7, 4800, 1000, 5200, 1000);
        ack(7, "kabc-1", "X1");
        ack(7, "kabc-2", "X2");
        quote(7, 4800, 0, 5200, 1000);
        OrderIntentEvent cancel = intent(1);
        assertEquals(OrderIntentEvent.CANCEL, cancel.legAction(0));
        assertEquals("X1", cancel.legOrderId(0));

        pull(EventHeader.NO_MARKET);
        OrderIntentEvent pullAll = intent(2);
        assertEquals(1, pullAll.legCount(), "the bid is already pending cancel; only the ask is left");
        assertEquals("X2", pullAll.legOrderId(0));
    }

    @Test
    void rejectedCreateIsRetriedWithANewId() {
        quote(7, 4800, 1000, 5200, 0);
        reply(7, "kabc-1", "", OrderReplyEvent.REJECTED);
        quote(7, 4800, 1000, 5200, 0);
        assertEquals(2, published.size());
        assertEquals("kabc-2", intent(1).legClientOrderId(0));
        assertTrue(stage.openOrders() == 1);
    }

    private void quote(int market, long bid, long bidQty, long ask, long askQty) {
        slot.notes().setMemory(0, EventSlot.NOTES_LENGTH, (byte) 0);
        new io.kengine.protocol.event.TimerEvent().wrapForEncode(slot.event(), 0, EventSource.TIMER);
        EventHeader.marketId(slot.event(), 0, market);
        stamp();
        new QuoteNote().wrap(slot, QuoteNote.RISK).set(market, QuoteNote.FLAG_PRESENT, bid, bidQty, QuoteReason.QUOTED,
            ask, askQty, QuoteReason.QUOTED, (bid + ask) / 2);
        stage.onEvent(slot, true);
    }

    private void pull(int market) {
        slot.notes().setMemory(0, EventSlot.NOTES_LENGTH, (byte) 0);
        new io.kengine.protocol.event.TimerEvent().wrapForEncode(slot.event(), 0, EventSource.TIMER);
        stamp();
        new QuoteNote().wrap(slot, QuoteNote.RISK).set(market, QuoteNote.FLAG_PRESENT | QuoteNote.FLAG_PULL, 0, 0,
            QuoteReason.RISK_HALTED, 0, 0, QuoteReason.RISK_HALTED, 0);
        stage.onEvent(slot, true);
    }

    private void ack(int market, String clientId, String orderId) {
        reply(market, clientId, orderId, OrderReplyEvent.ACCEPTED);
    }

    private void reply(int market, String clientId, String orderId, byte type) {
        new OrderReplyEvent().wrapForEncode(slot.event(), 0, market, EventSource.GATEWAY)
            .replyType(type).clientOrderId(clientId).orderId(orderId).remaining(1000);
        stamp();
        stage.onEvent(slot, true);
    }

    private void stamp() {
        EventHeader.sequence(slot.event(), 0, ++sequence);
        EventHeader.timestampNanos(slot.event(), 0, sequence * 1000);
    }

    private OrderIntentEvent intent(int i) {
        OrderIntentEvent e = new OrderIntentEvent();
        e.wrap(new UnsafeBuffer(published.get(i)), 0);
        return e;
    }
}
