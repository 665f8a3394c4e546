package io.kengine.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Temporary journal directories. They live under {@code $KENGINE_BENCH_DIR} when set (an
 * environment variable, because forked JVMs inherit it), else under {@code java.io.tmpdir}.
 */
final class BenchDirs {
    private BenchDirs() {
    }

    static Path create(String prefix) {
        String root = System.getenv("KENGINE_BENCH_DIR");
        try {
            Path base = root == null || root.isBlank() ? Paths.get(System.getProperty("java.io.tmpdir")) : Paths.get(root);
            Files.createDirectories(base);
            return Files.createTempDirectory(base, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
