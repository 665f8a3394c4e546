package io.kengine.sim.server;

import io.javalin.http.Context;
import io.kengine.protocol.units.FixedPoint;
import io.kengine.protocol.wire.KalshiEndpoint;
import io.kengine.protocol.wire.Wire;
import io.kengine.protocol.wire.WireFormatException;
import io.kengine.protocol.wire.json.JsonCodec;
import io.kengine.protocol.wire.rest.AmendOrderV2Request;
import io.kengine.protocol.wire.rest.AmendOrderV2Response;
import io.kengine.protocol.wire.rest.BatchCancelOrder;
import io.kengine.protocol.wire.rest.BatchCancelOrderResult;
import io.kengine.protocol.wire.rest.BatchCancelOrdersV2Response;
import io.kengine.protocol.wire.rest.BatchCreateOrderResult;
import io.kengine.protocol.wire.rest.BatchCreateOrdersV2Response;
import io.kengine.protocol.wire.rest.CancelOrderV2Response;
import io.kengine.protocol.wire.rest.CreateOrderV2Request;
import io.kengine.protocol.wire.rest.CreateOrderV2Response;
import io.kengine.protocol.wire.rest.DecreaseOrderV2Request;
import io.kengine.protocol.wire.rest.DecreaseOrderV2Response;
import io.kengine.protocol.wire.rest.EventData;
import io.kengine.protocol.wire.rest.ExchangeStatus;
import io.kengine.protocol.wire.rest.GetBalanceResponse;
import io.kengine.protocol.wire.rest.GetEventResponse;
import io.kengine.protocol.wire.rest.GetEventsResponse;
import io.kengine.protocol.wire.rest.GetFillsResponse;
import io.kengine.protocol.wire.rest.GetMarketResponse;
import io.kengine.protocol.wire.rest.GetMarketsResponse;
import io.kengine.protocol.wire.rest.GetOrderResponse;
import io.kengine.protocol.wire.rest.GetOrdersResponse;
import io.kengine.protocol.wire.rest.GetPositionsResponse;
import io.kengine.protocol.wire.rest.GetSeriesListResponse;
import io.kengine.protocol.wire.rest.GetSeriesResponse;
import io.kengine.protocol.wire.rest.Market;
import io.kengine.protocol.wire.rest.MarketCodecs;
import io.kengine.protocol.wire.rest.OrderCodecs;
import io.kengine.protocol.wire.rest.OrderbookResponse;
import io.kengine.protocol.wire.rest.PortfolioCodecs;
import io.kengine.protocol.wire.rest.PortfolioEventPosition;
import io.kengine.protocol.wire.rest.PortfolioFill;
import io.kengine.protocol.wire.rest.PortfolioMarketPosition;
import io.kengine.protocol.wire.rest.Series;
import io.kengine.sim.exchange.AccountState;
import io.kengine.sim.exchange.AmendRequest;
import io.kengine.sim.exchange.BookSnapshot;
import io.kengine.sim.exchange.DecreaseRequest;
import io.kengine.sim.exchange.ExchangeError;
import io.kengine.sim.exchange.Fill;
import io.kengine.sim.exchange.FillFilter;
import io.kengine.sim.exchange.MarketState;
import io.kengine.sim.exchange.MarketStatus;
import io.kengine.sim.exchange.OrderFilter;
import io.kengine.sim.exchange.OrderRequest;
import io.kengine.sim.exchange.OrderResult;
import io.kengine.sim.exchange.OrderState;
import io.kengine.sim.exchange.OrderStatus;
import io.kengine.sim.exchange.Page;
import io.kengine.sim.exchange.PositionState;
import io.kengine.sim.exchange.ReduceResult;
import io.kengine.sim.exchange.Side;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The REST endpoints (reference §3), each a thin adapter: parse with the wire codecs, one call into
 * the exchange on the exchange thread, map the immutable result to wire records and write it with
 * the wire codecs on the request thread. Auth, rate limits and faults happen before (see
 * {@link SimServer}). Order calls answer the exchange's own errors ({@link ExchangeError}); a body
 * the wire readers refuse is 400 {@code invalid_parameters} naming the field.
 */
final class RestApi {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    private static final String BODY = RestApi.class.getName() + ".body";

    private final SimServer server;

    private RestApi(SimServer server) {
        this.server = server;
    }

