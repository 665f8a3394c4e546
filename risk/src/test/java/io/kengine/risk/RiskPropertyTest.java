package io.kengine.risk;

import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.MarketLifecycleEvent;
import io.kengine.protocol.event.OperatorCommandEvent;
import io.kengine.protocol.event.OrderReplyEvent;
import io.kengine.protocol.stage.BasketNote;
import io.kengine.protocol.stage.QuoteReason;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Across random event sequences (books, quotes, fills of what was approved plus stray fills that
 * overshoot, replies, commands, lifecycle, config changes, time jumps), nothing that passed risk would
 * break a configured limit if it filled completely, judged by an independent reference model kept by
 * this test (positions and cost from the fills it sent; its own token bucket and order-rate window
 * fed by the approvals it saw).
 */
class RiskPropertyTest {
    private static final int MARKETS = 6;
    private static final int[] REGIME_PCT = {100, 100, 75, 50};

    // limits of this run (contracts ×100, money $0.0001)
    private long maxOrder;
    private long maxPos;
    private long globalPos;
    private long maxRisk;
    private long globalRisk;
    private long groupCap;
    private long flattenMax;
    private int perMinute;

    // reference model
    private final long[] pos = new long[MARKETS];
    private final long[] cost = new long[MARKETS];
    private final boolean[] open = new boolean[MARKETS];
    private final boolean[] trusted = new boolean[MARKETS];
    private final long[] bid = new long[MARKETS];
    private final long[] ask = new long[MARKETS];
    private final long[] lastBidPrice = new long[MARKETS];
    private final long[] lastBidQty = new long[MARKETS];
    private final long[] lastAskPrice = new long[MARKETS];
    private final long[] lastAskQty = new long[MARKETS];
    private final ArrayDeque<Long> orderTimes = new ArrayDeque<>();
    private double tokens;
    private long tokensAt = Long.MIN_VALUE;
    private long checkedSides;
    private long approvedBaskets;
    private final long[] bound = new long[100];

    @Test
    void nothingThatPassedRiskBreaksALimit() {
        for (long seed = 1; seed <= 24; seed++) {
            run(seed, 4000);
        }
        assertTrue(checkedSides > 8_000, "the property saw enough approvals: " + checkedSides);
        assertTrue(approvedBaskets > 10, "and baskets: " + approvedBaskets);
        int[] mustBind = {QuoteReason.RISK_POSITION_CAP, QuoteReason.RISK_REDUCE_ONLY, QuoteReason.RISK_DOLLAR_CAP,
            QuoteReason.RISK_GROUP_CAP, QuoteReason.RISK_TOKEN_BUDGET, QuoteReason.RISK_BREAKER_OPEN, QuoteReason.RISK_HALTED,
            QuoteReason.RISK_FAT_FINGER, QuoteReason.RISK_BOOK_UNTRUSTED, QuoteReason.RISK_MARKET_CLOSED, QuoteReason.RISK_FLATTEN};
        for (int reason : mustBind) {
            assertTrue(bound[reason] > 0, "the sequences never exercised " + QuoteReason.name(reason));
        }
    }

