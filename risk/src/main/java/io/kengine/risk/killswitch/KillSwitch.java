package io.kengine.risk.killswitch;

import io.kengine.protocol.event.EventHeader;

/**
 * The halt latch and the flatten requests. A halt (operator HALT, or R1's loss, drawdown and
 * consecutive-loss halts) latches with its reason and figures until an operator RESUME; while latched
 * every quote is pulled. FLATTEN (all markets or one) latches a flatten: only orders that reduce the
 * position toward zero pass, priced by the flatten rules, until RESUME; flatten orders go out even
 * while halted (closing positions is what a flatten is for).
 */
public final class KillSwitch {
    private boolean halted;
    private int haltReason;
    private long haltValue;
    private long haltLimit;
    private long haltedAtNanos;
    private long halts;
    private boolean flattenAll;
    private final boolean[] flattenMarket;
    private int flattenMarkets;

    public KillSwitch(int maxMarkets) {
        flattenMarket = new boolean[maxMarkets];
    }

    /** @return true when this latched a new halt (false if already halted) */
    public boolean halt(int reason, long value, long limit, long nowNanos) {
        if (halted) {
            return false;
        }
        halted = true;
        haltReason = reason;
        haltValue = value;
        haltLimit = limit;
        haltedAtNanos = nowNanos;
        halts++;
        return true;
    }

    /** Clears the halt and every flatten; @return true if anything was latched */
    public boolean resume() {
        boolean any = halted || flattenAll || flattenMarkets > 0;
        halted = false;
        haltReason = 0;
        flattenAll = false;
        if (flattenMarkets > 0) {
            java.util.Arrays.fill(flattenMarket, false);
            flattenMarkets = 0;
        }
        return any;
    }

    /** Latches a flatten for one market, or for all with {@link EventHeader#NO_MARKET}. */
    public void flatten(int market) {
        if (market == EventHeader.NO_MARKET) {
            flattenAll = true;
        } else if (market >= 0 && market < flattenMarket.length && !flattenMarket[market]) {
            flattenMarket[market] = true;
            flattenMarkets++;
        }
    }

    public boolean flattening(int m) {
        return flattenAll || flattenMarket[m];
    }

    public boolean halted() { return halted; }
    public int haltReason() { return haltReason; }
    public long haltValue() { return haltValue; }
    public long haltLimit() { return haltLimit; }
    public long haltedAtNanos() { return haltedAtNanos; }
    public long halts() { return halts; }
    public boolean flattenAll() { return flattenAll; }
}
