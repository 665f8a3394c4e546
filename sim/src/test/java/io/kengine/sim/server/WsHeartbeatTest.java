package io.kengine.sim.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ping frames with payload "heartbeat"; a client that answers stays, a silent one is dropped. */
class WsHeartbeatTest {
    private Harness h;

    @BeforeEach
    void start() {
        h = new Harness(SimServerConfig.builder()
                .pingInterval(Duration.ofMillis(40))
                .pongTimeout(Duration.ofMillis(200)));
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void silentClientSeesHeartbeatPingsThenIsDropped() throws Exception {
        try (RawWs raw = new RawWs(h.server.port(), h.alice, h.clock.get())) {
            assertEquals(101, raw.status);
            RawWs.Frame first = raw.read();
            assertEquals(0x9, first.opcode(), "a Ping");
            assertEquals("heartbeat", first.text());
            long start = System.nanoTime();
            RawWs.Frame f;
            int pings = 1;
            while ((f = raw.read()) != null && f.opcode() == 0x9) {
                pings++;
            }
            // end of stream (or a close frame) once the pong timeout has passed
            assertTrue(f == null || f.opcode() == 0x8, "stream ends");
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(100).toNanos(), "not dropped before the timeout");
            assertTrue(pings >= 2, "pinged " + pings + " times");
            assertEquals(1, h.server.webSocketsDroppedForSilence());
        }
    }

    @Test
    void clientThatAnswersPingsStays() throws Exception {
        try (RawWs raw = new RawWs(h.server.port(), h.alice, h.clock.get())) {
            long until = System.nanoTime() + Duration.ofMillis(600).toNanos(); // three pong timeouts
            int pings = 0;
            while (System.nanoTime() < until) {
                RawWs.Frame f = raw.read();
                assertEquals(0x9, f.opcode());
                raw.pong(f.payload());
                pings++;
            }
            assertTrue(pings >= 5, "pings " + pings);
            assertEquals(0, h.server.webSocketsDroppedForSilence());
            raw.text("{\"id\":1,\"cmd\":\"list_subscriptions\"}");
            RawWs.Frame reply;
            do {
                reply = raw.read();
            } while (reply.opcode() == 0x9);
            assertEquals("{\"id\":1,\"type\":\"ok\",\"msg\":[]}", reply.text());
        }
    }

    @Test
    void okHttpClientAnswersAutomaticallyAndStays() throws Exception {
        WsProbe ws = h.openWs(h.alice);
        ws.quiet(Duration.ofMillis(500)); // no text frames; pings are answered by OkHttp
        assertEquals(1, h.server.webSocketCount());
        assertEquals(0, h.server.webSocketsDroppedForSilence());
        assertNull(ws.failure);
    }

    @Test
    void serverAnswersClientPings() throws Exception {
        try (RawWs raw = new RawWs(h.server.port(), h.alice, h.clock.get())) {
            java.lang.reflect.Method send = RawWs.class.getDeclaredMethod("send", int.class, byte[].class);
            send.setAccessible(true);
            send.invoke(raw, 0x9, "hi".getBytes());
            RawWs.Frame f;
            do {
                f = raw.read();
                if (f.opcode() == 0x9) {
                    raw.pong(f.payload());
                }
            } while (f.opcode() != 0xA);
            assertEquals("hi", f.text());
        }
    }
}
