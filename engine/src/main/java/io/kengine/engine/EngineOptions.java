package io.kengine.engine;

import io.kengine.engine.ring.StageMapping;

import java.nio.file.Path;

/**
 * What the runtime needs to wire the rings, independent of where it came from (YAML, CLI, a test).
 *
 * @param journalDir null disables journaling (benchmarks of the bare ring only)
 */
public record EngineOptions(StageMapping mapping, String waitStrategy, int inboundSize, int outboundSize,
                            Path journalDir, long runId, String mode) {
    public EngineOptions {
        if (Integer.bitCount(inboundSize) != 1 || Integer.bitCount(outboundSize) != 1) {
            throw new IllegalArgumentException("ring sizes must be powers of two: " + inboundSize + ", " + outboundSize);
        }
    }

    public EngineOptions withMapping(StageMapping m) {
        return new EngineOptions(m, waitStrategy, inboundSize, outboundSize, journalDir, runId, mode);
    }

    public EngineOptions withJournalDir(Path dir) {
        return new EngineOptions(mapping, waitStrategy, inboundSize, outboundSize, dir, runId, mode);
    }
}
