package io.kengine.engine;

import io.kengine.engine.ring.StageMapping;

import java.nio.file.Path;

/**
 * What the runtime needs to wire the rings, independent of where it came from (YAML, CLI, a test).
 *
 * @param journalDir         null disables journaling (benchmarks of the bare ring only)
 * @param idleRehearsalNanos how long the business thread waits with nothing to do before it runs an idle
 *                           rehearsal step ({@code single} and {@code fused} mappings, wait strategies that
 *                           can time out); 0 turns rehearsal off
 */
public record EngineOptions(StageMapping mapping, String waitStrategy, int inboundSize, int outboundSize,
                            Path journalDir, long runId, String mode, long idleRehearsalNanos) {
    public EngineOptions {
        if (Integer.bitCount(inboundSize) != 1 || Integer.bitCount(outboundSize) != 1) {
            throw new IllegalArgumentException("ring sizes must be powers of two: " + inboundSize + ", " + outboundSize);
        }
        if (idleRehearsalNanos < 0) {
            throw new IllegalArgumentException("idle rehearsal interval must be >= 0: " + idleRehearsalNanos);
        }
    }

    /** Options without idle rehearsal. */
    public EngineOptions(StageMapping mapping, String waitStrategy, int inboundSize, int outboundSize,
                         Path journalDir, long runId, String mode) {
        this(mapping, waitStrategy, inboundSize, outboundSize, journalDir, runId, mode, 0);
    }

    public EngineOptions withMapping(StageMapping m) {
        return new EngineOptions(m, waitStrategy, inboundSize, outboundSize, journalDir, runId, mode, idleRehearsalNanos);
    }

    public EngineOptions withJournalDir(Path dir) {
        return new EngineOptions(mapping, waitStrategy, inboundSize, outboundSize, dir, runId, mode, idleRehearsalNanos);
    }

    public EngineOptions withIdleRehearsal(long nanos) {
        return new EngineOptions(mapping, waitStrategy, inboundSize, outboundSize, journalDir, runId, mode, nanos);
    }
}
