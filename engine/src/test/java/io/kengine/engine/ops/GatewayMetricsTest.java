package io.kengine.engine.ops;

import io.kengine.config.EngineConfig;
import io.kengine.config.EngineConfigLoader;
import io.kengine.engine.EngineOptions;
import io.kengine.engine.RestVenue;
import io.kengine.engine.StrategyParameters;
import io.kengine.engine.TradingEngine;
import io.kengine.engine.ring.StageMapping;
import io.kengine.engine.simulator.SimulatorMarketSource;
import io.kengine.engine.simulator.SimulatorVenue;
import io.kengine.gateway.MarketTickers;
import io.kengine.gateway.rest.KalshiRestSender;
import io.kengine.gateway.rest.RateTier;
import io.kengine.gateway.rest.Reconciler;
import io.kengine.gateway.rest.SenderConfig;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.kengine.engine.ops.WebhookAlertsTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An engine whose orders go over REST (the embedded simulator, as the default run) exports the gateway's counters. */
class GatewayMetricsTest {
    private static final Pattern RECEIVE_TO_WIRE = Pattern.compile("(?m)^kengine_latency_seconds_count\\{path=\"receive_to_wire\"\\} (\\d+)$");
    private static final Pattern RECYCLES = Pattern.compile("(?m)^kengine_gateway_connection_recycles_total (\\d+)$");

    @Test
    @Timeout(60)
    void directConnectionRecyclesAreExportedFromARestVenue(@TempDir Path dir) throws Exception {
        EngineConfig cfg = EngineConfigLoader.loadFromString("engine:\n  runMode: paper\n  environment: sim\n"
            + "  control:\n    portFile: " + dir.resolve("engine.port") + "\n", "sim.yaml", StrategyParameters.all());
        EngineOptions options = new EngineOptions(StageMapping.FUSED, "blocking", 4096, 1024, dir.resolve("journal"), 5, "paper");
        SimulatorVenue sim = SimulatorVenue.start(0, 2, 99);
        // an idle direct connection is reopened after 50 ms, so recycles happen within the test
        SenderConfig sender = SenderConfig.builder().restBaseUrl(sim.restBaseUrl()).keyId(SimulatorVenue.KEY_ID)
            .privateKey(sim.privateKey()).tier(RateTier.BASIC).directConnections(1).directMaxIdle(Duration.ofMillis(50)).build();
        RestVenue orders = new RestVenue(sender, MarketTickers.of(sim.tickers()), Reconciler.Settings.DEFAULTS);
        TradingEngine engine = TradingEngine.start(options, runtime -> new SimulatorMarketSource(sim, 99, 50,
            runtime::newInboundPublisher), cfg.strategy().asMap().entrySet(), new SystemEpochNanoClock(), orders, sim);
        OpsRuntime ops = OpsRuntime.start(engine, options, cfg, null, StrategyParameters.all(), Map.of(), null);
        try {
            KalshiRestSender rest = orders.restSender();
            await(() -> rest.directRecycles() >= 2, "two idle recycles");
            long before = rest.directRecycles();
            String metrics = new ControlClient(ops.controlPort()).get("/metrics", Map.of()).body();
            long after = rest.directRecycles();
            Matcher m = RECYCLES.matcher(metrics);
            assertTrue(m.find(), metrics);
            long exported = Long.parseLong(m.group(1));
            assertTrue(exported >= before && exported <= after, exported + " outside [" + before + ", " + after + "]");
            assertTrue(metrics.contains("# TYPE kengine_gateway_connection_recycles_total counter"), metrics);
            // every order request written to the simulator's socket is timed from the frame that caused it
            Matcher wire = RECEIVE_TO_WIRE.matcher(metrics);
            assertTrue(wire.find(), metrics);
            assertTrue(Long.parseLong(wire.group(1)) > 0, "no receive-to-wire sample although orders were sent: " + metrics);
            assertTrue(Long.parseLong(wire.group(1)) <= rest.requests(), "more samples than requests written: " + metrics);
        } finally {
            GracefulShutdown.run(engine, ops, 1_000, "test over", System.out);
        }
        assertEquals(0, engine.runtime().stageErrors().count());
    }
}
