package io.kengine.engine;

import io.kengine.journal.ReplayDriver;
import io.kengine.journal.ReplayResult;
import io.kengine.engine.ring.StageErrors;
import io.kengine.engine.ring.StagesHandler;

import java.nio.file.Path;
import java.util.Map;

/** Replays a journal through the same business stages the live engine runs. */
public final class EngineReplay {
    private EngineReplay() {
    }

    public static ReplayResult replay(Path journalDir, Map<String, String> overrides) {
        return ReplayDriver.replay(journalDir, intents -> {
            // The same adapter the live fused mapping uses, so a stage error is handled identically.
            StagesHandler chain = new StagesHandler(new StageErrors(), new BusinessStages(intents).inOrder());
            return slot -> chain.onEvent(slot, slot.sequence(), true);
        }, overrides);
    }
}
