package io.kengine.journal;

import io.kengine.journal.QuotingPipeline.Variant;
import io.kengine.protocol.event.EventHeader;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayDriverTest {
    private static final long FIRST_EXCHANGE_SEQ = 1000;

    @TempDir
    Path dir;

    @Test
    void sameStagesReplayIdentical() {
        long[] counts = journal(1, 50);
        ReplayResult r = ReplayDriver.replay(dir, QuotingPipeline.factory(), Map.of());
        assertEquals("identical: " + counts[0] + " events, " + counts[1] + " intents", r.summary());
        assertTrue(r.identical());
        assertTrue(r.ok());
        assertEquals(50, r.intents());
        assertEquals(1, r.sessions());
    }

    @Test
    void changedPriceIsReportedAtTheCausingInboundSequence() {
        journal(1, 50);
        long exchangeSeq = FIRST_EXCHANGE_SEQ + 17;
        long inbound = inboundSequenceOfDelta(exchangeSeq);
        ReplayResult r = ReplayDriver.replay(dir, QuotingPipeline.factory(Variant.PRICE_OFF_BY_ONE_TICK, exchangeSeq), Map.of());
        assertFalse(r.identical());
        assertEquals(inbound, r.divergenceInboundSequence());
        assertEquals(17, r.divergenceIntentSequence());
        assertEquals(17, r.intents(), "intents before the divergence");
        assertEquals(inbound + 1, r.events(), "the replay stops at the diverging event");
        String[] lines = r.summary().split("\n");
        assertEquals("divergence at inbound sequence " + inbound + " (intent #17):", lines[0]);
        assertTrue(lines[1].startsWith("expected: seq=17 ") && lines[1].contains(" price=0.6700 "), lines[1]);
        assertTrue(lines[2].startsWith("actual: seq=17 ") && lines[2].contains(" price=0.6800 "), lines[2]);
        assertEquals(lines[1].substring("expected: ".length()).replace("price=0.6700", "price=0.6800"),
            lines[2].substring("actual: ".length()), "only the price differs");
    }

    @Test
    void missingIntentIsActualNone() {
        journal(1, 20);
        long exchangeSeq = FIRST_EXCHANGE_SEQ + 5;
        ReplayResult r = ReplayDriver.replay(dir, QuotingPipeline.factory(Variant.SKIP_INTENT, exchangeSeq), Map.of());
        // the next intent the replay makes is compared with the skipped one and differs
        assertEquals(5, r.divergenceIntentSequence());
        assertTrue(r.expected().contains(" cause=" + inboundSequenceOfDelta(exchangeSeq) + " "), r.expected());
        assertEquals(inboundSequenceOfDelta(exchangeSeq + 1), r.divergenceInboundSequence());
    }

    @Test
    void skippingTheLastIntentLeavesAJournaledOneOver() {
        journal(1, 20);
        long last = FIRST_EXCHANGE_SEQ + 19;
        ReplayResult r = ReplayDriver.replay(dir, QuotingPipeline.factory(Variant.SKIP_INTENT, last), Map.of());
        assertEquals("none", r.actual());
        assertEquals(19, r.divergenceIntentSequence());
        assertEquals(inboundSequenceOfDelta(last), r.divergenceInboundSequence());
        assertTrue(r.summary().contains("\nactual: none\n"), r.summary());
    }

    @Test
    void extraIntentAtTheEndIsExpectedNone() {
        journal(1, 20);
        long last = FIRST_EXCHANGE_SEQ + 19;
        ReplayResult r = ReplayDriver.replay(dir, QuotingPipeline.factory(Variant.EXTRA_INTENT, last), Map.of());
        assertEquals("none", r.expected());
        assertEquals(20, r.divergenceIntentSequence());
        assertEquals(20, r.intents());
        assertEquals(inboundSequenceOfDelta(last), r.divergenceInboundSequence());
        assertTrue(r.summary().contains("\nexpected: none\nactual: seq=20 "), r.summary());
    }

    @Test
    void severalRunsReplayEachFromACleanState() {
        long[] counts = journal(3, 10);
        AtomicInteger created = new AtomicInteger();
        ReplayResult r = ReplayDriver.replay(dir, sink -> {
            created.incrementAndGet();
            return new QuotingPipeline(sink, Variant.SAME, -1);
        }, Map.of());
        assertEquals("identical: " + counts[0] + " events, " + counts[1] + " intents", r.summary());
        assertEquals(3, created.get());
        assertEquals(3, r.sessions());
        assertEquals(30, r.intents());
    }

    @Test
    void stateLeakingAcrossRunsDiverges() {
        journal(2, 10);
        // one pipeline for the whole journal: its order counter carries over into the second run
        QuotingPipeline[] shared = new QuotingPipeline[1];
        ReplayResult r = ReplayDriver.replay(dir, sink -> {
            if (shared[0] == null) {
                shared[0] = new QuotingPipeline(sink, Variant.SAME, -1);
            }
            return shared[0];
        }, Map.of());
        assertFalse(r.identical());
        assertEquals(2, r.divergenceSession());
        assertEquals(0, r.divergenceIntentSequence());
        assertTrue(r.expected().contains("coid=r2-0"), r.expected());
        assertTrue(r.actual().contains("coid=r2-10"), r.actual());
    }

    @Test
    void divergenceInALaterRunNamesThatRunsSequences() {
        journal(2, 10);
        // second run: exchange sequences continue from where the first run stopped
        long exchangeSeq = FIRST_EXCHANGE_SEQ + 10 + 3;
        ReplayResult r = ReplayDriver.replay(dir, QuotingPipeline.factory(Variant.PRICE_OFF_BY_ONE_TICK, exchangeSeq), Map.of());
        assertEquals(2, r.divergenceSession());
        assertEquals(3, r.divergenceIntentSequence());
        assertEquals(13, r.intents());
    }

    @Test
    void intentsMissingAtTheEndOfARunAreCaughtAtTheNextSessionStart() {
        journal(2, 10);
        long lastOfFirstRun = FIRST_EXCHANGE_SEQ + 9;
        ReplayResult r = ReplayDriver.replay(dir, QuotingPipeline.factory(Variant.SKIP_INTENT, lastOfFirstRun), Map.of());
        assertEquals(1, r.divergenceSession());
        assertEquals(9, r.divergenceIntentSequence());
        assertEquals("none", r.actual());
    }

    @Test
    void journaledIntentsLeftAfterTheInboundStreamAreADivergence() {
        long[] counts = journal(1, 5);
        UnsafeBuffer b = TestEvents.buffer();
        int length = TestEvents.intent(b, TestEvents.MARKET, 99, TestEvents.T0);
        EventHeader.sequence(b, 0, counts[1]);
        try (JournalWriter out = JournalWriter.open(dir, JournalFormat.OUT)) {
            out.append(b, 0, length);
        }
        ReplayResult r = ReplayDriver.replay(dir, QuotingPipeline.factory(), Map.of());
        assertEquals(99, r.divergenceInboundSequence());
        assertEquals(5, r.divergenceIntentSequence());
        assertEquals("none", r.actual());
        assertEquals(counts[0], r.events());
        assertTrue(r.summary().startsWith("divergence at inbound sequence 99 (intent #5):\nexpected: seq=5 "), r.summary());
    }

    @Test
    void overridingAConfigKeyTheStagesReadChangesTheResult() {
        journal(1, 10);
        ReplayResult same = ReplayDriver.replay(dir, QuotingPipeline.factory(), Map.of(QuotingPipeline.SIZE_KEY, "2.00"));
        assertTrue(same.ok(), same.summary());
        ReplayResult whatIf = ReplayDriver.replay(dir, QuotingPipeline.factory(), Map.of(QuotingPipeline.SIZE_KEY, "7.50"));
        assertFalse(whatIf.identical());
        assertEquals(0, whatIf.divergenceIntentSequence());
        assertTrue(whatIf.expected().contains(" count=2.00 "), whatIf.expected());
        assertTrue(whatIf.actual().contains(" count=7.50 "), whatIf.actual());
        assertEquals(List.of(), whatIf.unusedOverrides());
    }

    @Test
    void overrideKeyAbsentFromTheJournalIsReported() {
        long[] counts = journal(1, 10);
        ReplayResult r = ReplayDriver.replay(dir, QuotingPipeline.factory(),
            Map.of("pricing.m0.edgee", "0.0200", QuotingPipeline.SIZE_KEY, "2.00"));
        assertTrue(r.identical());
        assertFalse(r.ok());
        assertEquals(List.of("pricing.m0.edgee"), r.unusedOverrides());
        assertEquals("identical: " + counts[0] + " events, 10 intents\n"
            + "error: config override key 'pricing.m0.edgee' never occurs in the journal", r.summary());
    }

    @Test
    void overrideKeysAreLookedForPastADivergence() {
        try (SimulatedEngine engine = new SimulatedEngine(dir, QuotingPipeline.factory())) {
            engine.startSession(1);
            engine.config(QuotingPipeline.SIZE_KEY, "2.00");
            engine.marketData(5, FIRST_EXCHANGE_SEQ);
            engine.config("late.key", "x");
            engine.marketData(5, FIRST_EXCHANGE_SEQ + 5);
        }
        ReplayResult r = ReplayDriver.replay(dir, QuotingPipeline.factory(),
            Map.of(QuotingPipeline.SIZE_KEY, "3.00", "late.key", "y"));
        assertFalse(r.identical());
        assertEquals(List.of(), r.unusedOverrides());
    }

    @Test
    void unencodableOverrideIsRejectedUpFront() {
        journal(1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ReplayDriver.replay(dir, QuotingPipeline.factory(), Map.of("k", "x".repeat(300))));
        assertTrue(e.getMessage().startsWith("config override 'k': "), e.getMessage());
    }

    @Test
    void pipelineFailureNamesTheInboundSequence() {
        journal(1, 3);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ReplayDriver.replay(dir, sink -> slot -> {
            if (slot.sequence() == 4) {
                throw new ArithmeticException("boom");
            }
        }, Map.of()));
        assertTrue(e.getMessage().startsWith("replay: the pipeline failed on inbound sequence 4 (session 1, "), e.getMessage());
    }

    @Test
    void missingJournalIsAJournalException() {
        JournalException e = assertThrows(JournalException.class,
            () -> ReplayDriver.replay(dir.resolve("nope"), QuotingPipeline.factory(), Map.of()));
        assertTrue(e.getMessage().endsWith("nope: no such directory"), e.getMessage());
    }

    /**
     * Journals {@code runs} engine runs of {@code deltas} deltas each (plus trades and timers),
     * run r with id r, size 2.00. Returns {inbound events, intents}.
     */
    private long[] journal(int runs, int deltas) {
        long events = 0;
        long intents = 0;
        try (SimulatedEngine engine = new SimulatedEngine(dir, QuotingPipeline.factory())) {
            for (int run = 1; run <= runs; run++) {
                engine.startSession(run);
                engine.config(QuotingPipeline.SIZE_KEY, "2.00");
                engine.marketData(deltas, FIRST_EXCHANGE_SEQ + (long) (run - 1) * deltas);
                events += engine.inboundPublished();
                intents += engine.intentsPublished();
            }
        }
        return new long[] {events, intents};
    }

    /** Inbound sequence of the delta with this exchange sequence in the first run (see marketData's layout). */
    private static long inboundSequenceOfDelta(long exchangeSeq) {
        long i = exchangeSeq - FIRST_EXCHANGE_SEQ;
        long seq = 2; // session start, config
        for (long k = 0; k < i; k++) {
            seq += 1 + (k % 3 == 0 ? 1 : 0) + (k % 5 == 0 ? 1 : 0);
        }
        return seq;
    }
}
