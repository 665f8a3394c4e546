package io.kengine.engine.cli;

import io.kengine.engine.ops.KeyCheck;
import io.kengine.engine.ops.LiveTradingGuard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "check-key", mixinStandardHelpOptions = true,
    description = {"Checks the Kalshi API key the engine would sign with: key id set, private key file not readable by",
        "group/others, PEM parses (PKCS#1 or PKCS#8), and a test RSA-PSS signature verifies. Prints no key material.",
        "Reads KALSHI_KEY_ID and KALSHI_PRIVATE_KEY_PATH unless given as options. Exit 7 when the key cannot be used."})
final class CheckKeyCommand implements Callable<Integer> {
    @Option(names = "--key-id", paramLabel = "ID", description = "API key id (default: $KALSHI_KEY_ID)")
    String keyId;

    @Option(names = "--key-file", paramLabel = "PEM", description = "private key file (default: $KALSHI_PRIVATE_KEY_PATH)")
    Path keyFile;

    @Override
    public Integer call() {
        String id = keyId != null ? keyId : Main.env().get(LiveTradingGuard.KEY_ID_VARIABLE);
        Path file = keyFile;
        if (file == null) {
            file = io.kengine.engine.kalshi.KalshiTarget.keyPath(Main.env().get(LiveTradingGuard.KEY_PATH_VARIABLE));
        }
        KeyCheck.Result r = KeyCheck.check(id, file);
        r.lines().forEach(System.out::println);
        System.out.println(r.ok() ? "check-key: the key can sign Kalshi requests" : "check-key: the key cannot be used");
        return r.ok() ? ExitCodes.OK : ExitCodes.KEY;
    }
}
