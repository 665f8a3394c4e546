package io.kengine.sim.flow;

import io.kengine.protocol.units.FixedPoint;
import io.kengine.sim.exchange.AccountPrecision;
import io.kengine.sim.exchange.AccountState;
import io.kengine.sim.exchange.BookDelta;
import io.kengine.sim.exchange.Fill;
import io.kengine.sim.exchange.MarketResult;
import io.kengine.sim.exchange.MarketState;
import io.kengine.sim.exchange.MarketStatus;
import io.kengine.sim.exchange.Money;
import io.kengine.sim.exchange.OrderRequest;
import io.kengine.sim.exchange.OrderResult;
import io.kengine.sim.exchange.OrderState;
import io.kengine.sim.exchange.OrderStatus;
import io.kengine.sim.exchange.PositionState;
import io.kengine.sim.exchange.Side;
import io.kengine.sim.exchange.TimeInForce;
import io.kengine.sim.exchange.Trade;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static io.kengine.sim.flow.FlowFixture.CENT;
import static io.kengine.sim.flow.FlowFixture.START;
import static io.kengine.sim.flow.FlowFixture.SUBPENNY;
import static io.kengine.sim.flow.FlowFixture.TAPERED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The flow against the real exchange core: determinism, market quality, no avoidable rejections, settlement. */
class FlowDriverTest {
    private static final FlowConfig DEFAULTS = FlowConfig.defaults();

    private static FlowFixture run(long seed, FlowConfig config, long seconds, long stepMs) {
        FlowFixture f = new FlowFixture(seed, config);
        f.run(seconds, stepMs);
        return f;
    }

    @Test
    void sameSeedGivesTheSameExchangeEvents() {
        FlowFixture a = run(11, DEFAULTS, 60, 100);
        FlowFixture b = run(11, DEFAULTS, 60, 100);
        assertTrue(a.log.trades > 20 && a.log.fills == 2 * a.log.trades && a.log.deltas > 1000,
            "a busy minute: " + a.log.trades + " trades, " + a.log.deltas + " deltas");
        assertEquals(a.log.all.size(), b.log.all.size());
        assertEquals(a.log.all, b.log.all);
    }

    @Test
    void differentSeedGivesDifferentEvents() {
        FlowFixture a = run(11, DEFAULTS, 60, 100);
        FlowFixture b = run(12, DEFAULTS, 60, 100);
        assertNotEquals(a.log.all, b.log.all);
        assertNotEquals(a.driver.trueProbability(CENT), b.driver.trueProbability(CENT));
    }

    @Test
    void howOftenStepIsCalledDoesNotMatter() {
        FlowFixture fine = run(5, DEFAULTS, 60, 7);
        FlowFixture coarse = run(5, DEFAULTS, 60, 6_000);
        assertEquals(fine.log.all, coarse.log.all);
        assertEquals(fine.driver.trueProbability(TAPERED), coarse.driver.trueProbability(TAPERED));
    }

    @Test
    void bookStaysTwoSidedWithMakersPresent() {
        FlowFixture f = new FlowFixture(3, DEFAULTS);
        int samples = 0;
        int twoSided = 0;
        for (int i = 0; i < 1200; i++) { // 2 minutes, sampled every 100 ms
            f.now += 100;
            f.driver.step(f.now);
            for (String t : f.driver.tickers()) {
                MarketState m = f.market(t);
                samples++;
                if (m.bestBid() != MarketState.NO_PRICE && m.bestAsk() != MarketState.NO_PRICE) {
                    twoSided++;
                    assertTrue(m.bestBid() < m.bestAsk(), "never crossed");
                }
            }
        }
        assertTrue(twoSided >= 0.95 * samples, twoSided + " of " + samples + " samples two-sided");
    }

    @Test
    void midTracksTheTrueProbability() {
        assertTrue(trackingError(DEFAULTS, 3) < 0.03, "mean |mid - truth| with default makers");
    }

    @Test
    void informedTradersPullBiasedMakersTowardTheTruth() {
        // Makers whose views are off by ~12¢ for minutes: only the informed flow (through the makers' inventory
        // skew) can bring the mid back to the truth.
        FlowConfig biased = DEFAULTS.withMakers(FlowConfig.Makers.defaults().withEstimateNoise(0.5, 600).withInventorySkewPerContract(10));
        double without = trackingError(biased.withInformed(FlowConfig.Informed.defaults().withPerMarket(0)), 3);
        double with = trackingError(biased, 3);
        assertTrue(with < 0.04 && with < 0.6 * without, "error with informed " + with + ", without " + without);
    }

