package io.kengine.sim.exchange;

/**
 * One change of resting size at one level, in Kalshi's two-ladder terms ({@code orderbook_delta}):
 * {@code ladder} YES with {@code ladderPrice} = YES price for bids; NO with {@code ladderPrice} = 1 − YES price
 * for asks. {@code delta} is signed (0.01 contracts), {@code levelSize} the level's size after it.
 *
 * <p>{@code accountId} / {@code clientOrderId} / {@code orderId} name the resting order whose size changed; the
 * server adds {@code client_order_id} (and {@code subaccount}) only for the subscriber who owns that order.
 * For a fill that is the maker; whether Kalshi tags fill-caused deltas with the maker's id is UNCONFIRMED, so a
 * fill's delta also names the taker ({@code takerAccountId}, {@code takerClientOrderId}; null for other deltas)
 * and the server tags whichever {@code FillDeltaOwner} says.
 */
public record BookDelta(String ticker, Ladder ladder, long ladderPrice, long yesPrice, long delta, long levelSize,
                        String accountId, String orderId, String clientOrderId, UpdateReason reason, long tsMs,
                        String takerAccountId, String takerClientOrderId) {
}
