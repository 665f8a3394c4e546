package io.kengine.gateway.orders;

import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.stage.BasketNote;
import io.kengine.protocol.stage.DecisionKind;
import io.kengine.protocol.stage.QuoteReason;

/**
 * Approved baskets: all legs as create intents sharing the basket's group id, or none when a leg's market is
 * blocked or slots run out. When every leg of a group is done and one failed (rejected or not fully filled),
 * records UNWIND and, with {@link OrdersConfig.Unwind#FLATTEN}, closes the filled legs with IOC orders.
 */
final class Baskets {
    static final int GROUPS = 64;
    private static final long MIN_PRICE = 1;
    private static final long MAX_PRICE = 9_999;

    private final LiveOrders orders;
    private final OrderIntents intents;
    private final DecisionEvents decisions;
    private final MarketBlocks blocks;
    private OrdersConfig config; // the stage's, replaced by journaled orders.* changes

    private final long[] groupId = new long[GROUPS];
    private final int[] groupLegs = new int[GROUPS]; // 0: the group entry is free
    private final int[] groupDone = new int[GROUPS];
    private final boolean[] groupFailed = new boolean[GROUPS];
    private long dropped;

    Baskets(LiveOrders orders, OrderIntents intents, DecisionEvents decisions, MarketBlocks blocks, OrdersConfig config) {
        this.orders = orders;
        this.intents = intents;
        this.decisions = decisions;
        this.blocks = blocks;
        this.config = config;
    }

    void configure(OrdersConfig c) {
        config = c;
    }

    void onBasket(BasketNote basket) {
        int n = Math.min(basket.legCount(), BasketNote.MAX_LEGS);
        if (n == 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            int market = basket.legMarketId(i);
            if (!LiveOrders.valid(market) || blocks.blocked(market)) {
                if (LiveOrders.valid(market)) {
                    decisions.record(DecisionKind.UNKNOWN_ORDER_BLOCK, QuoteReason.BASKET, market,
                        blocks.unknownOrders(market), basket.groupId());
                }
                dropped++;
                return;
            }
        }
        int g = freeGroup();
        if (g < 0 || orders.freeLegs() < n) {
            dropped++;
            return;
        }
        long gid = basket.groupId();
        groupId[g] = gid;
        groupLegs[g] = n;
        groupDone[g] = 0;
        groupFailed[g] = false;
        for (int i = 0; i < n; i++) {
            LiveOrder o = orders.freeLeg();
            orders.touch(basket.legMarketId(i));
            o.market = basket.legMarketId(i);
            o.side = basket.legSide(i);
            o.group = g;
            o.unwind = false;
            intents.createLeg(o, gid, basket.legPrice(i), basket.legApprovedQuantity(i), basket.legTimeInForce(i));
        }
    }

    private int freeGroup() {
        for (int g = 0; g < GROUPS; g++) {
            if (groupLegs[g] == 0) {
                return g;
            }
        }
        return -1;
    }

    /** A basket leg reached a terminal state; when the whole group has, the failed ones are unwound. */
    void legDone(LiveOrder o) {
        int g = o.group;
        if (g < 0 || o.unwind) {
            return;
        }
        boolean failed = o.state == LiveOrder.State.REJECTED || legFilled(o) < o.total;
        if (failed && !groupFailed[g]) {
            groupFailed[g] = true;
            decisions.record(DecisionKind.UNWIND, QuoteReason.BASKET, o.market, groupId[g], config.unwind().ordinal());
        }
        groupDone[g]++;
        if (groupDone[g] < groupLegs[g]) {
            return;
        }
        if (groupFailed[g] && config.unwind() == OrdersConfig.Unwind.FLATTEN) {
            flatten(g);
        }
        for (int i = 0; i < LiveOrders.LEG_SLOTS; i++) {
            LiveOrder leg = orders.leg(i);
            if (leg.group == g) {
                leg.group = -1;
            }
        }
        groupLegs[g] = 0;
    }

    /** IOC orders closing what the group's filled legs traded, {@code unwindSlippage} through each leg's price. */
    private void flatten(int g) {
        for (int i = 0; i < LiveOrders.LEG_SLOTS; i++) { // the group's legs keep their slots (group >= 0) until this loop is done
            LiveOrder leg = orders.leg(i);
            if (leg.group == g && !leg.unwind) {
                long qty = legFilled(leg);
                if (qty > 0 && orders.freeLegs() > 0) {
                    LiveOrder u = orders.freeLeg();
                    u.market = leg.market;
                    u.side = leg.side == Codes.BID ? Codes.ASK : Codes.BID;
                    u.unwind = true;
                    u.group = -1;
                    long p = u.side == Codes.ASK ? Math.max(MIN_PRICE, leg.price - config.unwindSlippage())
                        : Math.min(MAX_PRICE, leg.price + config.unwindSlippage());
                    intents.createLeg(u, groupId[g], p, qty, OrderIntentEvent.TIF_IOC);
                }
            }
        }
    }

    private static long legFilled(LiveOrder o) {
        return Math.max(o.filled, o.replyFilled);
    }

    /** Baskets refused whole (a blocked market, or no free group or leg slots). */
    long dropped() {
        return dropped;
    }
}
