package io.kengine.protocol.stage;

/**
 * How a business stage asks the I/O side for fresh snapshots without touching it: the call must be
 * cheap, non-blocking and never wait on a feed lock (the feed may itself be waiting for ring space
 * the business thread frees). The engine implements it with a counter the feed's own thread polls.
 * It is a side effect only: no decision may depend on it, so replay passes {@link #NONE}.
 */
@FunctionalInterface
public interface ResyncRequests {
    ResyncRequests NONE = marketId -> { };

    void request(int marketId);
}
