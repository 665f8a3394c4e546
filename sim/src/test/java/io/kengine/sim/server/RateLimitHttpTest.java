package io.kengine.sim.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** 429 over HTTP once the read bucket is empty, recovery after the (injected) clock refills it. */
class RateLimitHttpTest {
    private static final String STATUS = "/trade-api/v2/exchange/status";
    private Harness h;

    @BeforeEach
    void start() {
        h = new Harness();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void emptyBucketAnswers429ThenRecovers() throws Exception {
        // Basic read bucket: 400 tokens, 10 per request
        for (int i = 0; i < 40; i++) {
            assertEquals(200, h.get(STATUS).code(), "request " + i);
        }
        Harness.Reply refused = h.get(STATUS);
        assertEquals(429, refused.code());
        assertEquals("{\"error\":\"too many requests\"}", refused.body());

        // another account has its own bucket
        assertEquals(200, h.call(h.bob, "GET", STATUS, null).code());

        h.clock.addAndGet(49); // 9.8 tokens: not yet
        assertEquals(429, h.get(STATUS).code());
        h.clock.addAndGet(1);  // 10 tokens
        assertEquals(200, h.get(STATUS).code());
        assertEquals(429, h.get(STATUS).code());
        h.clock.addAndGet(2_000); // full again
        for (int i = 0; i < 40; i++) {
            assertEquals(200, h.get(STATUS).code(), "after refill " + i);
        }
    }

    @Test
    void refusedAuthCostsNothing() throws Exception {
        for (int i = 0; i < 60; i++) {
            assertEquals(401, h.call(TestKeys.signer("key-alice", TestKeys.MALLORY), "GET", STATUS, null).code());
        }
        assertEquals(200, h.get(STATUS).code());
    }
}
