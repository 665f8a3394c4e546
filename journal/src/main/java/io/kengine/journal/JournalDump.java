package io.kengine.journal;

import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventType;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.StringJoiner;

/**
 * Prints a journal as text: the "in" and "out" streams merged by header timestamp (inbound first on
 * ties, so an intent follows the event that caused it), one line per event marked {@code IN} or {@code OUT}.
 * engine/ puts a command line around {@link #dump}.
 */
public final class JournalDump {
    /** Type codes are small and only ever added; this bound is far above the highest in use. */
    private static final short MAX_SCANNED_CODE = 1000;

    private JournalDump() {
    }

    /** Prints every event of the journal. */
    public static long dump(Path journalDir, PrintStream out) {
        return dump(journalDir, out, 0, new short[0]);
    }

    /**
     * The command-line form: {@code typeName} as dump prints it (e.g. {@code BookDelta}, any case),
     * or null for every type.
     *
     * @throws IllegalArgumentException naming the known types if {@code typeName} is not one
     */
    public static long dump(Path journalDir, PrintStream out, long limit, String typeName) {
        return typeName == null ? dump(journalDir, out, limit, new short[0]) : dump(journalDir, out, limit, typeCode(typeName));
    }

    /**
     * @param limit at most this many lines are printed; 0 or less means no limit
     * @param types only events of these {@link EventType} codes are printed; none given means all
     * @return the number of lines printed
     * @throws JournalException if the journal cannot be read; lines before the problem are already printed
     */
    public static long dump(Path journalDir, PrintStream out, long limit, short... types) {
        EventFormatter formatter = new EventFormatter();
        StringBuilder line = new StringBuilder(256);
        UnsafeBuffer inEvent = new UnsafeBuffer(BufferUtil.allocateDirectAligned(EventHeader.MAX_EVENT_LENGTH, 64));
        UnsafeBuffer outEvent = new UnsafeBuffer(BufferUtil.allocateDirectAligned(EventHeader.MAX_EVENT_LENGTH, 64));
        long printed = 0;
        try (JournalReader in = JournalReader.open(journalDir, JournalFormat.IN);
             JournalReader outbound = JournalReader.open(journalDir, JournalFormat.OUT)) {
            boolean hasIn = in.next(inEvent);
            boolean hasOut = outbound.next(outEvent);
            while ((hasIn || hasOut) && (limit <= 0 || printed < limit)) {
                boolean takeIn = hasIn && (!hasOut
                    || EventHeader.timestampNanos(inEvent, 0) <= EventHeader.timestampNanos(outEvent, 0));
                UnsafeBuffer event = takeIn ? inEvent : outEvent;
                if (selected(EventHeader.type(event, 0), types)) {
                    line.setLength(0);
                    line.append(takeIn ? "IN  " : "OUT ");
                    formatter.format(event, 0, line);
                    out.println(line);
                    printed++;
                }
                if (takeIn) {
                    hasIn = in.next(inEvent);
                } else {
                    hasOut = outbound.next(outEvent);
                }
            }
        } finally {
            out.flush();
        }
        return printed;
    }

    /**
     * The {@link EventType} code of a type name as dump prints it (e.g. {@code BookDelta}), case-insensitive.
     *
     * @throws IllegalArgumentException naming the known types if there is no such type
     */
    public static short typeCode(String name) {
        StringJoiner known = new StringJoiner(", ");
        for (short code = 1; code <= MAX_SCANNED_CODE; code++) {
            if (EventType.isKnown(code)) {
                String n = EventType.name(code);
                if (n.equalsIgnoreCase(name)) {
                    return code;
                }
                known.add(n);
            }
        }
        throw new IllegalArgumentException("unknown event type '" + name + "'; known types: " + known);
    }

    private static boolean selected(short type, short[] types) {
        if (types.length == 0) {
            return true;
        }
        for (short t : types) {
            if (t == type) {
                return true;
            }
        }
        return false;
    }
}
