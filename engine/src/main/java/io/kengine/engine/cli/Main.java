package io.kengine.engine.cli;

import picocli.CommandLine;

import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code java -jar engine.jar [command]}: with no command (or only options) it runs the main job.
 * Exit codes are listed in {@link ExitCodes} and the README.
 */
@Command(name = "engine.jar", mixinStandardHelpOptions = true, version = "kengine 0.1.0",
    description = "Low-latency Kalshi trading engine.",
    subcommands = {RunCommand.class, SimCommand.class, ReplayCommand.class, JournalCommand.class,
        StatusCommand.class, OperatorCommand.Halt.class, OperatorCommand.Resume.class, OperatorCommand.Flatten.class,
        OperatorCommand.CancelAll.class, OperatorCommand.Stop.class, ReloadCommand.class, CheckConfigCommand.class, CheckKeyCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success; replay identical",
        "1:replay found a divergence",
        "2:invalid command line",
        "3:invalid configuration, or live trading refused",
        "4:journal missing or unreadable",
        "5:engine failed at run time",
        "6:no running engine reachable on its control endpoint",
        "7:check-key: the API key cannot be used"})
public final class Main {
    public static void main(String[] args) {
        // Chronicle reports usage statistics unless told not to; it must be set before its classes load.
        System.setProperty("chronicle.analytics.disable", "true");
        System.exit(execute(args));
    }

    private static final ThreadLocal<Map<String, String>> ENV = new ThreadLocal<>();

    /** The process environment, or what a test passed to {@link #execute(Map, String...)}. */
    static Map<String, String> env() {
        Map<String, String> env = ENV.get();
        return env != null ? env : System.getenv();
    }

    /** Runs a command line as if the environment variables were {@code env} (tests). */
    public static int execute(Map<String, String> env, String... args) {
        ENV.set(env);
        try {
            return execute(args);
        } finally {
            ENV.remove();
        }
    }

    /** Runs a command line and returns its exit code (tests call this instead of main). */
    public static int execute(String... args) {
        String[] effective = args;
        if (args.length == 0 || (args[0].startsWith("-") && !isGlobalOption(args[0]))) {
            effective = new String[args.length + 1];
            effective[0] = "run";
            System.arraycopy(args, 0, effective, 1, args.length);
        }
        return new CommandLine(new Main()).execute(effective);
    }

    private static boolean isGlobalOption(String arg) {
        return arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version");
    }
}