    /** Mean |mid − truth| over the second minute of two, sampled every 100 ms in all three markets, over seeds. */
    private static double trackingError(FlowConfig config, int seeds) {
        double sum = 0;
        int n = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            FlowFixture f = new FlowFixture(seed, config);
            f.run(60, 100);
            for (int i = 0; i < 600; i++) {
                f.now += 100;
                f.driver.step(f.now);
                for (String t : f.driver.tickers()) {
                    MarketState m = f.market(t);
                    if (m.bestBid() != MarketState.NO_PRICE && m.bestAsk() != MarketState.NO_PRICE) {
                        double mid = (m.bestBid() + m.bestAsk()) / (2.0 * FixedPoint.PRICE_ONE);
                        sum += Math.abs(mid - f.driver.trueProbability(t));
                        n++;
                    }
                }
            }
        }
        return sum / n;
    }

    @Test
    void noOrderCallIsEverRefusedOnAnyGrid() {
        FlowFixture f = run(21, DEFAULTS, 180, 250);
        FlowStats s = f.driver.stats();
        assertEquals(Map.of(), s.rejections(), s.toString());
        assertTrue(s.created() > 300 && s.amended() > 1000, s.toString());
        assertEquals(0, s.skippedForBalance());
        // every kind of order the participants send reached the exchange, in every market
        Map<String, Integer> tradesPerMarket = new HashMap<>();
        boolean ioc = false;
        boolean expiring = false;
        boolean postOnly = false;
        for (Object e : f.log.all) {
            if (e instanceof Trade t) {
                tradesPerMarket.merge(t.ticker(), 1, Integer::sum);
            } else if (e instanceof OrderState o) {
                ioc |= o.timeInForce() == TimeInForce.IMMEDIATE_OR_CANCEL;
                expiring |= o.expirationTimeSeconds() != 0 && o.status() == OrderStatus.CANCELED;
                postOnly |= o.postOnly();
                assertTrue(f.market(o.ticker()).grid().isOnGrid(o.price()));
            }
        }
        assertTrue(ioc && expiring && postOnly);
        assertEquals(3, tradesPerMarket.size(), tradesPerMarket.toString());
        assertEquals(f.now, f.driver.truth(CENT).timeMs(), "truth walked to the last step");
    }

    @Test
    void anOutsiderTradingAmongThemCausesNoRefusals() {
        // Stands in for the engine: random orders anywhere on the grid, crossing or not, between the flow's steps.
        FlowFixture f = new FlowFixture(17, DEFAULTS);
        f.exchange.openAccount("OUTSIDER", AccountPrecision.CENT);
        f.exchange.deposit("OUTSIDER", 100_000 * FixedPoint.PRICE_ONE);
        SplittableRandom r = new SplittableRandom(17);
        int outsiderTrades = 0;
        for (int i = 0; i < 1200; i++) {
            f.now += 100;
            f.driver.step(f.now);
            if (r.nextInt(5) == 0) {
                String t = f.driver.tickers().get(r.nextInt(3));
                long price = f.market(t).grid().floor(100 + r.nextInt(9800));
                Side side = r.nextBoolean() ? Side.BID : Side.ASK;
                OrderResult o = f.exchange.createOrder("OUTSIDER", OrderRequest.of(t, side, price, 100 + r.nextInt(3000)), f.now);
                outsiderTrades += o.fillCount() > 0 ? 1 : 0;
            }
        }
        assertTrue(outsiderTrades > 20, outsiderTrades + " outsider orders traded");
        assertEquals(Map.of(), f.driver.stats().rejections(), f.driver.stats().toString());
    }

    @Test
    void makersNeverTakeAndKeepFractionalLotsOnTheGrid() {
        FlowFixture f = run(4, DEFAULTS.withSizeLot(1), 60, 100);
        assertEquals(Map.of(), f.driver.stats().rejections());
        boolean fractional = false;
        for (Object e : f.log.all) {
            if (e instanceof Fill fill) {
                if (fill.accountId().startsWith("flow-maker-")) {
                    assertFalse(fill.taker(), "a passive maker never takes: " + fill);
                }
                fractional |= fill.count() % FixedPoint.COUNT_ONE != 0;
            }
        }
        assertTrue(fractional, "sizeLot 1 gives fractional contracts");
    }

    @Test
    void accountsAreOpenedAndFunded() {
        FlowFixture f = new FlowFixture(1, DEFAULTS);
        List<String> ids = f.driver.accountIds();
        assertEquals(3 * (2 + 1 + 2), ids.size());
        assertEquals("flow-maker-" + CENT + "-0", ids.get(0));
        assertEquals("flow-noise-" + SUBPENNY + "-1", ids.get(ids.size() - 1));
        for (String id : ids) {
            assertEquals(Money.fromMoney(DEFAULTS.fundingPerAccount()), f.exchange.accountState(id).cashMicros());
        }
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(i, f.driver.participants().get(i).index());
        }
        assertEquals(START, f.driver.nextEventMs(), "makers quote from the start");
        assertThrows(IllegalArgumentException.class, () -> f.driver.addMarket(FlowMarket.of(CENT), START));
        assertThrows(IllegalArgumentException.class, () -> f.driver.addMarket(FlowMarket.of("NOPE"), START));
    }

    @Test
    void shortOfMoneyTheySkipRatherThanGetRefused() {
        // $20 each: makers cannot post every level, takers soon cannot afford their sizes
        FlowFixture f = run(8, DEFAULTS.withFundingPerAccount(20 * FixedPoint.PRICE_ONE), 60, 100);
        FlowStats s = f.driver.stats();
        assertTrue(s.skippedForBalance() > 0, s.toString());
        assertEquals(Map.of(), s.rejections(), "makers' balance shortfalls must not show as rejections: " + s);
    }

    @Test
    void settlementPaysOutPerTheTrueOutcome() {
        FlowFixture f = run(31, DEFAULTS, 45, 100);
        Map<String, Long> cashBefore = new HashMap<>();
        Map<String, Long> positionBefore = new HashMap<>();
        for (String id : f.driver.accountIds()) {
            cashBefore.put(id, f.exchange.accountState(id).cashMicros());
            PositionState p = f.exchange.positions(id).isEmpty() ? null : f.exchange.positions(id).get(0);
            positionBefore.put(id, p == null ? 0 : p.position());
        }
        Map<String, MarketResult> results = f.driver.settleAll(f.now);
        assertEquals(List.of(CENT, TAPERED, SUBPENNY), List.copyOf(results.keySet()));
        long nonZero = 0;
        for (Participant p : f.driver.participants()) {
            MarketResult r = results.get(p.ticker());
            assertEquals(f.driver.truth(p.ticker()).outcome(), r);
            MarketState m = f.market(p.ticker());
            assertEquals(MarketStatus.SETTLED, m.status());
            assertEquals(f.now, m.closeTimeMs(), "closed early at settleAll's time");
            long pos = positionBefore.get(p.accountId());
            nonZero += pos == 0 ? 0 : 1;
            long winning = r == MarketResult.YES ? Math.max(0, pos) : Math.max(0, -pos);
            AccountState after = f.exchange.accountState(p.accountId());
            assertEquals(cashBefore.get(p.accountId()) + Money.contractValue(winning), after.cashMicros(), p.accountId());
            assertEquals(0, after.reservedMicros(), "closing canceled every resting order");
        }
        assertTrue(nonZero > 5, "participants held positions going into settlement");
        assertEquals(Map.of(), f.driver.settleAll(f.now + 1), "nothing left to settle");
        // the participants retire: no more calls, no more events
        int events = f.log.all.size();
        f.run(30, 500);
        assertEquals(events, f.log.all.size());
        assertEquals(FlowDriver.NEVER, f.driver.nextEventMs());
    }

    @Test
    void aConfiguredOutcomeWinsOverTheTruth() {
        FlowFixture f = new FlowFixture(2, DEFAULTS, FlowFixture.CLOSE, List.of(
            new FlowMarket(CENT, 0.95, MarketResult.NO), new FlowMarket(TAPERED, 0.05, MarketResult.YES), FlowMarket.of(SUBPENNY, 0.5)));
        f.run(20, 100);
        assertTrue(f.driver.trueProbability(CENT) > 0.8);
        Map<String, MarketResult> r = f.driver.settleAll(f.now);
        assertEquals(MarketResult.NO, r.get(CENT));
        assertEquals(MarketResult.YES, r.get(TAPERED));
        assertEquals(MarketResult.NO, f.market(CENT).result());
        assertEquals(FixedPoint.PRICE_ONE, f.market(TAPERED).settlementValue());
    }

    @Test
    void respectsCloseAndPausesWithoutRefusals() {
        long close = START + 20_000;
        FlowFixture f = new FlowFixture(9, DEFAULTS, close,
            List.of(FlowMarket.of(CENT), FlowMarket.of(TAPERED), FlowMarket.of(SUBPENNY)));
        f.run(10, 100);
        f.exchange.setTradingPaused(true, f.now);
        int before = countTrades(f);
        f.run(5, 100);
        assertEquals(before, countTrades(f), "nobody trades during a trading pause");
        f.exchange.setTradingPaused(false, f.now);
        f.exchange.pauseMarket(CENT, f.now);
        f.run(3, 100);
        f.exchange.resumeMarket(CENT, f.now);
        f.run(12, 100); // through the close at 20 s
        assertEquals(MarketStatus.CLOSED, f.market(CENT).status());
        assertEquals(Map.of(), f.driver.stats().rejections());
        assertEquals(close, f.driver.truth(CENT).timeMs(), "the truth stops at the close");
        double atClose = f.driver.trueProbability(CENT);
        Map<String, MarketResult> r = f.driver.settleAll(f.now);
        assertEquals(3, r.size());
        assertEquals(atClose, f.driver.truth(CENT).probability());
        assertEquals(close, f.market(CENT).closeTimeMs(), "already closed: no early close");
    }

    private static int countTrades(FlowFixture f) {
        int n = 0;
        for (Object e : f.log.all) {
            n += e instanceof Trade ? 1 : 0;
        }
        return n;
    }

    @Test
    void booksAreBuiltOnlyFromParticipantsOrders() {
        // Sanity on the event stream the server will publish: deltas carry participant accounts only.
        FlowFixture f = run(13, DEFAULTS, 10, 100);
        for (Object e : f.log.all) {
            if (e instanceof BookDelta d) {
                assertTrue(d.accountId().startsWith("flow-"), d.toString());
            }
        }
    }
}
