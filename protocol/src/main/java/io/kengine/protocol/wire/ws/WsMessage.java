package io.kengine.protocol.wire.ws;

/**
 * A server → client WebSocket message: command responses ({@code subscribed}, {@code unsubscribed},
 * {@code ok}, {@code error}) and channel data ({@code {"type", "sid", "seq"?, "msg"}}), shaped as
 * Kalshi's AsyncAPI schema defines them (test resource {@code kalshi-asyncapi.yaml}).
 */
public sealed interface WsMessage permits Subscribed, Unsubscribed, UpdateOk, SubscriptionList, WsError,
        OrderbookSnapshot, OrderbookDelta, Ticker, Trade, Fill, UserOrder, MarketPosition, MarketLifecycleV2,
        EventLifecycle, EventFeeUpdate, OrderGroupUpdate, UnknownMessage {
    /** The {@code type} value. */
    String type();
}
