package io.kengine.feed.connection;

import java.io.IOException;

/** The upgrade was refused or answered wrongly; the message says how (e.g. {@code HTTP 401 {"error":…}}). */
final class WsHandshakeException extends IOException {
    private static final long serialVersionUID = 1L;

    WsHandshakeException(String message) {
        super(message);
    }
}
