package io.kengine.engine;

import io.kengine.engine.ring.StageMapping;
import io.kengine.journal.JournalFormat;
import io.kengine.journal.JournalReader;
import io.kengine.journal.ReplayResult;
import io.kengine.pricing.MidEdgePricingStage;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.OrderIntentEvent;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Run the real engine on a scripted sequence, journal it, replay it: the intents must be identical. */
class DeterminismTest {
    private static final int FEED_EVENTS = 20_000;

    private static void runEngine(Path journal, StageMapping mapping) throws InterruptedException {
        EngineOptions options = new EngineOptions(mapping, "blocking", 4096, 1024, journal, 0x5EEDL, "paper");
        ScriptedFeedSettings feed = new ScriptedFeedSettings(4, 42, 10_000, 5, FEED_EVENTS);
        try (TradingEngine engine = TradingEngine.start(options, feed, StrategyDefaults.entries(Map.of("risk.tokens.tier", "prestige")), new SystemEpochNanoClock())) {
            assertTrue(engine.awaitFeed(60, TimeUnit.SECONDS), "scripted feed did not finish");
        }
    }

    @ParameterizedTest
    @EnumSource(StageMapping.class)
    void replayOfARunIsIdentical(StageMapping mapping, @TempDir Path journal) throws Exception {
        runEngine(journal, mapping);

        ReplayResult result = EngineReplay.replay(journal, Map.of());

        assertTrue(result.identical(), result.summary());
        assertTrue(result.events() > FEED_EVENTS, "replayed " + result.events() + " events");
        assertTrue(result.intents() > 100, "only " + result.intents() + " intents: the run did not trade");
        assertEquals("identical: " + result.events() + " events, " + result.intents() + " intents", result.summary());
    }

    /**
     * The business thread rehearses between the feed's events (250 µs idle interval, gaps of 1 ms): the
     * private chain must leave no trace in what is journaled or decided, so replay (which never rehearses)
     * is identical.
     */
    @ParameterizedTest
    @EnumSource(value = StageMapping.class, names = {"SINGLE", "FUSED"})
    void rehearsingBetweenEventsChangesNoDecision(StageMapping mapping, @TempDir Path journal) throws Exception {
        EngineOptions options = new EngineOptions(mapping, "phased-backoff", 4096, 1024, journal, 0x5EEDL, "paper")
            .withIdleRehearsal(TimeUnit.MICROSECONDS.toNanos(250));
        int events = 3_000;
        ScriptedFeedSettings feed = new ScriptedFeedSettings(4, 42, 1_000, 5, events);
        long steps;
        try (TradingEngine engine = TradingEngine.start(options, feed,
                StrategyDefaults.entries(Map.of("risk.tokens.tier", "prestige")), new SystemEpochNanoClock())) {
            assertTrue(engine.awaitFeed(60, TimeUnit.SECONDS), "scripted feed did not finish");
            assertTrue(engine.rehearsal() != null, "no rehearsal on " + mapping + " with phased-backoff");
            steps = engine.rehearsal().steps();
            assertEquals(null, engine.rehearsal().failure());
        }
        // thousands on a quiet host; a loaded one (CI next to other builds) still gets dozens
        assertTrue(steps >= 20, "only " + steps + " rehearsal steps: the test did not interleave them with events");

        ReplayResult result = EngineReplay.replay(journal, Map.of());

        assertTrue(result.identical(), result.summary());
        assertTrue(result.events() > events, "replayed " + result.events() + " events");
        assertTrue(result.intents() > 100, "only " + result.intents() + " intents: the run did not trade");
    }

    @Test
    void aChangedPricingParameterIsCaughtAtTheFirstAffectedIntent(@TempDir Path journal) throws Exception {
        runEngine(journal, StageMapping.FUSED);
        long firstIntentCause = firstJournaledIntentCause(journal);

        ReplayResult result = EngineReplay.replay(journal, Map.of(MidEdgePricingStage.EDGE_KEY, "0.0300"));

        assertFalse(result.identical(), "a wider edge must change the first quote");
        assertEquals(firstIntentCause, result.divergenceInboundSequence(), result.summary());
        assertTrue(result.summary().startsWith("divergence at inbound sequence " + firstIntentCause), result.summary());
    }

    private static long firstJournaledIntentCause(Path journal) {
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[EventHeader.MAX_EVENT_LENGTH]);
        try (JournalReader out = JournalReader.open(journal, JournalFormat.OUT)) {
            assertTrue(out.next(buffer), "the run journaled no intent");
            OrderIntentEvent intent = new OrderIntentEvent();
            intent.wrap(buffer, 0);
            return intent.causeSequence();
        }
    }
}
