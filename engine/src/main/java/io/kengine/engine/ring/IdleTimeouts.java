package io.kengine.engine.ring;

/**
 * A wait strategy that can give one consumer thread its idle time: once {@code owner} has waited
 * {@code nanos} with nothing to consume, its {@code waitFor} throws Disruptor's TimeoutException, and the
 * processor calls its handler's {@code onTimeout} before it waits again. Other consumers of the ring wait
 * as before.
 */
public interface IdleTimeouts {
    /** @param owner the thread to time out, or null for none; @param nanos how long it waits first (> 0) */
    void idleTimeout(Thread owner, long nanos);
}
