package io.kengine.feed.connection;

import java.io.IOException;

/** The server broke RFC 6455: the connection is closed with {@link #closeCode()} (§7.4.1). */
final class WsProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    static final int PROTOCOL_ERROR = 1002;
    static final int UNSUPPORTED_DATA = 1003;
    static final int MESSAGE_TOO_BIG = 1009;

    private final int closeCode;

    WsProtocolException(int closeCode, String message) {
        super(message);
        this.closeCode = closeCode;
    }

    int closeCode() {
        return closeCode;
    }
}
