package io.kengine.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time per thread group (thread names with their numbers stripped) between two snapshots, plus GC
 * pause time: a poor man's profile that says which thread saturates a core. Threads that ended between the
 * snapshots are missed; in {@link SimWebSocketRate} the interesting ones live through the whole run.
 */
final class ThreadCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> cpu = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private final long gcMillis;
    private final long nanos;

    private ThreadCpu() {
        for (long id : THREADS.getAllThreadIds()) {
            long t = THREADS.getThreadCpuTime(id);
            ThreadInfo info = THREADS.getThreadInfo(id);
            if (t >= 0 && info != null) {
                cpu.put(id, t);
                names.put(id, info.getThreadName());
            }
        }
        long gc = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            gc += Math.max(0, b.getCollectionTime());
        }
        gcMillis = gc;
        nanos = System.nanoTime();
    }

    static ThreadCpu snapshot() {
        return new ThreadCpu();
    }

    /** "group: x% of a core" lines, busiest first, then the GC pause share of wall time. */
    String since(ThreadCpu start) {
        double wall = nanos - start.nanos;
        Map<String, Long> byGroup = new TreeMap<>();
        for (Map.Entry<Long, Long> e : cpu.entrySet()) {
            long before = start.cpu.getOrDefault(e.getKey(), 0L);
            byGroup.merge(group(names.get(e.getKey())), e.getValue() - before, Long::sum);
        }
        StringBuilder b = new StringBuilder();
        byGroup.entrySet().stream()
            .filter(e -> e.getValue() > wall / 200) // under 0.5% of a core is noise
            .sorted((x, y) -> Long.compare(y.getValue(), x.getValue()))
            .forEach(e -> b.append(String.format("    %-28s %5.1f%% of a core%n", e.getKey(), 100.0 * e.getValue() / wall)));
        b.append(String.format("    %-28s %5.1f%% of wall time (stop-the-world, all threads)%n", "GC pauses",
            100.0 * (gcMillis - start.gcMillis) * 1e6 / wall));
        return b.toString();
    }

    private static String group(String name) {
        if (name == null) {
            return "?";
        }
        if (name.startsWith("OkHttp") && name.contains("ws://")) {
            return "OkHttp WebSocket readers";
        }
        return name.replaceAll("[-#@ ]?\\d+", "").trim();
    }
}
