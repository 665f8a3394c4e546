package io.kengine.feed.connection;

import io.kengine.protocol.wire.auth.AuthHeaders;
import org.agrona.DirectBuffer;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.util.List;

/**
 * One connection of {@link DirectTransport}: its own daemon reader thread connects ({@code ws:} plain TCP
 * with TCP_NODELAY, {@code wss:} TLS from {@link SSLSocketFactory#getDefault()} — or the factory a test
 * gave {@link DirectTransport} — with SNI and hostname verification), upgrades within the HTTP timeout, then
 * reads frames ({@link WsFrameReader}) until the connection ends, answering pings and the server's Close
 * itself. Text messages go to the listener straight from the read buffer. There is no read timeout once open:
 * liveness is the feed's dead check, which cancels.
 */
final class DirectWebSocket implements WsSocket, WsFrameReader.Handler, Runnable {
    private static final System.Logger LOG = System.getLogger(DirectWebSocket.class.getName());
    private static final byte[] EMPTY = new byte[0];

    private final WsAddress address;
    private final AuthHeaders auth;
    private final WsListener listener;
    private final SecureRandom random;
    private final long timeoutNanos;
    private final int maxMessage;
    private final SSLSocketFactory tls; // null = the JDK default
    private final Thread thread;

    /** The TCP socket (under TLS too): closing it ends a connect, a handshake or a read at once. */
    private volatile Socket raw;
    private volatile boolean cancelled;
    private volatile WsFrameWriter writer; // set once the upgrade succeeded
    private volatile long pingsPongs; // written by the reader thread only

    DirectWebSocket(String threadName, WsAddress address, AuthHeaders auth, WsListener listener, SecureRandom random,
                    long timeoutNanos, int maxMessage, SSLSocketFactory tls) {
        this.address = address;
        this.auth = auth;
        this.listener = listener;
        this.random = random;
        this.timeoutNanos = timeoutNanos;
        this.maxMessage = maxMessage;
        this.tls = tls;
        this.thread = new Thread(this, threadName);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        WsFrameReader reader;
        try {
            long deadline = System.nanoTime() + timeoutNanos;
            Socket s = open(deadline);
            reader = new WsFrameReader(s.getInputStream(), maxMessage);
            OutputStream out = s.getOutputStream();
            new WsHandshake(random).upgrade(s, out, reader, address, auth, deadline);
            s.setSoTimeout(0);
            writer = new WsFrameWriter(out, random);
        } catch (IOException | RuntimeException e) {
            closeRaw();
            listener.onFailure(cancelled ? "cancelled" : describe(e));
            return;
        }
        try {
            listener.onOpen(this);
            reader.readUntilClosed(this);
        } catch (WsProtocolException e) {
            closeWith(e.closeCode(), e.getMessage());
            listener.onProtocolError(e.closeCode(), e.getMessage());
        } catch (IOException e) {
            closeRaw();
            listener.onFailure(cancelled ? "cancelled" : describe(e));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "WebSocket listener failed on " + thread.getName(), e);
            closeWith(1011, "internal error");
            listener.onFailure("listener failed: " + e);
        } finally {
            closeRaw();
        }
    }

    private Socket open(long deadline) throws IOException {
        Socket s = new Socket();
        raw = s;
        if (cancelled) { // cancel() may have run before raw was set: it closed nothing
            throw new IOException("cancelled");
        }
        s.setTcpNoDelay(true);
        s.setKeepAlive(true);
        s.connect(new InetSocketAddress(address.host, address.port), remainingMillis(deadline));
        if (!address.tls) {
            return s;
        }
        SSLSocketFactory f = tls != null ? tls : (SSLSocketFactory) SSLSocketFactory.getDefault();
        SSLSocket ssl = (SSLSocket) f.createSocket(s, address.host, address.port, true);
        SSLParameters p = ssl.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS"); // hostname verification, as for HTTPS
        if (!isIpLiteral(address.host)) {
            p.setServerNames(List.of(new SNIHostName(address.host)));
        }
        p.setApplicationProtocols(new String[] {"http/1.1"}); // the upgrade is an HTTP/1.1 request
        ssl.setSSLParameters(p);
        ssl.setSoTimeout(remainingMillis(deadline));
        ssl.startHandshake();
        return ssl;
    }

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("connect not done within the HTTP timeout");
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000));
    }

    private static boolean isIpLiteral(String h) {
        return h.indexOf(':') >= 0 || h.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    /** Like OkHttp's failures: the message of a refused upgrade ("HTTP 401 …"), else the exception. */
    private static String describe(Exception e) {
        return e instanceof WsHandshakeException ? e.getMessage() : String.valueOf(e);
    }

    /** Fails the connection (§7.1.7): our Close with {@code code} if the socket still takes it, then the socket goes. */
    private void closeWith(int code, String reason) {
        WsFrameWriter w = writer;
        if (w != null && !cancelled) {
            try {
                w.close(code, reason);
            } catch (IOException ignored) {
                // the socket is going anyway
            }
        }
        closeRaw();
    }

    private void closeRaw() {
        Socket s = raw;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    // ---------------------------------------------------------------- frames (reader thread)

    @Override
    public void onText(DirectBuffer buffer, int offset, int length, long receivedNanos) {
        listener.onMessage(buffer, offset, length, receivedNanos);
    }

    @Override
    public void onPing(byte[] payload, int offset, int length) throws IOException {
        pingsPongs++;
        writer.pong(payload, offset, length);
    }

    @Override
    public void onPong() {
        pingsPongs++;
    }

    /** The server's Close: answered with its code (unless we sent ours first), then the socket is closed. */
    @Override
    public void onClose(int code, String reason) {
        closeWith(code, "");
        listener.onServerClose(code, reason);
    }

    // ---------------------------------------------------------------- WsSocket (any thread)

    @Override
    public boolean send(String text) {
        WsFrameWriter w = writer;
        if (w == null || cancelled) {
            return false;
        }
        try {
            return w.text(text);
        } catch (IOException e) {
            return false; // the reader sees the broken socket and reports it
        }
    }

    @Override
    public void close(int code, String reason) {
        WsFrameWriter w = writer;
        if (w != null && !cancelled) {
            try {
                w.close(code, reason);
            } catch (IOException ignored) {
                // the reader sees the broken socket
            }
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        closeRaw();
    }

    @Override
    public long receivedPingsPongs() {
        return pingsPongs;
    }

    @Override
    public void ping() {
        WsFrameWriter w = writer;
        if (w != null && !cancelled) {
            try {
                w.ping(EMPTY, 0, 0);
            } catch (IOException ignored) {
                // the reader sees the broken socket
            }
        }
    }

    @Override
    public String toString() {
        return thread.getName() + " " + address;
    }
}
