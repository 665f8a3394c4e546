package io.kengine.engine.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kill switch triggers that are not the CLI: a file appearing ({@code engine.killSwitchFile}, polled
 * by the ops thread every {@link #POLL_MS} ms) and a signal (SIGUSR2 where the JVM lets us handle it).
 * A trigger is not a business decision: it publishes HALT then CANCEL_ALL for every market through
 * {@link OperatorCommands}, and raises an alert. The file triggers once per appearance (also when it is
 * already there at start); removing it re-arms the watcher but does not resume: {@code resume} does.
 */
public final class KillSwitch {
    public static final long POLL_MS = 250;

    private final OperatorCommands commands;
    private final Alerts alerts;
    private final Path file;
    private final AtomicLong triggers = new AtomicLong();
    private boolean present;

    /** @param file null when no file is watched */
    public KillSwitch(OperatorCommands commands, Alerts alerts, Path file) {
        this.commands = commands;
        this.alerts = alerts;
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Halts and cancels everything. Safe from any thread (a signal handler, the file poller). */
    public void trigger(String why) {
        String reason = ascii("kill switch: " + why);
        commands.halt(reason, "kill-switch");
        commands.cancelAll(reason, "kill-switch");
        triggers.incrementAndGet();
        alerts.alert("halt", "KILL SWITCH: " + why + " - engine halted, all orders cancelled");
    }

    /** One look at the file; called by the ops thread every {@link #POLL_MS} ms. */
    public synchronized void poll() {
        if (file == null) {
            return;
        }
        boolean now = Files.exists(file);
        if (now && !present) {
            trigger("file " + file + " appeared");
        }
        present = now;
    }

    public long triggers() {
        return triggers.get();
    }

    /** Fits a reason into the event's ASCII field: printable ASCII, at most 95 characters. */
    static String ascii(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), 95));
        for (int i = 0; i < s.length() && sb.length() < 95; i++) {
            char c = s.charAt(i);
            sb.append(c >= 0x20 && c <= 0x7E ? c : '?');
        }
        return sb.toString();
    }
}
