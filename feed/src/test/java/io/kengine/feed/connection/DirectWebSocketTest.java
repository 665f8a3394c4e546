package io.kengine.feed.connection;

import io.kengine.feed.connection.ScriptedWsServer.ClientFrame;
import io.kengine.feed.connection.ScriptedWsServer.Peer;
import io.kengine.protocol.wire.auth.AuthHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;

import static io.kengine.feed.connection.ScriptedWsServer.concat;
import static io.kengine.feed.connection.ScriptedWsServer.frame;
import static io.kengine.feed.connection.ScriptedWsServer.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The direct client (handshake, frame reader, writer) against {@link ScriptedWsServer}: a real loopback
 * socket whose every byte the test writes, so lengths, splits, fragments, control frames and each protocol
 * violation can be produced exactly.
 */
class DirectWebSocketTest {
    private static final int MAX = 256 * 1024;
    private static final String UNAUTHORIZED = "{\"error\":{\"code\":\"unauthorized\",\"message\":\"bad signature\"}}";
    private static final AuthHeaders AUTH = new AuthHeaders("key-1", 1_700_000_000_000L, "c2lnbmF0dXJl");

    private ScriptedWsServer server;
    private final RecordingWsListener listener = new RecordingWsListener();
    private WsSocket socket;

    @BeforeEach
    void startServer() throws IOException {
        server = new ScriptedWsServer();
    }

    @AfterEach
    void stop() throws IOException {
        if (socket != null) {
            socket.cancel();
        }
        server.close();
    }

    private Peer connect(String path, Duration timeout) throws IOException {
        socket = new DirectTransport(server.url(path), timeout, MAX).connect(AUTH, listener);
        return server.accept();
    }

    private Peer open() throws Exception {
        Peer p = connect("/trade-api/ws/v2", Duration.ofSeconds(5));
        p.accept101();
        assertEquals("open", listener.next());
        return p;
    }

