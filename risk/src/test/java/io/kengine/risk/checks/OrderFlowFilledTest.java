package io.kengine.risk.checks;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link OrderFlow#filled} (one side adjusted in place) leaves the same state as re-committing the whole market. */
class OrderFlowFilledTest {
    /** The former implementation: commit with the filled side shrunk. */
    private static void filledByCommit(OrderFlow f, int m, boolean bid, long qty) {
        if (bid) {
            f.commit(m, f.lastBidPrice(m), Math.max(0, f.lastBidQty(m) - qty), f.lastAskPrice(m), f.lastAskQty(m));
        } else {
            f.commit(m, f.lastBidPrice(m), f.lastBidQty(m), f.lastAskPrice(m), Math.max(0, f.lastAskQty(m) - qty));
        }
    }

    @Test
    void sameStateAsRecommitOverRandomSequences() {
        Random r = new Random(6);
        int markets = 8;
        for (int run = 0; run < 200; run++) {
            OrderFlow a = new OrderFlow(markets);
            OrderFlow b = new OrderFlow(markets);
            for (int step = 0; step < 500; step++) {
                int m = r.nextInt(markets);
                switch (r.nextInt(4)) {
                    case 0: {
                        long bp = r.nextInt(10_001);
                        long bq = r.nextInt(5) == 0 ? -r.nextInt(100) : r.nextInt(3_000);
                        long ap = r.nextInt(10_001);
                        long aq = r.nextInt(5) == 0 ? 0 : r.nextInt(3_000);
                        a.commit(m, bp, bq, ap, aq);
                        b.commit(m, bp, bq, ap, aq);
                        break;
                    }
                    case 1:
                        a.pull(m);
                        b.pull(m);
                        break;
                    default: {
                        boolean bid = r.nextBoolean();
                        long qty = 1 + r.nextInt(r.nextBoolean() ? 200 : 4_000);
                        a.filled(m, bid, qty);
                        filledByCommit(b, m, bid, qty);
                        break;
                    }
                }
                assertEquals(b.openOrders(), a.openOrders());
                assertEquals(b.reservedTotalRaw(), a.reservedTotalRaw());
                for (int k = 0; k < markets; k++) {
                    assertEquals(b.lastBidPrice(k), a.lastBidPrice(k));
                    assertEquals(b.lastBidQty(k), a.lastBidQty(k));
                    assertEquals(b.lastAskPrice(k), a.lastAskPrice(k));
                    assertEquals(b.lastAskQty(k), a.lastAskQty(k));
                    assertEquals(b.reservedRaw(k), a.reservedRaw(k));
                    assertEquals(b.openOrders(k), a.openOrders(k));
                }
            }
        }
    }
}
