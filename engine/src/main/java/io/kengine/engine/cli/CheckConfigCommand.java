package io.kengine.engine.cli;

import io.kengine.config.ConfigException;
import io.kengine.config.EngineConfig;
import io.kengine.engine.ops.LiveTradingGuard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "check-config", mixinStandardHelpOptions = true,
    description = {"Loads and validates a configuration exactly as `run` would (KENGINE_ENV included) and prints",
        "what it says, or every problem with its key path (exit 3). Nothing is started."})
final class CheckConfigCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE",
        description = "YAML configuration (default: config/engine.yaml if present, else the copy inside the jar)")
    Path config;

    @Option(names = "--live", description = "also check what a live run would need (--live, confirmation phrase, credentials)")
    boolean live;

    @Override
    public Integer call() {
        CliConfig loaded;
        try {
            loaded = CliConfig.load(config, Main.env());
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return ExitCodes.CONFIG;
        }
        EngineConfig c = loaded.config();
        EngineConfig.EngineSettings e = c.engine();
        EngineConfig.OpsSettings ops = e.ops();
        System.out.println(c.source() + ": ok");
        System.out.println("  " + e.runMode().configName() + " on " + e.environment().configName()
            + ", feed " + c.feed().source().configName() + ", mapping " + e.threads().mapping().configName()
            + ", journal " + (e.journal().enabled() ? e.journal().dir() : "off"));
        System.out.println("  control " + (ops.control().enabled() ? "port " + portText(ops.control().port())
            + " (port file " + ops.control().portFile() + ")" : "off")
            + ", metrics " + (!ops.metrics().enabled() ? "off" : ops.metrics().port() < 0 ? "on the control port"
                : "port " + portText(ops.metrics().port()))
            + ", alerts " + (ops.alerts().webhookUrl() == null ? "console only" : "webhook")
            + ", kill switch file " + (ops.killSwitchFile() == null ? "none" : ops.killSwitchFile())
            + ", cancel timeout " + ops.shutdown().cancelTimeoutMs() + " ms, open orders at start: "
            + ops.startup().openOrders().configName());
        System.out.println("  strategy: " + c.strategy().asMap());
        if (live || e.runMode() == io.kengine.config.RunMode.LIVE) {
            List<String> missing = LiveTradingGuard.missing(c, true, Main.env());
            if (!missing.isEmpty()) {
                System.out.println("  a live run (with --live) would still need:");
                missing.forEach(m -> System.out.println("    " + m));
            }
        }
        return ExitCodes.OK;
    }

    private static String portText(int port) {
        return port == 0 ? "any free" : Integer.toString(port);
    }
}
