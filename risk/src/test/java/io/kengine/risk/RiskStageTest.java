package io.kengine.risk;

import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.FillEvent;
import io.kengine.protocol.event.MarketLifecycleEvent;
import io.kengine.protocol.event.OperatorCommandEvent;
import io.kengine.protocol.event.OrderReplyEvent;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.stage.BasketNote;
import io.kengine.protocol.stage.DecisionKind;
import io.kengine.protocol.stage.QuoteReason;
import io.kengine.protocol.stage.Regime;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.event.AsciiField;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule of the risk stage on its own, through hand-built events. */
class RiskStageTest {
    private final RiskScenario s = new RiskScenario();
    private final RiskStage stage = s.stage();

    /** Market 1 (event KXA) open with a trusted 0.48/0.52 book and a token budget that never binds. */
    private RiskScenario open() {
        s.config("risk.tokens.tier", "prestige");
        s.define(1, "KXA-1", "KXA", "KXA").book(1, 4800, 5200);
        return s;
    }

    private RiskScenario.Approved quote(long bidQty, long askQty) {
        s.quote(1, 4800, bidQty, 5200, askQty);
        return s.last();
    }

    @Test
    void passesAQuoteWithinLimits() {
        open();
        RiskScenario.Approved a = quote(1000, 1000);
        assertTrue(a.present());
        assertFalse(a.pull());
        assertEquals(4800, a.bidPrice());
        assertEquals(1000, a.bidQty());
        assertEquals(1000, a.askQty());
        assertEquals(QuoteReason.QUOTED, a.bidReason());
        assertEquals(2, stage.openOrders(1));
        assertTrue(s.decisions().isEmpty());
    }

    @Test
    void theOldKeysStillCutSizeAndPosition() {
        open().config("risk.maxOrderSize", "5.00");
        RiskScenario.Approved a = quote(1000, 1000);
        assertEquals(500, a.bidQty());
        assertEquals(QuoteReason.RISK_SIZE_CAP, a.bidReason());
        s.config("risk.maxOrderSize", "100.00").config("risk.maxPosition", "12.00");
        s.fill(1, Codes.BID, 5000, 1000, false);
        a = quote(1000, 1000);
        assertEquals(200, a.bidQty(), "2 more contracts fit under the cap");
        assertEquals(QuoteReason.RISK_POSITION_CAP, a.bidReason());
        assertEquals(1000, a.askQty(), "selling reduces");
        assertEquals(2, stage.reasonCount(QuoteReason.RISK_SIZE_CAP), "both sides of the first quote");
        assertEquals(1, stage.reasonCount(QuoteReason.RISK_POSITION_CAP));
    }

    @Test
    void unknownClosedPausedAndUntrustedMarketsAreBlocked() {
        s.config("risk.tokens.tier", "prestige");
        s.quote(9, 4800, 100, 5200, 100);
        assertEquals(QuoteReason.RISK_UNKNOWN_MARKET, s.last().bidReason());
        assertEquals(0, s.last().bidQty());

        s.define(2, "KXB-1", "KXB", "KXB", Codes.STATUS_CLOSED, RiskScenario.FAR_CLOSE_MS).book(2, 4800, 5200);
        s.quote(2, 4800, 100, 5200, 100);
        assertEquals(QuoteReason.RISK_MARKET_CLOSED, s.last().askReason());

        s.define(3, "KXC-1", "KXC", "KXC", Codes.STATUS_OPEN, s.now() / 1_000_000 + 1000).book(3, 4800, 5200);
        s.quote(3, 4800, 100, 5200, 100);
        assertEquals(100, s.last().bidQty());
        s.advanceMs(1000).quote(3, 4800, 100, 5200, 100);
        assertEquals(QuoteReason.RISK_MARKET_CLOSED, s.last().bidReason(), "past the close time");

        open();
        s.lifecycle(1, MarketLifecycleEvent.DEACTIVATED, MarketLifecycleEvent.RESULT_NONE);
        assertEquals(0, quote(100, 100).bidQty());
        assertEquals(QuoteReason.RISK_MARKET_CLOSED, s.last().bidReason());
        s.lifecycle(1, MarketLifecycleEvent.ACTIVATED, MarketLifecycleEvent.RESULT_NONE);
        assertEquals(100, quote(100, 100).bidQty());

        s.book(1, 4800, 5200, false);
        assertEquals(QuoteReason.RISK_BOOK_UNTRUSTED, quote(100, 100).bidReason());
        assertEquals(0, s.last().askQty());
        s.config("risk.requireTrustedBook", "false");
        assertEquals(100, quote(100, 100).bidQty());
    }

