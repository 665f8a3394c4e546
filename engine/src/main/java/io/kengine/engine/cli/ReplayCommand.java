package io.kengine.engine.cli;

import io.kengine.engine.EngineReplay;
import io.kengine.journal.JournalException;
import io.kengine.journal.ReplayResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {"Feeds a journal's inbound events through the same stages and compares every intent with the journaled one.",
        "Prints 'identical: N events, M intents' or the first divergence; exit 0 only when identical."})
final class ReplayCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<journal-dir>", description = "journal directory written by a run")
    Path journalDir;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
        description = "what-if replay: replace a journaled parameter's value, e.g. --set pricing.m0.edge=0.0300")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Override
    public Integer call() {
        ReplayResult result;
        try {
            result = EngineReplay.replay(journalDir, overrides);
        } catch (JournalException e) {
            System.err.println("replay: " + e.getMessage());
            return ExitCodes.JOURNAL;
        }
        System.out.println(result.summary());
        // ok() also requires every --set key to occur in the journal: a mistyped key must not pass silently.
        return result.ok() ? ExitCodes.OK : ExitCodes.DIVERGENCE;
    }
}
