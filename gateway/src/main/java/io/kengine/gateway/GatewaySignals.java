package io.kengine.gateway;

/**
 * How the orders stage (business thread) tells the gateway's I/O side that it should act, without
 * touching it: each call must be cheap, non-blocking and never wait on an I/O lock. Side effects only:
 * no decision may depend on them, so replay passes {@link #NONE}. What the I/O side does in answer
 * (a reconciliation round, a HALT command) comes back as inbound events, which the journal records.
 */
public interface GatewaySignals {
    GatewaySignals NONE = new GatewaySignals() {
    };

    /** An order of this market went to unknown: reconcile soon. */
    default void unknownOrder(int marketId) {
    }

    /** Reconciliation found a mismatch the stage cannot explain: halt this market (publish a HALT command). */
    default void reconcileMismatch(int marketId) {
    }
}
