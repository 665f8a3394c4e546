package io.kengine.gateway.orders;

import io.kengine.gateway.GatewaySignals;
import io.kengine.gateway.ReconcileEvents;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.DecisionEvent;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.event.FillEvent;
import io.kengine.protocol.event.OperatorCommandEvent;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.event.OrderReplyEvent;
import io.kengine.protocol.event.SessionStartEvent;
import io.kengine.protocol.stage.BasketNote;
import io.kengine.protocol.stage.DecisionKind;
import io.kengine.protocol.stage.DecisionNote;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.QuoteNote;
import io.kengine.protocol.stage.QuoteReason;
import io.kengine.protocol.stage.Stage;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * The orders stage, last business stage and single producer of the outbound ring. Per event, in order:
 * <ol>
 *   <li>publishes the decisions pricing and risk wrote into their {@link DecisionNote} regions as
 *       {@link DecisionEvent}s (so journal-out records them and replay compares them);</li>
 *   <li>applies an order reply, a fill (deduplicated by trade id), a reconciliation marker or an
 *       operator command to the order state machine (see gateway/README.md);</li>
 *   <li>diffs risk's approved quote against the live order of each side and publishes the fewest
 *       intents (amend or decrease before cancel + new, both sides in one intent);</li>
 *   <li>turns an approved basket into create intents sharing its group id;</li>
 *   <li>pulls quotes older than their lifetime (event time).</li>
 * </ol>
 * An order with a request in flight is left alone until the exchange's answer arrives as an event;
 * an order in {@code unknown} blocks new orders in its market until reconciliation resolves it.
 * Client order ids are {@code k<runId hex>-<counter>}: deterministic, so replay reproduces them and a
 * retried create reuses its id. Zero allocation in steady state, time only from events.
 */
public final class QuoteOrdersStage implements Stage {
    public static final int MAX_MARKETS = 4096;
    static final int LEG_SLOTS = 256;
    static final int GROUPS = 64;
    private static final int MAX_CANCEL_REJECTS = 3;
    private static final long MIN_PRICE = 1;
    private static final long MAX_PRICE = 9_999;

    private static final byte[] MARKER = ReconcileEvents.MARKER_ID.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REPORT = ReconcileEvents.REPORT_REASON.getBytes(StandardCharsets.US_ASCII);

    private final EventPublisher intents;
    private OrdersConfig config; // replaced by journaled orders.* changes (OrdersParameters)
    private final GatewaySignals signals;

    private final QuoteNote approved = new QuoteNote();
    private final BasketNote basket = new BasketNote();
    private final DecisionNote decisionNote = new DecisionNote();
    private final OrderIntentEvent intent = new OrderIntentEvent();
    private final DecisionEvent decision = new DecisionEvent();
    private final OrderReplyEvent reply = new OrderReplyEvent();
    private final FillEvent fill = new FillEvent();
    private final SessionStartEvent session = new SessionStartEvent();
    private final OperatorCommandEvent command = new OperatorCommandEvent();
    private final UnsafeBuffer intentScratch = new UnsafeBuffer(BufferUtil.allocateDirectAligned(EventHeader.MAX_EVENT_LENGTH, 64));
    private final UnsafeBuffer decisionScratch = new UnsafeBuffer(BufferUtil.allocateDirectAligned(EventHeader.MAX_EVENT_LENGTH, 64));

    private final LiveOrder[] bids = new LiveOrder[MAX_MARKETS];
    private final LiveOrder[] asks = new LiveOrder[MAX_MARKETS];
    private final LiveOrder[] legs = new LiveOrder[LEG_SLOTS];
    private final long[] groupId = new long[GROUPS];
    private final int[] groupLegs = new int[GROUPS];
    private final int[] groupDone = new int[GROUPS];
    private final boolean[] groupFailed = new boolean[GROUPS];

    private final long[] position = new long[MAX_MARKETS];
    private final long[] exchangePosition = new long[MAX_MARKETS];
    private final long[] reportedRound = new long[MAX_MARKETS];
    private final long[] lastDiff = new long[MAX_MARKETS];
    private final int[] diffStreak = new int[MAX_MARKETS];
    private final long[] startupDelta = new long[MAX_MARKETS];
    private final int[] unknownCount = new int[MAX_MARKETS];
    private final boolean[] halted = new boolean[MAX_MARKETS];
    private final TradeIdSet seenFills;
    private final UnsafeBuffer runPrefix = new UnsafeBuffer(new byte[LiveOrder.ID_CAPACITY]);
    private int runPrefixLength;
    private int marketsUsed;

    private EventSlot cause;
    private long now;
    private boolean open;
    private long openGroup;

    private long runId;
    private long nextOrderNumber = 1;
    private long round;
    private boolean roundOpen;
    private boolean roundStartup;
    private long baselineMs;
    private long nextExpiryNanos = Long.MAX_VALUE;