    @Test
    void priceBandAndFatFinger() {
        open();
        s.quote(1, 50, 100, 5200, 100, 2600, Regime.CALM);
        assertEquals(QuoteReason.RISK_PRICE_BAND, s.last().bidReason());
        assertEquals(0, s.last().bidQty());
        s.quote(1, 4800, 100, 5200, 100, 7000, Regime.CALM);
        assertEquals(QuoteReason.RISK_FAT_FINGER, s.last().bidReason(), "0.22 from fair");
        assertEquals(QuoteReason.RISK_FAT_FINGER, s.last().askReason(), "0.18 from fair");
        s.config("risk.fatFinger", "0.2000").quote(1, 4800, 100, 5200, 100, 7000, Regime.CALM);
        assertEquals(0, s.last().bidQty());
        assertEquals(100, s.last().askQty());
    }

    @Test
    void notionalAndBalanceCutTheCost() {
        open().config("risk.maxNotional", "10.0000");
        RiskScenario.Approved a = quote(10_000, 10_000);
        assertEquals(2083, a.bidQty(), "$10 at 0.48");
        assertEquals(QuoteReason.RISK_NOTIONAL_CAP, a.bidReason());
        s.config("risk.maxNotional", "100.0000").config("risk.balance", "10.0000");
        a = quote(10_000, 10_000);
        assertEquals(2083, a.bidQty(), "$10 of cash at 0.48");
        assertEquals(QuoteReason.RISK_BALANCE, a.bidReason());
        assertEquals(0, a.askQty(), "the bid already uses the cash");
        assertEquals(QuoteReason.RISK_BALANCE, a.askReason());
    }

    @Test
    void openOrdersPerMarketAndInTotal() {
        open().config("risk.maxOpenOrdersPerMarket", "1");
        RiskScenario.Approved a = quote(100, 100);
        assertEquals(100, a.bidQty());
        assertEquals(0, a.askQty());
        assertEquals(QuoteReason.RISK_OPEN_ORDERS, a.askReason());
        assertEquals(1, stage.openOrders());
        s.config("risk.maxOpenOrdersPerMarket", "4").config("risk.maxOpenOrders", "2");
        s.define(2, "KXB-1", "KXB", "KXB").book(2, 4800, 5200);
        quote(100, 100);
        assertEquals(2, stage.openOrders());
        s.quote(2, 4800, 100, 5200, 100);
        assertEquals(QuoteReason.RISK_OPEN_ORDERS, s.last().bidReason());
        assertEquals(0, s.last().bidQty());
    }

    @Test
    void ordersPerMinuteHoldTheLastQuote() {
        open().config("risk.maxOrdersPerMinute", "2");
        quote(100, 100);
        s.advanceMs(1000).quote(1, 4700, 100, 5300, 100);
        RiskScenario.Approved a = s.last();
        assertEquals(4800, a.bidPrice(), "held: no amend goes out");
        assertEquals(100, a.bidQty());
        assertEquals(QuoteReason.RISK_ORDER_RATE, a.bidReason());
        s.advanceMs(60_000).quote(1, 4700, 100, 5300, 100);
        assertEquals(4700, s.last().bidPrice());
        assertEquals(QuoteReason.QUOTED, s.last().bidReason());
    }

