package io.kengine.pricing.quote;

import io.kengine.pricing.fees.FeeModel;
import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.stage.QuoteReason;
import io.kengine.protocol.units.TickGrid;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each pipeline step on its own, with hand-set inputs. */
class QuoteStepsTest {
    private static final TickGrid CENT = TickGrid.uniform(100);
    /** Kalshi's tapered deci-cent grid: 0.001 steps in the tails, cents in the middle. */
    private static final TickGrid TAPERED = new TickGrid(new long[] {0, 1_000, 9_000}, new long[] {1_000, 9_000, 10_000},
        new long[] {10, 100, 10});
    private static final TickGrid SUB_PENNY = TickGrid.uniform(1);

    private final FeeModel fees = new FeeModel();
    private final MarketInputs in = new MarketInputs();
    private final QuoteDraft d = new QuoteDraft();

    private void book(long bid, long ask, TickGrid grid) {
        in.bestBid = bid;
        in.bestAsk = ask;
        in.grid = grid;
        in.minInside = grid.ceil(1);
        in.maxInside = grid.floor(9_999);
        in.fractional = true;
        d.reset(1);
    }

    private static ConfigChangeEvent change(String key, String value) {
        return new ConfigChangeEvent().wrapForEncode(new UnsafeBuffer(new byte[1024]), 0, EventSource.ENGINE).key(key).value(value);
    }

    @Test
    void halfSpreadIsEdgePlusMakerFeeCushion() {
        book(4500, 5500, CENT);
        d.fair = 5000;
        d.baseEdge = 200;
        d.engineSize = 100;
        new HalfSpreadStep(fees).apply(in, d);
        assertEquals(200, d.halfSpread, "no maker fees on this market");
        in.makerFees = true;
        new HalfSpreadStep(fees).apply(in, d);
        assertEquals(300, d.halfSpread, "1 contract at 50c pays a $0.01 maker fee");
        d.engineSize = 1_000;
        new HalfSpreadStep(fees).apply(in, d);
        assertEquals(250, d.halfSpread, "10 contracts: $0.05 over 10");
    }

    @Test
    void zeroConfidenceWidensByTheWholeScaleFullConfidenceNotAtAll() {
        ConfidenceStep step = new ConfidenceStep();
        book(4500, 5500, CENT);
        d.halfSpread = 200;
        d.confidenceBps = 10_000;
        step.apply(in, d);
        assertEquals(200, d.halfSpread);
        d.confidenceBps = 0;
        step.apply(in, d);
        assertEquals(400, d.halfSpread);
        d.halfSpread = 200;
        d.confidenceBps = 7_500;
        step.apply(in, d);
        assertEquals(250, d.halfSpread);
    }

    @Test
    void skewLeansAgainstThePositionAndIsCapped() {
        SkewStep step = new SkewStep();
        book(4500, 5500, CENT);
        d.fair = 5000;
        d.halfSpread = 200;
        in.position = 0;
        step.apply(in, d);
        assertEquals(4800, d.bidPrice);
        assertEquals(5200, d.askPrice);
        in.position = 4_000; // 40 long: 40 x 0.0005 = 0.02 lower
        step.apply(in, d);
        assertEquals(4600, d.bidPrice);
        assertEquals(5000, d.askPrice);
        in.position = -4_000;
        step.apply(in, d);
        assertEquals(5000, d.bidPrice);
        assertEquals(5400, d.askPrice);
        in.position = Long.MAX_VALUE / 2; // huge inventory: the cap, no overflow
        step.apply(in, d);
        assertEquals(500, d.shift);
        in.position = Long.MIN_VALUE / 2;
        step.apply(in, d);
        assertEquals(-500, d.shift);
        assertTrue(step.apply(change(SkewStep.MAX_KEY, "0.0100")));
        step.apply(in, d);
        assertEquals(-100, d.shift);
    }

    @Test
    void kellySizeFollowsTheEdgeAndLimitsCapIt() {
        SizeStep step = new SizeStep();
        book(4500, 5500, CENT);
        d.center = 5000;
        d.bidPrice = 4800;
        d.askPrice = 5200;
        d.engineSize = 100_000;
        step.apply(in, d);
        // f = 0.02 / 0.52, x 0.25 x $1000 / 0.48 = 20.03 contracts
        assertEquals(2_003, d.bidQty);
        assertEquals(2_003, d.askQty);
        d.reset(1);
        d.center = 5000;
        d.bidPrice = 4800;
        d.askPrice = 5200;
        d.engineSize = 1_000;
        step.apply(in, d);
        assertEquals(1_000, d.bidQty, "the engine's size caps Kelly");
        in.position = 50_000; // at the 500-contract limit: no more buying
        d.reset(1);
        d.center = 5000;
        d.bidPrice = 4800;
        d.askPrice = 5200;
        d.engineSize = 1_000;
        step.apply(in, d);
        assertEquals(0, d.bidQty);
        assertEquals(QuoteReason.POSITION_LIMIT, d.bidReason);
        assertEquals(1_000, d.askQty);
        in.position = 49_900; // 1 contract of room left
        d.reset(1);
        d.center = 5000;
        d.bidPrice = 4800;
        d.askPrice = 5200;
        d.engineSize = 1_000;
        step.apply(in, d);
        assertEquals(100, d.bidQty);
    }

