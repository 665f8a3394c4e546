package io.kengine.engine.ops;

import com.sun.net.httpserver.HttpServer;
import io.kengine.config.EngineConfig;
import io.kengine.config.EngineConfigLoader;
import io.kengine.engine.EngineOptions;
import io.kengine.engine.ScriptedFeedSettings;
import io.kengine.engine.StrategyParameters;
import io.kengine.engine.TradingEngine;
import io.kengine.engine.ring.StageMapping;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.kengine.engine.ops.WebhookAlertsTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator side around a real engine: metrics on their own port, webhook alerts, the graceful stop. */
class OpsRuntimeTest {
    @Test
    @Timeout(60)
    void metricsAlertsAndTheGracefulStopAroundARealEngine(@TempDir Path dir) throws Exception {
        List<String> posts = new CopyOnWriteArrayList<>();
        HttpServer hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        hook.createContext("/hook", x -> {
            try (x) {
                posts.add(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                x.sendResponseHeaders(204, -1);
            }
        });
        hook.start();
        try {
            EngineConfig cfg = EngineConfigLoader.loadFromString("engine:\n  runMode: paper\n  environment: sim\n"
                + "  control:\n    portFile: " + dir.resolve("engine.port") + "\n"
                + "  metrics:\n    port: 0\n"
                + "  alerts:\n    webhookUrl: http://127.0.0.1:" + hook.getAddress().getPort() + "/hook\n    minIntervalMs: 0\n",
                "ops.yaml", StrategyParameters.all());
            EngineOptions options = new EngineOptions(StageMapping.FUSED, "blocking", 4096, 1024, dir.resolve("journal"), 77, "paper");
            TradingEngine engine = TradingEngine.start(options, new ScriptedFeedSettings(2, 7, 5_000, 10, 0),
                cfg.strategy().asMap().entrySet(), new SystemEpochNanoClock());
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
            OpsRuntime ops = OpsRuntime.start(engine, options, cfg, null, StrategyParameters.all(), Map.of(), out);

            assertTrue(ops.metricsPort() > 0 && ops.metricsPort() != ops.controlPort());
            assertEquals(ops.controlPort(), PortFile.read(dir.resolve("engine.port")));
            await(() -> ops.status().snapshot().intentsOut() > 0, "the engine to trade");
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + ops.metricsPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.contains("kengine_intents_published_total "), metrics);
            assertTrue(metrics.contains("kengine_markets{state=\"trusted\"} 2"), metrics);
            assertTrue(metrics.contains("kengine_halted 0"), metrics);
            assertTrue(metrics.contains("\nkengine_pnl_dollars "), "risk's P&L is exported: " + metrics);
            assertEquals(404, new ControlClient(ops.controlPort()).get("/metrics", Map.of()).status());

            ops.commands().onPublished(r -> { }); // as the CLI would, but without the console noise
            new ControlClient(ops.controlPort()).post("/halt", Map.of("reason", "test"));
            await(() -> engine.stages().risk().halted(), "the risk stage to see the halt");

            GracefulShutdown.Summary summary = GracefulShutdown.run(engine, ops, 2_000, "test over", out);
            assertEquals(0, engine.runtime().stageErrors().count());
            assertTrue(summary.eventsIn() > 0 && summary.journaledIn() == summary.eventsIn(), summary.toText());
            assertTrue(posts.stream().anyMatch(p -> p.startsWith("{\"content\":\"[kengine paper/sim run 77] STOPPED: engine stopped (test over)")),
                posts.toString());
            assertFalse(Files.exists(dir.resolve("engine.port")));
            assertTrue(console.toString(StandardCharsets.UTF_8).contains("summary: "), console.toString(StandardCharsets.UTF_8));
        } finally {
            hook.stop(0);
        }
    }
}
