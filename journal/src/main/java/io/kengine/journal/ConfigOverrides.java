package io.kengine.journal;

import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.stage.EventSlot;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What-if values for configuration keys: replaces the value of a journaled ConfigChange in the
 * slot before the pipeline sees it, and remembers which keys were met so that a mistyped key is
 * reported instead of silently changing nothing. Arrays, not a map, so applying allocates nothing.
 */
final class ConfigOverrides {
    private final String[] keys;
    private final String[] values;
    private final boolean[] seen;
    private final ConfigChangeEvent change = new ConfigChangeEvent();

    ConfigOverrides(Map<String, String> overrides) {
        // sorted: reports list keys in a stable order
        Map<String, String> sorted = new TreeMap<>(overrides == null ? Map.of() : overrides);
        keys = sorted.keySet().toArray(new String[0]);
        values = sorted.values().toArray(new String[0]);
        seen = new boolean[keys.length];
        checkEncodable();
    }

    boolean isEmpty() {
        return keys.length == 0;
    }

    /** Applies an override to the slot's event if it is a ConfigChange of an overridden key. */
    void apply(EventSlot slot) {
        if (slot.type() != EventType.CONFIG_CHANGE) {
            return;
        }
        change.wrap(slot.event(), 0);
        for (int i = 0; i < keys.length; i++) {
            if (change.keyEquals(keys[i])) {
                change.value(values[i]);
                seen[i] = true;
                return;
            }
        }
    }

    boolean allSeen() {
        for (boolean s : seen) {
            if (!s) {
                return false;
            }
        }
        return true;
    }

    List<String> unseenKeys() {
        List<String> unseen = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            if (!seen[i]) {
                unseen.add(keys[i]);
            }
        }
        return unseen;
    }

    /** Fails before replaying anything if a key or value cannot live in a ConfigChange event. */
    private void checkEncodable() {
        ConfigChangeEvent probe = new ConfigChangeEvent();
        probe.wrapForEncode(new UnsafeBuffer(BufferUtil.allocateDirectAligned(ConfigChangeEvent.LENGTH, 64)), 0, 0);
        for (int i = 0; i < keys.length; i++) {
            if (values[i] == null) {
                throw new IllegalArgumentException("config override '" + keys[i] + "' has no value");
            }
            try {
                probe.key(keys[i]).value(values[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("config override '" + keys[i] + "': " + e.getMessage(), e);
            }
        }
    }
}
