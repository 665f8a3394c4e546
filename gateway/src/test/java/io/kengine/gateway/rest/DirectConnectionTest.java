package io.kengine.gateway.rest;

import io.kengine.protocol.wire.auth.AuthHeaders;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@link DirectConnection} against a loopback ServerSocket the test drives byte by byte. */
class DirectConnectionTest {
    private static final AuthHeaders AUTH = new AuthHeaders("key-1", 1_700_000_000_123L, "c2lnbmF0dXJl+/=");
    private static final String PATH = "/trade-api/v2/portfolio/events/orders";

    private Server server;
    private DirectConnection<String> conn;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @AfterEach
    void tearDown() throws IOException {
        if (conn != null) {
            conn.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private DirectConnection<String> connect(Duration readTimeout, Duration callTimeout) {
        return connect(server.port(), readTimeout, callTimeout, Duration.ofSeconds(50));
    }

    private DirectConnection<String> connect(int port, Duration readTimeout, Duration callTimeout, Duration maxIdle) {
        conn = new DirectConnection<String>("test-direct", "http://127.0.0.1:" + port, Duration.ofSeconds(2),
            readTimeout, callTimeout, Duration.ofMillis(5), Duration.ofMillis(50), maxIdle, new DirectConnection.Handler<String>() {
                @Override
                public void response(String call, int status, byte[] body) {
                    events.add("response " + call + " " + status + " " + new String(body, StandardCharsets.UTF_8));
                }

                @Override
                public void failure(String call, IOException e) {
                    events.add("failure " + call + " " + e.getClass().getSimpleName());
                }
            }).start();
        return conn;
    }

    private String nextEvent() throws InterruptedException {
        String e = events.poll(5, TimeUnit.SECONDS);
        assertNotNull(e, "no answer within 5 s");
        return e;
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    @Test
    void writesTheExactRequestAndReadsAnswersOnOneKeptAliveConnection() throws Exception {
        server = new Server();
        connect(Duration.ofSeconds(2), Duration.ofSeconds(5));
        Socket s = server.next();
        await("idle", conn::isIdle);

        byte[] body = "{\"ticker\":\"KX-A\",\"count\":\"1.00\"}".getBytes(StandardCharsets.US_ASCII);
        assertEquals(DirectConnection.WRITTEN, conn.trySend("c1", "POST", PATH, body, AUTH));
        assertEquals(DirectConnection.NOT_TAKEN, conn.trySend("c2", "POST", PATH, body, AUTH), "one request in flight");
        String expected = "POST " + PATH + " HTTP/1.1\r\n"
            + "Host: 127.0.0.1:" + server.port() + "\r\n"
            + "KALSHI-ACCESS-KEY: key-1\r\n"
            + "KALSHI-ACCESS-TIMESTAMP: 1700000000123\r\n"
            + "KALSHI-ACCESS-SIGNATURE: c2lnbmF0dXJl+/=\r\n"
            + "Content-Type: application/json\r\n"
            + "Content-Length: " + body.length + "\r\n"
            + "\r\n"
            + new String(body, StandardCharsets.US_ASCII);
        assertEquals(expected, readRequest(s));
        write(s, "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n4;x=y\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\nT: 1\r\n\r\n");
        assertEquals("response c1 201 {\"a\":1}", nextEvent());
        await("idle again", conn::isIdle);

        assertEquals(DirectConnection.WRITTEN, conn.trySend("c3", "DELETE", PATH + "/X1", null, AUTH));
        String second = readRequest(s);
        assertTrue(second.startsWith("DELETE " + PATH + "/X1 HTTP/1.1\r\n"), second);
        assertTrue(second.endsWith("Content-Length: 0\r\n\r\n"), second);
        assertFalse(second.contains("Content-Type"), second);
        // the answer arrives in pieces
        write(s, "HTTP/1.1 200 OK\r\nCont");
        write(s, "ent-Length: 2\r\n\r\n{");
        write(s, "}");
        assertEquals("response c3 200 {}", nextEvent());
        assertEquals(1, conn.connects(), "one connection for both");
        assertEquals(2, conn.writes());
    }

    @Test
    void aBodyLargerThanTheRequestBufferIsWrittenWhole() throws Exception {
        server = new Server();
        connect(Duration.ofSeconds(2), Duration.ofSeconds(5));
        Socket s = server.next();
        await("idle", conn::isIdle);
        byte[] body = new byte[50_000];
        java.util.Arrays.fill(body, (byte) 'x');
        assertEquals(DirectConnection.WRITTEN, conn.trySend("big", "POST", PATH + "/batched", body, AUTH));
        String request = readRequest(s);
        assertTrue(request.endsWith("Content-Length: 50000\r\n\r\n" + new String(body, StandardCharsets.US_ASCII)));
        write(s, "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");
        assertEquals("response big 201 ", nextEvent());
    }

    @Test
    void serverClosingMidResponseFailsTheCallAndTheConnectionComesBack() throws Exception {
        server = new Server();
        connect(Duration.ofSeconds(2), Duration.ofSeconds(5));
        Socket s = server.next();
        await("idle", conn::isIdle);
        assertEquals(DirectConnection.WRITTEN, conn.trySend("c1", "POST", PATH, new byte[] {'{', '}'}, AUTH));
        readRequest(s);
        write(s, "HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n{\"partial");
        s.close();
        assertEquals("failure c1 EOFException", nextEvent());

        Socket s2 = server.next(); // reconnected
        await("idle after reconnect", conn::isIdle);
        assertEquals(DirectConnection.WRITTEN, conn.trySend("c2", "POST", PATH, new byte[] {'{', '}'}, AUTH));
        readRequest(s2);
        write(s2, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        assertEquals("response c2 200 ok", nextEvent());
        assertEquals(2, conn.connects());
    }

    @Test
    void connectionCloseIsHonouredAfterTheAnswer() throws Exception {
        server = new Server();
        connect(Duration.ofSeconds(2), Duration.ofSeconds(5));
        Socket s = server.next();
        await("idle", conn::isIdle);
        assertEquals(DirectConnection.WRITTEN, conn.trySend("c1", "DELETE", PATH + "/X1", null, AUTH));
        readRequest(s);
        write(s, "HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 2\r\n\r\nno");
        assertEquals("response c1 404 no", nextEvent());
        Socket s2 = server.next(); // the client closed it and opened another
        assertEquals(-1, s.getInputStream().read(), "the old one is closed");
        await("idle after reconnect", conn::isIdle);
        assertEquals(DirectConnection.WRITTEN, conn.trySend("c2", "DELETE", PATH + "/X2", null, AUTH));
        assertTrue(readRequest(s2).startsWith("DELETE " + PATH + "/X2 "));
    }

    @Test
    void noAnswerWithinTheReadTimeoutFailsTheCallButIdlingDoesNot() throws Exception {
        server = new Server();
        long readTimeoutMs = 150;
        connect(Duration.ofMillis(readTimeoutMs), Duration.ZERO);
        Socket s = server.next();
        await("idle", conn::isIdle);
        // idle for longer than the read timeout: nothing happens (the idle read's timeouts are not failures)
        assertNull(events.poll(3 * readTimeoutMs, TimeUnit.MILLISECONDS));
        assertTrue(conn.isIdle());
        assertEquals(1, conn.connects());

        long t0 = System.nanoTime();
        assertEquals(DirectConnection.WRITTEN, conn.trySend("c1", "POST", PATH, new byte[] {'{', '}'}, AUTH));
        readRequest(s); // and never answer
        assertEquals("failure c1 SocketTimeoutException", nextEvent());
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(tookMs >= readTimeoutMs, "not before the timeout: " + tookMs);
        assertEquals(-1, s.getInputStream().read(), "a timed-out connection is closed: a late answer cannot be misread");

        Socket s2 = server.next();
        await("idle after reconnect", conn::isIdle);
        assertEquals(DirectConnection.WRITTEN, conn.trySend("c2", "POST", PATH, new byte[] {'{', '}'}, AUTH));
        readRequest(s2);
        write(s2, "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");
        assertEquals("response c2 201 ", nextEvent());
    }

    @Test
    void callTimeoutBoundsAnAnswerThatTrickles() throws Exception {
        server = new Server();
        connect(Duration.ofMillis(500), Duration.ofMillis(300));
        Socket s = server.next();
        await("idle", conn::isIdle);
        assertEquals(DirectConnection.WRITTEN, conn.trySend("c1", "POST", PATH, new byte[] {'{', '}'}, AUTH));
        readRequest(s);
        write(s, "HTTP/1.1 200 OK\r\n"); // then silence: the read timeout (500) is not reached, the call timeout is
        assertEquals("failure c1 SocketTimeoutException", nextEvent());
    }

    @Test
    void aMalformedAnswerFailsTheCallAndReconnects() throws Exception {
        server = new Server();
        connect(Duration.ofSeconds(2), Duration.ofSeconds(5));
        Socket s = server.next();
        await("idle", conn::isIdle);
        assertEquals(DirectConnection.WRITTEN, conn.trySend("c1", "POST", PATH, new byte[] {'{', '}'}, AUTH));
        readRequest(s);
        write(s, "HTTP/1.1 OK 200\r\n\r\n");
        assertEquals("failure c1 ProtocolException", nextEvent());
        server.next();
        await("idle after reconnect", conn::isIdle);
    }

    @Test
    void bytesNobodyAskedForCloseTheConnection() throws Exception {
        server = new Server();
        connect(Duration.ofSeconds(2), Duration.ofSeconds(5));
        Socket s = server.next();
        await("idle", conn::isIdle);
        write(s, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        server.next(); // dropped and reopened
        await("idle after reconnect", conn::isIdle);
        assertNull(events.poll());
    }

    @Test
    void headerValuesThatAreNotPrintableAsciiAreRefusedBeforeAnythingIsWritten() throws Exception {
        server = new Server();
        connect(Duration.ofSeconds(2), Duration.ofSeconds(5));
        server.next();
        await("idle", conn::isIdle);
        try {
            conn.trySend("c1", "POST", PATH + "\r\nX: y", null, AUTH);
            fail("CRLF in a path must be refused");
        } catch (IllegalArgumentException expected) {
            // refused
        }
        assertTrue(conn.isIdle(), "still usable");
        assertEquals(0, conn.writes());
    }

    @Test
    void tlsOriginNeverOffersAConnectionThatFailedItsHandshake() throws Exception {
        server = new Server();
        conn = new DirectConnection<String>("test-tls", "https://127.0.0.1:" + server.port(), Duration.ofSeconds(1),
            Duration.ofSeconds(1), Duration.ZERO, Duration.ofMillis(5), Duration.ofMillis(50), Duration.ofSeconds(50),
            new DirectConnection.Handler<String>() {
                @Override
                public void response(String call, int status, byte[] body) {
                    events.add("response");
                }

                @Override
                public void failure(String call, IOException e) {
                    events.add("failure");
                }
            }).start();
        Socket s = server.next();
        write(s, "HTTP/1.1 400 Bad Request\r\n\r\n"); // not a TLS server hello
        s.close();
        await("a failed handshake", () -> conn.connectFailures() >= 1);
        assertFalse(conn.isIdle());
        assertEquals(DirectConnection.NOT_TAKEN, conn.trySend("c1", "POST", PATH, null, AUTH));
        assertNull(events.poll());
    }

    @Test
    void anIdleConnectionIsReopenedByItsReaderAndAnswersAfterwards() throws Exception {
        try (AnsweringServer answering = new AnsweringServer(Duration.ZERO)) {
            // no read or call timeout: the idle deadline alone wakes the reader
            connect(answering.port(), Duration.ZERO, Duration.ZERO, Duration.ofMillis(100));
            await("an idle recycle: the first socket closed by the client, a second one opened", () -> conn.recycles() >= 1
                && answering.closedByClient() >= 1 && answering.accepted() >= 2 && conn.connects() >= 2);

            awaitWritten("c1");
            assertEquals("response c1 200 c1", nextEvent());
            assertNull(events.poll(), "no failure");
        }
    }

    @Test
    void aConnectionInUseIsNeverRecycledMidRequest() throws Exception {
        // a 2 ms max idle makes the reader try to recycle all the time, racing the sender's takes; every answer
        // comes in two pieces 6 ms apart (3 × max idle), so a request closed mid-flight would fail its call
        try (AnsweringServer answering = new AnsweringServer(Duration.ofMillis(6))) {
            connect(answering.port(), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(2));
            int calls = 100;
            for (int i = 0; i < calls; i++) {
                String call = "c" + i;
                awaitWritten(call);
                assertEquals("response " + call + " 200 " + call, nextEvent());
            }
            assertEquals(calls, conn.writes());
            await("recycled while idle", () -> conn.recycles() >= 1);
            assertNull(events.poll(), "no failure");
        }
    }

    @Test
    void itsSocketsCarryTheConfiguredTcpKeepAliveWhereThePlatformSupportsIt() throws Exception {
        server = new Server();
        // not the default 15/5/3 and not any OS default (Linux: 7200/75/9): only our setting reads back as these
        TcpKeepAlive keepAlive = new TcpKeepAlive(Duration.ofSeconds(17), Duration.ofSeconds(4), 6);
        conn = new DirectConnection<String>("test-keepalive", "http://127.0.0.1:" + server.port(), Duration.ofSeconds(2),
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(5), Duration.ofMillis(50), Duration.ofSeconds(50),
            keepAlive, new DirectConnection.Handler<String>() {
                @Override
                public void response(String call, int status, byte[] body) {
                    events.add("response " + call + " " + status);
                }

                @Override
                public void failure(String call, IOException e) {
                    events.add("failure " + call + " " + e.getClass().getSimpleName());
                }
            }).start();
        server.next();
        await("idle", conn::isIdle);
        Socket s = conn.tcpSocket();
        assertTrue(s.getKeepAlive(), "SO_KEEPALIVE");
        int checked = 0;
        if (s.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE)) {
            assertEquals(17, s.getOption(ExtendedSocketOptions.TCP_KEEPIDLE));
            checked++;
        }
        if (s.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPINTERVAL)) {
            assertEquals(4, s.getOption(ExtendedSocketOptions.TCP_KEEPINTERVAL));
            checked++;
        }
        if (s.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPCOUNT)) {
            assertEquals(6, s.getOption(ExtendedSocketOptions.TCP_KEEPCOUNT));
            checked++;
        }
        assumeTrue(checked > 0, "this platform cannot set TCP keepalive timing per socket");
    }

    @Test
    void theDefaultKeepAliveIsFifteenFiveThree() throws Exception {
        server = new Server();
        connect(Duration.ofSeconds(2), Duration.ofSeconds(5));
        server.next();
        await("idle", conn::isIdle);
        Socket s = conn.tcpSocket();
        assumeTrue(s.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE), "no TCP_KEEPIDLE here");
        assertEquals(15, s.getOption(ExtendedSocketOptions.TCP_KEEPIDLE));
    }

    /** Writes the call once the connection takes it (not while it is being reopened). */
    private void awaitWritten(String call) {
        await("the connection to take " + call, () -> {
            int r = conn.trySend(call, "DELETE", PATH + "/" + call, null, AUTH);
            assertTrue(r != DirectConnection.WRITE_FAILED, "write failed");
            return r == DirectConnection.WRITTEN;
        });
    }

    // ------------------------------------------------------------------ the loopback server

    private static void write(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One request: the head up to CRLFCRLF, then Content-Length bytes. */
    private static String readRequest(Socket s) throws IOException {
        s.setSoTimeout(5_000);
        InputStream in = s.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("closed after " + head);
            }
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                break;
            }
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        return text + new String(body, StandardCharsets.US_ASCII);
    }

