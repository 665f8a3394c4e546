package io.kengine.pricing.engines;

/** Which pricing engine quotes a market; chosen per market by {@code pricing.engines}. */
public final class EngineKind {
    public static final int NONE = -1;
    public static final int M0 = 0;
    public static final int M1 = 1;
    public static final int M2 = 2;
    public static final int M3 = 3;
    public static final int COUNT = 4;

    private EngineKind() {
    }

    /** The kind for {@code m0}..{@code m3} or {@code off}; throws for anything else. */
    public static int parse(String name) {
        switch (name) {
            case "m0": return M0;
            case "m1": return M1;
            case "m2": return M2;
            case "m3": return M3;
            case "off": return NONE;
            default: throw new IllegalArgumentException("unknown engine \"" + name + "\" (m0, m1, m2, m3 or off)");
        }
    }

    public static String name(int kind) {
        return kind == NONE ? "off" : "m" + kind;
    }
}
