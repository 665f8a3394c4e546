package io.kengine.protocol.stage;

/** Market regime as the pricing stage classifies it (M2) and risk scales its limits by (R2). */
public final class Regime {
    public static final int UNKNOWN = 0;
    public static final int CALM = 1;
    public static final int ACTIVE = 2;
    public static final int EVENT = 3;

    private Regime() {
    }

    public static String name(int r) {
        switch (r) {
            case UNKNOWN: return "unknown";
            case CALM: return "calm";
            case ACTIVE: return "active";
            case EVENT: return "event";
            default: return "regime-" + r;
        }
    }
}
