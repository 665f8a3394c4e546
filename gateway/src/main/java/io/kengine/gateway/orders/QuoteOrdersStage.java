package io.kengine.gateway.orders;

import io.kengine.gateway.GatewaySignals;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.event.DecisionEvent;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.event.FillEvent;
import io.kengine.protocol.event.OperatorCommandEvent;
import io.kengine.protocol.event.SessionStartEvent;
import io.kengine.protocol.stage.BasketNote;
import io.kengine.protocol.stage.DecisionNote;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.QuoteNote;
import io.kengine.protocol.stage.Stage;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The orders stage, last business stage and single producer of the outbound ring. Per event, in order:
 * <ol>
 *   <li>publishes the decisions pricing and risk wrote into their {@link DecisionNote} regions as
 *       {@link DecisionEvent}s (so journal-out records them and replay compares them; {@link DecisionEvents});</li>
 *   <li>applies an order reply ({@link OrderReplies}), a fill (deduplicated by trade id), a reconciliation
 *       marker ({@link Reconciliation}) or an operator command to the order state machine (see gateway/README.md);</li>
 *   <li>diffs risk's approved quote against the live order of each side and publishes the fewest
 *       intents (amend or decrease before cancel + new, both sides in one intent; {@link OrderIntents});</li>
 *   <li>turns an approved basket into create intents sharing its group id ({@link Baskets});</li>
 *   <li>pulls quotes older than their lifetime (event time; {@link QuoteExpiry}).</li>
 * </ol>
 * An order with a request in flight is left alone until the exchange's answer arrives as an event;
 * an order in {@code unknown} blocks new orders in its market until reconciliation resolves it.
 * Client order ids are {@code k<runId hex>-<counter>}: deterministic, so replay reproduces them and a
 * retried create reuses its id. Zero allocation in steady state, time only from events.
 */
public final class QuoteOrdersStage implements Stage {
    public static final int MAX_MARKETS = 4096;

    private OrdersConfig config; // replaced by journaled orders.* changes (OrdersParameters)

    private final QuoteNote approved = new QuoteNote();
    private final BasketNote basket = new BasketNote();
    private final FillEvent fill = new FillEvent();
    private final SessionStartEvent session = new SessionStartEvent();
    private final OperatorCommandEvent command = new OperatorCommandEvent();
    private final ConfigChangeEvent configChange = new ConfigChangeEvent();

    private final LiveOrders orders = new LiveOrders();
    private final MarketBlocks blocks = new MarketBlocks();
    private final ReconcileRound round = new ReconcileRound();
    private final DecisionEvents decisions;
    private final OrderIntents intents;
    private final QuoteExpiry expiry;
    private final Baskets baskets;
    private final OrderTransitions transitions;
    private final Reconciliation reconciliation;
    private final OrderReplies replies;
    private final TradeIdSet seenFills;

    private long now;
    private long duplicateFills;
    private long fills;
    private long configErrors;
    private long heldForOwnLeg;

    public QuoteOrdersStage(EventPublisher intents) {
        this(intents, OrdersConfig.DEFAULTS, GatewaySignals.NONE);
    }

    public QuoteOrdersStage(EventPublisher intents, OrdersConfig config, GatewaySignals signals) {
        this.config = config;
        this.seenFills = new TradeIdSet(config.rememberedFills());
        this.decisions = new DecisionEvents(intents); // decisions and intents share the outbound ring
        this.intents = new OrderIntents(intents);
        this.expiry = new QuoteExpiry(orders, this.intents);
        this.baskets = new Baskets(orders, this.intents, decisions, blocks, config);
        this.transitions = new OrderTransitions(blocks, round, baskets, expiry, decisions, signals);
        this.reconciliation = new Reconciliation(orders, round, transitions, this.intents, decisions, blocks, signals,
            config);
        this.replies = new OrderReplies(orders, round, transitions, reconciliation);
    }

    @Override
    public void onEvent(EventSlot slot, boolean endOfBatch) {
        now = slot.timestampNanos();
        intents.begin(slot);
        decisions.publishNotes(slot);
        switch (slot.type()) {
            case EventType.SESSION_START:
                session.wrap(slot.event(), 0);
                intents.runId(session.runId());
                break;
            case EventType.ORDER_REPLY:
                LiveOrder answered = replies.onReply(slot.event(), now);
                if (answered != null) {
                    diff(answered, false, false);
                    LiveOrder other = quoteSibling(answered);
                    if (other != null) {
                        diff(other, false, false); // a leg held back for this one may move now
                    }
                }
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
            baskets.onBasket(basket);
        }
        expiry.onTime(now);
        intents.finish();
    }