    static void register(SimServer server) {
        new RestApi(server).routes();
    }

    private void routes() {
        RateLimiter.Bucket read = RateLimiter.Bucket.READ;
        RateLimiter.Bucket write = RateLimiter.Bucket.WRITE;
        SimServer.Cost one = ctx -> RateLimiter.COST_DEFAULT;

        server.route(KalshiEndpoint.GET_EXCHANGE_STATUS, read, one, this::exchangeStatus);
        server.route(KalshiEndpoint.GET_MARKETS, read, one, this::markets);
        server.route(KalshiEndpoint.GET_MARKET, read, one, this::market);
        server.route(KalshiEndpoint.GET_ORDERBOOK, read, one, this::orderbook);
        server.route(KalshiEndpoint.GET_EVENTS, read, one, this::events);
        server.route(KalshiEndpoint.GET_EVENT, read, one, this::event);
        server.route(KalshiEndpoint.GET_SERIES_LIST, read, one, this::seriesList);
        server.route(KalshiEndpoint.GET_SERIES, read, one, this::series);

        server.route(KalshiEndpoint.GET_BALANCE, read, one, this::balance);
        server.route(KalshiEndpoint.GET_POSITIONS, read, one, this::positions);
        server.route(KalshiEndpoint.GET_ORDERS, read, one, this::orders);
        server.route(KalshiEndpoint.GET_ORDER, read, one, this::order);
        server.route(KalshiEndpoint.GET_FILLS, read, one, this::fills);

        // the literal .../batched paths before .../{order_id}: the first matching route wins
        server.route(KalshiEndpoint.BATCH_CREATE_ORDERS_V2, write,
                ctx -> RateLimiter.COST_DEFAULT * body(ctx, OrderCodecs.BATCH_CREATE_ORDERS_V2_REQUEST).orders().size(),
                true, this::batchCreate);
        server.route(KalshiEndpoint.BATCH_CANCEL_ORDERS_V2, write,
                ctx -> RateLimiter.COST_CANCEL * body(ctx, OrderCodecs.BATCH_CANCEL_ORDERS_V2_REQUEST).orders().size(),
                true, this::batchCancel);
        server.route(KalshiEndpoint.CREATE_ORDER_V2, write, one, true, this::create);
        server.route(KalshiEndpoint.AMEND_ORDER_V2, write, one, true, this::amend);
        server.route(KalshiEndpoint.DECREASE_ORDER_V2, write, one, true, this::decrease);
        server.route(KalshiEndpoint.CANCEL_ORDER_V2, write, ctx -> RateLimiter.COST_CANCEL, true, this::cancel);
    }

    // ================================================================ market data

    private void exchangeStatus(Context ctx, ApiKey key) throws Exception {
        boolean[] s = server.exchange(ex -> new boolean[] {ex.exchangeActive(), ex.tradingActive()});
        ok(ctx, 200, MarketCodecs.EXCHANGE_STATUS, new ExchangeStatus(s[0], s[1], null, Wire.ABSENT));
    }

    private void markets(Context ctx, ApiKey key) throws Exception {
        int limit = limit(ctx);
        String after = decodeCursor(ctx.queryParam("cursor"));
        String event = ctx.queryParam("event_ticker");
        String series = ctx.queryParam("series_ticker");
        Set<String> statuses = csv(ctx.queryParam("status"));
        for (String st : statuses) {
            if (!List.of("unopened", "open", "paused", "closed", "settled").contains(st)) {
                throw new BadRequest("status " + st + " is not one of unopened, open, paused, closed, settled");
            }
        }
        Set<String> tickers = csv(ctx.queryParam("tickers"));
        List<MarketState> all = server.exchange(ex -> ex.markets());
        List<Market> page = new ArrayList<>();
        String next = "";
        for (MarketState m : all) { // by ticker
            if ((after != null && m.ticker().compareTo(after) <= 0)
                    || (event != null && !event.equals(m.eventTicker()))
                    || (series != null && !series.equals(m.seriesTicker()))
                    || (!statuses.isEmpty() && !statuses.contains(m.status().filterName()))
                    || (!tickers.isEmpty() && !tickers.contains(m.ticker()))) {
                continue;
            }
            if (page.size() == limit) {
                next = encodeCursor(page.get(page.size() - 1).ticker());
                break;
            }
            page.add(WireMapping.market(m));
        }
        ok(ctx, 200, MarketCodecs.GET_MARKETS_RESPONSE, new GetMarketsResponse(page, next));
    }

