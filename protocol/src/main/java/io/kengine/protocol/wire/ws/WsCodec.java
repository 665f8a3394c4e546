package io.kengine.protocol.wire.ws;

import io.kengine.protocol.wire.Wire;
import io.kengine.protocol.wire.WireFormatException;
import io.kengine.protocol.wire.json.JsonObject;
import io.kengine.protocol.wire.json.JsonOut;
import io.kengine.protocol.wire.json.JsonValue;
import java.nio.charset.StandardCharsets;

/**
 * Kalshi WebSocket text frames ↔ records, both directions: a client writes {@link WsCommand}s and
 * reads {@link WsMessage}s, the simulator the reverse. Stateless and thread-safe.
 *
 * <p>Readers throw only {@link WireFormatException}; unknown fields are ignored; a well-formed message
 * of an unmodelled {@code type} is an {@link UnknownMessage}, an unknown {@code cmd} an
 * {@link UnknownCommand}. Not a hot-path decoder: it builds a small tree per frame.
 */
public final class WsCodec {
    private WsCodec() {
    }

    // ---------------------------------------------------------------- server → client

    public static String toJson(WsMessage m) {
        return new String(toBytes(m), StandardCharsets.UTF_8);
    }

    public static byte[] toBytes(WsMessage m) {
        return JsonOut.objectBytes(m, WsCodec::write);
    }

    public static WsMessage readMessage(String json) {
        return read(JsonObject.parse(json));
    }

    public static WsMessage readMessage(byte[] json, int offset, int length) {
        return read(JsonObject.parse(json, offset, length));
    }

    private static void write(WsMessage m, JsonOut out) {
        if (m instanceof OrderbookDelta) {
            WsChannelCodec.writeDelta((OrderbookDelta) m, out);
        } else if (m instanceof OrderbookSnapshot) {
            WsChannelCodec.writeSnapshot((OrderbookSnapshot) m, out);
        } else if (m instanceof Ticker) {
            WsChannelCodec.writeTicker((Ticker) m, out);
        } else if (m instanceof Trade) {
            WsChannelCodec.writeTrade((Trade) m, out);
        } else if (m instanceof Fill) {
            WsChannelCodec.writeFill((Fill) m, out);
        } else if (m instanceof UserOrder) {
            WsChannelCodec.writeUserOrder((UserOrder) m, out);
        } else if (m instanceof MarketPosition) {
            WsChannelCodec.writePosition((MarketPosition) m, out);
        } else if (m instanceof MarketLifecycleV2) {
            WsChannelCodec.writeLifecycle((MarketLifecycleV2) m, out);
        } else if (m instanceof EventLifecycle) {
            WsChannelCodec.writeEventLifecycle((EventLifecycle) m, out);
        } else if (m instanceof EventFeeUpdate) {
            WsChannelCodec.writeFeeUpdate((EventFeeUpdate) m, out);
        } else if (m instanceof OrderGroupUpdate) {
            WsChannelCodec.writeOrderGroup((OrderGroupUpdate) m, out);
        } else if (m instanceof Subscribed) {
            WsResponseCodec.writeSubscribed((Subscribed) m, out);
        } else if (m instanceof Unsubscribed) {
            WsResponseCodec.writeUnsubscribed((Unsubscribed) m, out);
        } else if (m instanceof UpdateOk) {
            WsResponseCodec.writeUpdateOk((UpdateOk) m, out);
        } else if (m instanceof SubscriptionList) {
            WsResponseCodec.writeSubscriptionList((SubscriptionList) m, out);
        } else if (m instanceof WsError) {
            WsResponseCodec.writeError((WsError) m, out);
        } else {
            throw new IllegalArgumentException("cannot write " + m.getClass().getSimpleName()
                    + ": it is what a reader returns for a type it does not model");
        }
    }

    private static WsMessage read(JsonObject in) {
        String type = in.str("type");
        switch (type) {
            case OrderbookDelta.TYPE: return WsChannelCodec.readDelta(in);
            case OrderbookSnapshot.TYPE: return WsChannelCodec.readSnapshot(in);
            case Ticker.TYPE: return WsChannelCodec.readTicker(in);
            case Trade.TYPE: return WsChannelCodec.readTrade(in);
            case Fill.TYPE: return WsChannelCodec.readFill(in);
            case UserOrder.TYPE: return WsChannelCodec.readUserOrder(in);
            case MarketPosition.TYPE: return WsChannelCodec.readPosition(in);
            case MarketLifecycleV2.TYPE: return WsChannelCodec.readLifecycle(in);
            case EventLifecycle.TYPE: return WsChannelCodec.readEventLifecycle(in);
            case EventFeeUpdate.TYPE: return WsChannelCodec.readFeeUpdate(in);
            case OrderGroupUpdate.TYPE: return WsChannelCodec.readOrderGroup(in);
            case Subscribed.TYPE: return WsResponseCodec.readSubscribed(in);
            case Unsubscribed.TYPE: return WsResponseCodec.readUnsubscribed(in);
            case UpdateOk.TYPE: return WsResponseCodec.readOk(in);
            case WsError.TYPE: return WsResponseCodec.readError(in);
            default: return new UnknownMessage(type, in.optNum("sid"), in.optNum("seq"));
        }
    }

    // ---------------------------------------------------------------- client → server

    public static String toJson(WsCommand c) {
        return new String(toBytes(c), StandardCharsets.UTF_8);
    }

    public static byte[] toBytes(WsCommand c) {
        return JsonOut.objectBytes(c, WsCommandCodec::write);
    }

    public static WsCommand readCommand(String json) {
        return WsCommandCodec.read(JsonObject.parse(json));
    }

    public static WsCommand readCommand(byte[] json, int offset, int length) {
        return WsCommandCodec.read(JsonObject.parse(json, offset, length));
    }

    /**
     * The {@code id} of a command frame, or {@link Wire#ABSENT} when it has none or is not a JSON
     * object: lets a server echo the id in the error for a command {@link #readCommand} refused.
     * Never throws.
     */
    public static long commandIdOf(String json) {
        try {
            JsonValue root = JsonValue.parse(json);
            if (!root.isObject()) {
                return Wire.ABSENT;
            }
            JsonValue id = root.asObject().get("id");
            return id != null && id.isNumber() ? id.asLong() : Wire.ABSENT;
        } catch (WireFormatException e) {
            return Wire.ABSENT;
        }
    }
}
