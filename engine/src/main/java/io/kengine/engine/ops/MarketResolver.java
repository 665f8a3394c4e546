package io.kengine.engine.ops;

import io.kengine.protocol.event.EventHeader;

import java.util.function.ToIntFunction;

/**
 * Turns the operator's {@code --market} into an engine market id: absent, empty or {@code all} is
 * every market ({@link EventHeader#NO_MARKET}); {@code #3} is id 3; anything else is a ticker looked
 * up in the market source's registry (which is filled at start and read-only afterwards).
 */
public final class MarketResolver {
    public static final int UNKNOWN = -2;
    private final ToIntFunction<String> tickers;

    /** @param tickers ticker → id, or a negative number when unknown */
    public MarketResolver(ToIntFunction<String> tickers) {
        this.tickers = tickers;
    }

    public static MarketResolver none() {
        return new MarketResolver(t -> UNKNOWN);
    }

    /** @throws IllegalArgumentException naming the market when it is not known */
    public int resolve(String market) {
        if (market == null || market.isBlank() || market.equalsIgnoreCase("all")) {
            return EventHeader.NO_MARKET;
        }
        String m = market.strip();
        if (m.startsWith("#")) {
            try {
                int id = Integer.parseInt(m.substring(1));
                if (id >= 0) {
                    return id;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("'" + market + "' is not a market id (#0, #1, ...)");
        }
        int id = tickers.applyAsInt(m);
        if (id < 0) {
            throw new IllegalArgumentException("unknown market '" + market + "' (give a ticker the engine trades, #id, or all)");
        }
        return id;
    }
}
