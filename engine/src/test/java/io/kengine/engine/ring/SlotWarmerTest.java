package io.kengine.engine.ring;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.SlotArena;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SlotWarmerTest {
    private final RingBuffer<EventSlot> inbound = RingBuffer.createMultiProducer(new SlotArena(8)::next, 8);
    private final RingBuffer<EventSlot> outbound = RingBuffer.createSingleProducer(new SlotArena(4)::next, 4);

    @Test
    void passesEveryEventOnAndWarmsOnlyWhenABatchEnds() throws Exception {
        List<Long> seen = new ArrayList<>();
        EventHandler<EventSlot> business = (slot, sequence, endOfBatch) -> seen.add(sequence);
        SlotWarmer warmer = new SlotWarmer(business, inbound, outbound);
        warmer.onEvent(inbound.get(0), 0, false);
        warmer.onEvent(inbound.get(1), 1, false);
        assertEquals(0, warmer.warms(), "no warming inside a batch");
        warmer.onEvent(inbound.get(2), 2, true);
        assertEquals(1, warmer.warms());
        assertEquals(List.of(0L, 1L, 2L), seen);
    }

    @Test
    void warmingOnlyReads() throws Exception {
        for (int i = 0; i < 8; i++) {
            inbound.get(i).notes().setMemory(0, EventSlot.NOTES_LENGTH, (byte) (0x30 + i));
            inbound.get(i).event().setMemory(0, 64, (byte) (0x50 + i));
        }
        for (int i = 0; i < 4; i++) {
            outbound.get(i).event().setMemory(0, 512, (byte) (0x70 + i));
        }
        SlotWarmer warmer = new SlotWarmer((slot, sequence, endOfBatch) -> { }, inbound, outbound);
        for (long seq = 0; seq < 20; seq++) { // wraps both rings
            warmer.onEvent(inbound.get(seq), seq, true);
        }
        assertEquals(20, warmer.warms());
        for (int i = 0; i < 8; i++) {
            assertEquals((byte) (0x30 + i), inbound.get(i).notes().getByte(EventSlot.NOTES_LENGTH - 1));
            assertEquals((byte) (0x50 + i), inbound.get(i).event().getByte(0));
        }
        for (int i = 0; i < 4; i++) {
            assertEquals((byte) (0x70 + i), outbound.get(i).event().getByte(511));
        }
    }

    @Test
    void lifecycleReachesTheBusinessHandler() {
        int[] calls = new int[2];
        EventHandler<EventSlot> business = new EventHandler<>() {
            @Override
            public void onEvent(EventSlot slot, long sequence, boolean endOfBatch) {
            }

            @Override
            public void onStart() {
                calls[0]++;
            }

            @Override
            public void onShutdown() {
                calls[1]++;
            }
        };
        SlotWarmer warmer = new SlotWarmer(business, inbound, outbound);
        warmer.onStart();
        warmer.onShutdown();
        assertEquals(1, calls[0]);
        assertEquals(1, calls[1]);
    }
}
