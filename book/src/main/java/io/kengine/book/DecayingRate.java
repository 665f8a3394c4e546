package io.kengine.book;

/**
 * An exponentially weighted rate in event time: {@code value(t) = Σ xᵢ · e^{−(t − tᵢ)/τ} / τ}, i.e.
 * an EWMA of "amount per second" with time constant τ. Adding x at time t decays the old value by
 * {@code e^{−Δt/τ}} and adds {@code x/τ}. Used with x = 1 per trade (trades per second) and with
 * x = Δmid² (realised variance of the mid per second, the square of the volatility).
 *
 * <p>Why this form: it depends only on the increments and their times, so samples where nothing
 * moved change nothing (sampling more or less often gives the same number) and several updates with
 * the same timestamp need no special case (no division by Δt). A double lives only inside this
 * model (DESIGN: doubles are for models); callers read it as a rounded long.
 *
 * <p>Time only moves forward: an event older than the last one decays nothing. The decay factor
 * comes from {@link DecayFactors} (tables built with {@code StrictMath.exp}, fdlibm): the result must
 * not depend on the CPU or the JIT, so a replay elsewhere reproduces every rounded feature.
 */
final class DecayingRate {
    private final DecayFactors decay;
    private final double tauSeconds;
    private double value;
    private long lastNanos = Long.MIN_VALUE;

    DecayingRate(long tauNanos) {
        if (tauNanos <= 0) {
            throw new IllegalArgumentException("time constant must be positive: " + tauNanos);
        }
        this.decay = DecayFactors.forTau(tauNanos);
        this.tauSeconds = tauNanos / 1e9;
    }

    /** Decays the value to event time {@code nanos}. */
    void advance(long nanos) {
        if (lastNanos == Long.MIN_VALUE) {
            lastNanos = nanos;
            return;
        }
        if (nanos > lastNanos) {
            value *= decay.factor(nanos - lastNanos);
            lastNanos = nanos;
        }
    }

    /**
     * Decays two rates to {@code nanos}: when they share τ and their last time (the book advances its
     * two together), one factor serves both, which is the same number each would compute alone.
     */
    static void advanceBoth(DecayingRate a, DecayingRate b, long nanos) {
        if (a.decay == b.decay && a.lastNanos == b.lastNanos && a.lastNanos != Long.MIN_VALUE) {
            if (nanos > a.lastNanos) {
                double f = a.decay.factor(nanos - a.lastNanos);
                a.value *= f;
                b.value *= f;
                a.lastNanos = nanos;
                b.lastNanos = nanos;
            }
            return;
        }
        a.advance(nanos);
        b.advance(nanos);
    }

    /** Decays to {@code nanos}, then adds an amount {@code x}. */
    void add(long nanos, double x) {
        advance(nanos);
        value += x / tauSeconds;
    }

    /** Per second, as of the last {@link #advance}. */
    double value() {
        return value;
    }

    void reset() {
        value = 0;
        lastNanos = Long.MIN_VALUE;
    }
}
