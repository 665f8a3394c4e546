package io.kengine.engine.cli;

/** Process exit codes; the README documents them. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int DIVERGENCE = 1;
    public static final int USAGE = 2;
    public static final int CONFIG = 3;
    public static final int JOURNAL = 4;
    public static final int RUNTIME = 5;

    private ExitCodes() {
    }
}
