package io.kengine.protocol.stage;

import org.agrona.BufferUtil;

import java.nio.ByteBuffer;

/**
 * The memory of one ring's slots as a single 64-byte-aligned block, handed out in ring order: slot
 * <i>i</i>'s event and notes sit side by side at {@code i * STRIDE}. Allocated one by one, each slot's
 * two buffers land wherever the allocator puts them, so an event costs about twice the pages (and
 * TLB entries, which a VM's nested page walk makes dear) and the hardware prefetcher cannot follow
 * the ring. Not thread-safe: the ring's constructor calls {@link #next} from one thread.
 */
public final class SlotArena {
    private final ByteBuffer slab;
    private final int slots;
    private int handedOut;

    public SlotArena(int slots) {
        if (slots <= 0 || (long) slots * EventSlot.STRIDE > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("slot count out of range: " + slots);
        }
        this.slab = BufferUtil.allocateDirectAligned(slots * EventSlot.STRIDE, 64);
        this.slots = slots;
    }

    /** The next slot; fails once all {@code slots} are handed out. */
    public EventSlot next() {
        if (handedOut == slots) {
            throw new IllegalStateException("all " + slots + " slots of this arena are in use");
        }
        return new EventSlot(slab, handedOut++ * EventSlot.STRIDE);
    }

    public int slots() {
        return slots;
    }
}
