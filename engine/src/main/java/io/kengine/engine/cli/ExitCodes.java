package io.kengine.engine.cli;

/** Process exit codes; the README documents them. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int DIVERGENCE = 1;
    public static final int USAGE = 2;
    public static final int CONFIG = 3;
    public static final int JOURNAL = 4;
    public static final int RUNTIME = 5;
    /** No running engine answered on its control endpoint (status, halt, resume, flatten, cancel-all, reload). */
    public static final int UNREACHABLE = 6;
    /** check-key: the API key cannot be used (missing, readable by others, unparsable, does not sign). */
    public static final int KEY = 7;

    private ExitCodes() {
    }
}
