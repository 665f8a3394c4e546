package io.kengine.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Param;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Smoke tests: every configured row runs, sees every event, and the real chain really trades. */
class RingHopBenchmarkTest {
    static Stream<String> configs() throws NoSuchFieldException {
        return Stream.of(RingHopBenchmark.class.getField("config").getAnnotation(Param.class).value());
    }

    @ParameterizedTest
    @MethodSource("configs")
    @Timeout(30)
    void everyPublishedEventReachesTheLastStage(String config) {
        RingHopBenchmark bench = new RingHopBenchmark();
        bench.config = config;
        bench.setUp();
        try {
            bench.hop();
            bench.hop();
            assertEquals(bench.published(), bench.ring().consumed());
            assertEquals(0, bench.ring().stageErrors());
        } finally {
            bench.tearDown();
        }
    }

    @Test
    @Timeout(30)
    void theRealChainQuotesTheScriptedMarkets() {
        RingHopBenchmark bench = new RingHopBenchmark();
        bench.config = "fused-real:phased-backoff";
        bench.setUp();
        try {
            bench.hop();
            long intents = ((EngineRing) bench.ring()).intentsPublished();
            assertTrue(intents > 0, "the business chain published no intent: it is not configured or not fed");
        } finally {
            bench.tearDown();
        }
    }

    @Test
    void malformedConfigsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RingConfig.open("fused-empty"));
        assertThrows(IllegalArgumentException.class, () -> RingConfig.open("fused-nothing:yielding"));
        assertThrows(IllegalArgumentException.class, () -> RingConfig.open("floor:blocking"));
    }
}
