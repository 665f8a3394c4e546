package io.kengine.engine.cli;

import io.kengine.journal.JournalDump;
import io.kengine.journal.JournalException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "journal", mixinStandardHelpOptions = true, description = "Inspect a journal.",
    subcommands = {JournalCommand.Dump.class})
final class JournalCommand {

    @Command(name = "dump", mixinStandardHelpOptions = true,
        description = "Prints every inbound event and outbound intent of a journal, one line each, in time order.")
    static final class Dump implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<journal-dir>")
        Path journalDir;

        @Option(names = "--limit", description = "print at most this many lines (0 = all)", defaultValue = "0")
        long limit;

        @Option(names = "--type", description = "only events of this type, e.g. OrderIntent, BookDelta")
        String type;

        @Override
        public Integer call() {
            try {
                JournalDump.dump(journalDir, System.out, limit, type);
                return ExitCodes.OK;
            } catch (JournalException e) {
                System.err.println("journal dump: " + e.getMessage());
                return ExitCodes.JOURNAL;
            } catch (IllegalArgumentException e) {
                System.err.println("journal dump: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
    }
}
