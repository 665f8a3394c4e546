package io.kengine.engine.ops;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineStatusTest {
    @Test
    void lineTableAndJsonShowKnownValuesAndNaForUnknownOnes() {
        EngineStatus s = StatusFixtures.sample(true, 0, 0);
        String line = s.toLine();
        assertTrue(line.startsWith("t=12s paper/sim feed connected | mkts 4 trusted 3 stale 1"), line);
        assertTrue(line.contains("open 6"), line);
        assertTrue(line.contains("pos 10.50 pnl -$1.23"), line);
        assertTrue(line.contains("rejects n/a blocks 3"), line);
        assertTrue(line.contains("t2i p50 12.3us p99 45.6us"), line);
        assertTrue(line.endsWith("HALTED: operator: test (by cli)"), line);
        String json = s.toJson();
        assertTrue(json.startsWith("{\"runId\":42,\"mode\":\"paper\",\"environment\":\"sim\","), json);
        assertTrue(json.contains("\"exposure\":null,"), json);
        assertTrue(json.contains("\"halted\":true,\"haltReasons\":[\"operator: test (by cli)\"],"), json);
        assertTrue(json.endsWith("\"alertsDropped\":0}"), json);
        assertTrue(s.toTable().contains("P&L today"), s.toTable());
    }

    @Test
    void unitsAreFormattedWithoutDoublesForMoney() {
        assertEquals("$0.00", EngineStatus.dollars(0));
        assertEquals("-$0.01", EngineStatus.dollars(-100));
        assertEquals("$12.34", EngineStatus.dollars(123_456));
        assertEquals("n/a", EngineStatus.dollars(EngineStatus.NA));
        assertEquals("3", EngineStatus.contracts(300));
        assertEquals("-0.05", EngineStatus.contracts(-5));
    }
}
