package io.kengine.engine.cli;

import io.kengine.engine.ops.ControlClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code halt}, {@code resume}, {@code flatten}, {@code cancel-all}: ask a running engine, through its
 * control endpoint on 127.0.0.1, to publish an operator command on its inbound ring (journaled, so a
 * replay reproduces it).
 */
abstract class OperatorCommand implements Callable<Integer> {
    @Mixin
    ControlOptions control;

    @Option(names = "--market", paramLabel = "TICKER", description = "one market: its ticker or #id (default: every market)")
    String market;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why, for the journal and the status (printable ASCII, at most 95 characters)")
    String reason;

    abstract String path();

    @Override
    public Integer call() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("market", market);
        params.put("reason", reason);
        ControlClient.Response r;
        try {
            r = control.client().post(path(), params);
        } catch (ControlClient.Unreachable e) {
            System.err.println(path().substring(1) + ": " + e.getMessage());
            return ExitCodes.UNREACHABLE;
        }
        (r.ok() ? System.out : System.err).print(r.body());
        return r.ok() ? ExitCodes.OK : r.status() == 400 ? ExitCodes.USAGE : ExitCodes.RUNTIME;
    }

    @Command(name = "halt", mixinStandardHelpOptions = true,
        description = {"Halts trading in a running engine: quotes are pulled and no new order goes out until `resume`.",
            "With --market only that market halts."})
    static final class Halt extends OperatorCommand {
        @Override
        String path() {
            return "/halt";
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resumes trading after a halt (all markets, or --market).")
    static final class Resume extends OperatorCommand {
        @Override
        String path() {
            return "/resume";
        }
    }

    @Command(name = "flatten", mixinStandardHelpOptions = true,
        description = "Asks the running engine to close its positions (all markets, or --market).")
    static final class Flatten extends OperatorCommand {
        @Override
        String path() {
            return "/flatten";
        }
    }

    @Command(name = "cancel-all", mixinStandardHelpOptions = true,
        description = "Cancels every resting order of the running engine (all markets, or --market); quoting continues unless halted.")
    static final class CancelAll extends OperatorCommand {
        @Override
        String path() {
            return "/cancel-all";
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stops a running engine gracefully, as Ctrl-C does: halt, cancel all (bounded wait), drain, close the journal.")
    static final class Stop implements Callable<Integer> {
        @Mixin
        ControlOptions control;

        @Override
        public Integer call() {
            try {
                ControlClient.Response r = control.client().post("/stop", Map.of());
                (r.ok() ? System.out : System.err).print(r.body());
                return r.ok() ? ExitCodes.OK : ExitCodes.RUNTIME;
            } catch (ControlClient.Unreachable e) {
                System.err.println("stop: " + e.getMessage());
                return ExitCodes.UNREACHABLE;
            }
        }
    }
}
