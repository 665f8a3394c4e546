package io.kengine.engine.ops;

import java.util.EnumMap;
import java.util.Map;

/**
 * One {@link LatencyRecorder} per {@link LatencyPath}, created with the engine's rings so the threads
 * that own each path can record from the first event; the metrics endpoint and the status line read
 * the same recorders later.
 */
public final class LatencyRecorders {
    private final Map<LatencyPath, LatencyRecorder> recorders = new EnumMap<>(LatencyPath.class);

    public LatencyRecorders() {
        for (LatencyPath p : LatencyPath.values()) {
            recorders.put(p, new LatencyRecorder(p.label(), p.severalWriters()));
        }
    }

    public LatencyRecorder get(LatencyPath path) {
        return recorders.get(path);
    }
}
