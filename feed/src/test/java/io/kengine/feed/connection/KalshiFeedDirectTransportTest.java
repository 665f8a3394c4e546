package io.kengine.feed.connection;

import io.kengine.feed.connection.ScriptedWsServer.ClientFrame;
import io.kengine.feed.connection.ScriptedWsServer.Peer;
import io.kengine.protocol.units.TickGrid;
import io.kengine.protocol.wire.KalshiPaths;
import io.kengine.protocol.wire.auth.AuthHeaders;
import io.kengine.sim.exchange.FeeSchedule;
import io.kengine.sim.exchange.MarketSpec;
import io.kengine.sim.server.SimServer;
import io.kengine.sim.server.SimServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import static io.kengine.feed.connection.ScriptedWsServer.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link KalshiFeed} on the direct transport with the simulator for REST and {@link ScriptedWsServer} as the
 * WebSocket peer: what the feed does with protocol errors, a server Close, a refused upgrade and its own pings.
 */
class KalshiFeedDirectTransportTest {
    private static final String A = "KXWS-26DEC31-A";

    private SimServer sim;
    private ScriptedWsServer ws;
    private KalshiFeed feed;

    @BeforeEach
    void start() throws IOException {
        sim = new SimServer(SimServerConfig.builder().rateLimits(false).build()).start();
        sim.registerKey("key-feed", "feeder", TestKeys.publicPem());
        long now = sim.now();
        sim.exchange(ex -> {
            ex.addMarket(new MarketSpec(A, "KXWS-26DEC31", "KXWS", TickGrid.uniform(100), now - 1_000, now + 3_600_000,
                    FeeSchedule.QUADRATIC), now);
            return null;
        });
        ws = new ScriptedWsServer();
    }

    @AfterEach
    void stop() throws IOException {
        if (feed != null) {
            feed.stop();
        }
        ws.close();
        sim.close();
    }

    private void startFeed(Consumer<FeedConfig.Builder> tweak) {
        FeedConfig.Builder b = FeedConfig.builder()
                .restBaseUrl(sim.restBaseUrl()).wsUrl(ws.url(KalshiPaths.WS_PATH))
                .keyId("key-feed").privateKey(TestKeys.PAIR.getPrivate()).ticker(A)
                .backoff(Duration.ofMillis(20), Duration.ofMillis(100))
                .tickInterval(Duration.ofMillis(20))
                .resyncTimeout(Duration.ofSeconds(60)) // no acks come from this peer: no resync traffic either
                .restFallbackAfter(Duration.ZERO)
                .httpTimeout(Duration.ofSeconds(3));
        tweak.accept(b);
        feed = new KalshiFeed(b.build(), new BookMirror());
        feed.start();
    }

    /** The feed's next connection: signed upgrade answered with 101, its two subscribe commands read (masked). */
    private Peer upgraded() throws Exception {
        Peer p = ws.accept();
        assertEquals(KalshiPaths.WS_PATH, p.requestLine.split(" ")[1]);
        assertEquals("key-feed", p.header(AuthHeaders.KEY));
        assertTrue(p.header(AuthHeaders.SIGNATURE) != null && p.header(AuthHeaders.TIMESTAMP) != null);
        p.accept101();
        for (int i = 0; i < 2; i++) {
            ClientFrame f = p.readFrame();
            assertTrue(f.masked() && f.opcode() == WsFrameReader.TEXT && f.text().contains("\"subscribe\""), f.text());
        }
        return p;
    }

    private long count(FeedCounter c) {
        return feed.counters().get(c);
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + ": " + feed.counters());
            }
            Thread.sleep(5);
        }
    }

    @Test
    void protocolErrorsAndAServerCloseAreCountedAndTheFeedReconnects() throws Exception {
        startFeed(b -> { });
        Peer first = upgraded();
        await("connected", () -> feed.isConnected());
        first.write(frame(0x81, "{}".getBytes(StandardCharsets.UTF_8), true)); // masked: servers must not
        assertEquals(1002, first.readFrame().closeCode());

        Peer second = upgraded();
        second.write(frame(true, WsFrameReader.BINARY, new byte[] {1, 2}));
        assertEquals(1003, second.readFrame().closeCode());

        Peer third = upgraded();
        third.write(ScriptedWsServer.close(1001, "going away"));
        assertEquals(1001, third.readFrame().closeCode(), "the server's code is echoed");

        upgraded();
        await("fourth connection", () -> count(FeedCounter.CONNECTS) == 4 && feed.isConnected());
        assertEquals(2, count(FeedCounter.WS_PROTOCOL_ERRORS));
        assertEquals(3, count(FeedCounter.DISCONNECTS));
        assertEquals(0, count(FeedCounter.CONNECT_FAILURES));
    }

    @Test
    void aRefusedUpgradeIsAConnectFailureAndIsRetried() throws Exception {
        startFeed(b -> { });
        Peer refused = ws.accept();
        refused.write("HTTP/1.1 401 Unauthorized\r\nContent-Length: 2\r\n\r\n{}");
        upgraded();
        await("connected after the refusal", () -> feed.isConnected());
        assertEquals(1, count(FeedCounter.CONNECT_FAILURES));
        assertEquals(2, count(FeedCounter.CONNECT_ATTEMPTS));
        assertEquals(1, count(FeedCounter.CONNECTS));
    }

    @Test
    void clientPingsAnsweredKeepAQuietConnectionAliveAndUnansweredOnesLetItDie() throws Exception {
        startFeed(b -> b.clientPingInterval(Duration.ofMillis(50)).deadAfter(Duration.ofMillis(400)));
        Peer p = upgraded();
        long until = System.nanoTime() + 1_200_000_000L; // three dead-after periods with pongs only
        int pings = 0;
        while (System.nanoTime() < until) {
            ClientFrame f = p.readFrame();
            if (f.opcode() == WsFrameReader.PING) {
                assertTrue(f.masked());
                pings++;
                p.write(frame(true, WsFrameReader.PONG, f.payload()));
            }
        }
        assertTrue(pings >= 2, "pings sent on the interval: " + pings);
        assertEquals(0, count(FeedCounter.DEAD_CONNECTIONS), "pongs are activity");

        // no more pongs: the dead check cancels the socket, and a new one is made
        long deadline = System.nanoTime() + 10_000_000_000L;
        try {
            while (System.nanoTime() < deadline) {
                p.readFrame(); // pings, unanswered
            }
        } catch (IOException closed) {
            // the feed gave up on this socket
        }
        await("dead", () -> count(FeedCounter.DEAD_CONNECTIONS) == 1);
        upgraded();
        await("replaced", () -> count(FeedCounter.CONNECTS) == 2 && feed.isConnected());
    }
}
