package io.kengine.sim.exchange;

/**
 * One account's side of one trade (Kalshi's {@code fill}; {@code fill_id} = {@code trade_id}). Both parties of
 * a trade get a Fill with the same trade id. Money in micro-dollars: {@code feeMicros} is the net fee
 * ({@code fee_cost}), broken down into trade fee, rounding fee and rebate; {@code balanceChangeMicros} is
 * what the balance moved by. {@code postPosition} is the signed position after the fill ({@code post_position_fp}).
 * {@code sequence} orders all fills of the exchange (cursor basis).
 */
public record Fill(String tradeId, String orderId, String clientOrderId, String accountId, String ticker, Side side,
                   long yesPrice, long count, boolean taker, long feeMicros, long tradeFeeMicros, long roundingFeeMicros,
                   long rebateMicros, long balanceChangeMicros, long postPosition, long tsMs, long sequence) {

    /** Kalshi's {@code outcome_side}. */
    public Ladder outcomeSide() {
        return Ladder.of(side);
    }
}
