package io.kengine.protocol.wire.ws;

import io.kengine.protocol.wire.json.JsonObject;
import io.kengine.protocol.wire.json.JsonOut;
import io.kengine.protocol.wire.json.JsonValue;

/** Client → server commands. The reader checks JSON shape and types only; meaning is the server's. */
final class WsCommandCodec {
    private WsCommandCodec() {
    }

    static void write(WsCommand c, JsonOut out) {
        out.num("id", c.id()).str("cmd", c.cmd());
        if (c instanceof Subscribe) {
            out.object("params", (Subscribe) c, WsCommandCodec::subscribeParams);
        } else if (c instanceof Unsubscribe) {
            out.object("params", (Unsubscribe) c, (u, o) -> o.longs("sids", u.sids()));
        } else if (c instanceof UpdateSubscription) {
            out.object("params", (UpdateSubscription) c, WsCommandCodec::updateParams);
        }
        // ListSubscriptions and UnknownCommand carry no params.
    }

    private static void subscribeParams(Subscribe s, JsonOut o) {
        o.strings("channels", s.channels())
                .str("market_ticker", s.marketTicker())
                .strings("market_tickers", s.marketTickers())
                .str("market_id", s.marketId())
                .strings("market_ids", s.marketIds())
                .bool("send_initial_snapshot", s.sendInitialSnapshot())
                .bool("skip_ticker_ack", s.skipTickerAck())
                .bool("use_yes_price", s.useYesPrice());
    }

    private static void updateParams(UpdateSubscription u, JsonOut o) {
        o.num("sid", u.sid())
                .longs("sids", u.sids())
                .str("market_ticker", u.marketTicker())
                .strings("market_tickers", u.marketTickers())
                .str("market_id", u.marketId())
                .strings("market_ids", u.marketIds())
                .bool("send_initial_snapshot", u.sendInitialSnapshot())
                .str("action", u.action());
    }

    static WsCommand read(JsonObject in) {
        long id = in.optNum("id");
        String cmd = in.str("cmd");
        switch (cmd) {
            case Subscribe.CMD: {
                JsonObject p = in.obj("params");
                return new Subscribe(id, p.list("channels", JsonValue::asString), p.optStr("market_ticker"),
                        p.optStrings("market_tickers"), p.optStr("market_id"), p.optStrings("market_ids"),
                        p.optBool("send_initial_snapshot"), p.optBool("skip_ticker_ack"), p.optBool("use_yes_price"));
            }
            case Unsubscribe.CMD: {
                JsonObject p = in.obj("params");
                return new Unsubscribe(id, p.list("sids", JsonValue::asLong));
            }
            case UpdateSubscription.CMD: {
                JsonObject p = in.obj("params");
                return new UpdateSubscription(id, p.optNum("sid"), p.optList("sids", JsonValue::asLong),
                        p.str("action"), p.optStr("market_ticker"), p.optStrings("market_tickers"),
                        p.optStr("market_id"), p.optStrings("market_ids"), p.optBool("send_initial_snapshot"));
            }
            case ListSubscriptions.CMD:
                return new ListSubscriptions(id);
            default:
                return new UnknownCommand(id, cmd);
        }
    }
}
