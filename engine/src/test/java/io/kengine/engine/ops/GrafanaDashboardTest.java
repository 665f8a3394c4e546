package io.kengine.engine.ops;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** config/grafana/kengine-dashboard.json queries only metrics the engine registers. */
class GrafanaDashboardTest {
    private static final Pattern NAME = Pattern.compile("\"?(kengine_[a-z_]+)");

    private static Set<String> names(String text, Pattern p) {
        Set<String> out = new TreeSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyQueriedMetricIsRegistered() throws Exception {
        String dashboard = Files.readString(Path.of("../config/grafana/kengine-dashboard.json"));
        com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dashboard);
        assertTrue(root.path("panels").size() >= 10);
        StringBuilder exprs = new StringBuilder();
        root.path("panels").forEach(p -> p.path("targets").forEach(t -> exprs.append(t.path("expr").asText()).append('\n')));
        Set<String> queried = names(exprs.toString(), Pattern.compile("(kengine_[a-z_]+)"));

        String source = Files.readString(Path.of("src/main/java/io/kengine/engine/ops/EngineMetrics.java"));
        Set<String> registered = names(source, Pattern.compile("\\.(?:counter|gauge)\\(\"(kengine_[a-z_]+)\""));
        registered.add("kengine_latency_seconds");
        assertTrue(registered.size() > 20, registered.toString());

        Set<String> unknown = new TreeSet<>(queried);
        unknown.removeAll(registered);
        assertEquals(Set.of(), unknown, "dashboard queries metrics the engine does not export");
        assertTrue(queried.containsAll(Set.of("kengine_latency_seconds", "kengine_halted", "kengine_feed_decode_errors_total")));
        assertTrue(names(dashboard, NAME).containsAll(queried));
    }
}