    private void run(long seed, int events) {
        SplittableRandom r = new SplittableRandom(seed);
        java.util.Arrays.fill(pos, 0);
        java.util.Arrays.fill(cost, 0);
        java.util.Arrays.fill(lastBidQty, 0);
        java.util.Arrays.fill(lastAskQty, 0);
        orderTimes.clear();
        tokensAt = Long.MIN_VALUE;
        RiskScenario s = new RiskScenario();
        RiskStage stage = s.stage();
        maxOrder = r.nextLong(5, 40) * 100;
        maxPos = r.nextLong(10, 60) * 100;
        globalPos = r.nextLong(20, 150) * 100;
        maxRisk = r.nextLong(5, 30) * 10_000;
        globalRisk = r.nextLong(10, 60) * 10_000;
        groupCap = r.nextLong(8, 40) * 10_000;
        flattenMax = r.nextLong(1, 20) * 100;
        perMinute = (int) r.nextLong(20, 2000);
        s.config("risk.maxOrderSize", count(maxOrder)).config("risk.maxPosition", count(maxPos))
            .config("risk.r0.globalMaxPosition", count(globalPos)).config("risk.r0.maxDollarsAtRisk", money(maxRisk))
            .config("risk.r0.globalMaxDollarsAtRisk", money(globalRisk)).config("risk.flatten.maxOrderSize", count(flattenMax))
            .config("risk.maxOrdersPerMinute", Integer.toString(perMinute)).config("risk.maxOpenOrders", "9")
            .config("risk.maxOpenOrdersPerMarket", "3").config("risk.r2.factors", "unknown=100;calm=100;active=75;event=50")
            .config("risk.r3.groups", "g=KXG*").config("risk.r3.groupCaps", "g=" + money(groupCap).replace("0000", "00"))
            .config("risk.r1.dailyLossLimit", "40.0000").config("risk.r1.maxDrawdown", "30.0000")
            .config("risk.r1.maxConsecutiveLosses", "6").config("risk.breaker.errors", "4")
            .config("risk.balance", money(r.nextLong(20, 500) * 10_000));
        for (int m = 0; m < MARKETS; m++) {
            String ticker = m < 4 ? "KXG-" + m : "KXH-" + m;
            s.define(m, ticker, m < 4 ? "KXG-E" : "KXH-E", m < 4 ? "KXG" : "KXH");
            open[m] = true;
            book(s, m, r.nextLong(20, 80) * 100, true);
        }
        for (int i = 0; i < events; i++) {
            s.advanceMs(r.nextInt(10) == 0 ? r.nextLong(0, 90_000) : r.nextInt(3) == 0 ? 0 : r.nextLong(0, 400));
            int m = r.nextInt(MARKETS);
            int kind = r.nextInt(100);
            if (kind < 15) {
                long mid = Math.max(300, Math.min(9700, (bid[m] + ask[m]) / 2 + r.nextLong(-300, 301) / 100 * 100));
                book(s, m, mid, r.nextInt(20) != 0);
                check(s, stage, m, -1);
            } else if (kind < 55) {
                long mid = (bid[m] + ask[m]) / 2;
                long half = r.nextLong(1, 6) * 100;
                int regime = r.nextInt(4);
                long fair = r.nextInt(30) == 0 ? mid + 3000 : mid;
                s.quote(m, mid - half, r.nextLong(0, 60) * 100, mid + half, r.nextLong(0, 60) * 100, fair, regime);
                check(s, stage, m, regime);
            } else if (kind < 75) {
                fillApproved(s, r, m);
            } else if (kind < 78) {
                stray(s, r, m);
            } else if (kind < 86) {
                basket(s, stage, r);
            } else if (kind < 88) {
                s.reply(m, r.nextBoolean() ? OrderReplyEvent.REJECTED : OrderReplyEvent.ACCEPTED, "error " + r.nextInt(3));
            } else if (kind < 90) {
                byte[] cmds = {OperatorCommandEvent.HALT, OperatorCommandEvent.RESUME, OperatorCommandEvent.RESUME,
                    OperatorCommandEvent.FLATTEN, OperatorCommandEvent.CANCEL_ALL};
                byte c = cmds[r.nextInt(cmds.length)];
                s.command(c, c == OperatorCommandEvent.FLATTEN && r.nextBoolean() ? m : EventHeader.NO_MARKET);
                observe(s, s.last(), -1);
            } else if (kind < 92) {
                open[m] = !open[m];
                s.lifecycle(m, open[m] ? MarketLifecycleEvent.ACTIVATED : MarketLifecycleEvent.DEACTIVATED,
                    MarketLifecycleEvent.RESULT_NONE);
                lastBidQty[m] = 0;
                lastAskQty[m] = 0;
            } else if (kind < 93) {
                s.config("risk.maxPosition", count(maxPos = r.nextLong(10, 60) * 100));
            } else {
                s.timer();
                observe(s, s.last(), -1);
            }
        }
        for (int reason = 0; reason < bound.length; reason++) {
            bound[reason] += stage.reasonCount(reason);
        }
    }

    private static String count(long v) {
        return v / 100 + "." + String.format("%02d", v % 100);
    }

    private static String money(long v) {
        return v / 10_000 + "." + String.format("%04d", v % 10_000);
    }

    private void book(RiskScenario s, int m, long mid, boolean isTrusted) {
        bid[m] = mid - 100;
        ask[m] = mid + 100;
        trusted[m] = isTrusted;
        s.book(m, bid[m], ask[m], isTrusted);
        observe(s, s.last(), -1);
    }

    private static long atRisk(long p, long c) {
        return p > 0 ? c : p < 0 ? -p * 10_000 + c : 0;
    }

    private long totalAbs() {
        long t = 0;
        for (long p : pos) {
            t += Math.abs(p);
        }
        return t;
    }

