package io.kengine.engine.cli;

import io.kengine.engine.simulator.Pem;
import io.kengine.engine.simulator.SimulatorVenue;
import io.kengine.sim.exchange.OrderFilter;
import io.kengine.sim.exchange.OrderState;
import io.kengine.sim.exchange.OrderStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code feed.source: kalshi} end to end: an exchange started apart from the engine (as {@code engine.jar sim}
 * would be, or Kalshi itself), named in the config only by its URLs, the key only by the two environment
 * variables. The engine resolves the markets over REST, reads the signed WebSocket, sends signed orders over
 * REST, and on stop leaves nothing resting; the journal replays identically.
 */
class KalshiSourceRunTest {

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static List<OrderState> engineOrders(SimulatorVenue venue) {
        return venue.simulator().server().exchange(ex -> ex.orders(SimulatorVenue.ACCOUNT, OrderFilter.ALL, null, 1000)).items();
    }

    private static String config(Path dir, String tickers, String restUrl, String wsUrl) {
        return config(dir, tickers, restUrl, wsUrl, "direct");
    }

    private static String config(Path dir, String tickers, String restUrl, String wsUrl, String webSocket) {
        return "engine:\n  runMode: paper\n  environment: sim\n"
            + "  journal:\n    dir: " + dir.resolve("journal") + "\n"
            + "  control:\n    port: 0\n    portFile: " + dir.resolve("engine.port") + "\n"
            + "  shutdown:\n    cancelTimeoutMs: 5000\n"
            + "feed:\n  source: kalshi\n  kalshi:\n    tickers: [" + tickers + "]\n"
            + "    restUrl: " + restUrl + "\n    wsUrl: " + wsUrl + "\n    webSocket: " + webSocket + "\n";
    }

    private static Path writeKey(Path dir, SimulatorVenue venue, String mode) throws Exception {
        Path key = dir.resolve("key-" + mode + ".pem");
        Files.writeString(key, Pem.encode("PRIVATE KEY", venue.privateKey().getEncoded()));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString(mode));
        return key;
    }

    @ParameterizedTest
    @ValueSource(strings = {"direct", "okhttp"})
    @Timeout(180)
    void theEngineTradesAnExchangeNamedOnlyByItsUrlsAndStopsWithNothingResting(String webSocket, @TempDir Path dir) throws Exception {
        try (SimulatorVenue venue = SimulatorVenue.start(0, 3, 11)) {
            List<String> tickers = venue.tickers().subList(0, 2); // the third market is not ours
            Path cfg = dir.resolve("kalshi.yaml");
            Files.writeString(cfg, config(dir, String.join(", ", tickers), venue.restBaseUrl(), venue.webSocketUrl(), webSocket));
            Map<String, String> env = Map.of("KALSHI_KEY_ID", SimulatorVenue.KEY_ID,
                "KALSHI_PRIVATE_KEY_PATH", writeKey(dir, venue, "rw-------").toString());
            Path portFile = dir.resolve("engine.port");
            ExecutorService runner = Executors.newSingleThreadExecutor();
            try {
                Future<Integer> run = runner.submit(() -> Main.execute(env, "run", "--config", cfg.toString(), "--quiet"));
                await(() -> engineOrders(venue).size() >= 4 || run.isDone(), "the engine's orders at the exchange");
                assertFalse(run.isDone(), "the run ended early");
                for (OrderState o : engineOrders(venue)) {
                    assertTrue(tickers.contains(o.ticker()), "an order in a market the config did not name: " + o.ticker());
                }
                await(() -> Files.exists(portFile), "the port file");
                assertEquals(ExitCodes.OK, Main.execute("stop", "--port-file", portFile.toString()));
                assertEquals(ExitCodes.OK, run.get(60, TimeUnit.SECONDS));
            } finally {
                runner.shutdownNow();
            }
            List<OrderState> resting = engineOrders(venue).stream().filter(o -> o.status() == OrderStatus.RESTING).toList();
            assertEquals(List.of(), resting, "orders left resting after the stop");
        }
        assertEquals(ExitCodes.OK, Main.execute("replay", dir.resolve("journal").toString()));
    }

    @Test
    void missingOrUnsafeCredentialsAreNamedAndNothingStarts(@TempDir Path dir) throws Exception {
        try (SimulatorVenue venue = SimulatorVenue.start(0, 1, 3)) {
            Path cfg = dir.resolve("kalshi.yaml");
            Files.writeString(cfg, config(dir, venue.tickers().get(0), venue.restBaseUrl(), venue.webSocketUrl()));
            String err = errors(Map.of(), cfg);
            assertTrue(err.contains("KALSHI_KEY_ID: not set (the API key id for simulator)"), err);
            assertTrue(err.contains("KALSHI_PRIVATE_KEY_PATH: not set"), err);

            Path open = writeKey(dir, venue, "rw-r--r--");
            err = errors(Map.of("KALSHI_KEY_ID", SimulatorVenue.KEY_ID, "KALSHI_PRIVATE_KEY_PATH", open.toString()), cfg);
            assertTrue(err.contains("is accessible by group or others (rw-r--r--); restrict it with: chmod 600"), err);
            assertFalse(err.contains("PRIVATE KEY"), "key material in an error: " + err);

            err = errors(Map.of("KALSHI_KEY_ID", SimulatorVenue.KEY_ID, "KALSHI_PRIVATE_KEY_PATH",
                dir.resolve("none.pem").toString()), cfg);
            assertTrue(err.contains("KALSHI_PRIVATE_KEY_PATH: no such file"), err);
            assertTrue(engineOrders(venue).isEmpty());
        }
    }

    private static String errors(Map<String, String> env, Path cfg) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(ExitCodes.CONFIG, Main.execute(env, "run", "--config", cfg.toString(), "--duration", "1s", "--quiet"));
        } finally {
            System.setErr(oldErr);
        }
        return err.toString(StandardCharsets.UTF_8);
    }
}
