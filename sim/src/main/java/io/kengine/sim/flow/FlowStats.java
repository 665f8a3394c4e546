package io.kengine.sim.flow;

import io.kengine.sim.exchange.ExchangeError;

import java.util.EnumMap;
import java.util.Map;

/**
 * What the participants did, for tests and status pages: order calls made and refused (by error), and actions
 * skipped because the account could not afford them. Participants avoid every refusal they can foresee, so any
 * rejection here points at a bug or at someone else changing the market under them.
 */
public final class FlowStats {
    private long created;
    private long amended;
    private long canceled;
    private long skippedForBalance;
    private final EnumMap<ExchangeError, Long> rejections = new EnumMap<>(ExchangeError.class);

    /** Orders accepted by {@code createOrder}. */
    public long created() {
        return created;
    }

    /** Amends accepted. */
    public long amended() {
        return amended;
    }

    /** Cancels accepted. */
    public long canceled() {
        return canceled;
    }

    /** Orders not sent because the account's available balance could not cover them. */
    public long skippedForBalance() {
        return skippedForBalance;
    }

    /** Refused order calls by error, in the enum's order (a copy). */
    public Map<ExchangeError, Long> rejections() {
        return new EnumMap<>(rejections);
    }

    public long totalRejections() {
        long n = 0;
        for (long v : rejections.values()) {
            n += v;
        }
        return n;
    }

    void countCreated() {
        created++;
    }

    void countAmended() {
        amended++;
    }

    void countCanceled() {
        canceled++;
    }

    void countSkippedForBalance() {
        skippedForBalance++;
    }

    void countRejection(ExchangeError e) {
        rejections.merge(e, 1L, Long::sum);
    }

    @Override
    public String toString() {
        return "FlowStats[created " + created + ", amended " + amended + ", canceled " + canceled + ", skipped "
            + skippedForBalance + ", rejections " + rejections + "]";
    }
}
