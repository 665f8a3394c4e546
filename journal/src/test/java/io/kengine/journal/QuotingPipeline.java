package io.kengine.journal;

import io.kengine.protocol.event.BookDeltaEvent;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.event.SessionStartEvent;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.units.FixedPoint;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A small deterministic pipeline for replay tests: one CREATE intent per BookDelta at the delta's
 * price, sized by the {@code test.size} config key, with a client order id from run id and a
 * per-run counter (so state that leaks between runs shows up as a divergence).
 * {@link Variant} makes it differ from itself at one chosen exchange sequence.
 */
final class QuotingPipeline implements ReplayDriver.ReplayPipeline {
    static final String SIZE_KEY = "test.size";

    enum Variant { SAME, PRICE_OFF_BY_ONE_TICK, SKIP_INTENT, EXTRA_INTENT }

    private final EventPublisher sink;
    private final Variant variant;
    private final long atExchangeSeq;
    private final BookDeltaEvent delta = new BookDeltaEvent();
    private final ConfigChangeEvent config = new ConfigChangeEvent();
    private final SessionStartEvent session = new SessionStartEvent();
    private final OrderIntentEvent intent = new OrderIntentEvent();
    private final UnsafeBuffer clientOrderId = new UnsafeBuffer(new byte[OrderIntentEvent.ID_CAPACITY]);
    private long size = 100;
    private long runId;
    private long orders;

    QuotingPipeline(EventPublisher sink, Variant variant, long atExchangeSeq) {
        this.sink = sink;
        this.variant = variant;
        this.atExchangeSeq = atExchangeSeq;
    }

    static ReplayDriver.ReplayPipelineFactory factory() {
        return sink -> new QuotingPipeline(sink, Variant.SAME, -1);
    }

    static ReplayDriver.ReplayPipelineFactory factory(Variant variant, long atExchangeSeq) {
        return sink -> new QuotingPipeline(sink, variant, atExchangeSeq);
    }

    @Override
    public void onEvent(EventSlot slot) {
        switch (slot.type()) {
            case EventType.SESSION_START:
                session.wrap(slot.event(), 0);
                runId = session.runId();
                break;
            case EventType.CONFIG_CHANGE:
                config.wrap(slot.event(), 0);
                if (config.keyEquals(SIZE_KEY)) {
                    size = FixedPoint.parseCount(config.value());
                }
                break;
            case EventType.BOOK_DELTA:
                delta.wrap(slot.event(), 0);
                boolean here = delta.exchangeSeq() == atExchangeSeq;
                if (here && variant == Variant.SKIP_INTENT) {
                    return;
                }
                long price = delta.price() + (here && variant == Variant.PRICE_OFF_BY_ONE_TICK ? 100 : 0);
                quote(slot, price);
                if (here && variant == Variant.EXTRA_INTENT) {
                    quote(slot, price);
                }
                break;
            default:
                break;
        }
    }

    private void quote(EventSlot slot, long price) {
        int idLength = clientOrderId.putStringWithoutLengthAscii(0, "r");
        idLength += clientOrderId.putLongAscii(idLength, runId);
        clientOrderId.putByte(idLength++, (byte) '-');
        idLength += clientOrderId.putLongAscii(idLength, orders++);
        intent.wrapForEncode(sink.claim(), 0, slot.marketId(), slot.sequence(), slot.timestampNanos());
        intent.addLeg(OrderIntentEvent.CREATE, slot.marketId(), Codes.BID, price, size, OrderIntentEvent.TIF_GTC,
            OrderIntentEvent.FLAG_POST_ONLY, clientOrderId, 0, idLength);
        sink.publish();
    }
}
