package io.kengine.feed.connection;

import io.kengine.protocol.wire.auth.AuthHeaders;

import javax.net.ssl.SSLSocketFactory;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link FeedTransport#DIRECT}: the feed's own RFC 6455 client ({@link DirectWebSocket}), one reader thread
 * per connection ({@code kalshi-feed-ws-N}), text frames handed over in place from the read buffer.
 */
final class DirectTransport implements WsTransport {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final WsAddress address;
    private final long timeoutNanos;
    private final int maxMessage;
    /** {@code wss:} sockets; null = {@link SSLSocketFactory#getDefault()} (the JDK's default trust store). */
    private final SSLSocketFactory tls;
    private final SecureRandom random = new SecureRandom(); // keys and masks; thread-safe

    /**
     * @param httpTimeout bounds connect, TLS handshake and upgrade together
     * @param maxMessage  longest text message (bytes); a longer one closes the connection with 1009
     * @throws IllegalArgumentException a URL that is not {@code ws:}/{@code wss:} (at construction, not in a reconnect loop)
     */
    DirectTransport(String url, Duration httpTimeout, int maxMessage) {
        this(url, httpTimeout, maxMessage, null);
    }

    /**
     * Tests only: {@code wss:} sockets from {@code tls} (e.g. an SSLContext trusting a test certificate) instead
     * of the JDK default. SNI and hostname verification are set on every socket whatever the factory.
     *
     * @param tls null = {@link SSLSocketFactory#getDefault()}
     */
    DirectTransport(String url, Duration httpTimeout, int maxMessage, SSLSocketFactory tls) {
        this.address = WsAddress.parse(url);
        this.timeoutNanos = httpTimeout.toNanos();
        this.maxMessage = maxMessage;
        this.tls = tls;
    }

    @Override
    public WsSocket connect(AuthHeaders auth, WsListener listener) {
        DirectWebSocket s = new DirectWebSocket("kalshi-feed-ws-" + THREADS.incrementAndGet(), address, auth, listener,
                random, timeoutNanos, maxMessage, tls);
        s.start();
        return s;
    }
}
