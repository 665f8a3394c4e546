package io.kengine.engine.cli;

import io.kengine.engine.ops.ControlClient;
import io.kengine.engine.ops.PortFile;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** How a command finds a running engine's control endpoint: {@code --port}, else the port file. */
final class ControlOptions {
    @Option(names = "--port", paramLabel = "PORT", description = "control port of the running engine (default: read from the port file)")
    Integer port;

    @Option(names = "--port-file", paramLabel = "FILE", defaultValue = "engine.port",
        description = "file the running engine wrote its port to (engine.control.portFile; default: ${DEFAULT-VALUE})")
    Path portFile;

    /** @throws ControlClient.Unreachable when there is no port to try */
    ControlClient client() throws ControlClient.Unreachable {
        if (port != null) {
            return new ControlClient(port);
        }
        try {
            return new ControlClient(PortFile.read(portFile));
        } catch (IOException e) {
            throw new ControlClient.Unreachable("no running engine found: " + portFile.toAbsolutePath()
                + " does not exist (start one with `run`, or give --port / --port-file)", e);
        } catch (IllegalArgumentException e) {
            throw new ControlClient.Unreachable(e.getMessage(), e);
        }
    }
}
