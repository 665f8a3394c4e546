package io.kengine.engine.ops;

/**
 * Where operator alerts go (halts, loss limits, long disconnects, reconciliation mismatches, the
 * engine stopping). An implementation never blocks the caller: engine code may call it from any
 * thread, though never from a business stage (stages publish events; the ops side alerts on them).
 */
@FunctionalInterface
public interface Alerts {
    Alerts NONE = (kind, text) -> { };

    /** @param kind a short machine-friendly word: halt, loss-limit, disconnect, reconciliation, stopped, ... */
    void alert(String kind, String text);
}
