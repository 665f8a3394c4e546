package io.kengine.engine.ring;

import com.lmax.disruptor.BusySpinWaitStrategy;
import io.kengine.engine.ring.TimedYieldingWaitStrategy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaitStrategiesTest {
    @Test
    void autoNeverSpinsMoreConsumersThanCoresLeaveRoomFor() {
        // fused with journaling: journal-in, business, journal-out, sender = 4 consumers
        assertInstanceOf(LeanBackoffWaitStrategy.class, WaitStrategies.create("auto", 4, 2));
        assertInstanceOf(LeanBackoffWaitStrategy.class, WaitStrategies.create("auto", 4, 4));
        assertInstanceOf(TimedYieldingWaitStrategy.class, WaitStrategies.create("auto", 4, 5));
        assertTrue(WaitStrategies.describe("auto", 4, 2).contains("phased-backoff"));
    }

    @Test
    void explicitNamesAreHonouredAndUnknownOnesRefused() {
        assertInstanceOf(BusySpinWaitStrategy.class, WaitStrategies.create("busy-spin", 4, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WaitStrategies.create("spinny", 1, 2));
        assertTrue(e.getMessage().contains("spinny"));
    }

    @Test
    void aSpecMayNameTheTwoRingsApart() {
        assertTrue(WaitStrategies.inboundPart("busy-spin/blocking").equals("busy-spin"));
        assertTrue(WaitStrategies.outboundPart("busy-spin/blocking").equals("blocking"));
        assertTrue(WaitStrategies.inboundPart("yielding").equals("yielding"));
        assertTrue(WaitStrategies.outboundPart("yielding").equals("yielding"));
        assertInstanceOf(com.lmax.disruptor.BlockingWaitStrategy.class,
            WaitStrategies.create(WaitStrategies.outboundPart("busy-spin/blocking"), 4, 2));
        assertTrue(WaitStrategies.describe("busy-spin/auto", 4, 2).contains("busy-spin in"), WaitStrategies.describe("busy-spin/auto", 4, 2));
    }
}
