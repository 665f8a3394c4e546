package io.kengine.bench;

/**
 * A price-time book driven by {@link OrderFlow}: the simulator's exchange core or the naive reference.
 * Orders the flow may later cancel are named by small int handles the flow hands out, so both books
 * are driven with exactly the same calls. Prices in $0.0001, counts in 0.01 contracts.
 */
interface MatchingBook {
    /** Told when a resting order's remaining size changes because it traded (0 = gone). */
    interface MakerSink {
        void onMakerUpdate(int handle, long remaining);
    }

    /**
     * Places a limit order; a GTC remainder rests under {@code handle}, an IoC remainder is dropped.
     * Makers it trades with are reported to the sink before this returns.
     *
     * @return the size left resting (0 when nothing rests)
     */
    long submit(int handle, int account, boolean bid, long price, long count, boolean immediateOrCancel);

    /** Cancels the resting order {@code handle}. */
    void cancel(int handle);
}