    private long intentsPublished;
    private long decisionsPublished;
    private long unmatchedReplies;
    private long duplicateFills;
    private long fills;
    private long rejects;
    private long configErrors;
    private final io.kengine.protocol.event.ConfigChangeEvent configChange = new io.kengine.protocol.event.ConfigChangeEvent();
    private long basketsDropped;
    private long mismatches;

    public QuoteOrdersStage(EventPublisher intents) {
        this(intents, OrdersConfig.DEFAULTS, GatewaySignals.NONE);
    }

    public QuoteOrdersStage(EventPublisher intents, OrdersConfig config, GatewaySignals signals) {
        this.intents = intents;
        this.config = config;
        this.signals = signals;
        this.seenFills = new TradeIdSet(config.rememberedFills());
        for (int i = 0; i < MAX_MARKETS; i++) {
            bids[i] = slot(i, Codes.BID);
            asks[i] = slot(i, Codes.ASK);
        }
        for (int i = 0; i < LEG_SLOTS; i++) {
            legs[i] = new LiveOrder();
        }
        writeRunPrefix();
    }

    private static LiveOrder slot(int market, byte side) {
        LiveOrder o = new LiveOrder();
        o.market = market;
        o.side = side;
        return o;
    }

    @Override
    public void onEvent(EventSlot slot, boolean endOfBatch) {
        cause = slot;
        now = slot.timestampNanos();
        open = false;
        publishStageDecisions(slot, DecisionNote.PRICING, DecisionEvent.STAGE_PRICING);
        publishStageDecisions(slot, DecisionNote.RISK, DecisionEvent.STAGE_RISK);
        switch (slot.type()) {
            case EventType.SESSION_START:
                session.wrap(slot.event(), 0);
                runId = session.runId();
                writeRunPrefix();
                break;
            case EventType.ORDER_REPLY:
                onReply(slot.event());
                break;
            case EventType.FILL:
                onFill(slot.event());
                break;
            case EventType.OPERATOR_COMMAND:
                onCommand(slot.event());
                break;
            case EventType.CONFIG_CHANGE:
                onConfigChange(slot.event());
                break;
            default:
                break;
        }
        approved.wrap(slot, QuoteNote.RISK);
        if (approved.isPresent()) {
            onQuote();
        }
        basket.wrap(slot);
        if (basket.isApproved()) {
            onBasket();
        }
        if (now >= nextExpiryNanos) {
            pullExpired();
        }
        finish();
    }

    // ------------------------------------------------------------------ decisions

    private void publishStageDecisions(EventSlot slot, int region, byte stage) {
        decisionNote.wrap(slot, region);
        int n = Math.min(decisionNote.count(), DecisionNote.MAX_ENTRIES);
        for (int i = 0; i < n; i++) {
            decision(stage, decisionNote.kind(i), decisionNote.reason(i), decisionNote.marketId(i),
                decisionNote.value1(i), decisionNote.value2(i));
        }
    }

    private void decision(byte stage, int kind, int reason, int market, long value1, long value2) {
        decision.wrapForEncode(decisionScratch, 0, market, cause.sequence(), cause.timestampNanos())
            .kind(kind).reason(reason).value1(value1).value2(value2).stage(stage);
        MutableDirectBuffer out = intents.claim();
        out.putBytes(0, decisionScratch, 0, DecisionEvent.LENGTH);
        intents.publish();
        decisionsPublished++;
    }

    // ------------------------------------------------------------------ quotes

    private void onQuote() {
        int market = approved.marketId();
        long lifetime = approved.lifetimeMs() * 1_000_000L;
        if (approved.isPull()) {
            if (market == EventHeader.NO_MARKET) {
                for (int m = 0; m < marketsUsed; m++) {
                    pull(bids[m]);
                    pull(asks[m]);
                }
            } else if (valid(market)) {
                pull(bids[market]);
                pull(asks[market]);
            }
            return;
        }
        if (!valid(market)) {
            return;
        }
        touch(market);
        want(bids[market], approved.bidPrice(), approved.bidQty(), lifetime);
        want(asks[market], approved.askPrice(), approved.askQty(), lifetime);
    }

    private void pull(LiveOrder o) {
        o.wantedQty = 0;
        diff(o, false, false);
    }

    private void want(LiveOrder o, long price, long qty, long lifetime) {
        o.wantedPrice = price;
        o.wantedQty = Math.max(0, qty);
        o.wantedLifetimeNanos = lifetime;
        diff(o, true, true);
    }

    /**
     * Closes the gap between what the side wants and its order. Only a quote event ({@code mayCreate})
     * creates or grows an order; after a reply the order is only moved, shrunk or canceled, so a fill is
     * never topped up before risk has seen it and approved the next quote.
     */
    private void diff(LiveOrder o, boolean mayCreate, boolean confirm) {
        int market = o.market;
        if (!o.isActive()) {
            if (mayCreate && o.wantedQty > 0 && !blocked(market)) {
                create(o);
            }
            return;
        }
        if (!o.isStable()) {
            return; // a request is in flight or the order is unknown: wait for the answer
        }
        if (o.wantedQty == 0) {
            cancel(o);
        } else if (blocked(market)) {
            return;
        } else if (o.wantedPrice != o.price || (o.wantedQty > o.remaining && mayCreate)) {
            amend(o);
        } else if (o.wantedQty < o.remaining) {
            decrease(o);
        } else if (confirm) {
            o.confirmedNanos = now;
            o.lifetimeNanos = o.wantedLifetimeNanos;
            scheduleExpiry(o);
        }
    }

