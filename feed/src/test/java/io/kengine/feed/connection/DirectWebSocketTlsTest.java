package io.kengine.feed.connection;

import io.kengine.feed.connection.ScriptedWsServer.ClientFrame;
import io.kengine.feed.connection.ScriptedWsServer.Peer;
import io.kengine.protocol.wire.auth.AuthHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.kengine.feed.connection.ScriptedWsServer.frame;
import static io.kengine.feed.connection.ScriptedWsServer.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The direct client's {@code wss:} path against a real TLS server on 127.0.0.1 ({@link ScriptedWsServer} over
 * an SSLServerSocket) with self-signed certificates made at test time ({@link TestTls}): certificate validation
 * and hostname verification as the JDK does them for the client — nothing mocked, no "trust all". The client
 * trusts a test certificate through {@link DirectTransport}'s factory parameter; the production constructor
 * (the JDK's default trust store) is what refuses the self-signed one.
 */
class DirectWebSocketTlsTest {
    private static final int MAX = 256 * 1024;
    private static final AuthHeaders AUTH = new AuthHeaders("key-1", 1_700_000_000_000L, "c2lnbmF0dXJl");
    private static final String PATH = "/trade-api/ws/v2";
    private static final String DELTA = "{\"type\":\"orderbook_delta\",\"sid\":2,\"seq\":3,\"msg\":{"
            + "\"market_ticker\":\"FED-23DEC-T3.00\",\"market_id\":\"9b0f6b43-5b68-4f9f-9f02-9a2d1d6b1f3a\","
            + "\"price_dollars\":\"0.960\",\"delta_fp\":\"-54.00\",\"side\":\"yes\","
            + "\"ts\":\"2022-11-22T20:44:01Z\",\"ts_ms\":1669149841000}}";
    private static final String SUBSCRIBE = "{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\"],"
            + "\"market_tickers\":[\"FED-23DEC-T3.00\"]}}";

    /** SAN DNS:localhost and IP:127.0.0.1: right for both ways this test names the server. */
    private static final TestTls.Identity GOOD = identity("localhost", "DNS:localhost", "IP:127.0.0.1");
    /** The same names and subject as GOOD, another key: a certificate nobody here trusts for GOOD's. */
    private static final TestTls.Identity IMPOSTOR = identity("localhost", "DNS:localhost", "IP:127.0.0.1");
    /** SAN DNS:not-kalshi.example only. Its CN is "localhost": a CN must not count when there are SANs. */
    private static final TestTls.Identity WRONG_NAME = identity("localhost", "DNS:not-kalshi.example");
    /** SAN DNS:localhost only: no IP address. */
    private static final TestTls.Identity DNS_ONLY = identity("localhost", "DNS:localhost");

    private ScriptedWsServer server;
    private final RecordingWsListener listener = new RecordingWsListener();
    private WsSocket socket;

    private static TestTls.Identity identity(String cn, String... sans) {
        try {
            return TestTls.selfSigned(cn, sans);
        } catch (Exception e) {
            throw new IllegalStateException("test certificate", e);
        }
    }

    @AfterEach
    void stop() throws IOException {
        if (socket != null) {
            socket.cancel();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Connects to {@code wss://host:port/trade-api/ws/v2}; {@code trust} null = the production constructor. */
    private void connect(String host, SSLSocketFactory trust, Duration timeout) {
        String url = "wss://" + host + ":" + server.port() + PATH;
        DirectTransport t = trust == null ? new DirectTransport(url, timeout, MAX) : new DirectTransport(url, timeout, MAX, trust);
        socket = t.connect(AUTH, listener);
    }

    // ---------------------------------------------------------------- a trusted certificate for the host

    @ParameterizedTest(name = "wss://{0}")
    @ValueSource(strings = {"localhost", "127.0.0.1"})
    void aTrustedCertificateForTheHostOpensAndFramesRoundTripOverTls(String host) throws Exception {
        server = new ScriptedWsServer(GOOD.serverContext());
        connect(host, GOOD.trustingClient(), Duration.ofSeconds(5));
        Peer p = server.accept(); // the TLS handshake completed, then the upgrade request read through it
        assertEquals("GET " + PATH + " HTTP/1.1", p.requestLine);
        assertEquals(host + ":" + server.port(), p.header("Host"));
        assertEquals("key-1", p.header(AuthHeaders.KEY));
        assertEquals("c2lnbmF0dXJl", p.header(AuthHeaders.SIGNATURE));

        p.accept101(text(DELTA));
        assertEquals("open", listener.next());
        assertEquals("text " + DELTA, listener.next());
        assertArrayEquals(DELTA.getBytes(StandardCharsets.UTF_8), listener.lastPayload);

        // one message over several TLS records (≤ 16 KiB of plaintext each)
        String snapshot = snapshot(2_000);
        assertTrue(snapshot.length() > 4 * 16_384, "spans records: " + snapshot.length());
        p.write(text(snapshot));
        assertEquals("text " + snapshot, listener.next());
        assertArrayEquals(snapshot.getBytes(StandardCharsets.UTF_8), listener.lastPayload);

        p.write(frame(true, WsFrameReader.PING, "heartbeat".getBytes(StandardCharsets.US_ASCII)));
        ClientFrame pong = p.readFrame();
        assertEquals(WsFrameReader.PONG, pong.opcode());
        assertTrue(pong.fin() && pong.masked());
        assertEquals("heartbeat", pong.text());

        assertTrue(socket.send(SUBSCRIBE));
        ClientFrame cmd = p.readFrame();
        assertEquals(WsFrameReader.TEXT, cmd.opcode());
        assertTrue(cmd.masked());
        assertEquals(SUBSCRIBE, cmd.text());

        p.write(ScriptedWsServer.close(1000, "bye"));
        ClientFrame echo = p.readFrame();
        assertEquals(WsFrameReader.CLOSE, echo.opcode());
        assertEquals(1000, echo.closeCode());
        assertEquals("server closed 1000 bye", listener.next());
        assertNull(listener.events.poll(), "nothing else: " + listener.events);
    }

    @Test
    void sniIsTheUrlsHostNameAndAlpnOffersHttp11() throws Exception {
        server = new ScriptedWsServer(GOOD.serverContext());
        connect("localhost", GOOD.trustingClient(), Duration.ofSeconds(5));
        Peer p = server.accept();
        ExtendedSSLSession session = (ExtendedSSLSession) p.tlsSession();
        assertEquals(List.of(new SNIHostName("localhost")), session.getRequestedServerNames());
        assertEquals(List.of("http/1.1"), p.offeredAlpn);
        assertEquals("http/1.1", ((SSLSocket) p.socket).getApplicationProtocol());
        assertTrue(Set.of("TLSv1.3", "TLSv1.2").contains(session.getProtocol()), session.getProtocol());
        Certificate[] presented = session.getLocalCertificates();
        assertEquals(GOOD.certificate(), presented[0]);
        p.accept101();
        assertEquals("open", listener.next());
    }

    @Test
    void noSniForAnIpLiteral() throws Exception {
        server = new ScriptedWsServer(GOOD.serverContext());
        connect("127.0.0.1", GOOD.trustingClient(), Duration.ofSeconds(5));
        Peer p = server.accept();
        // RFC 6066 §3: a literal IP address is not a server name; the certificate's IP SAN is checked instead
        assertEquals(List.of(), ((ExtendedSSLSession) p.tlsSession()).getRequestedServerNames());
        assertEquals(List.of("http/1.1"), p.offeredAlpn);
        p.accept101();
        assertEquals("open", listener.next());
    }

    // ---------------------------------------------------------------- refused certificates

    @Test
    void aSelfSignedCertificateIsRefusedByTheJdkDefaultTrustStore() throws Exception {
        server = new ScriptedWsServer(GOOD.serverContext());
        connect("localhost", null, Duration.ofSeconds(5)); // the constructor KalshiFeed uses
        assertRefused("PKIX path building failed");
    }

    @Test
    void aCertificateForTheRightNamesButNotTheTrustedOneIsRefused() throws Exception {
        server = new ScriptedWsServer(IMPOSTOR.serverContext());
        connect("localhost", GOOD.trustingClient(), Duration.ofSeconds(5));
        assertRefused("PKIX path");
    }

    static Stream<Arguments> hostnameMismatches() {
        return Stream.of(
                Arguments.of("SAN DNS:not-kalshi.example (CN=localhost), wss://localhost", WRONG_NAME, "localhost",
                        "No subject alternative DNS name matching localhost found"),
                Arguments.of("SAN DNS:not-kalshi.example, wss://127.0.0.1", WRONG_NAME, "127.0.0.1",
                        "No subject alternative names matching IP address 127.0.0.1 found"),
                Arguments.of("SAN DNS:localhost only, wss://127.0.0.1", DNS_ONLY, "127.0.0.1",
                        "No subject alternative names matching IP address 127.0.0.1 found"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostnameMismatches")
    void aTrustedCertificateForAnotherNameFailsHostnameVerification(String name, TestTls.Identity id, String host,
                                                                    String expected) throws Exception {
        server = new ScriptedWsServer(id.serverContext());
        connect(host, id.trustingClient(), Duration.ofSeconds(5)); // the certificate itself is trusted
        assertRefused(expected);
    }

    @Test
    void aServerThatNeverAnswersTheClientHelloFailsWithinTheHttpTimeout() throws Exception {
        server = new ScriptedWsServer(); // plain TCP: takes the ClientHello and says nothing
        connect("localhost", GOOD.trustingClient(), Duration.ofMillis(300));
        try (Socket raw = server.acceptRaw()) {
            String e = listener.next(); // 5 s deadline; the client gives up after 300 ms
            assertTrue(e.startsWith("failure java.net.SocketTimeoutException"), e);
            assertReaderEndsAndNothingElse();
            assertTrue(raw.getInputStream().read() > 0, "the ClientHello was sent");
        }
    }

    /**
     * The client refuses the server's certificate: the server's side of the handshake fails (no upgrade request
     * ever reaches it), the client reports {@code onFailure} with the JDK's reason, never opens, delivers
     * nothing, and its reader thread ends.
     */
    private void assertRefused(String expectedReason) throws Exception {
        try (SSLSocket ssl = (SSLSocket) server.acceptRaw()) {
            IOException e = assertThrows(IOException.class, () -> {
                ssl.startHandshake(); // on TLS 1.3 the server's side may finish before the client checks
                int b = ssl.getInputStream().read();
                fail("the client went on after the handshake: read " + b);
            });
            // the client's alert, or (TLS 1.3) its hang-up while the server was still writing its flight
            // ("Broken pipe", "Connection reset"); not a read timeout: that would be a client that hangs
            assertFalse(e instanceof SocketTimeoutException, String.valueOf(e));
            assertTrue(e instanceof SSLException || e instanceof SocketException, String.valueOf(e));
        }
        String f = listener.next();
        assertTrue(f.startsWith("failure javax.net.ssl.SSLHandshakeException: ") && f.contains(expectedReason), f);
        assertReaderEndsAndNothingElse();
        assertNull(listener.socket, "never opened");
        assertNull(listener.lastPayload, "nothing delivered");
    }

    private void assertReaderEndsAndNothingElse() throws InterruptedException {
        Thread reader = listener.failedOn;
        assertTrue(reader.getName().startsWith("kalshi-feed-ws-"), reader.getName());
        reader.join(5_000);
        assertFalse(reader.isAlive(), "the reader thread ended");
        assertNull(listener.events.poll(), "nothing after the failure: " + listener.events);
    }

    /** A Kalshi-shaped orderbook_snapshot with {@code levels} levels a side. */
    private static String snapshot(int levels) {
        StringBuilder sb = new StringBuilder("{\"type\":\"orderbook_snapshot\",\"sid\":2,\"seq\":2,\"msg\":{")
                .append("\"market_ticker\":\"FED-23DEC-T3.00\",\"market_id\":\"9b0f6b43-5b68-4f9f-9f02-9a2d1d6b1f3a\"");
        for (String side : new String[] {"yes_dollars_fp", "no_dollars_fp"}) {
            sb.append(",\"").append(side).append("\":[");
            for (int i = 0; i < levels; i++) {
                sb.append(i == 0 ? "" : ",").append("[\"0.").append(String.format("%04d", 1 + i * 4)).append("\",\"")
                        .append(10 + i % 97).append(".00\"]");
            }
            sb.append(']');
        }
        return sb.append("}}").toString();
    }
}