    @Test
    void tokenBudgetRefusesBeforeTheExchangeWould() {
        s.define(1, "KXA-1", "KXA", "KXA").book(1, 4800, 5200);   // basic tier: 80 tokens, 20 kept for cancels
        assertEquals(80, stage.tokens());
        quote(100, 100);
        assertEquals(60, stage.tokens());
        s.quote(1, 4700, 100, 5300, 100);
        assertEquals(40, stage.tokens());
        s.quote(1, 4600, 100, 5400, 100);
        assertEquals(5400, s.last().askPrice(), "both amends fit: 40 tokens = 2 × 10 + the reserve");
        assertEquals(20, stage.tokens());
        s.quote(1, 4500, 100, 5500, 100);
        assertEquals(4600, s.last().bidPrice(), "held: the amend would dip into the cancel reserve");
        assertEquals(5400, s.last().askPrice());
        assertEquals(QuoteReason.RISK_TOKEN_BUDGET, s.last().bidReason());
        assertEquals(100, s.last().bidQty());
        assertEquals(20, stage.tokens());
        s.quote(1, 4600, 0, 5400, 0);
        assertEquals(16, stage.tokens(), "cancels always go out");
        s.advanceMs(1000).quote(1, 4500, 100, 5500, 100);
        assertEquals(5500, s.last().askPrice());
        assertEquals(60, stage.tokens(), "refilled to the cap, then two creates");
        assertTrue(stage.reasonCount(QuoteReason.RISK_TOKEN_BUDGET) >= 1);
    }

    @Test
    void fillsAreAppliedOnceWithKalshiFees() {
        open();
        s.fill(1, Codes.BID, 5000, 100, true, "trade-1");
        s.fill(1, Codes.BID, 5000, 100, true, "trade-1");
        assertEquals(100, stage.position(1));
        assertEquals(1, stage.duplicateFills());
        assertEquals(175, stage.fees(1), "0.07 × 1 × 0.5 × 0.5");
        s.fill(1, Codes.BID, 5000, 10_000, false, "trade-2");
        assertEquals(175 + 4375, stage.fees(1), "maker 0.0175 × 100 × 0.25");
        s.config("risk.fees.rounding", "cent").fill(1, Codes.BID, 5000, 100, true, "trade-3");
        assertEquals(175 + 4375 + 200, stage.fees(1));
        s.config("risk.fees.source", "reported");
        s.fill(1, Codes.BID, 5000, 100, true, "trade-4");
        assertEquals(175 + 4375 + 200, stage.fees(1), "the fill reported no fee");
    }

    @Test
    void realizedUnrealizedAndSettlement() {
        open();
        s.fill(1, Codes.BID, 4000, 1000, false);                 // long 10 @ 0.40
        s.book(1, 5000, 5400);                                   // mid 0.52
        assertEquals(12_000, stage.unrealized(1), "10 × (0.52 − 0.40)");
        s.config("risk.pnl.mark", "exit").book(1, 5000, 5400);
        assertEquals(10_000, stage.unrealized(1), "a long exits at the bid");
        s.fill(1, Codes.ASK, 5000, 400, false);
        assertEquals(4000, stage.realized(1));
        assertEquals(600, stage.position(1));
        long feesPaid = stage.fees(1);
        assertEquals(4000 - feesPaid + 6000, stage.dailyPnl(), "realized − fees + unrealized");
        s.lifecycle(1, MarketLifecycleEvent.SETTLED, MarketLifecycleEvent.RESULT_YES);
        assertEquals(0, stage.position(1));
        assertEquals(4000 + 36_000, stage.realized(1), "6 × (1 − 0.40)");
        List<RiskScenario.Decision> settled = s.decisions(DecisionKind.SETTLED);
        assertEquals(1, settled.size());
        assertEquals(10_000, settled.get(0).value1());
        assertEquals(36_000, settled.get(0).value2());
        assertEquals(0, stage.totalAtRisk());
        assertEquals(0, stage.eventOf(1));
        assertEquals(40_000, stage.eventRealized(0));
        assertEquals(1_000_0000 + 40_000 - feesPaid, stage.cash());
    }

    @Test
    void dailyFiguresResetAtTheConfiguredHour() {
        s.config("risk.day.zone", "UTC").config("risk.day.resetHour", "0");
        open();
        s.fill(1, Codes.BID, 5000, 1000, false).fill(1, Codes.ASK, 4000, 1000, false);
        assertTrue(stage.dailyPnl() < -10_000);
        long start = stage.dayStartNanos();
        s.advanceMs(24L * 3600 * 1000).timer();
        assertEquals(start + 24L * 3600 * 1_000_000_000L, stage.dayStartNanos());
        assertEquals(0, stage.dailyPnl());
        assertTrue(stage.totalRealized() < 0, "lifetime figures stay");
    }

