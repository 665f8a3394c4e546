package io.kengine.engine.ring;

/** How the four business stages map onto threads. Same order and results either way. */
public enum StageMapping {
    /** book → pricing → risk → orders on one consumer thread: the default on small hosts. */
    FUSED,
    /** one consumer thread per stage, chained by sequence barriers. */
    PER_STAGE;

    public static StageMapping parse(String s) {
        switch (s) {
            case "fused": return FUSED;
            case "per-stage": return PER_STAGE;
            default: throw new IllegalArgumentException("unknown stage mapping '" + s + "' (fused | per-stage)");
        }
    }

    public int businessThreads() {
        return this == FUSED ? 1 : 4;
    }
}
