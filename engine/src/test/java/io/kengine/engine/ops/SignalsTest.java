package io.kengine.engine.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.atomic.AtomicInteger;

import static io.kengine.engine.ops.WebhookAlertsTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SignalsTest {
    @Test
    @Timeout(30)
    void sigusr2TriggersTheHandlerWhereTheJvmAllowsIt() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        Signals.Installed installed = Signals.handle("USR2", seen::incrementAndGet);
        assumeTrue(installed != null, "this JVM does not let us handle SIGUSR2");
        try {
            // only sent once our handler is installed: the default action would end the JVM
            Process kill = new ProcessBuilder("kill", "-USR2", Long.toString(ProcessHandle.current().pid())).start();
            assertEquals(0, kill.waitFor());
            await(() -> seen.get() == 1, "the USR2 handler");
        } finally {
            installed.restore();
        }
    }

    @Test
    void anUnknownSignalIsReportedAsNotHandled() {
        assertNull(Signals.handle("NOSUCHSIGNAL", () -> { }));
    }
}
