package io.kengine.engine.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The file a running engine writes its control port to ({@code engine.control.portFile}, default
 * {@code engine.port} in the working directory), so {@code status}, {@code halt}, ... find it.
 * Written atomically; removed at stop when it still names this engine's port.
 */
public final class PortFile {
    private PortFile() {
    }

    public static void write(Path file, int port) throws IOException {
        Path abs = file.toAbsolutePath();
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        Files.writeString(tmp, port + "\n", StandardCharsets.US_ASCII);
        try {
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** @throws IOException when missing; IllegalArgumentException when it holds no port number */
    public static int read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            int port = Integer.parseInt(text);
            if (port > 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(file + " does not hold a port number");
    }

    /** Deletes the file if it still names {@code port} (another engine may have replaced it). */
    public static void removeIfOurs(Path file, int port) {
        try {
            if (Files.isRegularFile(file) && read(file) == port) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | IllegalArgumentException e) {
            // nothing to clean up
        }
    }
}
