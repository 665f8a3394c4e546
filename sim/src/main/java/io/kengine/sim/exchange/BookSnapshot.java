package io.kengine.sim.exchange;

import java.util.List;

/**
 * A book in Kalshi's two-ladder form ({@code orderbook_fp} / {@code orderbook_snapshot}): YES bids at YES
 * prices and NO bids at NO prices (a resting ask at p is a NO bid at 1 − p), each ascending by price with the
 * best bid last, as Kalshi sends them.
 */
public record BookSnapshot(String ticker, List<BookLevel> yes, List<BookLevel> no) {
    public BookSnapshot {
        yes = List.copyOf(yes);
        no = List.copyOf(no);
    }
}