    private long totalRisk() {
        long t = 0;
        for (int m = 0; m < MARKETS; m++) {
            t += atRisk(pos[m], cost[m]);
        }
        return t;
    }

    private long groupRisk() {
        long t = 0;
        for (int m = 0; m < 4; m++) {
            t += atRisk(pos[m], cost[m]);
        }
        return t;
    }

    /** The reference's own position after a fill: returns {pos, cost}. */
    private static long[] after(long p, long c, long price, long signedQty) {
        long q = Math.abs(signedQty);
        int dir = signedQty > 0 ? 1 : -1;
        if (p != 0 && (p > 0) != (signedQty > 0)) {
            long close = Math.min(q, Math.abs(p));
            long removed = close == Math.abs(p) ? c : java.math.BigInteger.valueOf(c).multiply(java.math.BigInteger.valueOf(close))
                .divide(java.math.BigInteger.valueOf(Math.abs(p))).longValue();
            c -= removed;
            p += dir * close;
            q -= close;
        }
        return new long[] {p + dir * q, c + dir * price * q};
    }

    private void applyFill(int m, long price, long signedQty) {
        long[] a = after(pos[m], cost[m], price, signedQty);
        pos[m] = a[0];
        cost[m] = a[1];
    }

    private void fillApproved(RiskScenario s, SplittableRandom r, int m) {
        boolean b = r.nextBoolean();
        long q = b ? lastBidQty[m] : lastAskQty[m];
        if (q <= 0) {
            return;
        }
        long part = r.nextLong(1, q + 1);
        long price = b ? lastBidPrice[m] : lastAskPrice[m];
        s.fill(m, b ? Codes.BID : Codes.ASK, price, part, r.nextBoolean());
        applyFill(m, price, b ? part : -part);
        if (b) {
            lastBidQty[m] -= part;
        } else {
            lastAskQty[m] -= part;
        }
    }

    private void stray(RiskScenario s, SplittableRandom r, int m) {
        boolean b = r.nextBoolean();
        long q = r.nextLong(1, 30) * 100;
        long price = b ? ask[m] : bid[m];
        s.fill(m, b ? Codes.BID : Codes.ASK, price, q, true);
        applyFill(m, price, b ? q : -q);
    }

    private void basket(RiskScenario s, RiskStage stage, SplittableRandom r) {
        int legs = r.nextInt(1, 4);
        long[][] l = new long[legs][];
        for (int i = 0; i < legs; i++) {
            int m = r.nextInt(MARKETS);
            boolean b = r.nextBoolean();
            l[i] = new long[] {m, b ? Codes.BID : Codes.ASK, b ? ask[m] : bid[m], r.nextLong(1, 12) * 100};
        }
        boolean halted = stage.halted();
        BasketNote note = s.basket(r.nextLong(1, 1000), l);
        if (!note.isApproved()) {
            return;
        }
        approvedBaskets++;
        if (halted) {
            fail("a basket passed while halted");
        }
        long[] p = pos.clone();
        long[] c = cost.clone();
        for (int i = 0; i < legs; i++) {
            int m = (int) l[i][0];
            boolean b = l[i][1] == Codes.BID;
            long q = note.legApprovedQuantity(i);
            if (q != l[i][3] || q > maxOrder) {
                fail("basket leg " + i + " approved " + q + " of " + l[i][3]);
            }
            long before = Math.abs(p[m]);
            long[] a = after(p[m], c[m], l[i][2], b ? q : -q);
            p[m] = a[0];
            c[m] = a[1];
            if (Math.abs(p[m]) > before && Math.abs(p[m]) > scaled(maxPos, stage, m)) {
                fail("basket leg takes market " + m + " to " + p[m] + " over " + maxPos);
            }
        }
        // the basket is sent as IOC: the reference fills all of it
        for (int i = 0; i < legs; i++) {
            boolean b = l[i][1] == Codes.BID;
            long q = note.legApprovedQuantity(i);
            s.fill((int) l[i][0], b ? Codes.BID : Codes.ASK, l[i][2], q, true);
            applyFill((int) l[i][0], l[i][2], b ? q : -q);
        }
    }

    private long scaled(long cap, RiskStage stage, int m) {
        return cap; // the loosest scale: regimes only tighten; the exact check is in check()
    }