    @Test
    void r0ReduceOnlyAndAutoFlattenBackUnderTheCap() {
        open().config("risk.maxPosition", "10.00");
        s.fill(1, Codes.BID, 5000, 1200, false);
        assertTrue(stage.reduceOnly(1));
        RiskScenario.Decision on = s.decisions(DecisionKind.REDUCE_ONLY_ON).get(0);
        assertEquals(1200, on.value1());
        assertEquals(1000, on.value2());
        RiskScenario.Approved a = quote(1000, 1000);
        assertEquals(0, a.bidQty());
        assertEquals(QuoteReason.RISK_REDUCE_ONLY, a.bidReason());
        assertEquals(300, a.askQty(), "back to 90% of the cap");
        assertEquals(5200, a.askPrice(), "joins the best ask");
        assertEquals(1, s.decisions(DecisionKind.FLATTEN).size());
        s.config("risk.flatten.aggressivenessTicks", "2").book(1, 4800, 5200);
        assertEquals(5000, s.last().askPrice(), "flatten also on book events, two ticks more aggressive");
        s.config("risk.flatten.aggressivenessTicks", "50").book(1, 4800, 5200);
        assertEquals(4800, s.last().askPrice(), "never past the best bid");
        s.fill(1, Codes.ASK, 4800, 300, false);
        assertFalse(stage.reduceOnly(1));
        assertEquals(1, s.decisions(DecisionKind.REDUCE_ONLY_OFF).size());
        a = quote(1000, 1000);
        assertEquals(100, a.bidQty());
        assertEquals(QuoteReason.RISK_POSITION_CAP, a.bidReason());
    }

    @Test
    void r0GlobalAndDollarCaps() {
        open().config("risk.r0.globalMaxPosition", "15.00");
        s.define(2, "KXB-1", "KXB", "KXB").book(2, 4800, 5200);
        s.fill(2, Codes.ASK, 5000, 1000, false);
        RiskScenario.Approved a = quote(1000, 1000);
        assertEquals(500, a.bidQty());
        assertEquals(QuoteReason.RISK_GLOBAL_CAP, a.bidReason());
        s.config("risk.r0.globalMaxPosition", "2000.00").config("risk.r0.maxDollarsAtRisk", "2.4000");
        a = quote(1000, 1000);
        assertEquals(500, a.bidQty(), "$2.40 at 0.48");
        assertEquals(QuoteReason.RISK_DOLLAR_CAP, a.bidReason());
        assertEquals(500, a.askQty(), "an ask at 0.52 risks the NO price 0.48");
        assertEquals(QuoteReason.RISK_DOLLAR_CAP, a.askReason());
    }

    @Test
    void r1CoolDownThenHaltOnConsecutiveLosses() {
        open().config("risk.r1.maxConsecutiveLosses", "2").config("risk.r1.coolDown", "1m");
        for (int i = 0; i < 2; i++) {
            s.fill(1, Codes.BID, 5000, 100, false).fill(1, Codes.ASK, 4000, 100, false);
        }
        assertTrue(stage.coolingDown());
        RiskScenario.Decision on = s.decisions(DecisionKind.COOL_DOWN_ON).get(0);
        assertEquals(QuoteReason.RISK_CONSECUTIVE_LOSSES, on.reason());
        RiskScenario.Approved a = quote(1000, 1000);
        assertEquals(500, a.bidQty(), "half size");
        assertEquals(4600, a.bidPrice(), "two cents wider");
        assertEquals(5400, a.askPrice());
        assertEquals(QuoteReason.RISK_COOL_DOWN, a.bidReason());
        s.advanceMs(60_000).timer();
        assertFalse(stage.coolingDown());
        assertEquals(1, s.decisions(DecisionKind.COOL_DOWN_OFF).size());
        for (int i = 0; i < 2; i++) {
            s.fill(1, Codes.BID, 5000, 100, false).fill(1, Codes.ASK, 4000, 100, false);
        }
        assertTrue(stage.halted());
        assertEquals(QuoteReason.RISK_CONSECUTIVE_LOSSES, stage.haltReason());
        assertNull(s.last(), "nothing is approved on a fill event");
        s.timer();
        assertTrue(s.last().pull(), "the pull goes out on the next event the orders stage reads");
        assertEquals(EventHeader.NO_MARKET, s.last().market());
        assertTrue(quote(1000, 1000).pull());
        s.command(OperatorCommandEvent.RESUME, EventHeader.NO_MARKET);
        assertFalse(stage.halted());
        assertEquals(1000, quote(1000, 1000).bidQty());
    }