    private static String ascii(int length, int seed) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + (i * 7 + seed) % 26));
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- handshake

    @Test
    void upgradeRequestIsRfc6455WithTheAuthHeadersAndFramesThatCameWithThe101AreKept() throws Exception {
        Peer p = connect("/trade-api/ws/v2?a=1&b=2", Duration.ofSeconds(5));
        assertEquals("GET /trade-api/ws/v2?a=1&b=2 HTTP/1.1", p.requestLine);
        assertEquals("127.0.0.1:" + server.port(), p.header("Host"));
        assertEquals("websocket", p.header("Upgrade"));
        assertEquals("Upgrade", p.header("Connection"));
        assertEquals("13", p.header("Sec-WebSocket-Version"));
        assertEquals(16, Base64.getDecoder().decode(p.header("Sec-WebSocket-Key")).length);
        assertEquals("key-1", p.header(AuthHeaders.KEY));
        assertEquals("1700000000000", p.header(AuthHeaders.TIMESTAMP));
        assertEquals("c2lnbmF0dXJl", p.header(AuthHeaders.SIGNATURE));
        assertNull(p.header("Sec-WebSocket-Extensions"), "permessage-deflate is not offered");
        assertNull(p.header("Sec-WebSocket-Protocol"));

        byte[] third = text("{\"third\":3}");
        // the 101, two frames and the first half of a third in one write: the reader must keep them all
        p.write(concat(p.switching().getBytes(StandardCharsets.US_ASCII), text("first"), text("second"),
                Arrays.copyOf(third, 5)));
        assertEquals("open", listener.next());
        assertEquals("text first", listener.next());
        assertEquals("text second", listener.next());
        p.write(Arrays.copyOfRange(third, 5, third.length));
        assertEquals("text {\"third\":3}", listener.next());
        assertTrue(listener.thread.getName().startsWith("kalshi-feed-ws-"), listener.thread.getName());
        assertTrue(listener.thread.isDaemon());
    }

    @Test
    void theSecondKeyOfAConnectionIsFresh() throws Exception {
        Peer first = connect("/", Duration.ofSeconds(5));
        String key = first.header("Sec-WebSocket-Key");
        socket.cancel();
        assertTrue(listener.next().startsWith("failure"));
        Peer second = connect("/", Duration.ofSeconds(5));
        assertFalse(key.equals(second.header("Sec-WebSocket-Key")));
        assertEquals("GET / HTTP/1.1", second.requestLine);
    }

    @Test
    void connectionHeaderMayBeATokenListAndValuesAnyCase() throws Exception {
        Peer p = connect("/", Duration.ofSeconds(5));
        p.write("HTTP/1.1 101 Switching Protocols\r\nupgrade: WebSocket\r\nCONNECTION: keep-alive, Upgrade\r\n"
                + "sec-websocket-accept: " + WsHandshake.acceptFor(p.header("Sec-WebSocket-Key")) + "\r\n\r\n");
        assertEquals("open", listener.next());
    }

    static Stream<Arguments> refusedUpgrades() {
        return Stream.of(
                Arguments.of("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n", "does not answer our key"),
                Arguments.of("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: %s\r\n\r\n",
                        "without Upgrade: websocket"),
                Arguments.of("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: keep-alive\r\n"
                        + "Sec-WebSocket-Accept: %s\r\n\r\n", "without Connection: upgrade"),
                Arguments.of("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: %s\r\nSec-WebSocket-Extensions: permessage-deflate\r\n\r\n", "extensions we did not offer"),
                Arguments.of("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: %s\r\nSec-WebSocket-Protocol: chat\r\n\r\n", "subprotocol we did not ask for"),
                Arguments.of("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", "HTTP 200 hello"),
                Arguments.of("HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: "
                        + UNAUTHORIZED.length() + "\r\n\r\n" + UNAUTHORIZED, "HTTP 401 " + UNAUTHORIZED),
                Arguments.of("ICY 200 OK\r\n\r\n", "not an HTTP/1.x status line"));
    }

    @ParameterizedTest
    @MethodSource("refusedUpgrades")
    void aWrongUpgradeAnswerFailsTheConnect(String answer, String expected) throws Exception {
        Peer p = connect("/", Duration.ofSeconds(5));
        p.write(answer.replace("%s", WsHandshake.acceptFor(p.header("Sec-WebSocket-Key"))));
        String e = listener.next();
        assertTrue(e.startsWith("failure ") && e.contains(expected), e);
        assertTrue(p.readsEndOfStream(), "the socket is closed");
        assertNull(listener.events.poll(), "no open after a failed upgrade");
    }

    @Test
    void aRefusalBodyThatFollowsTheHeadLaterIsStillQuotedUpTo200Bytes() throws Exception {
        Peer p = connect("/", Duration.ofSeconds(5));
        String body = "{\"error\":\"" + ascii(1000, 3) + "\"}";
        p.write("HTTP/1.1 401 Unauthorized\r\nContent-Length: " + body.length() + "\r\n\r\n");
        p.write(body);
        String e = listener.next();
        assertEquals("failure HTTP 401 " + body.substring(0, 200), e);
    }

    @Test
    void anUnansweredUpgradeFailsWithinTheHttpTimeout() throws Exception {
        Peer p = connect("/", Duration.ofMillis(200));
        String e = listener.next(); // 5 s deadline; the client gives up after 200 ms
        assertTrue(e.startsWith("failure java.net.SocketTimeoutException"), e);
        assertTrue(p.readsEndOfStream());
    }

    @Test
    void aServerThatHangsUpDuringTheUpgradeFailsTheConnect() throws Exception {
        Peer p = connect("/", Duration.ofSeconds(5));
        p.write("HTTP/1.1 101 Switching");
        p.close();
        assertEquals("failure connection closed during the upgrade", listener.next());
    }

    @Test
    void wssStartsWithATlsHandshakeNamingTheHost() throws Exception {
        socket = new DirectTransport("wss://localhost:" + server.port() + "/trade-api/ws/v2", Duration.ofSeconds(5), MAX)
                .connect(AUTH, listener);
        try (java.net.Socket raw = server.acceptRaw()) {
            byte[] hello = new byte[4096];
            int n = raw.getInputStream().read(hello);
            assertTrue(n > 5 && hello[0] == 0x16, "a TLS handshake record first");
            String seen = new String(hello, 0, n, StandardCharsets.ISO_8859_1);
            assertTrue(seen.contains("localhost"), "SNI names the host");
            assertFalse(seen.contains("GET "), "nothing in clear");
        }
        String e = listener.next(); // we hung up: the handshake fails, no upgrade was sent
        assertTrue(e.startsWith("failure "), e);
        assertNull(listener.events.poll());
    }

    // ---------------------------------------------------------------- frames

    @Test
    void payloadLengthsOf7And16And64Bits() throws Exception {
        Peer p = open();
        int[] sizes = {0, 1, 125, 126, 127, 65_535, 65_536, 200_000, MAX};
        byte[][] frames = new byte[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            frames[i] = text(ascii(sizes[i], i));
        }
        assertEquals(126, frames[3][1], "16-bit length");
        assertEquals(127, frames[6][1], "64-bit length");
        p.write(concat(frames));
        for (int i = 0; i < sizes.length; i++) {
            assertEquals("text " + ascii(sizes[i], i), listener.next(), "size " + sizes[i]);
        }
    }

    @Test
    void aFrameWrittenOneByteAtATimeIsStampedWhenItsLastByteArrives() throws Exception {
        Peer p = open();
        String body = ascii(300, 1);
        byte[] f = text(body);
        p.writeInChunks(Arrays.copyOf(f, f.length - 1), 1);
        assertNull(listener.events.poll(), "not whole yet");
        long beforeLastByte = System.nanoTime();
        p.write(new byte[] {f[f.length - 1]});
        assertEquals("text " + body, listener.next());
        assertTrue(listener.lastReceivedNanos >= beforeLastByte, "stamped by the read that completed the frame");
        p.writeInChunks(concat(text("a"), text("bc"), frame(true, WsFrameReader.PING, new byte[] {7}), text("def")), 1);
        assertEquals("text a", listener.next());
        assertEquals("text bc", listener.next());
        assertEquals("text def", listener.next());
        assertEquals(WsFrameReader.PONG, p.readFrame().opcode());
    }

    @Test
    void manyFramesInOneWriteAcrossSeveralBufferLengths() throws Exception {
        Peer p = open();
        int n = 20_000; // ~400 KB: the 64 KiB buffer is refilled and compacted many times, frames cut at every offset
        byte[][] frames = new byte[n][];
        for (int i = 0; i < n; i++) {
            frames[i] = text("{\"n\":" + i + ",\"pad\":\"" + "x".repeat(i % 13) + "\"}");
        }
        p.write(concat(frames));
        for (int i = 0; i < n; i++) {
            assertEquals("text {\"n\":" + i + ",\"pad\":\"" + "x".repeat(i % 13) + "\"}", listener.next());
        }
    }

    @Test
    void fragmentedTextWithAPingBetweenTheFragments() throws Exception {
        Peer p = open();
        p.write(concat(frame(false, WsFrameReader.TEXT, bytes("{\"a\":")),
                frame(true, WsFrameReader.PING, bytes("p1")),
                frame(false, WsFrameReader.CONTINUATION, bytes("12")),
                frame(true, WsFrameReader.CONTINUATION, bytes("3}")),
                text("after")));
        ClientFrame pong = p.readFrame();
        assertEquals(WsFrameReader.PONG, pong.opcode());
        assertEquals("p1", pong.text());
        assertEquals("text {\"a\":123}", listener.next());
        assertEquals("text after", listener.next());

        // a fragmented message longer than the first assembly buffer (64 KiB)
        String a = ascii(80_000, 1);
        String b = ascii(90_000, 2);
        String c = ascii(70_000, 3);
        p.write(concat(frame(false, WsFrameReader.TEXT, bytes(a)), frame(false, WsFrameReader.CONTINUATION, bytes(b)),
                frame(true, WsFrameReader.CONTINUATION, bytes(c))));
        assertEquals("text " + a + b + c, listener.next());
    }

    @Test
    void pingIsAnsweredWithItsPayloadAndEveryClientFrameIsMasked() throws Exception {
        Peer p = open();
        p.write(frame(true, WsFrameReader.PING, bytes("heartbeat")));
        ClientFrame pong = p.readFrame();
        assertTrue(pong.fin() && pong.masked());
        assertEquals(WsFrameReader.PONG, pong.opcode());
        assertEquals("heartbeat", pong.text());

        assertTrue(socket.send("{\"id\":1,\"cmd\":\"subscribe\"}"));
        ClientFrame cmd = p.readFrame();
        assertTrue(cmd.fin() && cmd.masked());
        assertEquals(WsFrameReader.TEXT, cmd.opcode());
        assertEquals("{\"id\":1,\"cmd\":\"subscribe\"}", cmd.text());

        String big = ascii(70_000, 5); // 64-bit length on our side too
        assertTrue(socket.send(big));
        ClientFrame bigFrame = p.readFrame();
        assertTrue(bigFrame.masked());
        assertEquals(big, bigFrame.text());

        socket.ping();
        ClientFrame ping = p.readFrame();
        assertTrue(ping.masked());
        assertEquals(WsFrameReader.PING, ping.opcode());
        p.write(frame(true, WsFrameReader.PONG, new byte[0]));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (socket.receivedPingsPongs() < 2) {
            assertTrue(System.nanoTime() < deadline, "ping and pong counted: " + socket.receivedPingsPongs());
            Thread.onSpinWait();
        }
        assertEquals(2, socket.receivedPingsPongs());
    }

    @Test
    void theServersCloseIsEchoedWithItsCodeThenTheSocketCloses() throws Exception {
        Peer p = open();
        p.write(ScriptedWsServer.close(1001, "going away"));
        ClientFrame echo = p.readFrame();
        assertEquals(WsFrameReader.CLOSE, echo.opcode());
        assertTrue(echo.masked());
        assertEquals(1001, echo.closeCode());
        assertTrue(p.readsEndOfStream());
        assertEquals("server closed 1001 going away", listener.next());
        assertFalse(socket.send("late"), "nothing is sent after the Close");
    }

    @Test
    void aCloseWithoutCodeIsAnsweredWithoutCode() throws Exception {
        Peer p = open();
        p.write(frame(true, WsFrameReader.CLOSE, new byte[0]));
        ClientFrame echo = p.readFrame();
        assertEquals(WsFrameReader.CLOSE, echo.opcode());
        assertEquals(0, echo.payload().length);
        assertEquals("server closed 1005 ", listener.next());
    }

    @Test
    void ourCloseThenTheServersAnswerEndsTheConnection() throws Exception {
        Peer p = open();
        socket.close(1000, "client stopping");
        ClientFrame close = p.readFrame();
        assertEquals(WsFrameReader.CLOSE, close.opcode());
        assertEquals(1000, close.closeCode());
        assertEquals("client stopping", new String(close.payload(), 2, close.payload().length - 2, StandardCharsets.UTF_8));
        assertFalse(socket.send("after close"));
        p.write(ScriptedWsServer.close(1000, ""));
        assertTrue(p.readsEndOfStream(), "no second Close: the socket just closes");
        assertEquals("server closed 1000 ", listener.next());
    }

    @Test
    void theEndOfTheStreamWithoutACloseIsAFailure() throws Exception {
        Peer p = open();
        p.write(Arrays.copyOf(text("cut"), 3));
        p.close();
        assertEquals("failure java.io.EOFException: connection closed without a Close frame", listener.next());
    }

    @Test
    void cancelEndsTheConnectionAndTheThread() throws Exception {
        Peer p = open();
        Thread reader = listener.thread;
        socket.cancel();
        assertTrue(p.readsEndOfStream());
        assertEquals("failure cancelled", listener.next());
        reader.join(5_000);
        assertFalse(reader.isAlive());
    }

    @Test
    void cancelWhileTheUpgradeIsUnansweredEndsTheConnect() throws Exception {
        Peer p = connect("/", Duration.ofSeconds(30));
        socket.cancel();
        assertEquals("failure cancelled", listener.next());
        assertTrue(p.readsEndOfStream());
    }

    // ---------------------------------------------------------------- protocol errors

    static Stream<Arguments> protocolErrors() {
        byte[] overCap = {(byte) 0x81, 127, 0, 0, 0, 0, 0, 4, 0, 1}; // MAX + 1, header only: refused before the payload
        byte[] msbSet = {(byte) 0x81, 127, (byte) 0x80, 0, 0, 0, 0, 0, 0, 1};
        byte[] fragmentsOverCap = concat(frame(false, WsFrameReader.TEXT, bytes(ascii(200_000, 0))),
                new byte[] {(byte) 0x80, 127, 0, 0, 0, 0, 0, 1, 0, 0}); // + 65 536 more
        return Stream.of(
                Arguments.of("masked server frame", frame(0x81, bytes("x"), true), 1002, "masked frame"),
                Arguments.of("RSV1", frame(0xC1, bytes("x"), false), 1002, "RSV bits"),
                Arguments.of("RSV3", frame(0x91, bytes("x"), false), 1002, "RSV bits"),
                Arguments.of("opcode 3", frame(0x83, bytes("x"), false), 1002, "unknown opcode 0x3"),
                Arguments.of("opcode 0xB", frame(0x8B, bytes("x"), false), 1002, "unknown opcode 0xb"),
                Arguments.of("ping over 125 bytes", frame(true, WsFrameReader.PING, new byte[126]), 1002, "over 125 bytes"),
                Arguments.of("fragmented ping", frame(false, WsFrameReader.PING, bytes("x")), 1002, "fragmented control"),
                Arguments.of("continuation first", frame(true, WsFrameReader.CONTINUATION, bytes("x")), 1002, "without a message"),
                Arguments.of("text inside a fragmented text", concat(frame(false, WsFrameReader.TEXT, bytes("a")), text("b")),
                        1002, "inside a fragmented"),
                Arguments.of("64-bit length with its top bit set", msbSet, 1002, "most significant bit"),
                Arguments.of("Close with 1 byte", frame(true, WsFrameReader.CLOSE, new byte[] {3}), 1002, "1-byte payload"),
                Arguments.of("Close with code 1005", ScriptedWsServer.close(1005, ""), 1002, "code 1005"),
                Arguments.of("message over the cap", overCap, 1009, "over the 262144-byte limit"),
                Arguments.of("fragments over the cap", fragmentsOverCap, 1009, "at least 265536 bytes"),
                Arguments.of("binary message", frame(true, WsFrameReader.BINARY, bytes("x")), 1003, "binary"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protocolErrors")
    void aProtocolErrorClosesWithItsCode(String name, byte[] bad, int code, String reason) throws Exception {
        Peer p = open();
        p.write(concat(text("before"), bad, text("never delivered")));
        assertEquals("text before", listener.next());
        ClientFrame close = p.readFrame();
        assertEquals(WsFrameReader.CLOSE, close.opcode(), name);
        assertTrue(close.masked());
        assertEquals(code, close.closeCode(), name);
        assertTrue(p.readsEndOfStream(), name + ": the socket is closed after the Close");
        String e = listener.next();
        assertTrue(e.startsWith("protocol error " + code + " ") && e.contains(reason) && e.contains("(frame starts "), e);
        assertNull(listener.events.poll(), "nothing after the error");
    }

    @Test
    void aMessageOfExactlyTheCapIsAccepted() throws Exception {
        Peer p = open();
        String a = ascii(MAX - 10, 0);
        p.write(concat(frame(false, WsFrameReader.TEXT, bytes(a)), frame(true, WsFrameReader.CONTINUATION, bytes("0123456789"))));
        assertEquals("text " + a + "0123456789", listener.next());
    }

    @Test
    void onlyWsAndWssUrls() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DirectTransport("http://127.0.0.1/x", Duration.ofSeconds(1), MAX));
        assertTrue(e.getMessage().contains("ws: or wss:"), e.getMessage());
        WsAddress a = WsAddress.parse("wss://api.elections.kalshi.com/trade-api/ws/v2");
        assertTrue(a.tls);
        assertEquals(443, a.port);
        assertEquals("api.elections.kalshi.com", a.hostHeader);
        assertEquals("/trade-api/ws/v2", a.target);
        WsAddress v6 = WsAddress.parse("ws://[::1]:8080");
        assertEquals("::1", v6.host);
        assertEquals("[::1]:8080", v6.hostHeader);
        assertEquals("/", v6.target);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
