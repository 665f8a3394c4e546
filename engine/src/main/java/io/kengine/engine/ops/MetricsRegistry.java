package io.kengine.engine.ops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Metrics for the Prometheus text endpoint. Nothing here runs on a hot path: counters and gauges are
 * callbacks that read counters the engine keeps anyway (atomics, volatile fields, published snapshots)
 * when a scrape asks; latencies are {@link LatencyRecorder}s, one per {@link LatencyPath}, recorded by
 * the path's own thread. Register at start, scrape from the HTTP thread.
 */
public final class MetricsRegistry {
    /** Receives the samples of one family during a scrape. */
    public interface Samples {
        /** @param labels name, value, name, value, ...; a value of {@link EngineStatus#NA} is skipped */
        void add(long value, String... labels);

        void add(double value, String... labels);
    }

    @FunctionalInterface
    public interface Collector {
        void collect(Samples out);
    }

    private enum Type { COUNTER, GAUGE }

    private record Family(String name, String help, Type type, Collector collector) {
    }

    private final List<Family> families = Collections.synchronizedList(new ArrayList<>());
    private final LatencyRecorders latencies;

    public MetricsRegistry() {
        this(new LatencyRecorders());
    }

    /** @param latencies the engine's recorders (see {@code EngineRuntime#latencies()}) */
    public MetricsRegistry(LatencyRecorders latencies) {
        this.latencies = latencies;
    }

    /** A monotonically increasing count; {@code name} should end in {@code _total}. */
    public MetricsRegistry counter(String name, String help, Collector collector) {
        return add(name, help, Type.COUNTER, collector);
    }

    public MetricsRegistry counter(String name, String help, LongSupplier value) {
        return counter(name, help, out -> out.add(value.getAsLong()));
    }

    public MetricsRegistry gauge(String name, String help, Collector collector) {
        return add(name, help, Type.GAUGE, collector);
    }

    public MetricsRegistry gauge(String name, String help, LongSupplier value) {
        return gauge(name, help, out -> out.add(value.getAsLong()));
    }

    private MetricsRegistry add(String name, String help, Type type, Collector collector) {
        if (!name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
            throw new IllegalArgumentException("not a Prometheus metric name: " + name);
        }
        synchronized (families) {
            for (Family f : families) {
                if (f.name.equals(name)) {
                    throw new IllegalArgumentException("metric " + name + " registered twice");
                }
            }
            families.add(new Family(name, help, type, collector));
        }
        return this;
    }

    /** The recorder of one path: hand it to the thread that owns the path. */
    public LatencyRecorder latency(LatencyPath path) {
        return latencies.get(path);
    }

    /** The whole registry in Prometheus text exposition format 0.0.4. */
    public String scrape() {
        StringBuilder sb = new StringBuilder(8192);
        List<Family> copy;
        synchronized (families) {
            copy = new ArrayList<>(families);
        }
        for (Family f : copy) {
            sb.append("# HELP ").append(f.name).append(' ').append(escapeHelp(f.help)).append('\n');
            sb.append("# TYPE ").append(f.name).append(' ').append(f.type.name().toLowerCase(Locale.ROOT)).append('\n');
            Samples out = new Samples() {
                @Override
                public void add(long value, String... labels) {
                    if (value != EngineStatus.NA) {
                        line(sb, f.name, labels).append(value).append('\n');
                    }
                }

                @Override
                public void add(double value, String... labels) {
                    if (!Double.isNaN(value)) {
                        line(sb, f.name, labels).append(format(value)).append('\n');
                    }
                }
            };
            try {
                f.collector.collect(out);
            } catch (RuntimeException e) {
                sb.append("# collector of ").append(f.name).append(" failed: ").append(escapeHelp(String.valueOf(e))).append('\n');
            }
        }
        String name = "kengine_latency_seconds";
        sb.append("# HELP ").append(name).append(" latency per path; quantiles over the last 10-20 s, count and sum since start\n");
        sb.append("# TYPE ").append(name).append(" summary\n");
        for (LatencyPath p : LatencyPath.values()) {
            LatencyRecorder.Snapshot s = latencies.get(p).snapshot();
            String path = p.label();
            quantile(sb, name, path, "0.5", s.p50());
            quantile(sb, name, path, "0.9", s.p90());
            quantile(sb, name, path, "0.99", s.p99());
            quantile(sb, name, path, "0.999", s.p999());
            line(sb, name + "_sum", "path", path).append(format(s.sumNanos() / 1e9)).append('\n');
            line(sb, name + "_count", "path", path).append(s.count()).append('\n');
        }
        return sb.toString();
    }

    private static void quantile(StringBuilder sb, String name, String path, String q, long nanos) {
        if (nanos != EngineStatus.NA) {
            line(sb, name, "path", path, "quantile", q).append(format(nanos / 1e9)).append('\n');
        }
    }

    private static StringBuilder line(StringBuilder sb, String name, String... labels) {
        sb.append(name);
        if (labels.length > 0) {
            if (labels.length % 2 != 0) {
                throw new IllegalArgumentException("labels come in name, value pairs");
            }
            sb.append('{');
            for (int i = 0; i < labels.length; i += 2) {
                sb.append(i == 0 ? "" : ",").append(labels[i]).append("=\"");
                String v = labels[i + 1];
                for (int k = 0; k < v.length(); k++) {
                    char c = v.charAt(k);
                    if (c == '\\' || c == '"') {
                        sb.append('\\').append(c);
                    } else if (c == '\n') {
                        sb.append("\\n");
                    } else {
                        sb.append(c);
                    }
                }
                sb.append('"');
            }
            sb.append('}');
        }
        return sb.append(' ');
    }

    private static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String escapeHelp(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
