package io.kengine.sim.flow;

import io.kengine.protocol.units.FixedPoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlowConfigTest {
    @Test
    void defaultsAreValidAndWithersChangeOneThing() {
        FlowConfig d = FlowConfig.defaults();
        assertEquals(2, d.makers().perMarket());
        assertEquals(FixedPoint.COUNT_ONE, d.sizeLot());
        FlowConfig quiet = d.withNoise(d.noise().withRatePerSecond(0)).withInformed(d.informed().withPerMarket(3));
        assertEquals(0, quiet.noise().ratePerSecond());
        assertEquals(3, quiet.informed().perMarket());
        assertEquals(d.makers(), quiet.makers());
    }

    @Test
    void badValuesAreRefusedWithTheKeyNamed() {
        FlowConfig d = FlowConfig.defaults();
        assertMessage("makers.estimateNoiseLogit", () -> d.makers().withPerMarket(1).withEstimateNoise(-1, 0));
        assertMessage("truth.jumpRatePerSecond", () -> d.truth().withJumps(-1, 0.1));
        assertMessage("noise.ratePerSecond", () -> d.noise().withRatePerSecond(Double.NaN));
        assertMessage("fundingPerAccount", () -> d.withFundingPerAccount(12_345));
        assertMessage("makers level size range", () -> d.withSizeLot(10_000)); // 100-contract lots do not fit 5..25 contracts
        assertMessage("noise needs 1000 <= minLifetimeMs", () -> new FlowConfig.Noise(1, 1, 0.5, 100, 200, 0, 0, 500, 1000, 100));
    }

    private static void assertMessage(String part, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