    private boolean blocked(int market) {
        return unknownCount[market] > 0 || halted[market];
    }

    private void create(LiveOrder o) {
        o.clearIds();
        o.clientOrderIdLength = ClientOrderIds.write(o.clientOrderId, runId, nextOrderNumber++);
        o.state = LiveOrder.State.PENDING_NEW;
        o.price = o.wantedPrice;
        o.remaining = o.wantedQty;
        o.total = o.wantedQty;
        o.timeInForce = OrderIntentEvent.TIF_GTC;
        o.confirmedNanos = now;
        o.lifetimeNanos = o.wantedLifetimeNanos;
        o.rejects = 0;
        OrderIntentEvent e = leg(0);
        e.addLeg(OrderIntentEvent.CREATE, o.market, o.side, o.price, o.remaining, OrderIntentEvent.TIF_GTC,
            OrderIntentEvent.FLAG_POST_ONLY, o.clientOrderId, 0, o.clientOrderIdLength);
    }

    private void amend(LiveOrder o) {
        o.pendingClientOrderIdLength = ClientOrderIds.write(o.pendingClientOrderId, runId, nextOrderNumber++);
        o.pendingPrice = o.wantedPrice;
        o.pendingTotal = o.filled + o.wantedQty;
        o.pendingDecrease = false;
        o.state = LiveOrder.State.PENDING_AMEND;
        OrderIntentEvent e = leg(0);
        int leg = e.addLeg(OrderIntentEvent.AMEND, o.market, o.side, o.wantedPrice, o.filled + o.wantedQty,
            OrderIntentEvent.TIF_GTC, OrderIntentEvent.FLAG_POST_ONLY, o.clientOrderId, 0, o.clientOrderIdLength);
        e.legUpdatedClientOrderId(leg, o.pendingClientOrderId, 0, o.pendingClientOrderIdLength);
        e.legOrderId(leg, o.orderId, 0, o.orderIdLength);
    }

    private void decrease(LiveOrder o) {
        o.pendingClientOrderIdLength = 0;
        o.pendingPrice = o.price;
        o.pendingTotal = o.filled + o.wantedQty;
        o.pendingDecrease = true;
        o.state = LiveOrder.State.PENDING_AMEND;
        OrderIntentEvent e = leg(0);
        int leg = e.addLeg(OrderIntentEvent.DECREASE, o.market, o.side, o.price, o.remaining - o.wantedQty,
            OrderIntentEvent.TIF_GTC, (byte) 0, o.clientOrderId, 0, o.clientOrderIdLength);
        e.legOrderId(leg, o.orderId, 0, o.orderIdLength);
    }

    private void cancel(LiveOrder o) {
        if (!o.isStable()) {
            return; // pending orders are canceled once their answer arrives (the exchange id is needed)
        }
        o.state = LiveOrder.State.PENDING_CANCEL;
        OrderIntentEvent e = leg(0);
        int leg = e.addLeg(OrderIntentEvent.CANCEL, o.market, o.side, o.price, 0, o.timeInForce, (byte) 0,
            o.clientOrderId, 0, o.clientOrderIdLength);
        e.legOrderId(leg, o.orderId, 0, o.orderIdLength);
    }

    // ------------------------------------------------------------------ lifetime

    private void scheduleExpiry(LiveOrder o) {
        if (o.lifetimeNanos > 0) {
            long at = o.confirmedNanos + o.lifetimeNanos;
            if (at < nextExpiryNanos) {
                nextExpiryNanos = at;
            }
        }
    }

    private void pullExpired() {
        nextExpiryNanos = Long.MAX_VALUE;
        for (int m = 0; m < marketsUsed; m++) {
            expire(bids[m]);
            expire(asks[m]);
        }
    }

    private void expire(LiveOrder o) {
        if (!o.isActive() || o.lifetimeNanos <= 0) {
            return;
        }
        if (o.isStable() && now - o.confirmedNanos >= o.lifetimeNanos) {
            o.wantedQty = 0;
            cancel(o);
        } else {
            scheduleExpiry(o);
        }
    }

    // ------------------------------------------------------------------ baskets