    private void market(Context ctx, ApiKey key) throws Exception {
        String ticker = ctx.pathParam("ticker");
        Optional<MarketState> m = server.exchange(ex -> ex.findMarket(ticker));
        if (m.isEmpty()) {
            fail(ctx, RestError.of(ExchangeError.MARKET_NOT_FOUND));
            return;
        }
        ok(ctx, 200, MarketCodecs.GET_MARKET_RESPONSE, new GetMarketResponse(WireMapping.market(m.get())));
    }

    private void orderbook(Context ctx, ApiKey key) throws Exception {
        String ticker = ctx.pathParam("ticker");
        int depth = intParam(ctx, "depth", 0, Integer.MIN_VALUE, 100);
        Optional<BookSnapshot> book = server.exchange(ex -> ex.book(ticker, depth));
        if (book.isEmpty()) {
            fail(ctx, RestError.of(ExchangeError.MARKET_NOT_FOUND));
            return;
        }
        ok(ctx, 200, MarketCodecs.ORDERBOOK_RESPONSE,
                new OrderbookResponse(WireMapping.levels(book.get().yes()), WireMapping.levels(book.get().no())));
    }

    private void events(Context ctx, ApiKey key) throws Exception {
        int limit = intParam(ctx, "limit", DEFAULT_LIMIT, 1, 200);
        String after = decodeCursor(ctx.queryParam("cursor"));
        String series = emptyToNull(ctx.queryParam("series_ticker"));
        Set<String> statuses = csv(ctx.queryParam("status"));
        boolean nested = Boolean.parseBoolean(ctx.queryParam("with_nested_markets"));
        Map<String, List<MarketState>> byEvent = byEvent(server.exchange(ex -> ex.markets()));
        List<EventData> page = new ArrayList<>();
        String next = "";
        for (Map.Entry<String, List<MarketState>> e : byEvent.entrySet()) {
            MarketState first = e.getValue().get(0);
            if ((after != null && e.getKey().compareTo(after) <= 0)
                    || (series != null && !series.equals(first.seriesTicker()))
                    || (!statuses.isEmpty() && e.getValue().stream().noneMatch(m -> statuses.contains(m.status().filterName())))) {
                continue;
            }
            if (page.size() == limit) {
                next = encodeCursor(page.get(page.size() - 1).eventTicker());
                break;
            }
            page.add(eventData(e.getKey(), e.getValue(), nested));
        }
        ok(ctx, 200, MarketCodecs.GET_EVENTS_RESPONSE, new GetEventsResponse(page, next));
    }

    private void event(Context ctx, ApiKey key) throws Exception {
        String eventTicker = ctx.pathParam("event_ticker");
        List<MarketState> in = byEvent(server.exchange(ex -> ex.markets())).get(eventTicker);
        if (in == null) {
            fail(ctx, RestError.notFound("event " + eventTicker));
            return;
        }
        boolean nested = Boolean.parseBoolean(ctx.queryParam("with_nested_markets"));
        ok(ctx, 200, MarketCodecs.GET_EVENT_RESPONSE, new GetEventResponse(eventData(eventTicker, in, nested), markets(in)));
    }

    private static Map<String, List<MarketState>> byEvent(List<MarketState> markets) {
        Map<String, List<MarketState>> out = new TreeMap<>();
        for (MarketState m : markets) {
            out.computeIfAbsent(m.eventTicker(), k -> new ArrayList<>()).add(m);
        }
        return out;
    }

    private static List<Market> markets(List<MarketState> in) {
        List<Market> out = new ArrayList<>(in.size());
        for (MarketState m : in) {
            out.add(WireMapping.market(m));
        }
        return out;
    }

    private static EventData eventData(String eventTicker, List<MarketState> markets, boolean nested) {
        return new EventData(eventTicker, markets.get(0).seriesTicker(), eventTicker, "", "", false, Wire.ABSENT, null,
                nested ? markets(markets) : null, null, null, null);
    }

