package io.kengine.pricing.crosscontract;

import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.stage.BasketNote;

/**
 * A basket a scanner found, held until the stage writes it into the slot's BasketNote: taker legs
 * (buy YES at the ask / sell YES at the bid), immediate-or-cancel, one quantity for all legs.
 */
public final class BasketPlan {
    public static final int MAX_LEGS = BasketNote.MAX_LEGS;

    private final int[] market = new int[MAX_LEGS];
    private final boolean[] buy = new boolean[MAX_LEGS];
    private final long[] price = new long[MAX_LEGS];
    private final long[] qty = new long[MAX_LEGS];
    private int legs;
    private int kind;
    private long edge;

    void start(int kind, long edge) {
        this.kind = kind;
        this.edge = edge;
        this.legs = 0;
    }

    void leg(int m, boolean isBuy, long p, long q) {
        market[legs] = m;
        buy[legs] = isBuy;
        price[legs] = p;
        qty[legs] = q;
        legs++;
    }

    /** Writes the basket under {@code groupId}; returns the leg count. */
    public int writeTo(BasketNote note, long groupId) {
        note.propose(groupId, kind, edge);
        for (int i = 0; i < legs; i++) {
            note.addLeg(market[i], buy[i] ? Codes.BID : Codes.ASK, price[i], qty[i], OrderIntentEvent.TIF_IOC);
        }
        return legs;
    }

    public int kind() { return kind; }
    public long edge() { return edge; }
    public int legs() { return legs; }
    public int legMarket(int i) { return market[i]; }
    public boolean legBuy(int i) { return buy[i]; }
    public long legPrice(int i) { return price[i]; }
    public long legQty(int i) { return qty[i]; }
}
