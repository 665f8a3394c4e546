package io.kengine.sim.exchange;

/** A public trade print: YES price, count, and the taker's side ({@code taker_book_side}; a bid taker is {@code taker_outcome_side} yes). */
public record Trade(String tradeId, String ticker, long yesPrice, long count, Side takerSide, long tsMs) {

    public long noPrice() {
        return io.kengine.protocol.units.FixedPoint.PRICE_ONE - yesPrice;
    }

    /** Kalshi's {@code taker_outcome_side} (and the deprecated {@code taker_side}). */
    public Ladder takerOutcomeSide() {
        return Ladder.of(takerSide);
    }
}
