package io.kengine.engine.ops;

import io.kengine.protocol.event.OperatorCommandEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The journal watch pulls the real kill switch (HALT, CANCEL_ALL, alert) once per failing episode. */
class JournalWatchTest {
    private final RecordingPublisher ring = new RecordingPublisher();
    private final OperatorCommands commands = new OperatorCommands(ring);
    private final List<String> alerts = new ArrayList<>();
    private final KillSwitch killSwitch = new KillSwitch(commands, (kind, text) -> alerts.add(kind + ": " + text), null);
    private final AtomicLong in = new AtomicLong();
    private final AtomicLong out = new AtomicLong();
    private final JournalWatch watch = new JournalWatch(in::get, out::get, commands::halted, killSwitch::trigger);

    private List<Byte> commandsOnTheRing() {
        List<Byte> cmds = new ArrayList<>();
        OperatorCommandEvent e = new OperatorCommandEvent();
        ring.events().forEach(b -> {
            e.wrap(b, 0);
            cmds.add(e.command());
        });
        return cmds;
    }

    @Test
    void nothingHappensWhileTheJournalWrites() {
        for (int i = 0; i < 5; i++) {
            watch.check();
        }
        assertTrue(ring.events().isEmpty());
        assertFalse(watch.pulled());
    }

    @Test
    void theFirstFailureHaltsAndCancelsOnceAndAResumeRearms() {
        out.set(1);
        watch.check();
        assertEquals(List.of(OperatorCommandEvent.HALT, OperatorCommandEvent.CANCEL_ALL), commandsOnTheRing());
        assertTrue(commands.halted());
        assertTrue(commands.haltReason().contains("journal writes failing (0 in, 1 out)"), commands.haltReason());
        assertEquals(1, alerts.size());
        assertTrue(alerts.get(0).startsWith("halt: KILL SWITCH: journal writes failing"), alerts.get(0));

        for (int i = 0; i < 5; i++) { // the journal keeps failing (market data still comes in): one pull is enough
            in.addAndGet(100);
            out.incrementAndGet();
            watch.check();
        }
        assertEquals(2, commandsOnTheRing().size());
        assertTrue(watch.pulled());

        commands.publish(OperatorCommandEvent.RESUME, io.kengine.protocol.event.EventHeader.NO_MARKET, "journal fixed", "cli");
        watch.check();
        assertFalse(watch.pulled(), "the operator's resume re-arms the watch");
        assertEquals(3, commandsOnTheRing().size(), "the resume itself, no new pull: nothing failed since");

        in.incrementAndGet();
        watch.check();
        assertEquals(5, commandsOnTheRing().size(), "a failure after the resume pulls again");
        assertEquals(2, killSwitch.triggers());
    }

    @Test
    void aJournalInFailureAloneAlsoHalts() {
        in.set(3);
        watch.check();
        assertTrue(commands.halted());
        assertTrue(commands.haltReason().contains("(3 in, 0 out)"), commands.haltReason());
    }
}