    private void onBasket() {
        int n = Math.min(basket.legCount(), BasketNote.MAX_LEGS);
        if (n == 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            int market = basket.legMarketId(i);
            if (!valid(market) || blocked(market)) {
                if (valid(market)) {
                    decision(DecisionEvent.STAGE_ORDERS, DecisionKind.UNKNOWN_ORDER_BLOCK, QuoteReason.BASKET, market,
                        unknownCount[market], basket.groupId());
                }
                basketsDropped++;
                return;
            }
        }
        int g = freeGroup();
        if (g < 0 || freeLegs() < n) {
            basketsDropped++;
            return;
        }
        long gid = basket.groupId();
        groupId[g] = gid;
        groupLegs[g] = n;
        groupDone[g] = 0;
        groupFailed[g] = false;
        for (int i = 0; i < n; i++) {
            LiveOrder o = freeLeg();
            touch(basket.legMarketId(i));
            o.market = basket.legMarketId(i);
            o.side = basket.legSide(i);
            o.group = g;
            o.unwind = false;
            sendLeg(o, gid, basket.legPrice(i), basket.legApprovedQuantity(i), basket.legTimeInForce(i));
        }
    }

    private void sendLeg(LiveOrder o, long gid, long price, long qty, byte tif) {
        o.clearIds();
        o.clientOrderIdLength = ClientOrderIds.write(o.clientOrderId, runId, nextOrderNumber++);
        o.state = LiveOrder.State.PENDING_NEW;
        o.price = price;
        o.remaining = qty;
        o.total = qty;
        o.timeInForce = tif;
        o.lifetimeNanos = 0;
        o.rejects = 0;
        OrderIntentEvent e = leg(gid);
        e.addLeg(OrderIntentEvent.CREATE, o.market, o.side, price, qty, tif, (byte) 0,
            o.clientOrderId, 0, o.clientOrderIdLength);
    }

    private int freeGroup() {
        for (int g = 0; g < GROUPS; g++) {
            if (groupLegs[g] == 0) {
                return g;
            }
        }
        return -1;
    }

    private int freeLegs() {
        int n = 0;
        for (LiveOrder o : legs) {
            n += o.isActive() || o.group >= 0 ? 0 : 1;
        }
        return n;
    }

    private LiveOrder freeLeg() {
        for (LiveOrder o : legs) {
            if (!o.isActive() && o.group < 0) {
                o.reset();
                return o;
            }
        }
        throw new IllegalStateException("no free leg slot"); // callers check freeLegs() first
    }

    /** A basket leg reached a terminal state; when the whole group has, the failed ones are unwound. */
    private void legDone(LiveOrder o) {
        int g = o.group;
        if (g < 0 || o.unwind) {
            return;
        }
        boolean failed = o.state == LiveOrder.State.REJECTED || legFilled(o) < o.total;
        if (failed && !groupFailed[g]) {
            groupFailed[g] = true;
            decision(DecisionEvent.STAGE_ORDERS, DecisionKind.UNWIND, QuoteReason.BASKET, o.market, groupId[g],
                config.unwind().ordinal());
        }
        groupDone[g]++;
        if (groupDone[g] < groupLegs[g]) {
            return;
        }
        if (groupFailed[g] && config.unwind() == OrdersConfig.Unwind.FLATTEN) {
            for (LiveOrder leg : legs) { // the group's legs keep their slots (group >= 0) until this loop is done
                if (leg.group == g && !leg.unwind) {
                    long qty = legFilled(leg);
                    if (qty > 0 && freeLegs() > 0) {
                        LiveOrder u = freeLeg();
                        u.market = leg.market;
                        u.side = leg.side == Codes.BID ? Codes.ASK : Codes.BID;
                        u.unwind = true;
                        u.group = -1;
                        long p = u.side == Codes.ASK ? Math.max(MIN_PRICE, leg.price - config.unwindSlippage())
                            : Math.min(MAX_PRICE, leg.price + config.unwindSlippage());
                        sendLeg(u, groupId[g], p, qty, OrderIntentEvent.TIF_IOC);
                    }
                }
            }
        }
        for (LiveOrder leg : legs) {
            if (leg.group == g) {
                leg.group = -1;
            }
        }
        groupLegs[g] = 0;
    }

    private static long legFilled(LiveOrder o) {
        return Math.max(o.filled, o.replyFilled);
    }

    // ------------------------------------------------------------------ replies

