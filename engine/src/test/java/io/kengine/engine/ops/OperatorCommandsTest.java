package io.kengine.engine.ops;

import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.event.OperatorCommandEvent;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperatorCommandsTest {
    private final RecordingPublisher ring = new RecordingPublisher();
    private final OperatorCommands commands = new OperatorCommands(ring);

    @Test
    void aCommandBecomesOneOperatorEventWithItsMarketAndReason() {
        commands.publish(OperatorCommandEvent.CANCEL_ALL, 3, "too wide", "cli");
        commands.halt("fat finger", "cli");

        List<UnsafeBuffer> events = ring.events();
        assertEquals(2, events.size());
        OperatorCommandEvent e = new OperatorCommandEvent();
        e.wrap(events.get(0), 0);
        assertEquals(EventType.OPERATOR_COMMAND, e.type());
        assertEquals(OperatorCommandEvent.LENGTH, e.length());
        assertEquals(OperatorCommandEvent.CANCEL_ALL, e.command());
        assertEquals(3, e.marketId());
        assertEquals(EventSource.OPERATOR, e.source());
        assertEquals("too wide", e.reason());
        e.wrap(events.get(1), 0);
        assertEquals(OperatorCommandEvent.HALT, e.command());
        assertEquals(EventHeader.NO_MARKET, e.marketId());
        assertTrue(commands.halted());
        assertEquals("fat finger (by cli)", commands.haltReason());
        assertEquals(1, commands.published(OperatorCommandEvent.HALT));
        assertEquals(2, commands.recent().size());

        commands.publish(OperatorCommandEvent.RESUME, EventHeader.NO_MARKET, "", "cli");
        assertFalse(commands.halted());
    }

    @Test
    void aMarketHaltDoesNotCountAsAnEngineHalt() {
        commands.publish(OperatorCommandEvent.HALT, 7, "one market", "cli");
        assertFalse(commands.halted());
    }

    @Test
    void invalidInputIsRefusedBeforeAnySlotIsClaimed() {
        assertThrows(IllegalArgumentException.class, () -> commands.halt("x".repeat(96), "cli"));
        assertThrows(IllegalArgumentException.class, () -> commands.halt("caf\u00e9", "cli"));
        assertThrows(IllegalArgumentException.class, () -> commands.publish((byte) 9, EventHeader.NO_MARKET, "", "cli"));
        assertThrows(IllegalArgumentException.class, () -> commands.publish(OperatorCommandEvent.HALT, -5, "", "cli"));
        assertEquals(0, ring.claims());
        assertFalse(ring.pendingClaim());
        assertFalse(commands.halted());
        commands.halt("x".repeat(95), "cli"); // the longest reason that fits
        assertEquals(1, ring.events().size());
    }

    @Test
    void configChangesShareOneNewRevisionAndAreAllOrNothing() {
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("pricing.m0.edge", "0.0300");
        changes.put("risk.maxPosition", "400.00");
        assertEquals(2, commands.publishConfigChanges(changes));
        assertEquals(3, commands.publishConfigChanges(Map.of("pricing.m0.size", "5.00")));

        List<UnsafeBuffer> events = ring.events();
        assertEquals(3, events.size());
        ConfigChangeEvent c = new ConfigChangeEvent();
        c.wrap(events.get(1), 0);
        assertEquals(EventType.CONFIG_CHANGE, c.type());
        assertEquals(2, c.revision());
        assertEquals("risk.maxPosition", c.key());
        assertEquals("400.00", c.value());
        c.wrap(events.get(2), 0);
        assertEquals(3, c.revision());

        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("pricing.m0.edge", "0.0400");
        bad.put("k".repeat(200), "1");
        assertThrows(IllegalArgumentException.class, () -> commands.publishConfigChanges(bad));
        assertEquals(3, ring.events().size(), "nothing of a refused change is published");
        assertEquals(3, commands.publishConfigChanges(Map.of()), "no change, no revision");
    }
}
