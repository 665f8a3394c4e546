package io.kengine.feed.decode;

/** The command replies Kalshi sends (kalshi-api.md §4.3); {@link #NONE} on every other frame. */
public enum ControlType {
    NONE,
    SUBSCRIBED,
    UNSUBSCRIBED,
    /** {@code ok} with an object (or no) {@code msg}: an {@code update_subscription} acknowledgement. */
    OK,
    /** {@code ok} with an array {@code msg}: the {@code list_subscriptions} reply. */
    LIST,
    ERROR
}