    @Test
    void r1DailyLossHaltsFromTheMark() {
        open().config("risk.r1.dailyLossLimit", "5.0000");
        s.fill(1, Codes.BID, 5000, 10_000, false);               // 100 @ 0.50, fee $0.4375
        s.book(1, 4700, 4800);                                    // mid 0.475: −$2.50 − fee
        assertTrue(stage.coolingDown(), "half the limit: cool-down first");
        assertFalse(stage.halted());
        s.book(1, 4400, 4500);                                    // mid 0.445: −$5.50 − fee
        assertTrue(stage.halted());
        assertEquals(QuoteReason.RISK_LOSS_HALT, stage.haltReason());
        assertTrue(s.last().pull(), "pulled on the same book event");
        RiskScenario.Decision halt = s.decisions(DecisionKind.HALT).get(0);
        assertEquals(QuoteReason.RISK_LOSS_HALT, halt.reason());
        assertEquals(5_0000 * 100, halt.value2());
    }

    @Test
    void r1DrawdownFromTheDaysPeak() {
        open().config("risk.r1.maxDrawdown", "3.0000").config("risk.r1.coolDownPct", "100");
        s.fill(1, Codes.BID, 5000, 10_000, false);
        s.book(1, 6000, 6000);
        assertFalse(stage.halted());
        assertTrue(stage.dailyPeak() > 90_000);
        s.book(1, 5600, 5600);
        assertTrue(stage.halted());
        assertEquals(QuoteReason.RISK_DRAWDOWN_HALT, stage.haltReason());
    }

    @Test
    void r2RegimeScalesTheCaps() {
        open().config("risk.maxPosition", "10.00").config("risk.r2.factors", "calm=100;active=75;event=50");
        s.quote(1, 4800, 1000, 5200, 1000, 5000, Regime.EVENT);
        assertEquals(500, s.last().bidQty());
        assertEquals(QuoteReason.RISK_REGIME, s.last().bidReason());
        s.quote(1, 4800, 1000, 5200, 1000, 5000, Regime.CALM);
        assertEquals(1000, s.last().bidQty());
        assertEquals(50, stage.regimeFactorPct(Regime.EVENT));
    }

    @Test
    void r2ScalesTheLossLimitByTheWorstRegimeHeld() {
        open().config("risk.r1.dailyLossLimit", "10.0000").config("risk.r1.coolDownPct", "100")
            .config("risk.r2.factors", "calm=100;event=50");
        s.quote(1, 4800, 100, 5200, 100, 5000, Regime.EVENT);
        s.fill(1, Codes.BID, 5000, 10_000, false);
        s.book(1, 4400, 4500);                                    // about −$5.94: over half of $10
        assertTrue(stage.halted(), "the event regime halves the loss limit");
        assertEquals(5_0000L * 100, stage.haltLimit());
        s.command(OperatorCommandEvent.RESUME, EventHeader.NO_MARKET);
        s.quote(1, 4400, 100, 4500, 100, 4450, 9);                // an unknown regime code counts as unknown
        assertEquals(100, stage.regimeFactorPct(Regime.UNKNOWN));
        s.book(1, 4400, 4500);
        assertFalse(stage.halted(), "back to the full limit");
    }

