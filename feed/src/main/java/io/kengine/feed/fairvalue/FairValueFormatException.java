package io.kengine.feed.fairvalue;

/** A fair-value line or body that cannot be used; the message says what is wrong. */
public final class FairValueFormatException extends Exception {
    public FairValueFormatException(String message) {
        super(message);
    }
}
