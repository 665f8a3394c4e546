package io.kengine.gateway.orders;

import io.kengine.gateway.GatewaySignals;
import io.kengine.gateway.ReconcileEvents;
import io.kengine.protocol.event.DecisionEvent;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.event.FillEvent;
import io.kengine.protocol.event.OperatorCommandEvent;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.event.OrderReplyEvent;
import io.kengine.protocol.event.SessionStartEvent;
import io.kengine.protocol.event.TimerEvent;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.QuoteNote;
import io.kengine.protocol.stage.QuoteReason;
import io.kengine.protocol.stage.Regime;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

/** Drives the orders stage with hand-built events and records what it publishes. */
final class StageDriver {
    final List<byte[]> published = new ArrayList<>();
    final List<Integer> unknownSignals = new ArrayList<>();
    final List<Integer> haltSignals = new ArrayList<>();
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[EventHeader.MAX_EVENT_LENGTH]);
    final QuoteOrdersStage stage;
    final EventSlot slot = new EventSlot();
    long sequence;
    long nowNanos = 1_000_000_000_000L;

    StageDriver(OrdersConfig config) {
        EventPublisher recorder = new EventPublisher() {
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
        stage = new QuoteOrdersStage(recorder, config, new GatewaySignals() {
            @Override
            public void unknownOrder(int marketId) {
                unknownSignals.add(marketId);
            }

            @Override
            public void reconcileMismatch(int marketId) {
                haltSignals.add(marketId);
            }
        });
        new SessionStartEvent().wrapForEncode(slot.event(), 0, EventSource.ENGINE).runId(0xABCL);
        deliver();
    }

    /** Clears the notes and prepares a timer event for the market; the caller may write notes then deliver. */
    EventSlot timerSlot(int market) {
        slot.notes().setMemory(0, EventSlot.NOTES_LENGTH, (byte) 0);
        new TimerEvent().wrapForEncode(slot.event(), 0, EventSource.TIMER);
        EventHeader.marketId(slot.event(), 0, market);
        return slot;
    }

    void quote(int market, long bid, long bidQty, long ask, long askQty) {
        quote(market, bid, bidQty, ask, askQty, 0);
    }

    void quote(int market, long bid, long bidQty, long ask, long askQty, int lifetimeMs) {
        timerSlot(market);
        QuoteNote q = new QuoteNote().wrap(slot, QuoteNote.RISK);
        q.set(market, QuoteNote.FLAG_PRESENT, bid, bidQty, QuoteReason.QUOTED, ask, askQty, QuoteReason.QUOTED,
            (bid + ask) / 2);
        q.meta(Regime.CALM, lifetimeMs);
        deliverKeepingNotes();
    }

    void pull(int market) {
        timerSlot(market);
        new QuoteNote().wrap(slot, QuoteNote.RISK).set(market, QuoteNote.FLAG_PRESENT | QuoteNote.FLAG_PULL, 0, 0,
            QuoteReason.RISK_HALTED, 0, 0, QuoteReason.RISK_HALTED, 0);
        deliverKeepingNotes();
    }

    void timer() {
        timerSlot(EventHeader.NO_MARKET);
        deliverKeepingNotes();
    }

    void reply(int market, byte type, String clientId, String orderId, long price, long remaining) {
        reply(market, type, clientId, orderId, price, remaining, 0, "", (byte) 0);
    }

    void reply(int market, byte type, String clientId, String orderId, long price, long remaining, long filled,
               String reason, byte side) {
        new OrderReplyEvent().wrapForEncode(slot.event(), 0, market, EventSource.GATEWAY)
            .replyType(type).clientOrderId(clientId).orderId(orderId).price(price).remaining(remaining)
            .filled(filled).reason(reason).side(side);
        deliver();
    }

    void fill(int market, byte side, long count, String tradeId, String clientId, String orderId) {
        new FillEvent().wrapForEncode(slot.event(), 0, market, EventSource.FEED).side(side).count(count).price(5_000)
            .tradeId(tradeId).clientOrderId(clientId).orderId(orderId).exchangeTimeMs(nowNanos / 1_000_000);
        deliver();
    }

    void marker(long round, long phase, boolean startup) {
        ReconcileEvents.marker(slot.event(), round, phase, startup, nowNanos / 1_000_000 - 1);
        deliver();
    }

    void position(int market, long position) {
        ReconcileEvents.position(slot.event(), market, position);
        deliver();
    }

    void command(int market, byte command) {
        new OperatorCommandEvent().wrapForEncode(slot.event(), 0, market, EventSource.OPERATOR).command(command);
        deliver();
    }

    void config(String key, String value) {
        new io.kengine.protocol.event.ConfigChangeEvent().wrapForEncode(slot.event(), 0, EventSource.ENGINE)
            .revision(1).key(key).value(value);
        deliver();
    }

    /** Delivers the event already encoded in the slot. */
    void deliverRaw() {
        deliver();
    }

    void advanceMillis(long ms) {
        nowNanos += ms * 1_000_000L;
    }

    private void deliver() {
        slot.notes().setMemory(0, EventSlot.NOTES_LENGTH, (byte) 0);
        deliverKeepingNotes();
    }

    private void deliverKeepingNotes() {
        EventHeader.sequence(slot.event(), 0, ++sequence);
        nowNanos += 1_000;
        EventHeader.timestampNanos(slot.event(), 0, nowNanos);
        stage.onEvent(slot, true);
    }

    List<OrderIntentEvent> intents() {
        List<OrderIntentEvent> out = new ArrayList<>();
        for (byte[] b : published) {
            if (EventHeader.type(new UnsafeBuffer(b), 0) == EventType.ORDER_INTENT) {
                OrderIntentEvent e = new OrderIntentEvent();
                e.wrap(new UnsafeBuffer(b), 0);
                out.add(e);
            }
        }
        return out;
    }

    OrderIntentEvent lastIntent() {
        List<OrderIntentEvent> all = intents();
        return all.get(all.size() - 1);
    }

    List<DecisionEvent> decisions() {
        List<DecisionEvent> out = new ArrayList<>();
        for (byte[] b : published) {
            if (EventHeader.type(new UnsafeBuffer(b), 0) == EventType.DECISION) {
                DecisionEvent e = new DecisionEvent();
                e.wrap(new UnsafeBuffer(b), 0);
                out.add(e);
            }
        }
        return out;
    }

    String state(int market, byte side) {
        return stage.state(market, side);
    }
}
