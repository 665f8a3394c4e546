package io.kengine.engine.ring;

import com.lmax.disruptor.BusySpinWaitStrategy;
import io.kengine.engine.ring.TimedYieldingWaitStrategy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaitStrategiesTest {
    @Test
    void autoNeverSpinsMoreConsumersThanCoresLeaveRoomFor() {
        // fused with journaling: business, journal-out, sender = 3 waiting consumers (journal-in parks on its own)
        int fused = StageMapping.FUSED.businessThreads() + StageMapping.FUSED.outboundThreads(true);
        assertEquals(3, fused);
        assertInstanceOf(LeanBackoffWaitStrategy.class, WaitStrategies.create("auto", fused, 2));
        assertInstanceOf(LeanBackoffWaitStrategy.class, WaitStrategies.create("auto", fused, 3));
        assertInstanceOf(TimedYieldingWaitStrategy.class, WaitStrategies.create("auto", fused, 4));
        assertTrue(WaitStrategies.describe("auto", fused, 2).contains("phased-backoff"));
        // single, journaling or not: the business thread alone, so on 2 cores it yields and a core is left over
        int single = StageMapping.SINGLE.businessThreads() + StageMapping.SINGLE.outboundThreads(true);
        assertInstanceOf(TimedYieldingWaitStrategy.class, WaitStrategies.create("auto", single, 2));
        assertInstanceOf(LeanBackoffWaitStrategy.class, WaitStrategies.create("auto", single, 1));
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
