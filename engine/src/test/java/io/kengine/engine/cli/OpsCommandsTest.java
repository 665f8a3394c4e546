package io.kengine.engine.cli;

import io.kengine.engine.ops.ControlClient;
import io.kengine.engine.ops.LiveTradingGuard;
import io.kengine.engine.ops.PortFile;
import io.kengine.engine.simulator.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator commands end to end: a real engine run in this JVM, driven by the CLI through its control endpoint. */
class OpsCommandsTest {

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** Runs a command with System.out captured (only while no engine prints). */
    private static String output(Callable<Integer> run, int expectedExit) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            assertEquals(expectedExit, run.call());
        } finally {
            System.setOut(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String config(Path dir, String edge) {
        return "engine:\n  runMode: paper\n  environment: sim\n"
            + "  journal:\n    dir: " + dir.resolve("journal") + "\n"
            + "  statusIntervalMs: 200\n"
            + "  control:\n    port: 0\n    portFile: " + dir.resolve("engine.port") + "\n"
            + "  killSwitchFile: " + dir.resolve("kill") + "\n"
            + "  shutdown:\n    cancelTimeoutMs: 300\n"
            + "feed:\n  source: scripted\n  scripted:\n    markets: 2\n    eventsPerSecond: 2000\n"
            + "strategy:\n  pricing:\n    m0:\n      edge: \"" + edge + "\"\n";
    }

    private static String status(ControlClient c) {
        try {
            return c.get("/status", Map.of()).body();
        } catch (ControlClient.Unreachable e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @Timeout(120)
    void aRunningEngineIsHaltedResumedKilledReloadedAndStoppedFromTheCli(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("engine.yaml");
        Files.writeString(cfg, config(dir, "0.0200"));
        Path portFile = dir.resolve("engine.port");
        String pf = portFile.toString();
        assertEquals(ExitCodes.UNREACHABLE, Main.execute("status", "--port-file", pf), "no engine yet");

        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> run = runner.submit(() -> Main.execute(Map.of(), "run", "--config", cfg.toString(), "--quiet"));
            await(() -> Files.exists(portFile) || run.isDone(), "the port file");
            assertFalse(run.isDone(), "the run ended early");
            ControlClient client = new ControlClient(PortFile.read(portFile));
            await(() -> status(client).contains("\"connection\":\"scripted\""), "a status");

            assertEquals(ExitCodes.OK, Main.execute("status", "--port-file", pf));
            assertEquals(ExitCodes.OK, Main.execute("status", "--port-file", pf, "--format", "json"));
            assertEquals(ExitCodes.USAGE, Main.execute("status", "--port-file", pf, "--format", "xml"));

            assertEquals(ExitCodes.OK, Main.execute("halt", "--port-file", pf, "--reason", "e2e test"));
            await(() -> status(client).contains("\"halted\":true,\"haltReasons\":[\"operator: e2e test (by cli)\""), "the halt");
            assertEquals(ExitCodes.USAGE, Main.execute("halt", "--port-file", pf, "--market", "NO-SUCH-MARKET"));
            assertEquals(ExitCodes.OK, Main.execute("cancel-all", "--port-file", pf, "--market", "#1"));
            assertEquals(ExitCodes.OK, Main.execute("flatten", "--port-file", pf));
            assertEquals(ExitCodes.OK, Main.execute("resume", "--port-file", pf));
            await(() -> status(client).contains("\"halted\":false"), "the resume");

            Files.createFile(dir.resolve("kill"));
            await(() -> status(client).contains("kill switch: file"), "the kill switch");

            String metrics = client.get("/metrics", Map.of()).body();
            assertTrue(metrics.contains("kengine_operator_commands_total{command=\"halt\"} 2"), metrics);
            assertTrue(metrics.contains("# TYPE kengine_events_in_total counter"), metrics);

            Files.writeString(cfg, config(dir, "0.0300"));
            assertEquals(ExitCodes.OK, Main.execute("reload", "--port-file", pf));
            Files.writeString(cfg, config(dir, "0.0300").replace("edge: \"0.0300\"", "edge: \"lots\""));
            assertEquals(ExitCodes.CONFIG, Main.execute("reload", "--port-file", pf));

            assertEquals(ExitCodes.OK, Main.execute("stop", "--port-file", pf));
            assertEquals(ExitCodes.OK, run.get(60, TimeUnit.SECONDS));
        } finally {
            runner.shutdownNow();
        }
        assertFalse(Files.exists(portFile), "the port file is removed at stop");
        assertEquals(ExitCodes.UNREACHABLE, Main.execute("halt", "--port-file", pf));

        Path journal = dir.resolve("journal");
        assertEquals(ExitCodes.OK, Main.execute("replay", journal.toString()), "operator events replay identically");
        String commands = output(() -> Main.execute("journal", "dump", journal.toString(), "--type", "OperatorCommand"), ExitCodes.OK);
        assertTrue(commands.contains("e2e test"), commands);
        assertTrue(commands.contains("kill switch"), commands);
        assertTrue(commands.contains("shutdown: stop command"), commands);
        String changes = output(() -> Main.execute("journal", "dump", journal.toString(), "--type", "ConfigChange"), ExitCodes.OK);
        assertTrue(changes.contains("0.0300"), "the reload is journaled: " + changes);
    }

    @Test
    void checkConfigReportsEveryProblemWithItsKeyPath(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, "engine:\n  runMode: paper\n  environment: demo\n");
        String out = output(() -> Main.execute(Map.of(), "check-config", "--config", good.toString()), ExitCodes.OK);
        assertTrue(out.contains("paper on demo"), out);
        out = output(() -> Main.execute(Map.of("KENGINE_ENV", "sim"), "check-config", "--config", good.toString()), ExitCodes.OK);
        assertTrue(out.contains("paper on sim"), "KENGINE_ENV overrides the file: " + out);
        assertEquals(ExitCodes.CONFIG, Main.execute(Map.of("KENGINE_ENV", "production"), "check-config", "--config", good.toString()));

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "engine:\n  runMode: paper\n  environment: sim\n  control:\n    port: -1\n  shutdown:\n    cancelTimeoutMs: x\n");
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(ExitCodes.CONFIG, Main.execute("check-config", "--config", bad.toString()));
        } finally {
            System.setErr(oldErr);
        }
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("2 configuration errors"), e);
        assertTrue(e.contains("engine.control.port: -1 is out of range 0..65535"), e);
        assertTrue(e.contains("engine.shutdown.cancelTimeoutMs: expected an integer"), e);
        for (String example : new String[]{"demo-sim.yaml", "paper-on-kalshi-demo.yaml", "live.yaml"}) {
            assertEquals(ExitCodes.OK, Main.execute(Map.of(), "check-config", "--config", "../config/examples/" + example), example);
        }
    }

    @Test
    void liveTradingIsRefusedWithWhatIsMissing(@TempDir Path dir) throws Exception {
        Path live = dir.resolve("live.yaml");
        Files.writeString(live, "engine:\n  runMode: live\n  environment: prod\nfeed:\n  source: kalshi\n  kalshi:\n    tickers: [KXA]\n");
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(ExitCodes.CONFIG, Main.execute(Map.of(), "run", "--config", live.toString(), "--duration", "1s"));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("--live: missing on the command line"), err.toString());
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("KENGINE_LIVE_CONFIRM: not set"), err.toString());
            err.reset();
            Map<String, String> env = Map.of("KENGINE_LIVE_CONFIRM", LiveTradingGuard.CONFIRM_PHRASE,
                "KALSHI_KEY_ID", "id", "KALSHI_PRIVATE_KEY_PATH", "/nowhere.pem", "KENGINE_ENV", "demo");
            assertEquals(ExitCodes.CONFIG, Main.execute(env, "run", "--live", "--config", live.toString(), "--duration", "1s"));
            assertEquals("live trading refused; missing:\n  engine.environment: must be prod for live trading, is demo (set by KENGINE_ENV)\n",
                err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
            err.reset();
            Map<String, String> prod = Map.of("KENGINE_LIVE_CONFIRM", LiveTradingGuard.CONFIRM_PHRASE,
                "KALSHI_KEY_ID", "id", "KALSHI_PRIVATE_KEY_PATH", "/nowhere.pem");
            assertEquals(ExitCodes.CONFIG, Main.execute(prod, "run", "--live", "--config", live.toString(), "--feed", "simulator"));
            assertEquals("--feed simulator: live trading reads and trades Kalshi (feed.source: kalshi)\n",
                err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
            err.reset();
            assertEquals(ExitCodes.CONFIG, Main.execute(prod, "run", "--live", "--config", live.toString(), "--duration", "1s"));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("KALSHI_PRIVATE_KEY_PATH: no such file /nowhere.pem"), err.toString());
            err.reset();
            assertEquals(ExitCodes.CONFIG, Main.execute(Map.of(), "run", "--live", "--feed", "scripted", "--events", "10"));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("--live was given but engine.runMode is paper"), err.toString());
        } finally {
            System.setErr(oldErr);
        }
    }

    @Test
    void checkKeyReadsTheEnvironmentAndRefusesAnOpenKeyFile(@TempDir Path dir) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        Path key = dir.resolve("k.pem");
        Files.writeString(key, Pem.encode("PRIVATE KEY", g.generateKeyPair().getPrivate().getEncoded()));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Map<String, String> env = Map.of("KALSHI_KEY_ID", "0123456789abcdef", "KALSHI_PRIVATE_KEY_PATH", key.toString());
        String out = output(() -> Main.execute(env, "check-key"), ExitCodes.OK);
        assertTrue(out.contains("the key can sign Kalshi requests"), out);
        assertFalse(out.contains("0123456789abcdef"), out);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-rw-r--"));
        output(() -> Main.execute(env, "check-key"), ExitCodes.KEY);
        output(() -> Main.execute(Map.of(), "check-key"), ExitCodes.KEY);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        output(() -> Main.execute(Map.of(), "check-key", "--key-id", "x", "--key-file", key.toString()), ExitCodes.OK);
    }

    @Test
    void everyCommandHasHelp() throws Exception {
        for (String c : new String[]{"run", "sim", "replay", "status", "halt", "resume", "flatten", "cancel-all", "stop",
            "reload", "check-config", "check-key"}) {
            String out = output(() -> Main.execute(c, "--help"), ExitCodes.OK);
            assertTrue(out.startsWith("Usage: engine.jar " + c), out);
        }
        String top = output(() -> Main.execute("--help"), ExitCodes.OK);
        assertTrue(top.contains("6   no running engine reachable"), top);
    }
}
