package io.kengine.bench;

import io.kengine.engine.SessionAnnouncer;
import io.kengine.sim.scripted.ScriptedMarketFeed;

/**
 * The scripted market the ring benchmark feeds: a preamble (SessionStart, the strategy's ConfigChange
 * events, market definitions and first snapshots) that configures the stages, then a body of feed
 * events the producer cycles through. At the wrap a few deltas no longer match the books (the book
 * stage refuses and counts them); the feed's periodic snapshots put every book right again.
 */
final class ScriptedEvents {
    static final long SEED = 20261121L;
    static final int MARKETS = 4;
    static final long RUN_ID = 0xBE7CL;
    private static final long CLOSE_TIME_MS = 4_102_444_800_000L;

    final RecordedEvents preamble = new RecordedEvents();
    final RecordedEvents body = new RecordedEvents();

    ScriptedEvents(int bodyEvents) {
        ScriptedMarketFeed feed = new ScriptedMarketFeed(SEED, MARKETS, CLOSE_TIME_MS);
        SessionAnnouncer.announce(preamble, RUN_ID, "bench", BenchParameters.entries());
        feed.publishStart(preamble);
        while (body.count() < bodyEvents) {
            feed.publishNext(body);
        }
    }
}
