package io.kengine.sim.server;

import io.kengine.protocol.units.FixedPoint;
import io.kengine.protocol.units.TickGrid;
import io.kengine.protocol.wire.Wire;
import io.kengine.protocol.wire.model.OrderStatus;
import io.kengine.protocol.wire.model.OutcomeSide;
import io.kengine.protocol.wire.model.PriceLevel;
import io.kengine.protocol.wire.model.PriceRange;
import io.kengine.protocol.wire.model.SelfTradePrevention;
import io.kengine.protocol.wire.model.TimeInForce;
import io.kengine.protocol.wire.rest.Market;
import io.kengine.protocol.wire.rest.Order;
import io.kengine.protocol.wire.rest.PortfolioFill;
import io.kengine.protocol.wire.rest.PortfolioMarketPosition;
import io.kengine.sim.exchange.BookLevel;
import io.kengine.sim.exchange.Fill;
import io.kengine.sim.exchange.Ladder;
import io.kengine.sim.exchange.MarketLifecycle;
import io.kengine.sim.exchange.MarketState;
import io.kengine.sim.exchange.Money;
import io.kengine.sim.exchange.OrderState;
import io.kengine.sim.exchange.PositionState;
import io.kengine.sim.exchange.Side;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Exchange-core values → wire records. Units: the core keeps money in micro-dollars, the wire in
 * $0.0001; amounts that are not whole $0.0001 (fees and costs of fractional fills) are rounded —
 * fees up, everything else down. Averages keep 6 decimals.
 */
final class WireMapping {
    private WireMapping() {
    }

    static OutcomeSide outcome(Side side) {
        return side == Side.BID ? OutcomeSide.YES : OutcomeSide.NO;
    }

    static OutcomeSide outcome(Ladder ladder) {
        return ladder == Ladder.YES ? OutcomeSide.YES : OutcomeSide.NO;
    }

    static long money(long micros) {
        return Money.toMoneyFloor(micros);
    }

    static long fee(long micros) {
        return Money.toMoneyCeil(micros);
    }

    static long secondsToMs(long seconds) {
        return seconds == 0 ? Wire.ABSENT : seconds * 1000L;
    }

    static long seconds(long ms) {
        return ms == Wire.ABSENT ? Wire.ABSENT : Math.floorDiv(ms, 1000L);
    }

