package io.kengine.sim.flow;

import io.kengine.protocol.units.FixedPoint;
import io.kengine.protocol.units.TickGrid;
import io.kengine.sim.exchange.BookDelta;
import io.kengine.sim.exchange.Exchange;
import io.kengine.sim.exchange.ExchangeListener;
import io.kengine.sim.exchange.FeeSchedule;
import io.kengine.sim.exchange.Fill;
import io.kengine.sim.exchange.MarketLifecycle;
import io.kengine.sim.exchange.MarketSpec;
import io.kengine.sim.exchange.MarketState;
import io.kengine.sim.exchange.OrderState;
import io.kengine.sim.exchange.PositionState;
import io.kengine.sim.exchange.Trade;

import java.util.ArrayList;
import java.util.List;

/**
 * An exchange with three markets on different grids (cent, tapered deci-cent, sub-penny) and different fee types,
 * all open from {@link #START} to {@link #CLOSE}, and a flow driver on them. Every listener event is logged.
 */
final class FlowFixture {
    static final String CENT = "KXCENT-26DEC31-T50";
    static final String TAPERED = "KXTAPER-26DEC31-T50";
    static final String SUBPENNY = "KXSUBP-26DEC31-T50";
    static final long START = 1_800_000_000_000L;
    static final long CLOSE = START + 3_600_000L;
    static final TickGrid TAPERED_GRID = new TickGrid(new long[] {0, 1000, 9000}, new long[] {1000, 9000, 10_000}, new long[] {10, 100, 10});

    final EventLog log = new EventLog();
    final Exchange exchange = new Exchange(7, log);
    final FlowDriver driver;
    long now = START;

    FlowFixture(long seed, FlowConfig config) {
        this(seed, config, CLOSE, List.of(FlowMarket.of(CENT), FlowMarket.of(TAPERED), FlowMarket.of(SUBPENNY)));
    }

    FlowFixture(long seed, FlowConfig config, long closeMs, List<FlowMarket> markets) {
        exchange.addMarket(new MarketSpec(CENT, "KXCENT-26DEC31", "KXCENT", TickGrid.uniform(FixedPoint.CENT), START, closeMs,
            FeeSchedule.QUADRATIC), START);
        exchange.addMarket(new MarketSpec(TAPERED, "KXTAPER-26DEC31", "KXTAPER", TAPERED_GRID, START, closeMs,
            FeeSchedule.QUADRATIC_WITH_MAKER_FEES), START);
        exchange.addMarket(new MarketSpec(SUBPENNY, "KXSUBP-26DEC31", "KXSUBP", TickGrid.uniform(1), START, closeMs,
            FeeSchedule.QUADRATIC), START);
        driver = new FlowDriver(exchange, seed, config, markets, START);
    }

    /** Steps every {@code stepMs} until {@code seconds} more have passed. */
    void run(long seconds, long stepMs) {
        long end = now + seconds * 1000;
        while (now < end) {
            now = Math.min(end, now + stepMs);
            driver.step(now);
        }
    }

    MarketState market(String ticker) {
        return exchange.findMarket(ticker).orElseThrow();
    }

    /** Every listener call, in order, as the exchange's own records (which compare by value). */
    static final class EventLog implements ExchangeListener {
        final List<Object> all = new ArrayList<>();
        int trades;
        int fills;
        int deltas;

        @Override
        public void onBookDelta(BookDelta d) {
            all.add(d);
            deltas++;
        }

        @Override
        public void onTrade(Trade t) {
            all.add(t);
            trades++;
        }

        @Override
        public void onFill(Fill f) {
            all.add(f);
            fills++;
        }

        @Override
        public void onOrderUpdate(OrderState o) {
            all.add(o);
        }

        @Override
        public void onPositionChange(PositionState p) {
            all.add(p);
        }

        @Override
        public void onMarketLifecycle(MarketLifecycle e) {
            all.add(e);
        }
    }
}