    @Test
    void wholeContractMarketsRoundSizeDown() {
        SizeStep step = new SizeStep();
        book(4500, 5500, CENT);
        in.fractional = false;
        d.center = 5000;
        d.bidPrice = 4800;
        d.askPrice = 5200;
        d.engineSize = 100_000;
        step.apply(in, d);
        assertEquals(2_000, d.bidQty);
    }

    @Test
    void gridRoundsBidDownAskUpOnTaperedAndSubPennyGrids() {
        GridStep step = new GridStep();
        book(500, 700, TAPERED);
        live(543, 657);
        step.apply(in, d);
        assertEquals(540, d.bidPrice, "deci-cent tail: 0.0543 -> 0.054");
        assertEquals(660, d.askPrice);
        book(4000, 6000, TAPERED);
        live(4987, 5013);
        step.apply(in, d);
        assertEquals(4900, d.bidPrice, "cent middle");
        assertEquals(5100, d.askPrice);
        book(4000, 6000, SUB_PENNY);
        live(4987, 5013);
        step.apply(in, d);
        assertEquals(4987, d.bidPrice);
        assertEquals(5013, d.askPrice);
    }

    @Test
    void gridEdgesClampInsideTheUnitIntervalOrDropTheSide() {
        GridStep step = new GridStep();
        book(TickGrid.NO_PRICE, TickGrid.NO_PRICE, TAPERED);
        live(10_400, 10_800); // a fair value near $1: bid lowered to the top point, ask cannot be quoted
        step.apply(in, d);
        assertEquals(9_990, d.bidPrice);
        assertEquals(0, d.askQty);
        assertEquals(QuoteReason.OUTSIDE_BOUNDS, d.askReason);
        book(TickGrid.NO_PRICE, TickGrid.NO_PRICE, TAPERED);
        live(-300, 5);
        step.apply(in, d);
        assertEquals(QuoteReason.OUTSIDE_BOUNDS, d.bidReason);
        assertEquals(10, d.askPrice, "ask raised to the lowest point above 0");
    }

    @Test
    void postOnlyStepsBackFromTheOppositeBest() {
        GridStep step = new GridStep();
        book(4000, 4100, CENT);
        live(4500, 4900); // fair far above the book
        step.apply(in, d);
        assertEquals(4000, d.bidPrice, "one tick under the best ask");
        assertEquals(4900, d.askPrice);
        book(5000, 5100, TAPERED);
        live(4000, 4500);
        step.apply(in, d);
        assertEquals(5100, d.askPrice, "one tick above the best bid");
        book(995, 1_000, TAPERED);
        live(1_100, 1_200);
        step.apply(in, d);
        assertEquals(990, d.bidPrice, "below the best ask at a range boundary: the finer step below");
        assertTrue(d.bidPrice < in.bestAsk && TAPERED.isOnGrid(d.bidPrice));
    }

    @Test
    void skewThatPushesASideOutIsNamed() {
        GridStep step = new GridStep();
        book(TickGrid.NO_PRICE, TickGrid.NO_PRICE, CENT);
        live(-100, 500);
        d.shift = 300;
        step.apply(in, d);
        assertEquals(QuoteReason.SKEW_LIMIT, d.bidReason);
    }

    @Test
    void feesThatEatTheEdgeDropTheSide() {
        EdgeStep step = new EdgeStep(fees);
        book(4500, 5500, CENT);
        in.makerFees = true;
        live(4900, 5100);
        d.center = 5000;
        d.bidQty = 100; // one contract pays a whole cent of maker fee: edge 0.01 - 0.01 = 0
        d.askQty = 10_000; // a hundred pay 0.4375 -> $0.44, 0.0044 each: edge left
        step.apply(in, d);
        assertEquals(QuoteReason.FEE_EATS_EDGE, d.bidReason);
        assertEquals(0, d.bidQty);
        assertEquals(QuoteReason.QUOTED, d.askReason);
        live(5000, 5100);
        d.center = 5000;
        step.apply(in, d);
        assertEquals(QuoteReason.NO_EDGE, d.bidReason);
        in.makerFees = false;
        live(4900, 5100);
        d.center = 5000;
        d.bidQty = 100;
        step.apply(in, d);
        assertFalse(d.bidReason != QuoteReason.QUOTED, "without maker fees the cent is all edge");
    }

    private void live(long bid, long ask) {
        d.reset(1);
        d.bidPrice = bid;
        d.askPrice = ask;
        d.bidQty = 100;
        d.askQty = 100;
    }
}