    private void seriesList(Context ctx, ApiKey key) throws Exception {
        Map<String, List<MarketState>> bySeries = new TreeMap<>();
        for (MarketState m : server.exchange(ex -> ex.markets())) {
            bySeries.computeIfAbsent(m.seriesTicker(), k -> new ArrayList<>()).add(m);
        }
        List<Series> out = new ArrayList<>();
        bySeries.forEach((ticker, ms) -> out.add(series(ticker, ms)));
        ok(ctx, 200, MarketCodecs.GET_SERIES_LIST_RESPONSE, new GetSeriesListResponse(out));
    }

    private void series(Context ctx, ApiKey key) throws Exception {
        String seriesTicker = ctx.pathParam("series_ticker");
        List<MarketState> in = new ArrayList<>();
        for (MarketState m : server.exchange(ex -> ex.markets())) {
            if (m.seriesTicker().equals(seriesTicker)) {
                in.add(m);
            }
        }
        if (in.isEmpty()) {
            fail(ctx, RestError.notFound("series " + seriesTicker));
            return;
        }
        ok(ctx, 200, MarketCodecs.GET_SERIES_RESPONSE, new GetSeriesResponse(series(seriesTicker, in)));
    }

    /** A series as far as the simulator knows one: its markets' fee model and volume. */
    private static Series series(String seriesTicker, List<MarketState> markets) {
        MarketState first = markets.get(0);
        long volume = 0;
        for (MarketState m : markets) {
            volume += m.volume();
        }
        BigDecimal multiplier = BigDecimal.valueOf(first.fees().multiplierPpm(), 6).stripTrailingZeros();
        return new Series(seriesTicker, "custom", seriesTicker, "", List.of(), List.of(), "", "",
                first.fees().type().wireName(), multiplier, List.of(), volume, null);
    }

    // ================================================================ portfolio

    private void balance(Context ctx, ApiKey key) throws Exception {
        Object[] r = server.exchange(ex -> new Object[] {ex.accountState(key.account()), ex.positions(key.account()),
                ex.markets(), ex.now()});
        AccountState a = (AccountState) r[0];
        @SuppressWarnings("unchecked")
        List<PositionState> positions = (List<PositionState>) r[1];
        @SuppressWarnings("unchecked")
        List<MarketState> markets = (List<MarketState>) r[2];
        Map<String, MarketState> byTicker = new LinkedHashMap<>();
        for (MarketState m : markets) {
            byTicker.put(m.ticker(), m);
        }
        long value = 0; // positions marked at the last trade (at cost when the market never traded)
        for (PositionState p : positions) {
            MarketState m = byTicker.get(p.ticker());
            if (p.position() == 0 || m == null) {
                continue;
            }
            if (m.lastPrice() == MarketState.NO_PRICE) {
                value += WireMapping.money(p.costMicros());
            } else {
                long yes = m.lastPrice();
                long leg = p.position() > 0 ? yes : FixedPoint.PRICE_ONE - yes;
                value += Math.abs(p.position()) * leg / FixedPoint.COUNT_ONE;
            }
        }
        long balance = WireMapping.money(a.availableMicros());
        ok(ctx, 200, PortfolioCodecs.GET_BALANCE_RESPONSE,
                new GetBalanceResponse(balance, value, (long) r[3] / 1000, null));
    }

