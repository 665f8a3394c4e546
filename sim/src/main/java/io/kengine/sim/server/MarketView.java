package io.kengine.sim.server;

/**
 * What the WebSocket hub asks of the exchange while handling a command, on the exchange thread
 * (so a snapshot and the deltas after it are consistent).
 */
public interface MarketView {
    /** Whether a market with this ticker exists (error 16 otherwise). */
    boolean marketExists(String ticker);

    /** The market's current {@code orderbook_snapshot} message (channel {@link WsChannel#ORDERBOOK_DELTA}). */
    ChannelMessage orderbookSnapshot(String ticker);

    /** A {@code ticker} message with the market's current state, for {@code send_initial_snapshot}; null = none. */
    ChannelMessage tickerSnapshot(String ticker);

    /** A view with no markets at all. */
    MarketView EMPTY = new MarketView() {
        @Override
        public boolean marketExists(String ticker) {
            return false;
        }

        @Override
        public ChannelMessage orderbookSnapshot(String ticker) {
            throw new IllegalStateException("no markets");
        }

        @Override
        public ChannelMessage tickerSnapshot(String ticker) {
            return null;
        }
    };
}