    private void onReply(DirectBuffer ev) {
        reply.wrap((MutableDirectBuffer) ev, 0);
        int market = reply.marketId();
        if (market == EventHeader.NO_MARKET && ReplyFields.equalsText(ev, ReplyFields.REPLY_CLIENT_ORDER_ID, MARKER)) {
            onMarker();
            return;
        }
        if (!valid(market)) {
            unmatchedReplies++;
            return;
        }
        touch(market);
        boolean report = ReplyFields.equalsText(ev, ReplyFields.REPLY_REASON, REPORT);
        LiveOrder o = find(market, ev, ReplyFields.REPLY_CLIENT_ORDER_ID, ReplyFields.REPLY_ORDER_ID);
        if (o == null) {
            if (report) {
                onUnmatchedReport(ev, market);
            } else {
                unmatchedReplies++;
            }
            return;
        }
        if (report) {
            o.seenRound = round;
        } else if (roundOpen) {
            o.touchedRound = round;
        }
        boolean viaPending = ReplyFields.matchesPending(ev, ReplyFields.REPLY_CLIENT_ORDER_ID, o);
        switch (reply.replyType()) {
            case OrderReplyEvent.ACCEPTED:
                if (o.state == LiveOrder.State.PENDING_AMEND && viaPending) {
                    amended(o, ev);
                } else {
                    accepted(o, ev, report, viaPending);
                }
                break;
            case OrderReplyEvent.AMENDED:
            case OrderReplyEvent.DECREASED:
                if (o.state == LiveOrder.State.PENDING_AMEND || o.state == LiveOrder.State.UNKNOWN) {
                    amended(o, ev);
                } // else a late duplicate: the order already has this size
                break;
            case OrderReplyEvent.REJECTED:
                rejects++;
                rejected(o);
                break;
            case OrderReplyEvent.CANCELED:
                o.replyFilled = Math.max(o.replyFilled, reply.filled());
                terminal(o, LiveOrder.State.CANCELED);
                break;
            case OrderReplyEvent.EXECUTED:
                o.replyFilled = Math.max(o.replyFilled, Math.max(reply.filled(), o.total));
                terminal(o, LiveOrder.State.FILLED);
                break;
            case OrderReplyEvent.UNKNOWN:
                if (o.state != LiveOrder.State.UNKNOWN) {
                    toUnknown(o);
                }
                break;
            default:
                unmatchedReplies++;
                break;
        }
        if (isQuoteSlot(o) && (reply.replyType() != OrderReplyEvent.REJECTED || o.state == LiveOrder.State.PENDING_CANCEL
            || (o.isStable() && o.wantedQty == 0))) {
            diff(o, false, false); // a refused amend waits for the next quote: no amend/reject loop
        }
    }

    private void accepted(LiveOrder o, DirectBuffer ev, boolean report, boolean viaPending) {
        if (o.orderIdLength == 0 || report) {
            o.orderIdLength = ReplyFields.copyOrderId(ev, o.orderId);
        }
        switch (o.state) {
            case PENDING_NEW: // its size is what we sent; fills (before or after this reply) come from the fill channel
                o.replyFilled = Math.max(o.replyFilled, reply.filled());
                o.syncRemaining();
                settle(o);
                break;
            case UNKNOWN:
                if (viaPending && !o.pendingDecrease) {
                    adoptPendingId(o);
                }
                o.price = reply.price();
                if (report) {
                    adoptReport(o);
                } else {
                    o.total = o.filled + reply.remaining();
                    o.syncRemaining();
                }
                o.pendingClientOrderIdLength = 0;
                settle(o);
                break;
            case RESTING:
            case PARTIALLY_FILLED:
                if (report) {
                    if (o.touchedRound != round) { // nothing newer than the snapshot: the exchange's view is the truth
                        o.price = reply.price();
                        adoptReport(o);
                    } // else a reply or fill since the round began may be newer than the snapshot: keep ours
                }
                settle(o);
                break;
            default: // pending amend (old id) or pending cancel: a stale resting update
                break;
        }
    }

    /** Takes the exchange's counts from a reconciliation report (fills up to its time are in them). */
    private void adoptReport(LiveOrder o) {
        long filled = Math.max(0, reply.filled());
        o.filled = filled;
        o.total = filled + Math.max(0, reply.remaining());
        o.reportedAtMs = reply.exchangeTimeMs() == OrderReplyEvent.NULL_LONG ? Long.MIN_VALUE : reply.exchangeTimeMs();
        o.syncRemaining();
    }

    private void amended(LiveOrder o, DirectBuffer ev) {
        if (!o.pendingDecrease) {
            adoptPendingId(o);
            o.price = reply.price() > 0 ? reply.price() : o.pendingPrice;
        }
        o.pendingClientOrderIdLength = 0;
        o.total = o.pendingTotal; // exactly the size we asked for; fills not yet seen will come
        o.syncRemaining();
        o.confirmedNanos = now;
        settle(o);
    }

    private static void adoptPendingId(LiveOrder o) {
        if (o.pendingClientOrderIdLength > 0) {
            o.clientOrderId.putBytes(0, o.pendingClientOrderId, 0, o.pendingClientOrderIdLength);
            o.clientOrderIdLength = o.pendingClientOrderIdLength;
        }
        o.pendingClientOrderIdLength = 0;
    }

    private void rejected(LiveOrder o) {
        switch (o.state) {
            case PENDING_NEW:
                terminal(o, LiveOrder.State.REJECTED);
                break;
            case PENDING_AMEND:
                o.pendingClientOrderIdLength = 0;
                settle(o);
                break;
            case PENDING_CANCEL:
                if (++o.rejects >= MAX_CANCEL_REJECTS) {
                    toUnknown(o); // the exchange keeps refusing: let reconciliation say what is there
                } else {
                    settle(o);
                }
                break;
            default:
                break;
        }
    }

