package io.kengine.pricing.quote;

import io.kengine.config.ParameterDef;
import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.stage.QuoteReason;
import io.kengine.protocol.units.FixedPoint;

import java.util.List;

/**
 * Step 4: size per side = the engine's size, cut to a Kelly fraction of the side's edge and to the
 * per-order and per-market limits. Kelly for a binary contract bought at b with belief p (the centre,
 * so inventory lowers the adding side): f = (p − b)/(1 − b) of the bankroll, i.e. f·bankroll/b
 * contracts; selling YES at a is buying NO at 1 − a: f = (a − p)/a. A side that would take the
 * position past the market limit is not quoted.
 */
public final class SizeStep {
    public static final String FRACTION_KEY = "pricing.kelly.fraction";
    public static final String BANKROLL_KEY = "pricing.kelly.bankroll";
    public static final String MAX_ORDER_KEY = "pricing.size.maxOrder";
    public static final String MAX_POSITION_KEY = "pricing.size.maxPosition";
    public static final ParameterDef FRACTION = ParameterDef.price(FRACTION_KEY, "0.2500",
        "fraction of the Kelly stake to quote (0: no Kelly cut, the engine's size only)");
    public static final ParameterDef BANKROLL = ParameterDef.money(BANKROLL_KEY, "1000.0000",
        "bankroll the Kelly stake is a fraction of, in dollars").withMin("0.0000");
    public static final ParameterDef MAX_ORDER = ParameterDef.count(MAX_ORDER_KEY, "100.00",
        "largest quote size per side, contracts");
    public static final ParameterDef MAX_POSITION = ParameterDef.count(MAX_POSITION_KEY, "500.00",
        "per-market position limit pricing quotes up to, contracts either way");
    public static final List<ParameterDef> PARAMETERS = List.of(FRACTION, BANKROLL, MAX_ORDER, MAX_POSITION);

    private long fraction = FRACTION.parse(FRACTION.defaultValue());
    private long bankroll = BANKROLL.parse(BANKROLL.defaultValue());
    private long maxOrder = MAX_ORDER.parse(MAX_ORDER.defaultValue());
    private long maxPosition = MAX_POSITION.parse(MAX_POSITION.defaultValue());
    private double scale;

    public SizeStep() {
        rescale();
    }

    public void apply(MarketInputs in, QuoteDraft d) {
        long lot = in.fractional ? 1 : FixedPoint.COUNT_ONE;
        long base = Math.min(d.engineSize, maxOrder);

        long room = maxPosition - in.position;
        if (room <= 0) {
            d.dropBid(QuoteReason.POSITION_LIMIT);
        } else {
            long q = Math.min(base, room);
            if (fraction > 0) {
                q = Math.min(q, kelly(d.center, d.bidPrice, true));
            }
            d.bidQty = q - q % lot;
            if (d.bidQty <= 0) {
                d.dropBid(d.center <= d.bidPrice ? QuoteReason.NO_EDGE : QuoteReason.NO_SIZE);
            }
        }
        room = maxPosition + in.position;
        if (room <= 0) {
            d.dropAsk(QuoteReason.POSITION_LIMIT);
        } else {
            long q = Math.min(base, room);
            if (fraction > 0) {
                q = Math.min(q, kelly(d.center, d.askPrice, false));
            }
            d.askQty = q - q % lot;
            if (d.askQty <= 0) {
                d.dropAsk(d.askPrice <= d.center ? QuoteReason.NO_EDGE : QuoteReason.NO_SIZE);
            }
        }
    }

    /**
     * Kelly quantity (0.01 contracts) for buying (or selling) YES at {@code price} with belief {@code p}:
     * buying, f·bankroll/b = (p − b)/((1 − b)·b)·bankroll; selling, (a − p)/(a·(1 − a))·bankroll; in the
     * price unit both are (Δ·1e4)/(x·(1e4 − x)) dollars per dollar of bankroll, so one division per side
     * ({@link #scale} holds fraction × bankroll × the count unit).
     */
    long kelly(long p, long price, boolean buy) {
        long x = Math.max(1, Math.min(FixedPoint.PRICE_ONE - 1, price));
        long belief = Math.max(0, Math.min(FixedPoint.PRICE_ONE, p));
        long edge = buy ? belief - x : x - belief;
        if (edge <= 0) {
            return 0;
        }
        double q = scale * edge / ((double) x * (FixedPoint.PRICE_ONE - x));
        return q >= Long.MAX_VALUE / 4 ? Long.MAX_VALUE / 4 : (long) q; // positive: the cast is the floor
    }

    /** fraction (1e-4) × bankroll ($0.0001) × 100 count units × 1e4 price units / 1e8. */
    private void rescale() {
        scale = (double) fraction * bankroll * FixedPoint.COUNT_ONE / FixedPoint.PRICE_ONE;
    }

    public boolean apply(ConfigChangeEvent c) {
        if (c.keyEquals(FRACTION_KEY)) {
            fraction = FRACTION.parse(c.value());
            rescale();
        } else if (c.keyEquals(BANKROLL_KEY)) {
            bankroll = BANKROLL.parse(c.value());
            rescale();
        } else if (c.keyEquals(MAX_ORDER_KEY)) {
            maxOrder = MAX_ORDER.parse(c.value());
        } else if (c.keyEquals(MAX_POSITION_KEY)) {
            maxPosition = MAX_POSITION.parse(c.value());
        } else {
            return false;
        }
        return true;
    }
}
