package io.kengine.feed.connection;

/** {@link KalshiFeed#start} could not read the market definitions it needs. */
public final class FeedStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FeedStartException(String message) {
        super(message);
    }

    public FeedStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
