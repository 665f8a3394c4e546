package io.kengine.bench;

import org.HdrHistogram.Histogram;

/**
 * One pipeline the open-loop driver pushes frames through: the engine, the conventional baseline or
 * the floor. All calls come from the driver (producer) thread.
 */
interface TickPath extends AutoCloseable {
    String name();

    /** Hands one frame over with its planned arrival time (epoch ns in the {@link PlannedClock} domain). */
    void submit(byte[] frame, long plannedNanos) throws Exception;

    /** Producer-side housekeeping between frames (e.g. publishing acknowledgements); must not block. */
    default void pump() {
    }

    /** Called once when the warm-up ends and measuring starts. */
    default void measureStart() {
    }

    /** Extra lines about the measured run (e.g. a per-stage breakdown), or null. */
    default String detail() {
        return null;
    }

    /** Latency from planned arrival to intent since the last call, into {@code reuse}. */
    Histogram intentInterval(Histogram reuse);

    /** Latency from planned arrival to the wire (the sender), or null when the path has no sender. */
    default Histogram wireInterval(Histogram reuse) {
        return null;
    }

    /** Intents produced so far. */
    long intents();

    /** Waits (pumping) until everything submitted went all the way through; false on timeout. */
    boolean drain(long timeoutMs);

    /** Errors the path saw (stage exceptions, dropped frames); 0 in a valid run. */
    long errors();

    /** Times the producer found the ring full. */
    default long ringFull() {
        return 0;
    }

    @Override
    void close() throws Exception;
}
