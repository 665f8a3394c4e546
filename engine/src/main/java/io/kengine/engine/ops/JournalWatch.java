package io.kengine.engine.ops;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Halts the engine when the journal stops taking writes. A run that cannot journal what it sees and does cannot
 * be replayed or explained afterwards, so the first new failure (journal-in or journal-out) pulls the kill
 * switch: HALT, then CANCEL_ALL, and an alert. The cancels leave even though they cannot be journaled
 * (see {@code ring.UnjournaledIntents}). After the operator's {@code resume} ends that halt, a further failure
 * pulls it again. Runs on the ops thread, every 100 ms.
 */
public final class JournalWatch {
    private enum State { ARMED, PULLED, HALT_SEEN }

    private final LongSupplier inFailures;
    private final LongSupplier outFailures;
    private final BooleanSupplier halted;
    private final Consumer<String> killSwitch;
    private State state = State.ARMED;
    private long seen;

    /**
     * @param halted     whether a halt is in force now (status), to know when the operator resumed
     * @param killSwitch pulls the kill switch with a reason
     */
    public JournalWatch(LongSupplier inFailures, LongSupplier outFailures, BooleanSupplier halted, Consumer<String> killSwitch) {
        this.inFailures = inFailures;
        this.outFailures = outFailures;
        this.halted = halted;
        this.killSwitch = killSwitch;
    }

    /** One look; called periodically by one thread. */
    public synchronized void check() {
        long in = inFailures.getAsLong();
        long out = outFailures.getAsLong();
        long total = in + out;
        boolean isHalted = halted.getAsBoolean();
        if (state == State.PULLED && isHalted) {
            state = State.HALT_SEEN; // the halt is in force; its end means the operator resumed
        } else if (state == State.HALT_SEEN && !isHalted) {
            state = State.ARMED;
        }
        if (state == State.ARMED && total > seen) {
            killSwitch.accept("journal writes failing (" + in + " in, " + out + " out)");
            state = State.PULLED;
        }
        if (state != State.ARMED) {
            seen = total; // failures while halted are answered by that halt; any after the resume pull again
        }
    }

    /** True from a pull until the operator's resume ends the halt it caused. */
    public synchronized boolean pulled() {
        return state != State.ARMED;
    }
}
