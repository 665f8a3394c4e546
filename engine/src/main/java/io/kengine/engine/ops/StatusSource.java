package io.kengine.engine.ops;

/**
 * Where the status line, the {@code status} command, the metrics endpoint and the alert monitor read
 * the engine's state. An implementation reads only published snapshots and counters meant to be read
 * from other threads; it never touches a stage's state on a thread other than the stage's own.
 */
@FunctionalInterface
public interface StatusSource {
    EngineStatus snapshot();
}
