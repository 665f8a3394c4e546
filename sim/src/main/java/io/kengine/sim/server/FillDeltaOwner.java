package io.kengine.sim.server;

import java.util.Locale;

/**
 * Whose {@code client_order_id} the {@code orderbook_delta} of a trade carries. Kalshi documents the field as
 * "present only when you caused this orderbook change"; whether a trade's delta counts as caused by the
 * resting order that shrank (the maker) or by the order that took it (the taker) is UNCONFIRMED, so the
 * simulator can send either reading, or neither, and a client can be tested against all three.
 */
public enum FillDeltaOwner {
    /** The maker's id, to the maker's connections: the default, the resting order whose size changed. */
    MAKER,
    /** The taker's id, to the taker's connections. */
    TAKER,
    /** No id on a trade's delta at all. */
    NONE;

    /** {@code maker}, {@code taker} or {@code none}, any case. */
    public static FillDeltaOwner parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fill delta owner must be maker, taker or none, got '" + s + "'");
        }
    }
}
