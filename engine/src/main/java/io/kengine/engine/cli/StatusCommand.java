package io.kengine.engine.cli;

import io.kengine.engine.ops.ControlClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Shows the state of a running engine (found through its control endpoint):",
        "connection, markets trusted/stale, positions, P&L, open orders, orders/s, rejects, halts, tick-to-intent latency."})
final class StatusCommand implements Callable<Integer> {
    @Mixin
    ControlOptions control;

    @Option(names = "--format", paramLabel = "table|line|json", defaultValue = "table",
        description = "table (default), one line, or JSON")
    String format;

    @Override
    public Integer call() {
        if (!format.equals("table") && !format.equals("line") && !format.equals("json")) {
            System.err.println("--format: '" + format + "' is not table, line or json");
            return ExitCodes.USAGE;
        }
        try {
            ControlClient.Response r = control.client().get("/status", Map.of("format", format));
            (r.ok() ? System.out : System.err).print(r.body());
            return r.ok() ? ExitCodes.OK : ExitCodes.RUNTIME;
        } catch (ControlClient.Unreachable e) {
            System.err.println("status: " + e.getMessage());
            return ExitCodes.UNREACHABLE;
        }
    }
}