    /** Per-contract average in dollars of {@code micros} spread over {@code count} (0.01 contracts). */
    static BigDecimal average(long micros, long count) {
        if (count <= 0) {
            return null;
        }
        // micros / 1e6 dollars over count / 100 contracts = micros / (count * 1e4)
        return BigDecimal.valueOf(micros).divide(BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(10_000)), 6,
                RoundingMode.HALF_EVEN);
    }

    static io.kengine.sim.exchange.TimeInForce tif(TimeInForce t) {
        return io.kengine.sim.exchange.TimeInForce.fromWire(t.wireName());
    }

    static io.kengine.sim.exchange.SelfTradePrevention stp(SelfTradePrevention s) {
        return io.kengine.sim.exchange.SelfTradePrevention.fromWire(s.wireName());
    }

    static SelfTradePrevention stp(io.kengine.sim.exchange.SelfTradePrevention s) {
        if (s == null) {
            return null;
        }
        return s == io.kengine.sim.exchange.SelfTradePrevention.MAKER ? SelfTradePrevention.MAKER : SelfTradePrevention.TAKER_AT_CROSS;
    }

    static OrderStatus status(io.kengine.sim.exchange.OrderStatus s) {
        switch (s) {
            case RESTING:
                return OrderStatus.RESTING;
            case CANCELED:
                return OrderStatus.CANCELED;
            default:
                return OrderStatus.EXECUTED;
        }
    }

    static List<PriceLevel> levels(List<BookLevel> levels) {
        List<PriceLevel> out = new ArrayList<>(levels.size());
        for (BookLevel l : levels) {
            out.add(new PriceLevel(l.price(), l.count()));
        }
        return out;
    }

    /** NO-ladder levels re-priced in YES-leg terms ({@code use_yes_price}), still ascending by the reported price. */
    static List<PriceLevel> levelsInYesPrice(List<BookLevel> noLevels) {
        List<PriceLevel> out = new ArrayList<>(noLevels.size());
        for (int i = noLevels.size() - 1; i >= 0; i--) {
            BookLevel l = noLevels.get(i);
            out.add(new PriceLevel(FixedPoint.PRICE_ONE - l.price(), l.count()));
        }
        return out;
    }

    static List<PriceRange> ranges(TickGrid grid) {
        List<PriceRange> out = new ArrayList<>(grid.rangeCount());
        for (int i = 0; i < grid.rangeCount(); i++) {
            out.add(new PriceRange(grid.rangeStart(i), grid.rangeEnd(i), grid.rangeStep(i)));
        }
        return out;
    }

    /** Kalshi's {@code price_level_structure} label for the grids it names; null for any other grid. */
    static String priceLevelStructure(TickGrid grid) {
        if (grid.rangeCount() == 1 && grid.rangeStart(0) == 0 && grid.rangeEnd(0) == FixedPoint.PRICE_ONE) {
            if (grid.rangeStep(0) == FixedPoint.CENT) {
                return "linear_cent";
            }
            if (grid.rangeStep(0) == FixedPoint.CENT / 10) {
                return "deci_cent";
            }
        }
        if (grid.rangeCount() == 3 && grid.rangeStep(0) == 10 && grid.rangeStep(1) == 100 && grid.rangeStep(2) == 10
                && grid.rangeEnd(0) == 1_000 && grid.rangeEnd(1) == 9_000) {
            return "tapered_deci_cent";
        }
        return null;
    }

    static Market market(MarketState m) {
        long bid = m.bestBid() == MarketState.NO_PRICE ? 0 : m.bestBid();
        long ask = m.bestAsk() == MarketState.NO_PRICE ? FixedPoint.PRICE_ONE : m.bestAsk();
        long last = m.lastPrice() == MarketState.NO_PRICE ? 0 : m.lastPrice();
        boolean settledValue = m.settlementValue() != MarketLifecycle.NO_VALUE && m.result() != null;
        return new Market(m.ticker(), m.eventTicker(), "binary", "", "", m.status().restStatus(),
                m.openTimeMs(), m.closeTimeMs(), m.closeTimeMs(), m.closeTimeMs(), 0,
                bid, m.bestBidSize(), ask, m.bestAskSize(), FixedPoint.PRICE_ONE - ask, FixedPoint.PRICE_ONE - bid,
                last, 0, 0, 0, m.volume(), m.volume(), m.openInterest(), FixedPoint.PRICE_ONE,
                m.result() == null ? "" : m.result().wireName(), false,
                settledValue ? m.settlementValue() : Wire.ABSENT,
                m.settledMs() > 0 ? m.settledMs() : Wire.ABSENT, null, null, null, null, null, null,
                priceLevelStructure(m.grid()), ranges(m.grid()), Wire.ABSENT, false, null);
    }

    static Order order(OrderState o) {
        return new Order(o.orderId(), o.accountId(), o.clientOrderId(), o.ticker(), outcome(o.side()), status(o.status()),
                o.price(), o.fillCount(), o.remainingCount(), o.initialCount(), money(o.takerFillCostMicros()),
                money(o.makerFillCostMicros()), fee(o.takerFeesMicros()), fee(o.makerFeesMicros()),
                secondsToMs(o.expirationTimeSeconds()), o.createdMs(), o.lastUpdateMs(), stp(o.selfTradePrevention()),
                o.orderGroupId(), o.cancelOnPause(), 0, null);
    }

    static PortfolioFill fill(Fill f) {
        return new PortfolioFill(f.tradeId(), f.orderId(), f.ticker(), null, outcome(f.side()), f.yesPrice(), f.count(),
                f.taker(), f.tsMs(), fee(f.feeMicros()), 0);
    }

    static PortfolioMarketPosition position(PositionState p) {
        return new PortfolioMarketPosition(p.ticker(), null, money(p.tradedMicros()), p.position(), money(p.costMicros()),
                money(p.realizedPnlMicros()), fee(p.feesPaidMicros()), p.lastUpdatedMs());
    }
}
