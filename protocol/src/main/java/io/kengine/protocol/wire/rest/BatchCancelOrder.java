package io.kengine.protocol.wire.rest;

/** One entry of a batch cancel body. */
public record BatchCancelOrder(String orderId, Integer subaccount, Integer exchangeIndex, String marketTicker) {
    public static BatchCancelOrder of(String orderId) {
        return new BatchCancelOrder(orderId, null, null, null);
    }
}
