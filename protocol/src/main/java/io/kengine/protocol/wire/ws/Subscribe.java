package io.kengine.protocol.wire.ws;

import java.util.List;

/**
 * {@code subscribe}: {@code channels} plus at most one market filter ({@code market_ticker},
 * {@code market_tickers}, or for the ticker channel {@code market_id(s)}). Mutual exclusion and
 * channel names are the server's to check; the reader only checks JSON types.
 */
public record Subscribe(long id, List<String> channels, String marketTicker, List<String> marketTickers,
                        String marketId, List<String> marketIds, Boolean sendInitialSnapshot,
                        Boolean skipTickerAck, Boolean useYesPrice) implements WsCommand {
    public static final String CMD = "subscribe";

    /** The common form: channels for a list of tickers (null tickers = every market). */
    public static Subscribe of(long id, List<String> channels, List<String> marketTickers) {
        return new Subscribe(id, channels, null, marketTickers, null, null, null, null, null);
    }

    @Override
    public String cmd() {
        return CMD;
    }
}
