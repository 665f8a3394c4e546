package io.kengine.engine.ops;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The webhook against a loopback HTTP server started by the test. */
class WebhookAlertsTest {
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> types = new CopyOnWriteArrayList<>();
    private volatile int status = 204;
    private HttpServer server;
    private WebhookAlerts alerts;

    private String start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/hook", x -> {
            try (x) {
                bodies.add(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                types.add(x.getRequestHeaders().getFirst("Content-Type"));
                x.sendResponseHeaders(status, -1);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @AfterEach
    void stop() {
        if (alerts != null) {
            alerts.close(0);
        }
        if (server != null) {
            server.stop(0);
        }
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    @Test
    void alertsArePostedAsDiscordContent() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        alerts = new WebhookAlerts(start(), 0, 16, "[kengine test]", new PrintStream(console, true, StandardCharsets.UTF_8));
        alerts.alert("halt", "engine halted: \"news\"\nline two");
        alerts.alert("stopped", "bye");
        await(() -> alerts.sent() == 2, "two posts");
        assertEquals(List.of("{\"content\":\"[kengine test] HALT: engine halted: \\\"news\\\"\\nline two\"}",
            "{\"content\":\"[kengine test] STOPPED: bye\"}"), bodies);
        assertEquals("application/json", types.get(0));
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("ALERT [kengine test] HALT: engine halted"));
        assertEquals(0, alerts.dropped());
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() throws Exception {
        // one post per minute: the first goes out, the sender then waits; the queue holds one more
        alerts = new WebhookAlerts(start(), 60_000, 1, "[t]", null);
        alerts.alert("halt", "first");
        await(() -> alerts.sent() == 1, "the first post");
        for (int i = 0; i < 5; i++) {
            alerts.alert("halt", "burst " + i);
        }
        // of five, at most one is waiting out the rate limit and one is queued
        assertTrue(alerts.dropped() >= 3 && alerts.dropped() <= 4, "dropped " + alerts.dropped());
        assertEquals(1, bodies.size(), "the rate limit holds back the rest");
    }

    @Test
    void aFailingWebhookIsCountedAndDoesNotStopLaterAlerts() throws Exception {
        status = 500;
        alerts = new WebhookAlerts(start(), 0, 4, "[t]", null);
        alerts.alert("disconnect", "one");
        await(() -> alerts.failed() == 1, "a failed post");
        status = 200;
        alerts.alert("reconnect", "two");
        await(() -> alerts.sent() == 1, "the next post");
        assertEquals(2, bodies.size());
    }

    @Test
    void withoutAUrlAlertsGoToTheConsoleOnly() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        alerts = new WebhookAlerts(null, 0, 4, "[t]", new PrintStream(console, true, StandardCharsets.UTF_8));
        alerts.alert("halt", "x");
        assertEquals(0, alerts.sent() + alerts.dropped());
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("ALERT [t] HALT: x"));
    }
}
