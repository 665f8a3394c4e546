package io.kengine.gateway.rest;

import io.kengine.protocol.wire.auth.AuthHeaders;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One persistent HTTP/1.1 connection to the REST origin with at most one request in flight (no
 * pipelining): <b>synchronous write, asynchronous read</b>.
 *
 * <p>The caller's thread (the sender) serializes the request into the connection's reused buffer and
 * writes it with one blocking write ({@link #trySend}); the connection's own reader thread
 * ({@code gateway-direct-N}) blocks in {@code read} (never spins), parses the answer with
 * {@link HttpResponseParser} and hands it to the {@link Handler}. The reader also opens the socket — at
 * {@link #start}, and again after any failure, with exponential backoff between failed attempts — so the
 * sender never connects: a connection that is not up and idle is simply not taken.
 *
 * <p>{@code http:} is a plain socket with TCP_NODELAY; {@code https:} is a TLS socket from
 * {@link SSLSocketFactory#getDefault()} with SNI and hostname verification (endpoint identification
 * {@code HTTPS}), handshaken by the reader before the connection is offered.
 *
 * <p>Failures: a failed write, a read error, a closed stream or a malformed response closes the socket and
 * reports the request in flight to {@link Handler#failure} exactly once (whoever takes the call from the
 * link reports it); a response slower than the read timeout (no byte for {@code readTimeout}, or no
 * complete answer within {@code callTimeout} of the write) is a {@link SocketTimeoutException}. The
 * timeout costs no extra thread: the reader's socket timeout is set to what is left of the deadline (or,
 * when idle, to the read timeout, so a request written during an idle read is noticed in time).
 * {@code Connection: close} (or a body read to the end of the stream) is honoured after the answer is
 * delivered. Keys and signatures are written to the socket only, never logged.
 *
 * <p>Idle recycling: a middlebox (NAT, load balancer) or the server's idle timeout can drop a kept-alive
 * connection without a FIN, and an order written on it would only fail after the read timeout. So a
 * connection idle for {@code maxIdle} is closed and reopened by its reader, woken by the same socket timeout
 * (the idle read's timeout also ends at the idle deadline). The reader closes it only after winning
 * {@code IDLE → DOWN}; the sender takes a connection by {@code IDLE → BUSY}, so one in use is never closed.
 * Sockets also have TCP keepalive with our own timing ({@link TcpKeepAlive}: first probe after 15 s of
 * silence by default, not the OS's 2 h), so the reader's {@code read} fails on a peer that vanished.
 */
final class DirectConnection<T> implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DirectConnection.class.getName());

    /** Where answers go; called on the reader thread, or on the sender thread when its write fails. */
    interface Handler<T> {
        void response(T call, int status, byte[] body);

        void failure(T call, IOException e);
    }

    /** {@link #trySend} outcomes. */
    static final int NOT_TAKEN = 0;
    static final int WRITTEN = 1;
    static final int WRITE_FAILED = 2;

    static final int DOWN = 0;
    static final int IDLE = 1;
    static final int BUSY = 2;

    /** One socket's life: a reconnect makes a new one, so a late writer can only ever hit the old socket. */
    static final class Link<T> {
        final Socket socket;
        final Socket tcp; // the socket under the TLS, or socket itself: where the TCP options are
        final InputStream in;
        final OutputStream out;
        final AtomicInteger state = new AtomicInteger(DOWN);
        final AtomicReference<T> call = new AtomicReference<>();
        volatile long writtenAtNanos;
        long idleSinceNanos; // when it last became idle; reader thread only
        byte[] buf = new byte[2048]; // the request buffer: touched only by the thread that made the link BUSY

        Link(Socket socket, Socket tcp) throws IOException {
            this.socket = socket;
            this.tcp = tcp;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }
    }

    private final String name;
    private final String host;
    private final int port;
    private final boolean tls;
    private final HttpRequestEncoder encoder;
    private final int connectTimeoutMs;
    private final long readTimeoutNanos;
    private final long callTimeoutNanos;
    private final long backoffInitialNanos;
    private final long backoffMaxNanos;
    private final long maxIdleNanos;
    private final TcpKeepAlive keepAlive;
    private final Handler<T> handler;

    private volatile Link<T> link;
    private volatile boolean closed;
    private final Thread reader;
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong connectFailures = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong recycles = new AtomicLong();

    /**
     * @param origin          {@code http://host[:port]} or {@code https://host[:port]} (a path is ignored)
     * @param readTimeout     longest silence while an answer is awaited; zero = none
     * @param callTimeout     longest time from the write to the complete answer; zero = none
     * @param maxIdle         an idle connection is closed and reopened after this long; zero = never
     */
    DirectConnection(String name, String origin, java.time.Duration connectTimeout, java.time.Duration readTimeout,
                     java.time.Duration callTimeout, java.time.Duration backoffInitial, java.time.Duration backoffMax,
                     java.time.Duration maxIdle, Handler<T> handler) {
        this(name, origin, connectTimeout, readTimeout, callTimeout, backoffInitial, backoffMax, maxIdle,
            TcpKeepAlive.DEFAULT, handler);
    }

    /** @param keepAlive TCP keepalive timing of every socket this connection opens */
    DirectConnection(String name, String origin, java.time.Duration connectTimeout, java.time.Duration readTimeout,
                     java.time.Duration callTimeout, java.time.Duration backoffInitial, java.time.Duration backoffMax,
                     java.time.Duration maxIdle, TcpKeepAlive keepAlive, Handler<T> handler) {
        URI uri = URI.create(origin);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("direct connections need an http or https origin: " + origin);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("no host in origin: " + origin);
        }
        this.name = name;
        this.tls = scheme.equals("https");
        this.host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        int defaultPort = tls ? 443 : 80;
        this.port = uri.getPort() < 0 ? defaultPort : uri.getPort();
        this.encoder = new HttpRequestEncoder(uri.getPort() < 0 || uri.getPort() == defaultPort ? uri.getHost()
            : uri.getHost() + ":" + port);
        this.connectTimeoutMs = (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
        this.readTimeoutNanos = readTimeout.toNanos();
        this.callTimeoutNanos = callTimeout.toNanos();
        this.backoffInitialNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1), backoffInitial.toNanos());
        this.backoffMaxNanos = Math.max(backoffInitialNanos, backoffMax.toNanos());
        this.maxIdleNanos = maxIdle.toNanos();
        this.keepAlive = java.util.Objects.requireNonNull(keepAlive, "keepAlive");
        this.handler = handler;
        this.reader = new Thread(this::run, name);
        this.reader.setDaemon(true);
    }

    /** Starts the reader thread, which connects at once. */
    DirectConnection<T> start() {
        reader.start();
        return this;
    }

    /** Up and idle: a {@link #trySend} now would be taken. */
    boolean isIdle() {
        Link<T> l = link;
        return l != null && l.state.get() == IDLE;
    }

    boolean isConnected() {
        Link<T> l = link;
        return l != null && l.state.get() != DOWN;
    }

    /** The TCP socket of the current link (under the TLS for https), null before the first connect; for tests. */
    Socket tcpSocket() {
        Link<T> l = link;
        return l == null ? null : l.tcp;
    }

    long connects() { return connects.get(); }
    long connectFailures() { return connectFailures.get(); }
    long writes() { return writes.get(); }
    /** Connections closed and reopened for having been idle {@code maxIdle}. */
    long recycles() { return recycles.get(); }

    /**
     * Writes the request on this connection if it is up and idle. The call is then owned by the connection:
     * its answer or failure reaches the handler exactly once (a failed write is reported on this thread,
     * before this returns).
     *
     * @param body null for none ({@code Content-Length: 0})
     * @return {@link #NOT_TAKEN} (busy or down: use another way), {@link #WRITTEN} (the last byte is in the
     *     socket), or {@link #WRITE_FAILED} (already reported to {@link Handler#failure})
     * @throws IllegalArgumentException a method, path or header value that is not printable ASCII (not taken)
     */
    int trySend(T call, String method, String path, byte[] body, AuthHeaders auth) {
        Link<T> l = link;
        if (l == null || closed || !l.state.compareAndSet(IDLE, BUSY)) {
            return NOT_TAKEN;
        }
        int n;
        try {
            n = encode(l, method, path, body, auth);
        } catch (RuntimeException e) {
            l.state.compareAndSet(BUSY, IDLE);
            throw e;
        }
        l.writtenAtNanos = System.nanoTime();
        l.call.set(call);
        try {
            l.out.write(l.buf, 0, n);
            l.out.flush();
        } catch (IOException e) {
            closeQuietly(l.socket); // the reader sees the close and reconnects
            T c = l.call.getAndSet(null);
            if (c != null) {
                handler.failure(c, e);
            }
            return WRITE_FAILED;
        }
        writes.incrementAndGet();
        return WRITTEN;
    }

    /** Serializes into the link's buffer, grown (rarely: a large batch) to fit. */
    private int encode(Link<T> l, String method, String path, byte[] body, AuthHeaders auth) {
        int need = encoder.maxLength(method, path, body, auth);
        if (l.buf.length < need) {
            l.buf = new byte[Math.max(need, l.buf.length * 2)];
        }
        return encoder.encode(l.buf, method, path, body, auth);
    }

    // ------------------------------------------------------------------ the reader thread

    private void run() {
        HttpResponseParser parser = new HttpResponseParser();
        byte[] in = new byte[16 * 1024];
        long backoff = backoffInitialNanos;
        while (!closed) {
            Link<T> l;
            try {
                l = open();
            } catch (IOException | RuntimeException e) {
                connectFailures.incrementAndGet();
                if (!closed) {
                    LOG.log(System.Logger.Level.DEBUG, () -> name + ": connect failed: " + e.getClass().getSimpleName());
                    LockSupport.parkNanos(this, backoff);
                    backoff = Math.min(backoffMaxNanos, backoff * 2);
                }
                continue;
            }
            backoff = backoffInitialNanos;
            connects.incrementAndGet();
            link = l;
            if (closed) {
                closeQuietly(l.socket);
                break;
            }
            l.idleSinceNanos = System.nanoTime();
            l.state.set(IDLE);
            IOException failure;
            try {
                serve(l, parser, in);
                failure = new EOFException("connection closed");
            } catch (IOException e) {
                failure = e;
            } catch (RuntimeException e) {
                failure = new IOException("reader failed: " + e.getClass().getSimpleName(), e);
            }
            l.state.set(DOWN);
            closeQuietly(l.socket);
            T c = l.call.getAndSet(null);
            if (c != null) {
                handler.failure(c, failure);
            }
        }
    }

    private Link<T> open() throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            keepAlive.applyTo(s); // on the TCP socket, before TLS is layered over it
            s.connect(new InetSocketAddress(host, port), connectTimeoutMs);
            if (!tls) {
                return new Link<>(s, s);
            }
            SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(s, host, port, true);
            SSLParameters p = ssl.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            if (!isIpLiteral(host)) {
                p.setServerNames(List.of(new SNIHostName(host)));
            }
            p.setApplicationProtocols(new String[] {"http/1.1"});
            ssl.setSSLParameters(p);
            ssl.setSoTimeout(connectTimeoutMs);
            ssl.startHandshake();
            return new Link<>(ssl, s);
        } catch (IOException | RuntimeException e) {
            closeQuietly(s);
            throw e;
        }
    }

    private static boolean isIpLiteral(String h) {
        return h.indexOf(':') >= 0 || h.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    /** Reads answers until the connection ends (normally: returns; otherwise throws). */
    private void serve(Link<T> l, HttpResponseParser parser, byte[] buf) throws IOException {
        parser.reset();
        long lastReadNanos = 0;
        int soTimeout = -1;
        while (!closed) {
            int wanted = socketTimeoutMs(l, lastReadNanos, System.nanoTime());
            if (wanted != soTimeout) {
                l.socket.setSoTimeout(wanted);
                soTimeout = wanted;
            }
            int n;
            try {
                n = l.in.read(buf, 0, buf.length);
            } catch (SocketTimeoutException e) {
                long now = System.nanoTime();
                if (l.call.get() != null) {
                    if (overdue(l, lastReadNanos, now)) {
                        throw new SocketTimeoutException("no complete answer within the timeout");
                    }
                    continue; // a request written during the idle read: not late yet
                }
                if (idleTooLong(l, now) && l.state.compareAndSet(IDLE, DOWN)) { // else the sender took it
                    recycles.incrementAndGet();
                    LOG.log(System.Logger.Level.DEBUG, () -> name + ": idle for " + (now - l.idleSinceNanos) / 1_000_000
                        + " ms, reopening (a middlebox may have dropped it silently)");
                    return; // closed by run(), which opens a fresh one at once
                }
                continue;
            }
            if (n < 0) {
                parser.endOfStream(); // throws unless the body ran to the end of the stream
                deliver(l, parser, false);
                return;
            }
            lastReadNanos = System.nanoTime();
            int off = 0;
            while (off < n) {
                off += parser.feed(buf, off, n - off);
                if (parser.isComplete()) {
                    boolean extra = off < n; // bytes nobody asked for: this connection is out of step
                    if (!deliver(l, parser, !extra)) {
                        return;
                    }
                    parser.reset();
                }
            }
        }
    }

    /** Hands a complete answer over; returns whether the connection stays usable. */
    private boolean deliver(Link<T> l, HttpResponseParser parser, boolean reusable) throws IOException {
        T c = l.call.getAndSet(null);
        if (c == null) {
            throw new HttpResponseParser.ProtocolException("a response nobody asked for");
        }
        boolean keep = reusable && !parser.connectionClose();
        if (!keep) {
            l.state.set(DOWN); // nobody takes it while the answer is handled
        }
        try {
            handler.response(c, parser.status(), parser.body());
        } finally {
            if (keep) {
                l.idleSinceNanos = System.nanoTime();
                l.state.compareAndSet(BUSY, IDLE);
            }
        }
        return keep;
    }

    /** What is left of the in-flight call's deadline, or the idle poll (ending at the idle deadline); 0 = wait forever. */
    private int socketTimeoutMs(Link<T> l, long lastReadNanos, long now) {
        long wait;
        if (l.call.get() == null) {
            long poll = readTimeoutNanos > 0 ? (callTimeoutNanos > 0 ? Math.min(readTimeoutNanos, callTimeoutNanos)
                : readTimeoutNanos) : callTimeoutNanos;
            wait = poll > 0 ? poll : Long.MAX_VALUE;
            if (maxIdleNanos > 0) { // durations, not deadlines: a huge max idle cannot overflow into "due now"
                wait = Math.min(wait, maxIdleNanos - (now - l.idleSinceNanos));
            }
        } else {
            long deadline = deadline(l, lastReadNanos);
            wait = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - now;
        }
        if (wait == Long.MAX_VALUE) {
            return 0;
        }
        long ms = (wait + 999_999) / 1_000_000;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ms));
    }

    private boolean idleTooLong(Link<T> l, long now) {
        return maxIdleNanos > 0 && now - l.idleSinceNanos >= maxIdleNanos;
    }

    private boolean overdue(Link<T> l, long lastReadNanos, long now) {
        return now - deadline(l, lastReadNanos) >= 0;
    }

    private long deadline(Link<T> l, long lastReadNanos) {
        long written = l.writtenAtNanos;
        long deadline = Long.MAX_VALUE;
        if (readTimeoutNanos > 0) {
            long progress = lastReadNanos != 0 && lastReadNanos - written > 0 ? lastReadNanos : written;
            deadline = progress + readTimeoutNanos;
        }
        if (callTimeoutNanos > 0) {
            deadline = Math.min(deadline, written + callTimeoutNanos);
        }
        return deadline;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** Stops the reader and closes the socket; a call in flight is reported as failed. */
    @Override
    public void close() {
        closed = true;
        Link<T> l = link;
        if (l != null) {
            closeQuietly(l.socket);
        }
        LockSupport.unpark(reader);
        if (reader.isAlive() && Thread.currentThread() != reader) {
            try {
                reader.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        Link<T> l = link;
        return name + "[" + (l == null ? "never connected" : l.state.get() == IDLE ? "idle" : l.state.get() == BUSY ? "busy" : "down")
            + ", connects=" + connects.get() + ", writes=" + writes.get() + ", recycles=" + recycles.get() + "]";
    }
}