    private void positions(Context ctx, ApiKey key) throws Exception {
        int limit = limit(ctx);
        String after = decodeCursor(ctx.queryParam("cursor"));
        String ticker = ctx.queryParam("ticker");
        Set<String> events = csv(ctx.queryParam("event_ticker"));
        Set<String> countFilter = csv(ctx.queryParam("count_filter"));
        Object[] r = server.exchange(ex -> new Object[] {ex.positions(key.account()), ex.markets()});
        @SuppressWarnings("unchecked")
        List<PositionState> all = (List<PositionState>) r[0];
        @SuppressWarnings("unchecked")
        List<MarketState> markets = (List<MarketState>) r[1];
        Map<String, MarketState> byTicker = new LinkedHashMap<>();
        for (MarketState m : markets) {
            byTicker.put(m.ticker(), m);
        }
        List<PortfolioMarketPosition> page = new ArrayList<>();
        Map<String, long[]> byEvent = new LinkedHashMap<>();
        String next = "";
        for (PositionState p : all) { // by ticker
            MarketState m = byTicker.get(p.ticker());
            if (m == null || m.status() == MarketStatus.SETTLED
                    || (ticker != null && !ticker.equals(p.ticker()))
                    || (!events.isEmpty() && !events.contains(m.eventTicker()))
                    || (countFilter.contains("position") && p.position() == 0)
                    || (countFilter.contains("total_traded") && p.volume() == 0)
                    || (countFilter.isEmpty() && p.position() == 0 && p.volume() == 0)) {
                continue;
            }
            if (after != null && p.ticker().compareTo(after) <= 0) {
                continue;
            }
            if (page.size() == limit) {
                next = encodeCursor(page.get(page.size() - 1).ticker());
                break;
            }
            page.add(WireMapping.position(p));
            long[] e = byEvent.computeIfAbsent(m.eventTicker(), k -> new long[5]);
            e[0] += WireMapping.money(p.costMicros());
            e[1] += Math.abs(p.position());
            e[2] += WireMapping.money(p.costMicros());
            e[3] += WireMapping.money(p.realizedPnlMicros());
            e[4] += WireMapping.fee(p.feesPaidMicros());
        }
        List<PortfolioEventPosition> eventPositions = new ArrayList<>();
        byEvent.forEach((ev, e) -> eventPositions.add(new PortfolioEventPosition(ev, e[0], e[1], e[2], e[3], e[4])));
        ok(ctx, 200, PortfolioCodecs.GET_POSITIONS_RESPONSE, new GetPositionsResponse(page, eventPositions, next));
    }

    private void orders(Context ctx, ApiKey key) throws Exception {
        int limit = limit(ctx);
        String cursor = emptyToNull(ctx.queryParam("cursor"));
        Set<String> events = csv(ctx.queryParam("event_ticker"));
        if (events.size() > 1) {
            throw new BadRequest("the simulator filters on one event_ticker at a time");
        }
        String status = ctx.queryParam("status");
        OrderStatus st = status == null || status.isEmpty() ? null : OrderStatus.fromWire(status);
        if (status != null && !status.isEmpty() && st == null) {
            throw new BadRequest("status " + status + " is not one of resting, canceled, executed");
        }
        OrderFilter filter = new OrderFilter(emptyToNull(ctx.queryParam("ticker")),
                events.isEmpty() ? null : events.iterator().next(), st,
                secondsParamAsMs(ctx, "min_ts"), secondsParamAsMs(ctx, "max_ts"));
        Page<OrderState> page = server.exchange(ex -> ex.orders(key.account(), filter, cursor, limit));
        List<io.kengine.protocol.wire.rest.Order> out = new ArrayList<>(page.items().size());
        for (OrderState o : page.items()) {
            out.add(WireMapping.order(o));
        }
        ok(ctx, 200, PortfolioCodecs.GET_ORDERS_RESPONSE, new GetOrdersResponse(out, page.cursor() == null ? "" : page.cursor()));
    }

    private void order(Context ctx, ApiKey key) throws Exception {
        String id = ctx.pathParam("order_id");
        Optional<OrderState> o = server.exchange(ex -> ex.order(key.account(), id));
        if (o.isEmpty()) {
            fail(ctx, RestError.of(ExchangeError.ORDER_NOT_FOUND));
            return;
        }
        ok(ctx, 200, PortfolioCodecs.GET_ORDER_RESPONSE, new GetOrderResponse(WireMapping.order(o.get())));
    }

    private void fills(Context ctx, ApiKey key) throws Exception {
        int limit = limit(ctx);
        String cursor = emptyToNull(ctx.queryParam("cursor"));
        FillFilter filter = new FillFilter(emptyToNull(ctx.queryParam("ticker")), emptyToNull(ctx.queryParam("order_id")),
                secondsParamAsMs(ctx, "min_ts"), secondsParamAsMs(ctx, "max_ts"));
        Page<Fill> page = server.exchange(ex -> ex.fills(key.account(), filter, cursor, limit));
        List<PortfolioFill> out = new ArrayList<>(page.items().size());
        for (Fill f : page.items()) {
            out.add(WireMapping.fill(f));
        }
        ok(ctx, 200, PortfolioCodecs.GET_FILLS_RESPONSE, new GetFillsResponse(out, page.cursor() == null ? "" : page.cursor()));
    }

    // ================================================================ V2 orders

