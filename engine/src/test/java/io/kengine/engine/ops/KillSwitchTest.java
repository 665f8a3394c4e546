package io.kengine.engine.ops;

import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.OperatorCommandEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KillSwitchTest {
    private final RecordingPublisher ring = new RecordingPublisher();
    private final OperatorCommands commands = new OperatorCommands(ring);
    private final List<String> alerts = new ArrayList<>();

    private List<Byte> commandsOnTheRing() {
        List<Byte> out = new ArrayList<>();
        OperatorCommandEvent e = new OperatorCommandEvent();
        ring.events().forEach(b -> {
            e.wrap(b, 0);
            assertEquals(EventHeader.NO_MARKET, e.marketId());
            out.add(e.command());
        });
        return out;
    }

    @Test
    void theFileAppearingHaltsAndCancelsOncePerAppearance(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kill");
        KillSwitch k = new KillSwitch(commands, (kind, text) -> alerts.add(kind + ": " + text), file);
        k.poll();
        assertEquals(List.of(), commandsOnTheRing());

        Files.createFile(file);
        k.poll();
        k.poll();
        assertEquals(List.of(OperatorCommandEvent.HALT, OperatorCommandEvent.CANCEL_ALL), commandsOnTheRing());
        assertTrue(commands.halted());
        assertTrue(commands.haltReason().startsWith("kill switch: file "), commands.haltReason());
        assertEquals(1, alerts.size());
        assertTrue(alerts.get(0).startsWith("halt: KILL SWITCH"), alerts.get(0));

        Files.delete(file);
        k.poll();
        Files.createFile(file);
        k.poll();
        assertEquals(4, commandsOnTheRing().size(), "re-armed when the file was removed");
        assertEquals(2, k.triggers());
    }

    @Test
    void aFileAlreadyThereAtStartTriggers(@TempDir Path dir) throws Exception {
        Path file = Files.createFile(dir.resolve("kill"));
        new KillSwitch(commands, Alerts.NONE, file).poll();
        assertEquals(List.of(OperatorCommandEvent.HALT, OperatorCommandEvent.CANCEL_ALL), commandsOnTheRing());
    }

    @Test
    void aLongOrOddReasonIsMadeToFit() {
        KillSwitch k = new KillSwitch(commands, Alerts.NONE, null);
        k.poll(); // no file watched: nothing
        k.trigger("signal \u00fc " + "x".repeat(200));
        OperatorCommandEvent e = new OperatorCommandEvent();
        e.wrap(ring.events().get(0), 0);
        assertEquals(95, e.reason().length());
        assertTrue(e.reason().startsWith("kill switch: signal ? x"), e.reason());
    }
}
