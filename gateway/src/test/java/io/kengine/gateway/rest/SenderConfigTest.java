package io.kengine.gateway.rest;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SenderConfigTest {
    private static SenderConfig.Builder builder() {
        return SenderConfig.builder().restBaseUrl("http://127.0.0.1:1/trade-api/v2").keyId("key-1")
            .privateKey(TestKeys.PAIR.getPrivate());
    }

    @Test
    void directMaxIdleDefaultsBelowCommonSixtySecondIdleTimeoutsAndZeroTurnsItOff() {
        assertEquals(Duration.ofSeconds(50), builder().build().directMaxIdle());
        assertEquals(Duration.ZERO, builder().directMaxIdle(Duration.ZERO).build().directMaxIdle());
        assertEquals(Duration.ofMillis(200), builder().directMaxIdle(Duration.ofMillis(200)).build().directMaxIdle());
    }

    @Test
    void negativeOrMissingDirectMaxIdleIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> builder().directMaxIdle(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> builder().directMaxIdle(null));
    }
}
