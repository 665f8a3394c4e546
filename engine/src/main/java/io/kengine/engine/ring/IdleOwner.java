package io.kengine.engine.ring;

/**
 * The one consumer thread a wait strategy gives idle timeouts to ({@link IdleTimeouts}), and after how long.
 * Set from that thread's start and shutdown; read by every waiting thread (volatile, nanos before owner).
 */
final class IdleOwner {
    private volatile long nanos;
    private volatile Thread owner;

    void set(Thread owner, long nanos) {
        if (owner != null && nanos <= 0) {
            throw new IllegalArgumentException("idle timeout must be positive: " + nanos);
        }
        this.nanos = nanos;
        this.owner = owner;
    }

    /** The calling thread's idle timeout in ns, or 0 when it is not the owner. */
    long timeoutForCurrent() {
        return owner == Thread.currentThread() ? nanos : 0;
    }
}
