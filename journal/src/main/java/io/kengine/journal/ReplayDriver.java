package io.kengine.journal;

import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.protocol.stage.EventSlot;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Replays a journal: feeds every inbound event, in order, through freshly built business stages
 * and compares each intent they publish with the journaled one. Each SessionStart begins a new
 * engine run with a new pipeline, so a journal holding several runs replays each from a clean state.
 * The loop reuses one slot and one set of buffers: it allocates nothing per event.
 */
public final class ReplayDriver {
    /** Runs all business stages, in engine order, on one inbound event. */
    public interface ReplayPipeline {
        void onEvent(EventSlot slot);
    }

    /** Builds the stages of one engine run from a clean state, publishing intents into {@code intentSink}. */
    public interface ReplayPipelineFactory {
        ReplayPipeline create(EventPublisher intentSink);
    }

    private ReplayDriver() {
    }

    /**
     * @param configOverrides what-if values: a ConfigChange of one of these keys carries the given value
     *                        instead of the journaled one; empty for a plain determinism check
     * @throws JournalException if the journal cannot be read
     * @throws IllegalArgumentException if an override cannot be encoded as a ConfigChange
     * @throws IllegalStateException wrapping anything the pipeline throws, with the inbound sequence
     */
    public static ReplayResult replay(Path journalDir, ReplayPipelineFactory factory, Map<String, String> configOverrides) {
        Objects.requireNonNull(factory, "factory");
        ConfigOverrides overrides = new ConfigOverrides(configOverrides);
        UnsafeBuffer event = new UnsafeBuffer(BufferUtil.allocateDirectAligned(EventHeader.MAX_EVENT_LENGTH, 64));
        EventSlot slot = new EventSlot();
        try (JournalReader in = JournalReader.open(journalDir, JournalFormat.IN);
             JournalReader out = JournalReader.open(journalDir, JournalFormat.OUT)) {
            RecordingPublisher recorder = new RecordingPublisher(out);
            ReplayPipeline pipeline = null;
            long events = 0;
            while (in.next(event)) {
                slot.copyFrom(event, 0, EventHeader.length(event, 0));
                short type = slot.type();
                if (type == EventType.SESSION_START || pipeline == null) {
                    recorder.startSession(slot.timestampNanos());
                    if (recorder.diverged()) {
                        break;
                    }
                    pipeline = Objects.requireNonNull(factory.create(recorder), "factory created a null pipeline");
                }
                if (type == EventType.CONFIG_CHANGE) {
                    overrides.apply(slot);
                }
                recorder.onInbound(slot.sequence());
                events++;
                feed(pipeline, slot, recorder.sessions());
                if (recorder.diverged()) {
                    break;
                }
            }
            if (!recorder.diverged()) {
                recorder.finish();
            } else if (!overrides.allSeen()) {
                // the replay stopped early; an override key may still occur later in the journal
                while (in.next(event)) {
                    slot.copyFrom(event, 0, EventHeader.length(event, 0));
                    overrides.apply(slot);
                }
            }
            return new ReplayResult(events, recorder.matched(), recorder.sessions(), recorder.divergence(),
                overrides.unseenKeys());
        }
    }

    private static void feed(ReplayPipeline pipeline, EventSlot slot, int session) {
        try {
            pipeline.onEvent(slot);
        } catch (RuntimeException e) {
            throw new IllegalStateException("replay: the pipeline failed on inbound sequence " + slot.sequence()
                + " (session " + session + ", " + EventType.name(slot.type()) + "): " + e, e);
        }
    }
}