    /**
     * Accepts every connection and answers each request with 200 and the request path's last segment as
     * the body, after {@code delay}, in two writes; counts connections and those the client closed.
     */
    private static final class AnsweringServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        private final long delayMs;
        private final java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicInteger closedByClient = new java.util.concurrent.atomic.AtomicInteger();
        private final List<Socket> sockets = java.util.Collections.synchronizedList(new ArrayList<>());

        AnsweringServer(Duration delay) throws IOException {
            delayMs = delay.toMillis();
            Thread t = new Thread(this::acceptAll, "test-accept");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        int accepted() {
            return accepted.get();
        }

        int closedByClient() {
            return closedByClient.get();
        }

        private void acceptAll() {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    s.setTcpNoDelay(true);
                    sockets.add(s);
                    accepted.incrementAndGet();
                    Thread t = new Thread(() -> answerAll(s), "test-answer");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return; // closed
                }
            }
        }

        private void answerAll(Socket s) {
            try {
                while (true) {
                    String request = readRequest(s);
                    String path = request.substring(0, request.indexOf(" HTTP/1.1"));
                    String body = path.substring(path.lastIndexOf('/') + 1);
                    Thread.sleep(delayMs);
                    write(s, "HTTP/1.1 200 OK\r\n");
                    Thread.sleep(delayMs);
                    write(s, "Content-Length: " + body.length() + "\r\n\r\n" + body);
                }
            } catch (EOFException e) {
                closedByClient.incrementAndGet();
            } catch (IOException | InterruptedException e) {
                // the test ended
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (sockets) {
                for (Socket s : sockets) {
                    s.close();
                }
            }
        }
    }

    private static final class Server implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        private final List<Socket> accepted = new ArrayList<>();

        Server() throws IOException {
            socket.setSoTimeout(5_000);
        }

        int port() {
            return socket.getLocalPort();
        }

        /** The next connection the client opens (within 5 s). */
        Socket next() throws IOException {
            Socket s = socket.accept();
            s.setTcpNoDelay(true);
            accepted.add(s);
            return s;
        }

        @Override
        public void close() throws IOException {
            for (Socket s : accepted) {
                s.close();
            }
            socket.close();
        }
    }
}
