package io.kengine.engine.ops;

/**
 * Turns status snapshots into alerts, on the ops thread (about twice a second): halts the engine raised
 * by itself (risk: loss limits, circuit breakers; operator commands are alerted when published) and
 * their end, the feed disconnected for longer than {@code disconnectAfterMs} (and back),
 * new stage errors. Loss limits and reconciliation mismatches are alerted where they are detected
 * (see engine/README.md, "Ops hooks"); the engine stopping is alerted by {@link GracefulShutdown}.
 */
public final class AlertMonitor {
    private final StatusSource status;
    private final Alerts alerts;
    private final long disconnectAfterMs;
    private boolean halted;
    private String haltText = "";
    private boolean disconnectAlerted;
    private long stageErrors;

    public AlertMonitor(StatusSource status, Alerts alerts, long disconnectAfterMs) {
        this.status = status;
        this.alerts = alerts;
        this.disconnectAfterMs = disconnectAfterMs;
    }

    /** One look; called periodically by one thread. */
    public synchronized void check() {
        check(status.snapshot());
    }

    synchronized void check(EngineStatus s) {
        java.util.List<String> own = new java.util.ArrayList<>();
        for (String r : s.haltReasons()) {
            if (!r.startsWith("operator: ")) {
                own.add(r);
            }
        }
        String reasons = String.join("; ", own);
        if (!own.isEmpty() && (!halted || !reasons.equals(haltText))) {
            alerts.alert("halt", "engine halted: " + reasons);
        } else if (own.isEmpty() && halted) {
            alerts.alert("resume", "the engine's own halt ended (" + haltText + ")");
        }
        halted = !own.isEmpty();
        haltText = reasons;

        if (s.disconnectedForMs() != EngineStatus.NA && s.disconnectedForMs() > disconnectAfterMs) {
            if (!disconnectAlerted) {
                alerts.alert("disconnect", "feed disconnected for " + s.disconnectedForMs() / 1000 + " s");
                disconnectAlerted = true;
            }
        } else if (disconnectAlerted && s.disconnectedForMs() == 0) {
            alerts.alert("reconnect", "feed connected again");
            disconnectAlerted = false;
        }

        if (s.stageErrors() > stageErrors) {
            alerts.alert("stage-error", (s.stageErrors() - stageErrors) + " new stage error(s), " + s.stageErrors() + " in total");
        }
        stageErrors = s.stageErrors();
    }
}
