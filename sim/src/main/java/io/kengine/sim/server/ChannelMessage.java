package io.kengine.sim.server;

import io.kengine.protocol.wire.ws.WsCodec;
import io.kengine.protocol.wire.ws.WsMessage;

import java.util.Objects;

/**
 * One channel message as the exchange produced it, before fan-out: its channel, market, the account
 * it concerns (null = nobody in particular) and a builder of the wire record. The record is built
 * with {@code sid} and {@code seq} absent and written once per variant by the wire module — for the
 * owner or not (own orders add {@code client_order_id} to {@code orderbook_delta}), yes-leg pricing
 * or not — and the hub puts each subscription's {@code sid}/{@code seq} around the {@code msg} part.
 */
public final class ChannelMessage {
    /** Builds the wire record (with {@code sid}/{@code seq} = {@code Wire.ABSENT}) for one variant. */
    @FunctionalInterface
    public interface Body {
        WsMessage build(boolean forOwner, boolean useYesPrice);
    }

    private final WsChannel channel;
    private final String market;
    private final String owner;
    private final Body body;
    private final String[] cache = new String[4];
    private String type;

    public ChannelMessage(WsChannel channel, String market, String owner, Body body) {
        this.channel = Objects.requireNonNull(channel);
        this.market = market;
        this.owner = owner;
        this.body = Objects.requireNonNull(body);
    }

    public WsChannel channel() {
        return channel;
    }

    public String market() {
        return market;
    }

    public String owner() {
        return owner;
    }

    /** The {@code type} value (known once a variant was written). */
    String type() {
        if (type == null) {
            msgJson(false, false);
        }
        return type;
    }

    /** The {@code msg} object's JSON for one variant (cached). */
    String msgJson(boolean forOwner, boolean useYesPrice) {
        int i = (forOwner ? 1 : 0) | (useYesPrice ? 2 : 0);
        String s = cache[i];
        if (s == null) {
            WsMessage record = body.build(forOwner, useYesPrice);
            String json = WsCodec.toJson(record);
            String prefix = "{\"type\":\"" + record.type() + "\",\"msg\":";
            if (!json.startsWith(prefix) || !json.endsWith("}")) {
                throw new IllegalStateException("unexpected envelope (sid/seq must be absent): " + json);
            }
            type = record.type();
            s = json.substring(prefix.length(), json.length() - 1);
            cache[i] = s;
        }
        return s;
    }
}
