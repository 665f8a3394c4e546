package io.kengine.journal;

/**
 * The first difference between the intents a replay produced and the journaled ones.
 * {@code expected} or {@code actual} is {@link #NONE} when that side has no intent at this point.
 */
record Divergence(long inboundSequence, long outboundSequence, int session, String expected, String actual) {
    static final String NONE = "none";
}
