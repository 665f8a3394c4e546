package io.kengine.engine;

import io.kengine.engine.ring.StageMapping;
import io.kengine.gateway.IntentSender;
import io.kengine.journal.JournalFormat;
import io.kengine.journal.JournalReader;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.stage.EventPublisher;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feeds a recorded run's inbound events back through the real rings — with their threads — in
 * each stage mapping, and checks the intents come out byte for byte as journaled: the mapping
 * changes threads, never results.
 */
class MappingEquivalenceTest {

    @ParameterizedTest
    @EnumSource(StageMapping.class)
    void ringsInEitherMappingReproduceTheJournaledIntents(StageMapping mapping, @TempDir Path journal) throws Exception {
        EngineOptions recordOptions = new EngineOptions(StageMapping.FUSED, "blocking", 4096, 1024, journal, 0xFEEDL, "paper");
        try (TradingEngine engine = TradingEngine.start(recordOptions, new ScriptedFeedSettings(3, 7, 20_000, 5, 10_000),
            StrategyDefaults.entries(Map.of("risk.tokens.tier", "prestige")), new SystemEpochNanoClock())) {
            assertTrue(engine.awaitFeed(60, TimeUnit.SECONDS));
        }
        List<byte[]> inbound = read(journal, JournalFormat.IN);
        // the sender sees intents only; decision records on the outbound ring go to the journal alone
        List<byte[]> expected = new ArrayList<>();
        for (byte[] e : read(journal, JournalFormat.OUT)) {
            if (EventHeader.type(new UnsafeBuffer(e), 0) == io.kengine.protocol.event.EventType.ORDER_INTENT) {
                expected.add(e);
            }
        }
        // how many depends on how fast the paper venue's acks come back (a loaded host sends fewer amends)
        assertTrue(expected.size() >= 10, "the recorded run should trade: " + expected.size() + " intents");

        ReplayingClock clock = new ReplayingClock();
        List<byte[]> actual = Collections.synchronizedList(new ArrayList<>());
        IntentSender recorder = (buffer, offset, length, endOfBatch) -> {
            byte[] copy = new byte[length];
            buffer.getBytes(offset, copy);
            actual.add(copy);
        };
        EngineOptions options = new EngineOptions(mapping, "blocking", 256, 256, null, 0xFEEDL, "paper");
        try (EngineRuntime runtime = new EngineRuntime(options, clock, intents -> new BusinessStages(intents).inOrder(),
            inbound2 -> recorder, () -> true)) {
            runtime.start();
            EventPublisher publisher = runtime.newInboundPublisher();
            for (byte[] event : inbound) {
                clock.next = EventHeader.timestampNanos(new UnsafeBuffer(event), 0);
                MutableDirectBuffer slot = publisher.claim();
                slot.putBytes(0, event);
                publisher.publish();
            }
            assertTrue(runtime.drain(30_000));
        }
        assertEquals(expected.size(), actual.size(), "intent count");
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(Arrays.equals(expected.get(i), actual.get(i)), "intent " + i + " differs in " + mapping + " mapping");
        }
    }

    private static List<byte[]> read(Path journal, String stream) {
        List<byte[]> out = new ArrayList<>();
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[EventHeader.MAX_EVENT_LENGTH]);
        try (JournalReader reader = JournalReader.open(journal, stream)) {
            while (reader.next(buffer)) {
                out.add(Arrays.copyOf(buffer.byteArray(), EventHeader.length(buffer, 0)));
            }
        }
        return out;
    }

    /** Stamps each event with its journaled receive time (one producer sets it before each publish). */
    private static final class ReplayingClock implements EpochNanoClock {
        volatile long next;

        @Override
        public long nanoTime() {
            return next;
        }
    }
}
