package io.kengine.sim.exchange;

/**
 * A market's state in the simulator, with the REST {@code status} value Kalshi returns and the
 * {@code GET /markets?status=} filter value that matches it. Kalshi's {@code disputed} and {@code amended}
 * states are not simulated.
 */
public enum MarketStatus {
    INITIALIZED("initialized", "unopened"),
    OPEN("active", "open"),
    PAUSED("inactive", "paused"),
    CLOSED("closed", "closed"),
    DETERMINED("determined", "closed"),
    SETTLED("finalized", "settled");

    private final String restStatus;
    private final String filterName;

    MarketStatus(String restStatus, String filterName) {
        this.restStatus = restStatus;
        this.filterName = filterName;
    }

    /** The value of the market's {@code status} field in REST responses. */
    public String restStatus() {
        return restStatus;
    }

    /** The {@code status} query value of {@code GET /markets} that selects this state. */
    public String filterName() {
        return filterName;
    }

    /** Orders may be placed and amended. */
    public boolean isTrading() {
        return this == OPEN;
    }

    /** Past close time: every order operation, cancel included, is rejected (market_inactive). */
    public boolean isPastClose() {
        return this == CLOSED || this == DETERMINED || this == SETTLED;
    }
}
