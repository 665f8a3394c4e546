package io.kengine.bench;

import io.kengine.engine.EngineOptions;
import io.kengine.engine.ScriptedFeedSettings;
import io.kengine.engine.TradingEngine;
import io.kengine.engine.ring.StageMapping;
import io.kengine.journal.JournalFormat;
import io.kengine.journal.JournalReader;
import io.kengine.protocol.event.EventHeader;
import org.agrona.BufferUtil;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A journal of a real paper-trading run to replay: the engine as {@code run} starts it (SessionStart,
 * ConfigChange per parameter, the scripted feed, timers, paper exchange replies), journaling in and
 * out. Replies make the orders stage amend and cancel, so replay does all its work.
 */
final class ReplayJournal {
    /**
     * Feed pace while recording. At full speed the paper exchange's replies trail far behind the feed,
     * orders sit in flight, and the run sends an intent for under 0.1% of events; at this pace about 1%.
     */
    static final long RECORD_EVENTS_PER_SECOND = 100_000;
    /** As in the shipped config/engine.yaml. */
    static final long TIMER_INTERVAL_MS = 100;

    private ReplayJournal() {
    }

    static Path write(Path dir, long feedEvents) {
        EngineOptions options = new EngineOptions(StageMapping.FUSED, "auto", RingConfig.INBOUND_SIZE,
            RingConfig.OUTBOUND_SIZE, dir, ScriptedEvents.RUN_ID, "paper");
        ScriptedFeedSettings feed = new ScriptedFeedSettings(ScriptedEvents.MARKETS, ScriptedEvents.SEED,
            RECORD_EVENTS_PER_SECOND, TIMER_INTERVAL_MS, feedEvents);
        try (TradingEngine engine = TradingEngine.start(options, feed, BenchParameters.entries(), new SystemEpochNanoClock())) {
            if (!engine.awaitFeed(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("scripted feed did not finish " + feedEvents + " events");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return dir;
    }

    /** Records in one stream, read with a plain reader. */
    static long count(Path dir, String stream) {
        return readAll(dir, stream, new UnsafeBuffer(BufferUtil.allocateDirectAligned(EventHeader.MAX_EVENT_LENGTH, 64)));
    }

    /** Reads a stream to its end into {@code into}; the read floor of a replay. */
    static long readAll(Path dir, String stream, UnsafeBuffer into) {
        try (JournalReader reader = JournalReader.open(dir, stream)) {
            long n = 0;
            while (reader.next(into)) {
                n++;
            }
            return n;
        }
    }

    static long countIn(Path dir) {
        return count(dir, JournalFormat.IN);
    }
}
