package io.kengine.engine.ops;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsRegistryTest {
    @Test
    void countersAndGaugesInPrometheusTextFormat() {
        AtomicLong events = new AtomicLong(7);
        MetricsRegistry r = new MetricsRegistry()
            .counter("kengine_events_in_total", "events in", events::get)
            .counter("kengine_feed_decode_errors_total", "by reason", out -> {
                out.add(2, "reason", "bad \"price\"");
                out.add(EngineStatus.NA, "reason", "unknown"); // not known: left out
            })
            .gauge("kengine_pnl_dollars", "P&L", out -> out.add(-1.25));
        events.set(9);
        String text = r.scrape();
        assertTrue(text.contains("# HELP kengine_events_in_total events in\n# TYPE kengine_events_in_total counter\n"
            + "kengine_events_in_total 9\n"), text);
        assertTrue(text.contains("kengine_feed_decode_errors_total{reason=\"bad \\\"price\\\"\"} 2\n"), text);
        assertFalse(text.contains("unknown"), text);
        assertTrue(text.contains("# TYPE kengine_pnl_dollars gauge\nkengine_pnl_dollars -1.25\n"), text);
        assertTrue(text.contains("# TYPE kengine_latency_seconds summary\n"), text);
        assertTrue(text.contains("kengine_latency_seconds_count{path=\"tick_to_intent\"} 0\n"), text);
        for (String line : text.split("\n")) {
            assertTrue(line.startsWith("#") || line.matches("[a-z_]+(\\{[^}]*})? -?[0-9.E]+"), line);
        }
    }

    @Test
    void namesAreCheckedAndUnique() {
        MetricsRegistry r = new MetricsRegistry().counter("a_total", "a", () -> 1);
        assertThrows(IllegalArgumentException.class, () -> r.counter("a_total", "again", () -> 1));
        assertThrows(IllegalArgumentException.class, () -> r.gauge("bad-name", "x", () -> 1));
    }

    @Test
    void aFailingCollectorDoesNotBreakTheScrape() {
        MetricsRegistry r = new MetricsRegistry()
            .gauge("broken", "x", out -> {
                throw new IllegalStateException("boom");
            })
            .gauge("fine", "y", () -> 3);
        String text = r.scrape();
        assertTrue(text.contains("# collector of broken failed"), text);
        assertTrue(text.contains("\nfine 3\n"), text);
    }

    @Test
    void latenciesRecordedOnOneThreadAreReadOnAnother() throws Exception {
        MetricsRegistry r = new MetricsRegistry();
        LatencyRecorder book = r.latency(LatencyPath.BOOK);
        Thread owner = new Thread(() -> {
            for (int i = 1; i <= 1000; i++) {
                book.record(i * 1_000L); // 1 us .. 1 ms
            }
            book.record(Long.MAX_VALUE); // clamped, never thrown
        });
        owner.start();
        owner.join();
        LatencyRecorder.Snapshot s = book.snapshot();
        assertEquals(1001, s.count());
        assertEquals(1001, s.windowCount());
        assertTrue(s.p50() >= 495_000 && s.p50() <= 505_000, "p50 " + s.p50());
        assertEquals(LatencyRecorder.MAX_NANOS, s.max(), 0.01 * LatencyRecorder.MAX_NANOS);
        LatencyRecorder.Snapshot again = book.snapshot();
        assertEquals(1001, again.count(), "a second reader sees the same samples");
        String text = r.scrape();
        assertTrue(text.contains("kengine_latency_seconds{path=\"book\",quantile=\"0.5\"} 5.0"), text);
        assertTrue(text.contains("kengine_latency_seconds_count{path=\"book\"} 1001\n"), text);
        assertEquals(LatencyRecorder.Snapshot.EMPTY, r.latency(LatencyPath.RISK).snapshot());
    }
}