    @Test
    void r3GroupCapAcrossMarketsOfASeries() {
        s.config("risk.tokens.tier", "prestige").config("risk.r3.groups", "fed=KXFED*").config("risk.r3.groupCaps", "fed=10.00");
        s.define(1, "KXFED-A", "KXFED-E1", "KXFED").book(1, 4800, 5200);
        s.define(2, "KXFED-B", "KXFED-E2", "KXFED").book(2, 4800, 5200);
        s.fill(1, Codes.BID, 4000, 1500, false);                    // $6 in the group
        assertEquals(60_000, stage.groupAtRisk(0));
        s.quote(2, 5000, 2000, 5400, 0, 5200, Regime.CALM);
        assertEquals(800, s.last().bidQty(), "$4 of room at 0.50");
        assertEquals(QuoteReason.RISK_GROUP_CAP, s.last().bidReason());
    }

    @Test
    void r3VarianceCapLetsHedgesThrough() {
        s.config("risk.tokens.tier", "prestige").config("risk.r3.maxStdDev", "5.0000");
        s.define(1, "KXE-A", "KXE", "KXE").book(1, 4800, 5200);
        s.define(2, "KXE-B", "KXE", "KXE").book(2, 4800, 5200);
        s.fill(1, Codes.BID, 5000, 1000, false);                    // 10 YES at 0.5: variance 25
        assertEquals(25.0, stage.portfolioVariance(), 1e-9);
        s.quote(1, 4800, 500, 5200, 500, 5000, Regime.CALM);
        assertEquals(0, s.last().bidQty());
        assertEquals(QuoteReason.RISK_VARIANCE_CAP, s.last().bidReason());
        assertEquals(500, s.last().askQty(), "selling lowers it");
        s.quote(2, 4800, 500, 5200, 500, 5000, Regime.CALM);
        assertEquals(500, s.last().bidQty(), "the exclusive outcome hedges");
        assertEquals(0, s.last().askQty(), "short the other outcome adds");
    }

    @Test
    void breakerOpensProbesAndCloses() {
        open().config("risk.breaker.errors", "3").config("risk.breaker.openFor", "30s");
        s.reply(1, OrderReplyEvent.REJECTED, "post only cross");
        for (int i = 0; i < 3; i++) {
            s.reply(1, OrderReplyEvent.REJECTED, "internal server error");
        }
        assertEquals(1, s.decisions(DecisionKind.BREAKER_OPEN).size());
        s.timer();
        assertTrue(s.last().pull());
        assertEquals(QuoteReason.RISK_BREAKER_OPEN, s.last().bidReason());
        assertEquals(0, quote(100, 100).bidQty());
        assertEquals(QuoteReason.RISK_BREAKER_OPEN, s.last().bidReason());
        s.advanceMs(30_000).timer();
        assertEquals(1, s.decisions(DecisionKind.BREAKER_HALF_OPEN).size());
        RiskScenario.Approved a = quote(100, 100);
        assertEquals(100, a.bidQty(), "the probe");
        assertEquals(0, a.askQty());
        assertEquals(QuoteReason.RISK_BREAKER_PROBE, a.askReason());
        s.reply(1, OrderReplyEvent.ACCEPTED, "");
        assertEquals(1, s.decisions(DecisionKind.BREAKER_CLOSED).size());
        assertEquals(100, quote(100, 100).askQty());
    }

    @Test
    void killSwitchHaltFlattenResume() {
        open();
        s.define(2, "KXB-1", "KXB", "KXB").book(2, 4800, 5200);
        s.fill(1, Codes.BID, 5000, 1200, false);
        s.command(OperatorCommandEvent.HALT, EventHeader.NO_MARKET);
        assertTrue(s.last().pull());
        assertEquals(EventHeader.NO_MARKET, s.last().market());
        assertEquals(QuoteReason.RISK_HALTED, s.last().bidReason());
        assertEquals(1, s.decisions(DecisionKind.HALT).size());
        assertTrue(quote(100, 100).pull());
        assertEquals(0, stage.openOrders());

        s.command(OperatorCommandEvent.FLATTEN, EventHeader.NO_MARKET);
        assertEquals(1, s.decisions(DecisionKind.FLATTEN).size());
        RiskScenario.Approved a = quote(100, 100);
        assertFalse(a.pull(), "flatten orders go out even while halted");
        assertEquals(0, a.bidQty());
        assertEquals(1200, a.askQty());
        assertEquals(QuoteReason.RISK_FLATTEN, a.askReason());
        s.quote(2, 4800, 100, 5200, 100);
        assertEquals(0, s.last().bidQty(), "a flat market quotes nothing while flattening");
        assertEquals(QuoteReason.RISK_FLATTEN, s.last().bidReason());
        s.config("risk.flatten.maxOrderSize", "5.00");
        assertEquals(500, quote(100, 100).askQty(), "within the flatten order limit");

        s.command(OperatorCommandEvent.RESUME, EventHeader.NO_MARKET);
        assertEquals(1, s.decisions(DecisionKind.RESUME).size());
        assertFalse(stage.halted());
        assertFalse(stage.flattening(1));
        assertEquals(100, quote(100, 100).bidQty());
    }

