package io.kengine.engine.simulator;

import io.kengine.protocol.units.TickGrid;
import io.kengine.sim.exchange.FeeSchedule;
import io.kengine.sim.exchange.MarketSpec;
import io.kengine.sim.flow.FlowConfig;
import io.kengine.sim.flow.FlowDriver;
import io.kengine.sim.flow.FlowMarket;
import io.kengine.sim.server.FillDeltaOwner;
import io.kengine.sim.server.SimServer;
import io.kengine.sim.server.SimServerConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Kalshi-compatible simulator as a running service: the loopback REST/WebSocket server, a set of
 * cent-grid markets, and simulated participants stepped on the server's clock. Used by the
 * {@code sim} command; the engine's default run embeds it once the WebSocket feed and REST gateway land.
 */
public final class SimulatedExchange implements AutoCloseable {
    private static final long DAY_MS = 86_400_000L;
    private static final long FLOW_STEP_MS = 20;

    private final SimServer server;
    private final FlowDriver flow;
    private final List<String> tickers;
    private final ScheduledExecutorService stepper;

    private SimulatedExchange(SimServer server, FlowDriver flow, List<String> tickers, ScheduledExecutorService stepper) {
        this.server = server;
        this.flow = flow;
        this.tickers = tickers;
        this.stepper = stepper;
    }

    /** @param faultSpecs fault-injection specs as sim/README.md lists them, e.g. {@code skipSeq=1}, {@code failRest=503x2} */
    public static SimulatedExchange start(int port, int markets, long seed, String... faultSpecs) {
        return start(port, markets, seed, FillDeltaOwner.MAKER, faultSpecs);
    }

    /** @param fillDeltaOwner whose {@code client_order_id} a trade's {@code orderbook_delta} carries (see {@link FillDeltaOwner}) */
    public static SimulatedExchange start(int port, int markets, long seed, FillDeltaOwner fillDeltaOwner, String... faultSpecs) {
        SimServer server = new SimServer(SimServerConfig.builder().port(port).seed(seed).fillDeltaOwner(fillDeltaOwner)
            .faults(faultSpecs).build()).start();
        try {
            long now = server.now();
            List<String> tickers = new ArrayList<>();
            List<FlowMarket> flowMarkets = new ArrayList<>();
            for (int i = 0; i < markets; i++) {
                String ticker = "KXSIM-26DEC31-T" + i;
                tickers.add(ticker);
                flowMarkets.add(FlowMarket.of(ticker));
                server.exchange(ex -> ex.addMarket(new MarketSpec(ticker, "KXSIM-26DEC31", "KXSIM", TickGrid.uniform(100),
                    now - 1_000, now + DAY_MS, FeeSchedule.QUADRATIC), now));
            }
            FlowDriver flow = server.exchange(ex -> new FlowDriver(ex, seed, FlowConfig.defaults(), flowMarkets, now));
            ScheduledExecutorService stepper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sim-flow");
                t.setDaemon(true);
                return t;
            });
            // The flow runs on the exchange thread (server.exchange), so its calls and their WebSocket
            // messages are ordered with every client's calls.
            stepper.scheduleAtFixedRate(() -> server.exchange(ex -> {
                flow.step(server.now());
                return null;
            }), FLOW_STEP_MS, FLOW_STEP_MS, TimeUnit.MILLISECONDS);
            return new SimulatedExchange(server, flow, tickers, stepper);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public SimServer server() {
        return server;
    }

    public List<String> tickers() {
        return tickers;
    }

    public FlowDriver flow() {
        return flow;
    }

    @Override
    public void close() {
        stepper.shutdownNow();
        try {
            stepper.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
    }
}
