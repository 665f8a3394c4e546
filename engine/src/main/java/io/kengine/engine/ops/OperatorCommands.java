package io.kengine.engine.ops;

import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.OperatorCommandEvent;
import io.kengine.protocol.stage.EventPublisher;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The one way operator plumbing (control endpoint, kill switch, signals, shutdown, reload) changes
 * what the engine does: it publishes OperatorCommand and ConfigChange events on the inbound ring,
 * where they are journaled like any event and replay reproduces them. Several threads may call it:
 * every publication holds this object's lock (the publisher belongs to one producer at a time).
 *
 * <p>Every event is encoded and validated in a scratch buffer <em>before</em> a ring slot is
 * claimed, then copied: an exception between claim and publish would stall the ring.
 */
public final class OperatorCommands {
    /** Revision 1 is the set journaled at session start; reloads count up from here. */
    public static final long FIRST_RELOAD_REVISION = 2;
    private static final int HISTORY = 32;

    private final EventPublisher publisher;
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[EventHeader.MAX_EVENT_LENGTH]);
    private final OperatorCommandEvent command = new OperatorCommandEvent();
    private final ConfigChangeEvent change = new ConfigChangeEvent();
    private final AtomicLongArray published = new AtomicLongArray(OperatorCommandEvent.CANCEL_ALL + 1);
    private final ArrayDeque<Record> history = new ArrayDeque<>();
    private long revision = FIRST_RELOAD_REVISION - 1;
    private volatile boolean halted;
    private volatile String haltReason = "";
    private volatile java.util.function.Consumer<Record> listener = r -> { };

    /** One command as published: for status and alerts (never read by business logic). */
    public record Record(long wallClockMs, String command, int marketId, String reason, String origin, long sequence) {
    }

    /** @param publisher an inbound publisher of its own (e.g. {@code runtime.newInboundPublisher()}) */
    public OperatorCommands(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * Publishes one operator command.
     *
     * @param marketId {@link EventHeader#NO_MARKET} for every market
     * @param reason   printable ASCII, at most {@link OperatorCommandEvent#TEXT_CAPACITY} - 1 characters
     * @param origin   who asked (cli, kill-switch file, signal, shutdown): recorded for status, not journaled
     * @return the ring sequence of the event
     * @throws IllegalArgumentException for an unknown command or a reason that does not fit (nothing published)
     */
    public synchronized long publish(byte cmd, int marketId, String reason, String origin) {
        if (cmd < OperatorCommandEvent.HALT || cmd > OperatorCommandEvent.CANCEL_ALL) {
            throw new IllegalArgumentException("unknown operator command " + cmd);
        }
        if (marketId < 0 && marketId != EventHeader.NO_MARKET) {
            throw new IllegalArgumentException("market id " + marketId + " is negative");
        }
        String text = reason == null ? "" : reason;
        command.wrapForEncode(scratch, 0, marketId, EventSource.OPERATOR).command(cmd).reason(text);
        long seq = copyAndPublish(OperatorCommandEvent.LENGTH);
        published.incrementAndGet(cmd);
        String name = OperatorCommandEvent.commandName(cmd);
        if (cmd == OperatorCommandEvent.HALT && marketId == EventHeader.NO_MARKET) {
            haltReason = text.isEmpty() ? "(no reason given, by " + origin + ")" : text + " (by " + origin + ")";
            halted = true;
        } else if (cmd == OperatorCommandEvent.RESUME && marketId == EventHeader.NO_MARKET) {
            halted = false;
            haltReason = "";
        }
        Record record = new Record(System.currentTimeMillis(), name, marketId, text, origin, seq);
        history.addLast(record);
        if (history.size() > HISTORY) {
            history.removeFirst();
        }
        listener.accept(record);
        return seq;
    }

    public long halt(String reason, String origin) {
        return publish(OperatorCommandEvent.HALT, EventHeader.NO_MARKET, reason, origin);
    }

    public long cancelAll(String reason, String origin) {
        return publish(OperatorCommandEvent.CANCEL_ALL, EventHeader.NO_MARKET, reason, origin);
    }

    /**
     * Publishes changed strategy parameters as ConfigChange events sharing one new revision. All are
     * encoded and checked first: either every change is published or none.
     *
     * @return the revision used
     */
    public synchronized long publishConfigChanges(Map<String, String> changes) {
        if (changes.isEmpty()) {
            return revision;
        }
        long next = revision + 1;
        List<byte[]> encoded = new ArrayList<>(changes.size());
        for (Map.Entry<String, String> e : new LinkedHashMap<>(changes).entrySet()) {
            change.wrapForEncode(scratch, 0, EventSource.OPERATOR).revision(next).key(e.getKey()).value(e.getValue());
            byte[] bytes = new byte[ConfigChangeEvent.LENGTH];
            scratch.getBytes(0, bytes);
            encoded.add(bytes);
        }
        for (byte[] bytes : encoded) {
            MutableDirectBuffer slot = publisher.claim();
            slot.putBytes(0, bytes);
            publisher.publish();
        }
        revision = next;
        return next;
    }

    private long copyAndPublish(int length) {
        MutableDirectBuffer slot = publisher.claim();
        slot.putBytes(0, scratch, 0, length);
        return publisher.publish();
    }

    /** Called after every published command (on the publishing thread; must not block): alerts. */
    public void onPublished(java.util.function.Consumer<Record> l) {
        this.listener = l;
    }

    /** The engine-wide halt as the operator last set it (a market-specific halt does not count). */
    public boolean halted() {
        return halted;
    }

    public String haltReason() {
        return haltReason;
    }

    public long published(byte cmd) {
        return cmd >= 0 && cmd < published.length() ? published.get(cmd) : 0;
    }

    public synchronized List<Record> recent() {
        return List.copyOf(history);
    }
}
