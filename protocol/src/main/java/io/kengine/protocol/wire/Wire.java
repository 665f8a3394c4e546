package io.kengine.protocol.wire;

/**
 * Conventions shared by every wire record.
 *
 * <ul>
 *   <li>A {@code long} field that is absent on the wire holds {@link #ABSENT} (the same value as
 *       {@code Flyweight.NULL_LONG} and {@code FixedPoint.INVALID}, so it cannot be a real value).
 *       Prices and money are in $0.0001, counts in 0.01 contracts (see {@code FixedPoint}); times are
 *       in the unit their component name says ({@code tsMs}, {@code openTsSec}, {@code createdTimeMs}).</li>
 *   <li>Any other absent field ({@code String}, {@code Integer}, {@code Boolean}, lists, nested
 *       records) is {@code null}.</li>
 *   <li>Writers omit absent fields; readers ignore fields they do not know.</li>
 * </ul>
 */
public final class Wire {
    /** Marks an absent {@code long} field. */
    public static final long ABSENT = Long.MIN_VALUE;

    private Wire() {
    }

    public static boolean isPresent(long value) {
        return value != ABSENT;
    }
}
