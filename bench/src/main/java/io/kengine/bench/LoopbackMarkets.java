package io.kengine.bench;

import io.kengine.protocol.units.FixedPoint;
import io.kengine.protocol.units.TickGrid;
import io.kengine.sim.exchange.FeeSchedule;
import io.kengine.sim.exchange.MarketSpec;
import io.kengine.sim.exchange.OrderRequest;
import io.kengine.sim.exchange.Side;
import io.kengine.sim.server.FillDeltaOwner;
import io.kengine.sim.server.SimServer;
import io.kengine.sim.server.SimServerConfig;

/**
 * The simulator side of the loopback harness, the same whether it runs in the engine's JVM or in a
 * child JVM ({@link SimLoopbackProcess}): a {@link SimServer} on loopback (rate limits off) with
 * {@code markets} cent-grid markets of ten levels a side, one registered key, and {@link #step}, which
 * makes the exchange emit exactly one {@code orderbook_delta}: a maker order of 10 at 0.42 placed, then
 * canceled, market by market (the book moves like {@link TickFrames}'). Steps come from one thread.
 */
final class LoopbackMarkets implements AutoCloseable {
    static final String KEY_ID = "bench";
    /** The engine's own key and account (the {@code +rest} paths trade with it; the maker's orders move the books). */
    static final String ENGINE_KEY_ID = "bench-engine";
    private static final String ACCOUNT = "maker";
    private static final String ENGINE_ACCOUNT = "engine";

    private final SimServer server;
    private final String[] tickers;
    private final String[] resting;
    private long next;

    LoopbackMarkets(int markets, String publicKeyPem) {
        this.tickers = new String[markets];
        this.resting = new String[markets];
        // -Dbench.fillDeltaOwner=maker|taker|none: whose id a trade's delta carries (Kalshi's choice is unconfirmed)
        this.server = new SimServer(SimServerConfig.builder().port(0).rateLimits(false)
            .fillDeltaOwner(FillDeltaOwner.parse(System.getProperty("bench.fillDeltaOwner", "maker"))).build()).start();
        server.registerKey(KEY_ID, ACCOUNT, publicKeyPem);
        server.registerKey(ENGINE_KEY_ID, ENGINE_ACCOUNT, publicKeyPem);
        server.exchange(ex -> {
            long now = server.now();
            ex.deposit(ACCOUNT, FixedPoint.parseMoney("100000000"));
            ex.deposit(ENGINE_ACCOUNT, FixedPoint.parseMoney("100000000"));
            for (int m = 0; m < markets; m++) {
                tickers[m] = ticker(m);
                ex.addMarket(new MarketSpec(tickers[m], "KXLOOP-26DEC31", "KXLOOP", TickGrid.uniform(FixedPoint.CENT), 0,
                    now + 365L * 24 * 3600 * 1000, FeeSchedule.QUADRATIC), now);
                for (int level = 0; level < 10; level++) {
                    ex.createOrder(ACCOUNT, OrderRequest.of(tickers[m], Side.BID, 4_000 - 100 * level, 5_000), now);
                    ex.createOrder(ACCOUNT, OrderRequest.of(tickers[m], Side.ASK, 5_000 + 100 * level, 5_000), now);
                }
            }
            return null;
        });
    }

    static String ticker(int market) {
        return "KXLOOP-26DEC31-M" + market;
    }

    int port() {
        return server.port();
    }

    /** One order call on the exchange, hence one {@code orderbook_delta} on the WebSocket. */
    void step() {
        steps(1);
    }

    /**
     * {@code count} order calls in one exchange call (one hand-over to the exchange's thread): a process
     * that fell behind catches up in a batch instead of paying a hand-over per order.
     */
    void steps(int count) {
        server.exchange(ex -> {
            long now = server.now();
            for (int i = 0; i < count; i++) {
                int m = (int) (next % tickers.length);
                boolean add = (next / tickers.length) % 2 == 0;
                next++;
                if (add) {
                    resting[m] = ex.createOrder(ACCOUNT, OrderRequest.of(tickers[m], Side.BID, 4_200, 1_000), now).orderId();
                } else if (resting[m] != null) {
                    ex.cancelOrder(ACCOUNT, resting[m], now);
                    resting[m] = null;
                }
            }
            return null;
        });
    }

    @Override
    public void close() {
        server.close();
    }
}