    @Test
    void cancelAllPullsOnceWithoutLatching() {
        open();
        s.command(OperatorCommandEvent.CANCEL_ALL, EventHeader.NO_MARKET);
        assertTrue(s.last().pull());
        assertFalse(stage.halted());
        assertEquals(100, quote(100, 100).bidQty());
    }

    @Test
    void blockDecisionsAreThrottledPerMarketReasonAndMinute() {
        open().config("risk.maxOrderSize", "5.00");
        quote(1000, 1000);
        quote(1000, 1000);
        s.advanceMs(30_000);
        quote(1000, 1000);
        assertEquals(1, s.decisions(DecisionKind.BLOCK).size());
        s.advanceMs(31_000);
        quote(1000, 1000);
        assertEquals(2, s.decisions(DecisionKind.BLOCK).size());
        assertEquals(8, stage.reasonCount(QuoteReason.RISK_SIZE_CAP), "every cut is counted");
        assertTrue(stage.reasonCounts().contains("risk-size-cap=8"));
    }

    @Test
    void basketsAreAllOrNothing() {
        open();
        s.define(2, "KXA-2", "KXA", "KXA").book(2, 4800, 5200);
        BasketNote b = s.basket(7, new long[] {1, Codes.BID, 3000, 1000}, new long[] {2, Codes.BID, 3000, 1000});
        assertEquals(BasketNote.STATUS_APPROVED, b.status());
        assertEquals(1000, b.legApprovedQuantity(1));
        assertEquals(2, stage.openOrders());
        s.reply(1, OrderReplyEvent.EXECUTED, "");
        assertEquals(1, stage.openOrders());
        b = s.basket(8, new long[] {1, Codes.BID, 3000, 1000}, new long[] {2, Codes.BID, 3000, 20_000});
        assertEquals(BasketNote.STATUS_BLOCKED, b.status());
        assertEquals(QuoteReason.RISK_SIZE_CAP, b.reason());
        assertEquals(0, b.legApprovedQuantity(0), "the good leg is blocked too");
        s.command(OperatorCommandEvent.HALT, EventHeader.NO_MARKET);
        b = s.basket(9, new long[] {1, Codes.BID, 3000, 100});
        assertEquals(BasketNote.STATUS_BLOCKED, b.status());
        assertEquals(QuoteReason.RISK_HALTED, b.reason());
    }

    @Test
    void badConfigValuesKeepTheLastGoodOne() {
        open().config("risk.r2.factors", "storm=1");
        assertEquals(1, stage.configErrors());
        assertEquals(100, stage.regimeFactorPct(Regime.CALM));
        s.config("pricing.m0.edge", "0.0200");
        assertEquals(1, stage.configErrors(), "other modules' keys are not ours");
    }

    @Test
    void theTradeIdOffsetMatchesFillEvent() {
        EventSlot slot = new EventSlot();
        new FillEvent().wrapForEncode(slot.event(), 0, 1, EventSource.FEED).tradeId("abc");
        assertEquals("abc", AsciiField.get(slot.event(), RiskStage.FILL_TRADE_ID_AT));
        assertNotNull(RiskStage.PARAMETERS);
        assertEquals(RiskStage.PARAMETERS.size(), RiskStage.PARAMETERS.stream().map(p -> p.key()).distinct().count());
        assertTrue(RiskStage.PARAMETERS.stream().allMatch(p -> p.key().startsWith("risk.")));
    }
}
