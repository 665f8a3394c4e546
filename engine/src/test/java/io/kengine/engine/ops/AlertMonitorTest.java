package io.kengine.engine.ops;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AlertMonitorTest {
    @Test
    void haltsLongDisconnectsAndStageErrorsRaiseOneAlertEach() {
        List<String> alerts = new ArrayList<>();
        AlertMonitor m = new AlertMonitor(() -> null, (kind, text) -> alerts.add(kind + ": " + text), 5_000);
        m.check(StatusFixtures.sample(false, 0, 0));
        assertEquals(List.of(), alerts);
        m.check(StatusFixtures.sample(true, 0, 0)); // an operator halt: alerted when published, not here
        m.check(StatusFixtures.sample(List.of("risk: daily loss limit"), 0, 0));
        m.check(StatusFixtures.sample(List.of("risk: daily loss limit"), 0, 0));
        m.check(StatusFixtures.sample(List.of("risk: daily loss limit", "risk: breaker KXA"), 0, 0));
        m.check(StatusFixtures.sample(false, 1_000, 0));
        m.check(StatusFixtures.sample(false, 6_000, 0));
        m.check(StatusFixtures.sample(false, 9_000, 0));
        m.check(StatusFixtures.sample(false, 0, 2));
        m.check(StatusFixtures.sample(false, 0, 2));
        assertEquals(List.of(
            "halt: engine halted: risk: daily loss limit",
            "halt: engine halted: risk: daily loss limit; risk: breaker KXA",
            "resume: the engine's own halt ended (risk: daily loss limit; risk: breaker KXA)",
            "disconnect: feed disconnected for 6 s",
            "reconnect: feed connected again",
            "stage-error: 2 new stage error(s), 2 in total"), alerts);
    }

    @Test
    void waitingForCancelsEndsWhenNoOrderIsOpenOrAtTheDeadline() {
        long[] open = {3};
        assertEquals(true, GracefulShutdown.awaitNoOpenOrders(() -> open[0] == 0 ? 0 : open[0]--, 10_000));
        assertEquals(0, open[0]);
        assertEquals(false, GracefulShutdown.awaitNoOpenOrders(() -> 1, 30));
        assertEquals(true, GracefulShutdown.awaitNoOpenOrders(() -> EngineStatus.NA, 0), "unknown counts as nothing to wait for");
    }
}
