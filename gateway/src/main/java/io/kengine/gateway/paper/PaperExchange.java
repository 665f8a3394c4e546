package io.kengine.gateway.paper;

import io.kengine.gateway.IntentSender;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.event.OrderReplyEvent;
import io.kengine.protocol.stage.EventPublisher;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Paper trading without a market: acknowledges every intent as an exchange would (accepted,
 * amended, decreased, canceled) but never fills. Used by the default run until the simulator
 * provides real matching. Replies travel through an unbounded queue to this object's own thread,
 * which publishes them on the inbound ring, so the sender thread never blocks (see IntentSender).
 * It allocates per intent; that is acceptable off the live path and keeps it obviously correct.
 */
public final class PaperExchange implements IntentSender, Runnable {
    private static final System.Logger LOG = System.getLogger(PaperExchange.class.getName());

    private record Reply(int marketId, byte type, byte side, String clientOrderId, String orderId,
                         long price, long remaining, long causeSequence, String reason) {
    }

    private static final Reply STOP = new Reply(-1, (byte) 0, (byte) 0, "", "", 0, 0, 0, "");

    private final LinkedBlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    private final Map<String, long[]> resting = new HashMap<>(); // clientOrderId -> {price, remaining} (sender thread)
    private final OrderIntentEvent intent = new OrderIntentEvent();
    private final OrderReplyEvent reply = new OrderReplyEvent();
    private final EventPublisher inbound;
    private final Thread thread;
    private final java.util.concurrent.atomic.AtomicLong enqueued = new java.util.concurrent.atomic.AtomicLong();
    private volatile long repliesPublished;

    public PaperExchange(EventPublisher inbound) {
        this.inbound = inbound;
        this.thread = new Thread(this, "paper-exchange");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Each leg is rejected with {@code reason}; the paper book does not change. */
    @Override
    public void refuse(DirectBuffer buffer, int offset, int length, String reason) {
        intent.wrap(new UnsafeBuffer(buffer, offset, length), 0);
        for (int leg = 0; leg < intent.legCount(); leg++) {
            enqueue(new Reply(intent.legMarketId(leg), OrderReplyEvent.REJECTED, intent.legSide(leg), intent.legClientOrderId(leg),
                intent.legOrderId(leg), 0, 0, intent.sequence(), reason));
        }
    }

    @Override
    public void send(DirectBuffer buffer, int offset, int length, boolean endOfBatch) {
        intent.wrap(new UnsafeBuffer(buffer, offset, length), 0);
        long cause = intent.sequence();
        for (int leg = 0; leg < intent.legCount(); leg++) {
            int market = intent.legMarketId(leg);
            byte side = intent.legSide(leg);
            String clientId = intent.legClientOrderId(leg);
            switch (intent.legAction(leg)) {
                case OrderIntentEvent.CREATE:
                    resting.put(clientId, new long[]{intent.legPrice(leg), intent.legCount(leg)});
                    enqueue(new Reply(market, OrderReplyEvent.ACCEPTED, side, clientId, "p-" + clientId,
                        intent.legPrice(leg), intent.legCount(leg), cause, ""));
                    break;
                case OrderIntentEvent.AMEND: {
                    String updated = intent.legUpdatedClientOrderId(leg);
                    long[] order = resting.remove(clientId);
                    if (order == null) {
                        enqueue(new Reply(market, OrderReplyEvent.REJECTED, side, clientId, intent.legOrderId(leg),
                            0, 0, cause, "order not found"));
                        break;
                    }
                    String newId = updated.isEmpty() ? clientId : updated;
                    resting.put(newId, new long[]{intent.legPrice(leg), intent.legCount(leg)});
                    enqueue(new Reply(market, OrderReplyEvent.AMENDED, side, newId, intent.legOrderId(leg),
                        intent.legPrice(leg), intent.legCount(leg), cause, ""));
                    break;
                }
                case OrderIntentEvent.DECREASE: {
                    long[] order = resting.get(clientId);
                    if (order == null) {
                        enqueue(new Reply(market, OrderReplyEvent.REJECTED, side, clientId, intent.legOrderId(leg),
                            0, 0, cause, "order not found"));
                        break;
                    }
                    order[1] = Math.max(0, order[1] - intent.legCount(leg));
                    enqueue(new Reply(market, OrderReplyEvent.DECREASED, side, clientId, intent.legOrderId(leg),
                        order[0], order[1], cause, ""));
                    break;
                }
                case OrderIntentEvent.CANCEL: {
                    long[] order = resting.remove(clientId);
                    byte type = order == null ? OrderReplyEvent.REJECTED : OrderReplyEvent.CANCELED;
                    enqueue(new Reply(market, type, side, clientId, intent.legOrderId(leg),
                        intent.legPrice(leg), 0, cause, order == null ? "order not found" : ""));
                    break;
                }
                default:
                    LOG.log(System.Logger.Level.WARNING, "paper exchange: unknown intent action " + intent.legAction(leg));
            }
        }
    }

    @Override
    public void run() {
        try {
            while (true) {
                Reply r = replies.take();
                if (r == STOP) {
                    return;
                }
                reply.wrapForEncode(inbound.claim(), 0, r.marketId(), EventSource.GATEWAY)
                    .replyType(r.type()).side(r.side()).price(r.price()).remaining(r.remaining())
                    .causeSequence(r.causeSequence()).httpStatus((short) (r.type() == OrderReplyEvent.REJECTED ? 404 : 200))
                    .clientOrderId(r.clientOrderId()).orderId(r.orderId()).reason(r.reason());
                inbound.publish();
                repliesPublished++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void enqueue(Reply r) {
        enqueued.incrementAndGet();
        replies.add(r);
    }

    /** True when every reply produced so far is on the inbound ring; the engine drains until this holds. */
    public boolean isIdle() {
        return enqueued.get() == repliesPublished;
    }

    public long repliesPublished() {
        return repliesPublished;
    }

    @Override
    public void close() {
        replies.add(STOP);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
