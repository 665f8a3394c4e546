package io.kengine.sim.exchange;

import java.util.Objects;

/**
 * A V2 amend ({@code AmendOrderV2Request}): ticker and side must match the order; {@code count} is the new
 * <em>total</em> (filled + desired remaining); {@code clientOrderId} (optional) must be the order's;
 * {@code updatedClientOrderId} (optional) replaces it.
 */
public record AmendRequest(String ticker, Side side, long price, long count, String clientOrderId,
                           String updatedClientOrderId) {
    public AmendRequest {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(side, "side");
    }

    public static AmendRequest of(String ticker, Side side, long price, long count) {
        return new AmendRequest(ticker, side, price, count, null, null);
    }

    public AmendRequest withClientOrderIds(String current, String updated) {
        return new AmendRequest(ticker, side, price, count, current, updated);
    }
}