    /** Records what the orders stage would send for this approval in the reference rate window and bucket. */
    private void observe(RiskScenario s, RiskScenario.Approved a, int regime) {
        if (a == null || !a.present()) {
            return;
        }
        long now = s.now();
        if (tokensAt == Long.MIN_VALUE) {
            tokens = 80;
        } else {
            tokens = Math.min(80, tokens + (now - tokensAt) * 80e-9);
        }
        tokensAt = now;
        if (a.pull()) {
            for (int m = 0; m < MARKETS; m++) {
                if (a.market() == EventHeader.NO_MARKET || a.market() == m) {
                    tokens -= (lastBidQty[m] > 0 ? 2 : 0) + (lastAskQty[m] > 0 ? 2 : 0);
                    lastBidQty[m] = 0;
                    lastAskQty[m] = 0;
                }
            }
            tokens = Math.max(0, tokens);
            return;
        }
        int m = a.market();
        side(now, lastBidPrice[m], lastBidQty[m], a.bidPrice(), a.bidQty());
        side(now, lastAskPrice[m], lastAskQty[m], a.askPrice(), a.askQty());
        lastBidPrice[m] = a.bidPrice();
        lastBidQty[m] = a.bidQty();
        lastAskPrice[m] = a.askPrice();
        lastAskQty[m] = a.askQty();
    }

    private void side(long now, long lastPrice, long lastQty, long price, long qty) {
        if (qty > 0 && (lastQty <= 0 || lastPrice != price || lastQty != qty)) {
            while (!orderTimes.isEmpty() && now - orderTimes.peekFirst() >= 60_000_000_000L) {
                orderTimes.pollFirst();
            }
            orderTimes.addLast(now);
            if (orderTimes.size() > perMinute) {
                fail(orderTimes.size() + " orders in a minute, limit " + perMinute);
            }
            tokens -= 10;
            if (tokens < -1e-6) {
                fail("token budget overdrawn: " + tokens);
            }
        } else if (qty <= 0 && lastQty > 0) {
            tokens = Math.max(0, tokens - 2);
        }
    }

    private void check(RiskScenario s, RiskStage stage, int m, int regime) {
        RiskScenario.Approved a = s.last();
        if (a == null) {
            observe(s, null, regime);
            return;
        }
        if (!a.pull() && a.market() == m) {
            checkSide(stage, m, true, a.bidPrice(), a.bidQty(), a.bidReason(), regime);
            checkSide(stage, m, false, a.askPrice(), a.askQty(), a.askReason(), regime);
        }
        observe(s, a, regime);
    }

    private void checkSide(RiskStage stage, int m, boolean isBid, long price, long qty, int reason, int regime) {
        if (qty <= 0) {
            return;
        }
        checkedSides++;
        String where = "market " + m + (isBid ? " bid " : " ask ") + qty + " @ " + price + " pos " + pos[m] + " reason "
            + QuoteReason.name(reason);
        if (price < 100 || price > 9900) {
            fail("outside the price band: " + where);
        }
        if (!open[m] || !trusted[m]) {
            fail("approved in a closed or untrusted market: " + where);
        }
        boolean flattening = stage.flattening(m) || stage.reduceOnly(m);
        if (stage.halted() && !stage.flattening(m)) {
            fail("approved while halted: " + where);
        }
        long reducible = isBid ? Math.max(0, -pos[m]) : Math.max(0, pos[m]);
        if (flattening) {
            if (qty > reducible || qty > flattenMax) {
                fail("a flatten order that does not only reduce: " + where);
            }
            return;
        }
        if (qty > maxOrder) {
            fail("over the max order size: " + where);
        }
        if (qty <= reducible) {
            return;
        }
        int pct = REGIME_PCT[regime < 0 ? 0 : regime];
        long[] aft = after(pos[m], cost[m], price, isBid ? qty : -qty);
        if (Math.abs(aft[0]) > maxPos * pct / 100) {
            fail("over the position cap " + maxPos * pct / 100 + ": " + where);
        }
        long added = Math.abs(aft[0]) - Math.abs(pos[m]);
        if (totalAbs() + added > globalPos * pct / 100) {
            fail("over the global position cap: " + where);
        }
        long riskAfter = atRisk(aft[0], aft[1]);
        long riskBefore = atRisk(pos[m], cost[m]);
        if (riskAfter > maxRisk * pct / 100 * 100) {
            fail("over the dollars-at-risk cap: " + where + " risk " + riskAfter);
        }
        if (totalRisk() - riskBefore + riskAfter > globalRisk * pct / 100 * 100) {
            fail("over the global dollars-at-risk cap: " + where);
        }
        if (m < 4 && groupRisk() - riskBefore + riskAfter > groupCap * 100) {
            fail("over the group cap: " + where);
        }
    }
}
