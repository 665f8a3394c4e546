package io.kengine.engine;

import io.kengine.protocol.stage.ResyncRequests;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The business thread's request for fresh snapshots, as a counter: the book stage bumps it (one
 * writer, no lock, no wait) and the market source's own thread polls it and resyncs the feed.
 */
public final class ResyncSignal implements ResyncRequests {
    private final AtomicLong requests = new AtomicLong();
    private volatile int lastMarket = -1;

    @Override
    public void request(int marketId) {
        lastMarket = marketId;
        requests.lazySet(requests.get() + 1);
    }

    public long requests() {
        return requests.get();
    }

    public int lastMarket() {
        return lastMarket;
    }
}
