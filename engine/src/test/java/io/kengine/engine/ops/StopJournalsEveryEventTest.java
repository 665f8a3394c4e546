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
import io.kengine.gateway.rest.RateTier;
import io.kengine.gateway.rest.Reconciler;
import io.kengine.gateway.rest.SenderConfig;
import io.kengine.journal.JournalFormat;
import io.kengine.journal.JournalReader;
import io.kengine.protocol.event.EventHeader;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.kengine.engine.ops.WebhookAlertsTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stop loses no inbound event: whatever reached the inbound ring is in the journal when the engine has
 * closed, including what the venue publishes on its own (reconciliation rounds, here every 20 ms so that rounds
 * are under way when the stop begins).
 */
class StopJournalsEveryEventTest {
    @Test
    @Timeout(60)
    void everyEventPublishedBeforeTheEngineClosedIsJournaled(@TempDir Path dir) throws Exception {
        EngineConfig cfg = EngineConfigLoader.loadFromString("engine:\n  runMode: paper\n  environment: sim\n"
            + "  control:\n    portFile: " + dir.resolve("engine.port") + "\n", "sim.yaml", StrategyParameters.all());
        Path journal = dir.resolve("journal");
        EngineOptions options = new EngineOptions(StageMapping.SINGLE, "auto", 4096, 1024, journal, 5, "paper");
        SimulatorVenue sim = SimulatorVenue.start(0, 2, 7);
        SenderConfig sender = SenderConfig.builder().restBaseUrl(sim.restBaseUrl()).keyId(SimulatorVenue.KEY_ID)
            .privateKey(sim.privateKey()).tier(RateTier.BASIC).build();
        RestVenue orders = new RestVenue(sender, MarketTickers.of(sim.tickers()),
            new Reconciler.Settings(Duration.ofMillis(20), Duration.ofSeconds(3), Duration.ofSeconds(60)));
        TradingEngine engine = TradingEngine.start(options, runtime -> new SimulatorMarketSource(sim, 7, 50,
            runtime::newInboundPublisher), cfg.strategy().asMap().entrySet(), new SystemEpochNanoClock(), orders, sim);
        OpsRuntime ops = OpsRuntime.start(engine, options, cfg, null, StrategyParameters.all(), Map.of(), null);
        GracefulShutdown.Summary summary;
        try {
            await(() -> orders.reconciler().completedRounds() >= 10, "ten reconciliation rounds");
        } finally {
            summary = GracefulShutdown.run(engine, ops, 2_000, "test over", System.out);
        }
        assertTrue(summary.eventsIn() > 0);
        assertEquals(summary.eventsIn(), summary.journaledIn(), "events published on the inbound ring but not journaled");
        long onDisk = 0;
        UnsafeBuffer b = new UnsafeBuffer(new byte[EventHeader.MAX_EVENT_LENGTH]);
        try (JournalReader reader = JournalReader.open(journal, JournalFormat.IN)) {
            while (reader.next(b)) {
                onDisk++;
            }
        }
        assertEquals(summary.eventsIn(), onDisk, "journal-in on disk");
        assertEquals(0, engine.runtime().stageErrors().count());
    }
}