    // ------------------------------------------------------------------ quotes

    private void onQuote() {
        int market = approved.marketId();
        long lifetime = approved.lifetimeMs() * 1_000_000L;
        if (approved.isPull()) {
            if (market == EventHeader.NO_MARKET) {
                for (int m = 0; m < orders.marketsUsed(); m++) {
                    pull(orders.bid(m));
                    pull(orders.ask(m));
                }
            } else if (LiveOrders.valid(market)) {
                pull(orders.bid(market));
                pull(orders.ask(market));
            }
            return;
        }
        if (!LiveOrders.valid(market)) {
            return;
        }
        orders.touch(market);
        want(orders.bid(market), approved.bidPrice(), approved.bidQty(), lifetime);
        want(orders.ask(market), approved.askPrice(), approved.askQty(), lifetime);
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
     * never topped up before risk has seen it and approved the next quote. The one exception is a create
     * that quote asked for and held back for our other leg alone: that leg's answer releases it, as it
     * releases a held amend, unless the quote's lifetime has passed meanwhile.
     */
    private void diff(LiveOrder o, boolean mayCreate, boolean confirm) {
        int market = o.market;
        if (!o.isActive()) {
            boolean held = o.heldCreate;
            o.heldCreate = false;
            if (o.wantedQty <= 0 || blocks.blocked(market)) {
                return;
            }
            if (mayCreate) {
                createUnlessCrossing(o, now);
            } else if (held && (o.wantedLifetimeNanos <= 0 || now - o.heldSinceNanos < o.wantedLifetimeNanos)) {
                createUnlessCrossing(o, o.heldSinceNanos);
            }
            return;
        }
        if (!o.isStable()) {
            return; // a request is in flight or the order is unknown: wait for the answer
        }
        if (o.wantedQty == 0) {
            intents.cancel(o);
        } else if (blocks.blocked(market)) {
            return;
        } else if (o.wantedPrice != o.price || (o.wantedQty > o.remaining && mayCreate)) {
            if (!crossesOwnLeg(o)) {
                intents.amend(o);
            }
        } else if (o.wantedQty < o.remaining) {
            intents.decrease(o);
        } else if (confirm) {
            o.confirmedNanos = now;
            o.lifetimeNanos = o.wantedLifetimeNanos;
            expiry.schedule(o);
        }
    }

    /** Creates the order as of {@code quotedAt} (its lifetime counts from the quote), or holds it for our other leg. */
    private void createUnlessCrossing(LiveOrder o, long quotedAt) {
        if (crossesOwnLeg(o)) {
            o.heldCreate = true;
            o.heldSinceNanos = quotedAt;
        } else {
            intents.create(o, quotedAt);
        }
    }

    /** The other side's quote slot of a quote slot; null for basket legs. */
    private LiveOrder quoteSibling(LiveOrder o) {
        if (o.group >= 0 || !LiveOrders.valid(o.market)) {
            return null;
        }
        LiveOrder bid = orders.bid(o.market);
        return o == bid ? orders.ask(o.market) : o == orders.ask(o.market) ? bid : null;
    }

    /**
     * True when this side's wanted price would cross our own order on the other side as the exchange may
     * have it now (its resting price, or the price an amend in flight moves it to). Moving both legs of a
     * narrow quote at once can make one leg's post-only amend meet the other leg before that leg's amend has
     * landed, and Kalshi refuses it ({@code post only cross}). The leg that moves away goes first; this one
     * waits for its answer ({@code ORDER_REPLY} re-diffs the sibling, amends and held creates alike), or for
     * the next approved quote.
     */
    private boolean crossesOwnLeg(LiveOrder o) {
        LiveOrder other = quoteSibling(o);
        if (other == null || !other.isActive()) {
            return false;
        }
        boolean moving = other.state == LiveOrder.State.PENDING_AMEND;
        boolean crosses;
        if (o.side == Codes.BID) {
            long lowestAsk = moving ? Math.min(other.price, other.pendingPrice) : other.price;
            crosses = o.wantedPrice >= lowestAsk;
        } else {
            long highestBid = moving ? Math.max(other.price, other.pendingPrice) : other.price;
            crosses = o.wantedPrice <= highestBid;
        }
        if (crosses) {
            heldForOwnLeg++;
        }
        return crosses;
    }

    // ------------------------------------------------------------------ fills

    private void onFill(DirectBuffer ev) {
        fill.wrap((MutableDirectBuffer) ev, 0);
        int market = fill.marketId();
        if (!LiveOrders.valid(market)) {
            return;
        }
        orders.touch(market);
        long count = fill.count();
        if (count == 0 && ReplyFields.length(ev, ReplyFields.FILL_TRADE_ID) == 0) {
            round.positionReport(market, fill.postPosition()); // a reconciliation round's position report
            return;
        }
        long key = ReplyFields.hash(ev, ReplyFields.FILL_TRADE_ID,
            ReplyFields.hash(ev, ReplyFields.FILL_ORDER_ID, 0xcbf29ce484222325L));
        if (!seenFills.add(key)) {
            duplicateFills++;
            return;
        }
        fills++;
        round.fill(market, fill.side() == Codes.BID ? count : -count, fill.exchangeTimeMs());
        LiveOrder o = orders.find(market, ev, ReplyFields.FILL_CLIENT_ORDER_ID, ReplyFields.FILL_ORDER_ID);
        if (o == null) {
            return;
        }
        long at = fill.exchangeTimeMs();
        if (at != FillEvent.NULL_LONG && at <= o.reportedAtMs) {
            return; // already in the counts of the report we adopted
        }
        o.filled += count;
        if (round.isOpen()) {
            o.touchedRound = round.number();
        }
        switch (o.state) {
            case RESTING:
            case PARTIALLY_FILLED:
                o.syncRemaining();
                transitions.settle(o); // the size is restored only when the next approved quote asks for it
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

    // ------------------------------------------------------------------ commands and settings

    private void onCommand(DirectBuffer ev) {
        command.wrap((MutableDirectBuffer) ev, 0);
        if (command.command() != OperatorCommandEvent.RESUME) {
            return;
        }
        int market = command.marketId();
        if (market == EventHeader.NO_MARKET) {
            for (int m = 0; m < MAX_MARKETS; m++) {
                resume(m);
            }
        } else if (LiveOrders.valid(market)) {
            resume(market);
        }
    }

    private void resume(int market) {
        blocks.resume(market);
        round.resume(market);
    }

    private void onConfigChange(DirectBuffer ev) {
        configChange.wrap((MutableDirectBuffer) ev, 0);
        try {
            config = OrdersParameters.apply(config, configChange);
            baskets.configure(config);
            reconciliation.configure(config);
        } catch (IllegalArgumentException e) {
            configErrors++; // validated before it was journaled; keep the last good value
        }
    }

    // ------------------------------------------------------------------ views

    /** Journaled orders.* changes that could not be applied (the previous value was kept). */
    public long configErrors() {
        return configErrors;
    }

    public long intentsPublished() {
        return intents.published();
    }

    public long decisionsPublished() {
        return decisions.published();
    }

    /** Distinct fills applied (the fill channel; duplicates and position reports not counted). */
    public long fills() {
        return fills;
    }

    /** Order replies that refused one of our requests (exchange 4xx, or not sendable). */
    public long rejects() {
        return replies.rejects();
    }

    /** Amend answers that arrived after the user_orders update had confirmed them and the next amend was out. */
    public long legsHeldForOwnLeg() {
        return heldForOwnLeg;
    }

    public long lateAmendReplies() {
        return replies.lateAmendReplies();
    }

    public long unmatchedReplies() {
        return replies.unmatched();
    }

    /** Fills seen twice (same trade id and order id) and counted once. */
    public long duplicateFills() {
        return duplicateFills;
    }

    public long basketsDropped() {
        return baskets.dropped();
    }

    /** Reconciliation mismatches that halted a market. */
    public long mismatches() {
        return reconciliation.mismatches();
    }

    public int openOrders() {
        return orders.activeCount();
    }

    /** Position from our fills (+ YES, 0.01 contracts), after the startup baseline. */
    public long position(int market) {
        return round.position(market);
    }

    public int unknownOrders(int market) {
        return blocks.unknownOrders(market);
    }

    public boolean isHalted(int market) {
        return blocks.isHalted(market);
    }

    /** State name of a quote slot ({@code Codes.BID} / {@code Codes.ASK}), e.g. "RESTING". */
    public String state(int market, byte side) {
        return (side == Codes.BID ? orders.bid(market) : orders.ask(market)).state.name();
    }

    /** Receives one order in {@link #forEachOrder}. Diagnostics and tests; allocates. */
    public interface OrderVisitor {
        void order(int market, byte side, String state, String clientOrderId, String orderId, long price,
                   long remaining, long filled);
    }

    /** Every active order (quote slots, then basket legs). Allocates: not for the hot path. */
    public void forEachOrder(OrderVisitor v) {
        orders.forEachActive(v);
    }
}
