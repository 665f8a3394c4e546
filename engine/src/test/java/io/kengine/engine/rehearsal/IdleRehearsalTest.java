package io.kengine.engine.rehearsal;

import io.kengine.engine.StrategyDefaults;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The rehearsal keeps taking the whole quote path, step after step, without allocating. */
class IdleRehearsalTest {
    private static final long START = 1_795_000_000_000_000_000L;

    @Test
    void everyStepTakesTheQuotePathUnderTheDefaultParameters() {
        IdleRehearsal rehearsal = new IdleRehearsal(7, "paper", StrategyDefaults.entries(), START);
        long before = rehearsal.intents();
        for (int i = 0; i < 5_000; i++) {
            rehearsal.step();
        }
        assertNull(rehearsal.failure());
        assertEquals(5_000, rehearsal.steps());
        // each delta moves the mid a cent: one amend per step, acknowledged at the next (the first step creates)
        assertEquals(5_000, rehearsal.intents() - before, "the private chain stopped quoting somewhere");
        assertEquals(0, rehearsal.repliesDropped());
    }

    @Test
    void theLiveOrderRateLimitsAreOpenedAndNothingElseChanges() {
        List<Map.Entry<String, String>> live = StrategyDefaults.entries(Map.of("risk.tokens.createCost", "10",
            "risk.maxOrdersPerMinute", "600"));
        List<Map.Entry<String, String>> opened = IdleRehearsal.withOpenedLimits(live);
        assertEquals(live.size(), opened.size());
        int changed = 0;
        for (int i = 0; i < live.size(); i++) {
            assertEquals(live.get(i).getKey(), opened.get(i).getKey());
            if (!live.get(i).getValue().equals(opened.get(i).getValue())) {
                changed++;
                assertTrue(live.get(i).getKey().startsWith("risk."), live.get(i).getKey());
            }
        }
        assertEquals(3, changed); // create cost, cancel cost, orders per minute
    }

    /** Built at every engine start: it must cost about what one more set of stages costs, not the heap. */
    @Test
    void buildingTheRehearsalTakesLittleMemory() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(mx.isThreadAllocatedMemorySupported(), "no per-thread allocation counter");
        new IdleRehearsal(7, "paper", StrategyDefaults.entries(), START); // classes loaded, tables built once
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        IdleRehearsal rehearsal = new IdleRehearsal(8, "paper", StrategyDefaults.entries(), START);
        long allocated = mx.getThreadAllocatedBytes(id) - before;
        assertNull(rehearsal.failure());
        // a 60 000 000 orders/minute cap made risk's rate window allocate 480 MB here
        assertTrue(allocated < 64L << 20, (allocated >> 20) + " MB to build a rehearsal");
    }

    @Test
    void aStepAllocatesNothingOnceWarm() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(mx.isThreadAllocatedMemorySupported(), "no per-thread allocation counter");
        IdleRehearsal rehearsal = new IdleRehearsal(7, "paper", StrategyDefaults.entries(), START);
        for (int i = 0; i < 20_000; i++) { // past the JIT's first compilations
            rehearsal.step();
        }
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        for (int i = 0; i < 10_000; i++) {
            rehearsal.step();
        }
        long allocated = mx.getThreadAllocatedBytes(id) - before;
        assertNull(rehearsal.failure());
        assertTrue(allocated < 1_024, allocated + " bytes allocated over 10 000 steps");
    }
}
