package io.kengine.config;

/**
 * What a parameter's value means, and so how its text is parsed into the {@code long} the engine
 * uses. Every kind travels as text in a ConfigChange event and parses to one {@code long}.
 */
public enum ParameterKind {
    /** $0.0001 units in [0, 1], text like {@code 0.5600}. */
    PRICE("a price"),
    /** 0.01-contract units, non-negative, text like {@code 10.00}. */
    COUNT("a count"),
    /** Signed $0.0001 units, text like {@code -12.5000}. */
    MONEY("an amount of money"),
    /** A 32-bit integer. */
    INT("an integer"),
    /** A 64-bit integer. */
    LONG("an integer"),
    /** {@code true} or {@code false}; parses to 1 or 0. */
    BOOL("true or false"),
    /** One of the definition's allowed values; parses to its index. */
    ENUM("one of the allowed values"),
    /** Non-negative milliseconds, text like {@code 250}, {@code 250ms}, {@code 2s}, {@code 5m}, {@code 1h}. */
    DURATION_MS("a duration"),
    /**
     * Printable ASCII text (at most 255 characters) for structured settings that are not one number,
     * e.g. {@code KXFED-*=m2;*=m0}. The declaring module's rule checks and canonicalises it; its
     * {@code long} is only the text's length. Stages read the text from the ConfigChange event.
     */
    TEXT("text");

    private final String expected;

    ParameterKind(String expected) {
        this.expected = expected;
    }

    /** How error messages describe the value this kind expects, e.g. "a price". */
    public String expected() {
        return expected;
    }
}
