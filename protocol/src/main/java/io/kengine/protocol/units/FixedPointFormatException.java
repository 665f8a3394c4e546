package io.kengine.protocol.units;

/**
 * A fixed-point string that {@link FixedPoint} refuses. The message names the input, the kind of
 * number expected and what is wrong, e.g. {@code invalid price "0.56789": more than 4 decimals}.
 * Thrown only by the {@code CharSequence} parsers; the byte parsers return {@link FixedPoint#INVALID}.
 */
public final class FixedPointFormatException extends IllegalArgumentException {
    private final String input;
    private final String kind;
    private final String problem;
    private final int position;

    FixedPointFormatException(String input, String kind, String problem, int position) {
        super("invalid " + kind + " \"" + input + "\": " + problem);
        this.input = input;
        this.kind = kind;
        this.problem = problem;
        this.position = position;
    }

    /** The rejected text, verbatim. */
    public String input() {
        return input;
    }

    /** What was expected: "price", "cents", "count", "signed count" or "money". */
    public String kind() {
        return kind;
    }

    /** What is wrong, without the input, e.g. "more than 4 decimals". */
    public String problem() {
        return problem;
    }

    /** Index of the offending character, or -1 when the problem is not at one character (empty, range). */
    public int position() {
        return position;
    }
}