    /** Back to resting (or filled when nothing remains). */
    private void settle(LiveOrder o) {
        if (o.state == LiveOrder.State.UNKNOWN) {
            unknownCount[o.market]--;
            o.state = o.restingState();
        }
        if (o.remaining <= 0) {
            o.remaining = 0;
            terminal(o, LiveOrder.State.FILLED);
            return;
        }
        o.state = o.restingState();
        scheduleExpiry(o);
    }

    private void terminal(LiveOrder o, LiveOrder.State s) {
        if (o.state == LiveOrder.State.UNKNOWN) {
            unknownCount[o.market]--;
        }
        o.finishedRound = roundOpen ? round : 0;
        if (!o.isActive()) {
            o.state = s;
            return;
        }
        o.state = s;
        o.pendingClientOrderIdLength = 0;
        if (o.group >= 0) {
            legDone(o);
        }
    }

    private void toUnknown(LiveOrder o) {
        if (!o.isActive()) {
            return;
        }
        o.state = LiveOrder.State.UNKNOWN;
        int market = o.market;
        unknownCount[market]++;
        decision(DecisionEvent.STAGE_ORDERS, DecisionKind.UNKNOWN_ORDER_BLOCK, QuoteReason.RISK_UNKNOWN_ORDER, market,
            unknownCount[market], 0);
        signals.unknownOrder(market);
    }

    private LiveOrder find(int market, DirectBuffer ev, int clientIdField, int orderIdField) {
        LiveOrder b = bids[market];
        LiveOrder a = asks[market];
        if (ReplyFields.idMatches(ev, clientIdField, b)) {
            return b;
        }
        if (ReplyFields.idMatches(ev, clientIdField, a)) {
            return a;
        }
        for (LiveOrder o : legs) {
            if (o.market == market && ReplyFields.idMatches(ev, clientIdField, o)) {
                return o;
            }
        }
        if (ReplyFields.length(ev, clientIdField) > 0 && ReplyFields.length(ev, orderIdField) == 0) {
            return null;
        }
        if (ReplyFields.orderIdMatches(ev, orderIdField, b)) {
            return b;
        }
        if (ReplyFields.orderIdMatches(ev, orderIdField, a)) {
            return a;
        }
        for (LiveOrder o : legs) {
            if (o.market == market && ReplyFields.orderIdMatches(ev, orderIdField, o)) {
                return o;
            }
        }
        return null;
    }

    private boolean isQuoteSlot(LiveOrder o) {
        return o.market >= 0 && (bids[o.market] == o || asks[o.market] == o);
    }

    // ------------------------------------------------------------------ fills

    private void onConfigChange(DirectBuffer ev) {
        configChange.wrap((MutableDirectBuffer) ev, 0);
        try {
            config = OrdersParameters.apply(config, configChange);
        } catch (IllegalArgumentException e) {
            configErrors++; // validated before it was journaled; keep the last good value
        }
    }

    /** Journaled orders.* changes that could not be applied (the previous value was kept). */
    public long configErrors() {
        return configErrors;
    }

    private void onFill(DirectBuffer ev) {
        fill.wrap((MutableDirectBuffer) ev, 0);
        int market = fill.marketId();
        if (!valid(market)) {
            return;
        }
        touch(market);
        long count = fill.count();
        if (count == 0 && ReplyFields.length(ev, ReplyFields.FILL_TRADE_ID) == 0) {
            if (roundOpen) { // a position report of the current reconciliation round
                exchangePosition[market] = fill.postPosition();
                reportedRound[market] = round;
            }
            return;
        }
        long key = ReplyFields.hash(ev, ReplyFields.FILL_TRADE_ID,
            ReplyFields.hash(ev, ReplyFields.FILL_ORDER_ID, 0xcbf29ce484222325L));
        if (!seenFills.add(key)) {
            duplicateFills++;
            return;
        }
        fills++;
        long signed = fill.side() == Codes.BID ? count : -count;
        if (roundOpen && roundStartup) {
            if (fill.exchangeTimeMs() != FillEvent.NULL_LONG && fill.exchangeTimeMs() <= baselineMs) {
                signed = 0; // already in the baseline position the round reports
            } else {
                startupDelta[market] += signed;
            }
        }
        position[market] += signed;
        LiveOrder o = find(market, ev, ReplyFields.FILL_CLIENT_ORDER_ID, ReplyFields.FILL_ORDER_ID);
        if (o == null) {
            return;
        }
        long at = fill.exchangeTimeMs();
        if (at != FillEvent.NULL_LONG && at <= o.reportedAtMs) {
            return; // already in the counts of the report we adopted
        }
        o.filled += count;
        if (roundOpen) {
            o.touchedRound = round;
        }
        switch (o.state) {
            case RESTING:
            case PARTIALLY_FILLED:
                o.syncRemaining();
                settle(o); // the size is restored only when the next approved quote asks for it
                break;
            case PENDING_CANCEL:
            case PENDING_AMEND:
            case UNKNOWN:
            case PENDING_NEW:
                o.syncRemaining();
                break;
            default:
                break;
        }
    }

