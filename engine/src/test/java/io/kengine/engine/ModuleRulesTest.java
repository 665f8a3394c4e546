package io.kengine.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules of DESIGN.md that keep the modules apart, checked on the sources and poms:
 * only engine/ and bench/ import the Disruptor, only journal/ imports Chronicle, only feed/,
 * gateway/ and sim/ open sockets or use OkHttp, and the module graph has no cycle.
 */
class ModuleRulesTest {
    private static final Path ROOT = Paths.get("..").toAbsolutePath().normalize();
    private static final List<String> MODULES = List.of(
        "protocol", "config", "book", "feed", "pricing", "risk", "gateway", "journal", "sim", "engine", "bench");

    @Test
    void onlyEngineAndBenchImportTheDisruptor() throws IOException {
        assertImportConfined("com.lmax.disruptor", Set.of("engine", "bench"));
    }

    @Test
    void onlyJournalImportsChronicle() throws IOException {
        assertImportConfined("net.openhft", Set.of("journal"));
    }

    @Test
    void onlyIoModulesOpenSockets() throws IOException {
        Set<String> io = Set.of("feed", "gateway", "sim", "bench");
        assertImportConfined("okhttp3", io);
        assertImportConfined("java.net.Socket", io);
        assertImportConfined("java.net.ServerSocket", io);
        assertImportConfined("java.nio.channels.SocketChannel", io);
    }

    @Test
    void moduleGraphHasNoCycle() throws IOException {
        Map<String, List<String>> deps = new LinkedHashMap<>();
        Pattern dep = Pattern.compile("<artifactId>kengine-([a-z]+)</artifactId>");
        for (String module : MODULES) {
            String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
            List<String> out = new ArrayList<>();
            Matcher m = dep.matcher(pom);
            while (m.find()) {
                if (!m.group(1).equals(module)) {
                    out.add(m.group(1));
                }
            }
            deps.put(module, out);
        }
        assertTrue(deps.get("engine").contains("journal"), "sanity: engine depends on journal: " + deps);
        Map<String, Integer> state = new HashMap<>();
        for (String module : MODULES) {
            visit(module, deps, state, new ArrayList<>());
        }
    }

    private static void visit(String module, Map<String, List<String>> deps, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(module);
        if (s != null && s == 2) {
            return;
        }
        path.add(module);
        assertTrue(s == null, "module dependency cycle: " + String.join(" -> ", path));
        state.put(module, 1);
        for (String next : deps.getOrDefault(module, List.of())) {
            visit(next, deps, state, path);
        }
        state.put(module, 2);
        path.remove(path.size() - 1);
    }

    private static void assertImportConfined(String prefix, Set<String> allowed) throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String module : MODULES) {
            if (allowed.contains(module)) {
                continue;
            }
            Path src = ROOT.resolve(module).resolve("src");
            if (!Files.isDirectory(src)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(src)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                    try {
                        for (String line : Files.readAllLines(p)) {
                            String t = line.trim();
                            if ((t.startsWith("import " + prefix) || t.startsWith("import static " + prefix))) {
                                offenders.add(ROOT.relativize(p) + ": " + t);
                            }
                        }
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                });
            }
        }
        assertEquals(List.of(), offenders, prefix + " imported outside " + allowed);
    }
}
