package io.kengine.gateway.rest;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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

    @Test
    void directKeepAliveDefaultsToFifteenFiveThreeAndIsValidated() {
        assertEquals(new TcpKeepAlive(Duration.ofSeconds(15), Duration.ofSeconds(5), 3), builder().build().directKeepAlive());
        TcpKeepAlive k = builder().directKeepAlive(Duration.ofSeconds(30), Duration.ofSeconds(10), 4).build().directKeepAlive();
        assertEquals(Duration.ofSeconds(30), k.idle());
        assertEquals(Duration.ofSeconds(10), k.interval());
        assertEquals(4, k.count());
        assertThrows(IllegalArgumentException.class, () -> builder().directKeepAlive(Duration.ZERO, Duration.ofSeconds(5), 3));
        assertThrows(IllegalArgumentException.class, () -> builder().directKeepAlive(Duration.ofSeconds(15), Duration.ofSeconds(-5), 3));
        assertThrows(IllegalArgumentException.class, () -> builder().directKeepAlive(Duration.ofMillis(1500), Duration.ofSeconds(5), 3),
            "the options are whole seconds");
        assertThrows(IllegalArgumentException.class, () -> builder().directKeepAlive(Duration.ofSeconds(32_768), Duration.ofSeconds(5), 3));
        assertThrows(IllegalArgumentException.class, () -> builder().directKeepAlive(null, Duration.ofSeconds(5), 3));
        assertThrows(IllegalArgumentException.class, () -> builder().directKeepAlive(Duration.ofSeconds(15), Duration.ofSeconds(5), 0));
        assertThrows(IllegalArgumentException.class, () -> builder().directKeepAlive(Duration.ofSeconds(15), Duration.ofSeconds(5), 128));
    }

    @Test
    void wireObserverDefaultsToNoneAndIsRequired() {
        assertSame(WireObserver.NONE, builder().build().wireObserver());
        WireObserver o = (ts, legs, attempt) -> { };
        assertSame(o, builder().wireObserver(o).build().wireObserver());
        assertThrows(NullPointerException.class, () -> builder().wireObserver(null));
    }
}