    // ------------------------------------------------------------------ reconciliation

    private void onMarker() {
        long r = reply.remaining();
        if (reply.filled() == ReconcileEvents.PHASE_BEGIN) {
            round = r;
            roundOpen = true;
            roundStartup = (reply.price() & ReconcileEvents.FLAG_STARTUP) != 0;
            baselineMs = reply.exchangeTimeMs();
            for (int m = 0; m < marketsUsed; m++) {
                markEligible(bids[m], r);
                markEligible(asks[m], r);
                startupDelta[m] = 0;
            }
            for (LiveOrder o : legs) {
                markEligible(o, r);
            }
            return;
        }
        if (!roundOpen || r != round) {
            return;
        }
        roundOpen = false;
        for (int m = 0; m < marketsUsed; m++) {
            gone(bids[m], r);
            gone(asks[m], r);
        }
        for (LiveOrder o : legs) {
            gone(o, r);
        }
        for (int m = 0; m < marketsUsed; m++) {
            long exchange = reportedRound[m] == r ? exchangePosition[m] : 0;
            if (roundStartup) {
                position[m] = exchange + startupDelta[m];
                diffStreak[m] = 0;
                continue;
            }
            long diff = position[m] - exchange;
            if (diff == 0) {
                diffStreak[m] = 0;
            } else if (diff == lastDiff[m] && diffStreak[m] > 0) {
                diffStreak[m]++;
            } else {
                lastDiff[m] = diff;
                diffStreak[m] = 1;
            }
            if (diffStreak[m] >= config.mismatchConfirmations() && !halted[m]) {
                mismatch(m, position[m], exchange);
            }
        }
        roundStartup = false;
    }

    private static void markEligible(LiveOrder o, long r) {
        if (o.isStable() || o.state == LiveOrder.State.UNKNOWN) {
            o.eligibleRound = r;
        }
    }

    /** Stable (or unknown) since the round began and not reported resting: the exchange no longer has it. */
    private void gone(LiveOrder o, long r) {
        if (o.eligibleRound == r && o.seenRound != r && (o.isStable() || o.state == LiveOrder.State.UNKNOWN)) {
            terminal(o, LiveOrder.State.CANCELED);
        }
    }

    private void onUnmatchedReport(DirectBuffer ev, int market) {
        if (reply.replyType() != OrderReplyEvent.ACCEPTED) {
            return; // a terminal order we no longer track: nothing to do
        }
        if (finishedHere(ev, market)) {
            return; // the snapshot predates our own cancel or fill that finished it: a stale line, not an order
        }
        boolean ours = ReplyFields.startsWith(ev, ReplyFields.REPLY_CLIENT_ORDER_ID, runPrefix, runPrefixLength);
        byte side = reply.side();
        LiveOrder slot = side == Codes.BID ? bids[market] : side == Codes.ASK ? asks[market] : null;
        if ((roundStartup && config.adoptOnStart()) || (!roundStartup && ours)) {
            if (slot != null && !slot.isActive() && !halted[market]) {
                slot.clearIds();
                slot.clientOrderIdLength = ReplyFields.copy(ev, ReplyFields.REPLY_CLIENT_ORDER_ID, slot.clientOrderId);
                slot.orderIdLength = ReplyFields.copyOrderId(ev, slot.orderId);
                slot.price = reply.price();
                adoptReport(slot);
                slot.wantedPrice = slot.price;
                slot.wantedQty = slot.remaining;
                slot.confirmedNanos = now;
                slot.lifetimeNanos = 0;
                slot.timeInForce = OrderIntentEvent.TIF_GTC;
                slot.seenRound = round;
                slot.rejects = 0;
                slot.state = LiveOrder.State.RESTING;
                return;
            }
        } else if (!roundStartup) {
            mismatch(market, position[market], exchangePosition[market]); // someone else's order on our account
        }
        OrderIntentEvent e = leg(0);
        int leg = e.addLeg(OrderIntentEvent.CANCEL, market, side, reply.price(), 0, OrderIntentEvent.TIF_GTC, (byte) 0,
            ev, ReplyFields.REPLY_CLIENT_ORDER_ID + 1, Math.min(ReplyFields.length(ev, ReplyFields.REPLY_CLIENT_ORDER_ID),
                OrderIntentEvent.ID_CAPACITY - 1));
        e.legOrderId(leg, ev, ReplyFields.REPLY_ORDER_ID + 1, ReplyFields.length(ev, ReplyFields.REPLY_ORDER_ID));
    }

    private boolean finishedHere(DirectBuffer ev, int market) {
        return finishedThisRound(ev, bids[market]) || finishedThisRound(ev, asks[market]) || legFinishedThisRound(ev, market);
    }

    /** We finished this very order after the round's snapshot may have been read (an older finish is not stale). */
    private boolean finishedThisRound(DirectBuffer ev, LiveOrder o) {
        return !o.isActive() && o.finishedRound == round && ReplyFields.sameOrderId(ev, ReplyFields.REPLY_ORDER_ID, o);
    }

