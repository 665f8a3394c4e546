package io.kengine.sim.server;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One {@code sid} on one connection: a channel, its market filter (all markets when
 * {@link #allMarkets}), the per-subscription {@code seq} counter and the options given at
 * subscribe. Exchange-thread only.
 */
final class Subscription {
    final int sid;
    final WsConnection connection;
    final WsChannel channel;
    boolean allMarkets;
    final Set<String> markets = new LinkedHashSet<>();
    /** Last seq sent on this sid (0 = none yet). */
    long seq;
    boolean useYesPrice;
    boolean skipTickerAck;

    Subscription(int sid, WsConnection connection, WsChannel channel) {
        this.sid = sid;
        this.connection = connection;
        this.channel = channel;
    }

    boolean matches(String market) {
        return allMarkets || (market != null && markets.contains(market));
    }

    long nextSeq() {
        return ++seq;
    }
}
