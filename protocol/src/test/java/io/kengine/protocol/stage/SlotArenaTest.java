package io.kengine.protocol.stage;

import io.kengine.protocol.event.EventHeader;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SlotArenaTest {
    @Test
    void slotsAreAdjacentAlignedAndFullSize() {
        SlotArena arena = new SlotArena(4);
        EventSlot[] s = new EventSlot[4];
        for (int i = 0; i < 4; i++) {
            s[i] = arena.next();
            assertEquals(EventHeader.MAX_EVENT_LENGTH, s[i].event().capacity());
            assertEquals(EventSlot.NOTES_LENGTH, s[i].notes().capacity());
            assertEquals(0, s[i].event().addressOffset() % 64, "event 64-byte aligned");
            assertEquals(0, s[i].notesAddress() % 64, "notes 64-byte aligned");
            assertEquals(s[i].event().addressOffset() + EventHeader.MAX_EVENT_LENGTH, s[i].notesAddress());
        }
        for (int i = 1; i < 4; i++) {
            assertEquals(EventSlot.STRIDE, s[i].event().addressOffset() - s[i - 1].event().addressOffset());
        }
    }

    @Test
    void neighboursDoNotOverlap() {
        SlotArena arena = new SlotArena(3);
        EventSlot a = arena.next();
        EventSlot b = arena.next();
        EventSlot c = arena.next();
        a.notes().setMemory(0, EventSlot.NOTES_LENGTH, (byte) 0x5A);
        b.event().setMemory(0, EventHeader.MAX_EVENT_LENGTH, (byte) 0x11);
        c.event().putByte(0, (byte) 0x22);
        assertEquals(0x5A, a.notes().getByte(EventSlot.NOTES_LENGTH - 1));
        assertEquals(0x11, b.event().getByte(0));
        assertEquals(0x11, b.event().getByte(EventHeader.MAX_EVENT_LENGTH - 1));
        assertEquals(0, b.notes().getByte(0), "b's notes untouched by its event");
        assertEquals(0, b.notes().getByte(EventSlot.NOTES_LENGTH - 1));
        assertEquals(0x22, c.event().getByte(0));
        assertEquals(0, a.event().getByte(0), "a's event untouched by its notes");
    }

    @Test
    void refusesMoreSlotsThanItHas() {
        SlotArena arena = new SlotArena(1);
        arena.next();
        assertThrows(IllegalStateException.class, arena::next);
        assertThrows(IllegalArgumentException.class, () -> new SlotArena(0));
    }
}
