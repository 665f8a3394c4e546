package io.kengine.protocol.wire.ws;

import io.kengine.protocol.wire.json.JsonObject;
import io.kengine.protocol.wire.json.JsonOut;
import io.kengine.protocol.wire.json.JsonValue;

/** Server responses to commands: subscribed, unsubscribed, ok (update or list), error. */
final class WsResponseCodec {
    private WsResponseCodec() {
    }

    static void writeSubscribed(Subscribed m, JsonOut out) {
        out.num("id", m.id()).str("type", m.type())
                .object("msg", m, (s, o) -> o.str("channel", s.channel()).num("sid", s.sid()));
    }

    static void writeUnsubscribed(Unsubscribed m, JsonOut out) {
        out.num("id", m.id()).num("sid", m.sid()).num("seq", m.seq()).str("type", m.type());
    }

    static void writeUpdateOk(UpdateOk m, JsonOut out) {
        out.num("id", m.id()).num("sid", m.sid()).num("seq", m.seq()).str("type", m.type());
        if (m.marketTickers() != null || m.marketIds() != null) {
            out.object("msg", m, (u, o) -> o.strings("market_tickers", u.marketTickers())
                    .strings("market_ids", u.marketIds()));
        }
    }

    static void writeSubscriptionList(SubscriptionList m, JsonOut out) {
        out.num("id", m.id()).str("type", m.type())
                .objects("msg", m.subscriptions(), (e, o) -> o.str("channel", e.channel()).num("sid", e.sid()));
    }

    static void writeError(WsError m, JsonOut out) {
        out.num("id", m.id()).str("type", m.type())
                .object("msg", m, (e, o) -> o.num("code", e.code()).str("msg", e.msg())
                        .str("market_ticker", e.marketTicker()).str("market_id", e.marketId()));
    }

    static Subscribed readSubscribed(JsonObject in) {
        JsonObject msg = in.obj("msg");
        return new Subscribed(in.optNum("id"), msg.str("channel"), msg.num("sid"));
    }

    static Unsubscribed readUnsubscribed(JsonObject in) {
        return new Unsubscribed(in.optNum("id"), in.num("sid"), in.optNum("seq"));
    }

    /** {@code ok} is an update acknowledgement when {@code msg} is an object or absent, a list reply when an array. */
    static WsMessage readOk(JsonObject in) {
        long id = in.optNum("id");
        JsonValue msg = in.get("msg");
        if (msg != null && msg.isArray()) {
            return new SubscriptionList(id, in.objects("msg",
                    e -> new SubscriptionList.Entry(e.str("channel"), e.num("sid"))));
        }
        JsonObject m = msg == null ? null : msg.asObject();
        return new UpdateOk(id, in.optNum("sid"), in.optNum("seq"),
                m == null ? null : m.optStrings("market_tickers"),
                m == null ? null : m.optStrings("market_ids"));
    }

    static WsError readError(JsonObject in) {
        JsonObject msg = in.obj("msg");
        return new WsError(in.optNum("id"), msg.integer("code"), msg.optStr("msg"),
                msg.optStr("market_ticker"), msg.optStr("market_id"));
    }
}