    private boolean legFinishedThisRound(DirectBuffer ev, int market) {
        for (LiveOrder o : legs) {
            if (o.market == market && finishedThisRound(ev, o)) {
                return true;
            }
        }
        return false;
    }

    private void mismatch(int market, long local, long exchange) {
        mismatches++;
        decision(DecisionEvent.STAGE_ORDERS, DecisionKind.RECONCILE_MISMATCH, QuoteReason.RISK_HALTED, market, local,
            exchange);
        halted[market] = true;
        signals.reconcileMismatch(market);
        bids[market].wantedQty = 0;
        asks[market].wantedQty = 0;
        cancel(bids[market]);
        cancel(asks[market]);
    }

    private void onCommand(DirectBuffer ev) {
        command.wrap((MutableDirectBuffer) ev, 0);
        if (command.command() != OperatorCommandEvent.RESUME) {
            return;
        }
        int market = command.marketId();
        if (market == EventHeader.NO_MARKET) {
            for (int m = 0; m < MAX_MARKETS; m++) {
                halted[m] = false;
                diffStreak[m] = 0;
            }
        } else if (valid(market)) {
            halted[market] = false;
            diffStreak[market] = 0;
        }
    }

    // ------------------------------------------------------------------ intents

    private OrderIntentEvent leg(long group) {
        if (open && (intent.isFull() || openGroup != group)) {
            finish();
        }
        if (!open) {
            intent.wrapForEncode(intentScratch, 0, cause.marketId(), cause.sequence(), cause.timestampNanos());
            if (group != 0) {
                intent.groupId(group);
            }
            openGroup = group;
            open = true;
        }
        return intent;
    }

    private void finish() {
        if (open) {
            int length = intent.length();
            MutableDirectBuffer out = intents.claim();
            out.putBytes(0, intentScratch, 0, length);
            intents.publish();
            intentsPublished++;
            open = false;
        }
    }

    // ------------------------------------------------------------------ helpers and views

    private void writeRunPrefix() {
        int n = ClientOrderIds.write(runPrefix, runId, 0);
        runPrefixLength = n - 1; // "k<hex>-" without the counter digit
    }

    private void touch(int market) {
        if (market >= marketsUsed) {
            marketsUsed = market + 1;
        }
    }

    private static boolean valid(int market) {
        return market >= 0 && market < MAX_MARKETS;
    }

    public long intentsPublished() {
        return intentsPublished;
    }

    public long decisionsPublished() {
        return decisionsPublished;
    }

    /** Distinct fills applied (the fill channel; duplicates and position reports not counted). */
    public long fills() {
        return fills;
    }

    /** Order replies that refused one of our requests (exchange 4xx, or not sendable). */
    public long rejects() {
        return rejects;
    }

    public long unmatchedReplies() {
        return unmatchedReplies;
    }

    /** Fills seen twice (same trade id and order id) and counted once. */
    public long duplicateFills() {
        return duplicateFills;
    }

    public long basketsDropped() {
        return basketsDropped;
    }

    /** Reconciliation mismatches that halted a market. */
    public long mismatches() {
        return mismatches;
    }

    public int openOrders() {
        int n = 0;
        for (int m = 0; m < marketsUsed; m++) {
            n += (bids[m].isActive() ? 1 : 0) + (asks[m].isActive() ? 1 : 0);
        }
        for (LiveOrder o : legs) {
            n += o.isActive() ? 1 : 0;
        }
        return n;
    }

    /** Position from our fills (+ YES, 0.01 contracts), after the startup baseline. */
    public long position(int market) {
        return position[market];
    }

    public int unknownOrders(int market) {
        return unknownCount[market];
    }

    public boolean isHalted(int market) {
        return halted[market];
    }

    /** State name of a quote slot ({@code Codes.BID} / {@code Codes.ASK}), e.g. "RESTING". */
    public String state(int market, byte side) {
        return (side == Codes.BID ? bids[market] : asks[market]).state.name();
    }

    /** Receives one order in {@link #forEachOrder}. Diagnostics and tests; allocates. */
    public interface OrderVisitor {
        void order(int market, byte side, String state, String clientOrderId, String orderId, long price,
                   long remaining, long filled);
    }

    /** Every active order (quote slots, then basket legs). Allocates: not for the hot path. */
    public void forEachOrder(OrderVisitor v) {
        for (int m = 0; m < marketsUsed; m++) {
            visit(bids[m], v);
            visit(asks[m], v);
        }
        for (LiveOrder o : legs) {
            visit(o, v);
        }
    }

    private static void visit(LiveOrder o, OrderVisitor v) {
        if (o.isActive()) {
            v.order(o.market, o.side, o.state.name(), o.clientOrderId.getStringWithoutLengthAscii(0, o.clientOrderIdLength),
                o.orderId.getStringWithoutLengthAscii(0, o.orderIdLength), o.price, o.remaining, o.filled);
        }
    }
}