    private void create(Context ctx, ApiKey key) throws Exception {
        OrderRequest req = orderRequest(body(ctx, OrderCodecs.CREATE_ORDER_V2_REQUEST));
        long now = server.now();
        OrderResult r = server.exchange(ex -> ex.createOrder(key.account(), req, now));
        if (!r.ok()) {
            fail(ctx, RestError.of(r.error()));
            return;
        }
        ok(ctx, 201, OrderCodecs.CREATE_ORDER_V2_RESPONSE, new CreateOrderV2Response(r.orderId(),
                r.order().clientOrderId(), r.fillCount(), r.remainingCount(),
                WireMapping.average(r.fillNotionalMicros(), r.fillCount()),
                WireMapping.average(r.feesMicros(), r.fillCount()), r.tsMs()));
    }

    private void batchCreate(Context ctx, ApiKey key) throws Exception {
        List<CreateOrderV2Request> items = body(ctx, OrderCodecs.BATCH_CREATE_ORDERS_V2_REQUEST).orders();
        if (items.isEmpty()) {
            throw new BadRequest("orders must not be empty");
        }
        List<OrderRequest> reqs = new ArrayList<>(items.size());
        for (CreateOrderV2Request item : items) {
            reqs.add(orderRequest(item));
        }
        long now = server.now();
        List<OrderResult> results = server.exchange(ex -> ex.batchCreate(key.account(), reqs, now));
        List<BatchCreateOrderResult> out = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            OrderResult r = results.get(i);
            if (r.ok()) {
                out.add(new BatchCreateOrderResult(r.orderId(), r.order().clientOrderId(), r.fillCount(),
                        r.remainingCount(), WireMapping.average(r.fillNotionalMicros(), r.fillCount()),
                        WireMapping.average(r.feesMicros(), r.fillCount()), r.tsMs(), null));
            } else {
                out.add(new BatchCreateOrderResult(null, reqs.get(i).clientOrderId(), Wire.ABSENT, Wire.ABSENT, null,
                        null, r.tsMs(), RestError.of(r.error()).apiError()));
            }
        }
        ok(ctx, 201, OrderCodecs.BATCH_CREATE_ORDERS_V2_RESPONSE, new BatchCreateOrdersV2Response(out));
    }

    private void amend(Context ctx, ApiKey key) throws Exception {
        String id = ctx.pathParam("order_id");
        AmendOrderV2Request b = body(ctx, OrderCodecs.AMEND_ORDER_V2_REQUEST);
        AmendRequest req = new AmendRequest(b.ticker(), side(b.side()), b.price(), b.count(), b.clientOrderId(),
                b.updatedClientOrderId());
        long now = server.now();
        OrderResult r = server.exchange(ex -> ex.amendOrder(key.account(), id, req, now));
        if (!r.ok()) {
            fail(ctx, RestError.of(r.error()));
            return;
        }
        boolean crossed = r.fillCount() > 0;
        ok(ctx, 200, OrderCodecs.AMEND_ORDER_V2_RESPONSE, new AmendOrderV2Response(r.orderId(),
                r.order().clientOrderId(), r.remainingCount(), crossed ? r.fillCount() : Wire.ABSENT,
                WireMapping.average(r.fillNotionalMicros(), r.fillCount()),
                WireMapping.average(r.feesMicros(), r.fillCount()), r.tsMs()));
    }

    private void decrease(Context ctx, ApiKey key) throws Exception {
        String id = ctx.pathParam("order_id");
        DecreaseOrderV2Request b = body(ctx, OrderCodecs.DECREASE_ORDER_V2_REQUEST);
        DecreaseRequest req = new DecreaseRequest(b.reduceBy() == Wire.ABSENT ? DecreaseRequest.ABSENT : b.reduceBy(),
                b.reduceTo() == Wire.ABSENT ? DecreaseRequest.ABSENT : b.reduceTo());
        long now = server.now();
        ReduceResult r = server.exchange(ex -> ex.decreaseOrder(key.account(), id, req, now));
        if (!r.ok()) {
            fail(ctx, RestError.of(r.error()));
            return;
        }
        ok(ctx, 200, OrderCodecs.DECREASE_ORDER_V2_RESPONSE,
                new DecreaseOrderV2Response(r.order().orderId(), r.order().clientOrderId(), r.remainingCount(), r.tsMs()));
    }

    private void cancel(Context ctx, ApiKey key) throws Exception {
        String id = ctx.pathParam("order_id");
        long now = server.now();
        ReduceResult r = server.exchange(ex -> ex.cancelOrder(key.account(), id, now));
        if (!r.ok()) {
            fail(ctx, RestError.of(r.error()));
            return;
        }
        ok(ctx, 200, OrderCodecs.CANCEL_ORDER_V2_RESPONSE,
                new CancelOrderV2Response(r.order().orderId(), r.order().clientOrderId(), r.reducedBy(), r.tsMs()));
    }

    private void batchCancel(Context ctx, ApiKey key) throws Exception {
        List<BatchCancelOrder> items = body(ctx, OrderCodecs.BATCH_CANCEL_ORDERS_V2_REQUEST).orders();
        if (items.isEmpty()) {
            throw new BadRequest("orders must not be empty");
        }
        List<String> ids = new ArrayList<>(items.size());
        for (BatchCancelOrder item : items) {
            ids.add(item.orderId());
        }
        long now = server.now();
        List<ReduceResult> results = server.exchange(ex -> ex.batchCancel(key.account(), ids, now));
        List<BatchCancelOrderResult> out = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            ReduceResult r = results.get(i);
            if (r.ok()) {
                out.add(new BatchCancelOrderResult(ids.get(i), r.order().clientOrderId(), r.reducedBy(), r.tsMs(), null));
            } else {
                out.add(new BatchCancelOrderResult(ids.get(i), null, Wire.ABSENT, r.tsMs(), RestError.of(r.error()).apiError()));
            }
        }
        ok(ctx, 200, OrderCodecs.BATCH_CANCEL_ORDERS_V2_RESPONSE, new BatchCancelOrdersV2Response(out));
    }

    private static OrderRequest orderRequest(CreateOrderV2Request b) {
        return new OrderRequest(b.ticker(), side(b.side()), b.price(), b.count(), WireMapping.tif(b.timeInForce()),
                WireMapping.stp(b.selfTradePrevention()), b.clientOrderId(),
                b.expirationTimeSec() == Wire.ABSENT ? OrderRequest.NO_EXPIRATION : b.expirationTimeSec(),
                Boolean.TRUE.equals(b.postOnly()), Boolean.TRUE.equals(b.reduceOnly()),
                Boolean.TRUE.equals(b.cancelOrderOnPause()), b.orderGroupId());
    }

    private static Side side(io.kengine.protocol.wire.model.BookSide s) {
        return s == io.kengine.protocol.wire.model.BookSide.BID ? Side.BID : Side.ASK;
    }

    // ================================================================ plumbing

    /** A request the endpoint refuses before it reaches the exchange: 400 invalid_parameters. */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String details) {
            super(details, null, false, false);
        }
    }

    /** The parsed body (parsed once: the cost function may have read it already). */
    private static <T> T body(Context ctx, JsonCodec<T> codec) {
        Object cached = ctx.attribute(BODY);
        if (cached != null) {
            @SuppressWarnings("unchecked")
            T t = (T) cached;
            return t;
        }
        T t;
        try {
            t = codec.fromJson(ctx.bodyAsBytes());
        } catch (WireFormatException e) {
            throw new BadRequest(e.getMessage());
        }
        ctx.attribute(BODY, t);
        return t;
    }

    private static <T> void ok(Context ctx, int status, JsonCodec<T> codec, T value) {
        ctx.status(status).contentType("application/json").result(codec.toBytes(value));
    }

    private static void fail(Context ctx, RestError e) {
        SimServer.answer(ctx, e);
    }

    private static int limit(Context ctx) {
        return intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    }

    private static int intParam(Context ctx, String name, int dflt, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new BadRequest(name + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " is not an integer");
        }
    }

    /** Unix-seconds query parameter as ms, or NO_TIME. */
    private static long secondsParamAsMs(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) {
            return OrderFilter.NO_TIME;
        }
        try {
            return Math.multiplyExact(Long.parseLong(v), 1000L);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BadRequest(name + " is not a Unix timestamp in seconds");
        }
    }

    private static Set<String> csv(String v) {
        Set<String> out = new HashSet<>();
        if (v != null) {
            for (String s : v.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String encodeCursor(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("cursor is not one this server issued");
        }
    }
}
