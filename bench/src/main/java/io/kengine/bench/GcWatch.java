package io.kengine.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * GC pauses while a harness runs, from the JVM's GC notifications (each collection's duration), and
 * bytes allocated by every live thread (HotSpot's per-thread counters). {@link #reset} starts the
 * measured window. G1's young and mixed collections are stop-the-world, so their duration is the
 * pause; concurrent-cycle notifications are counted separately and not taken as pauses.
 */
final class GcWatch implements AutoCloseable {
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = (n, h) -> onNotification(n.getUserData());
    private long pauses;
    private long pauseTotalMs;
    private long pauseMaxMs;
    private long concurrent;
    private long allocatedAtReset;

    GcWatch() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(listener, null, null);
                emitters.add(e);
            }
        }
    }

    private synchronized void onNotification(Object data) {
        if (!(data instanceof CompositeData cd)) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(cd);
        String name = info.getGcName();
        if (name.contains("Concurrent") || name.contains("Cycles")) {
            concurrent++;
            return;
        }
        long ms = info.getGcInfo().getDuration();
        pauses++;
        pauseTotalMs += ms;
        pauseMaxMs = Math.max(pauseMaxMs, ms);
    }

    synchronized void reset() {
        pauses = 0;
        pauseTotalMs = 0;
        pauseMaxMs = 0;
        concurrent = 0;
        allocatedAtReset = allocatedBytes();
    }

    synchronized String summary() {
        return pauses + " pauses, max " + pauseMaxMs + " ms, total " + pauseTotalMs + " ms"
            + (concurrent > 0 ? " (+" + concurrent + " concurrent cycles)" : "");
    }

    synchronized long pauseMaxMs() {
        return pauseMaxMs;
    }

    /** Bytes allocated by live threads since {@link #reset}. */
    synchronized long allocatedSinceReset() {
        return allocatedBytes() - allocatedAtReset;
    }

    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean t = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = t.getAllThreadIds();
        long sum = 0;
        for (long b : t.getThreadAllocatedBytes(ids)) {
            if (b > 0) {
                sum += b;
            }
        }
        return sum;
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
