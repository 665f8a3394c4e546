package io.kengine.engine;

import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.SessionStartEvent;
import io.kengine.protocol.stage.EventPublisher;

import java.util.Map;

/**
 * Opens a run on the ring: a SessionStart event, then one ConfigChange per strategy parameter.
 * Both are journaled, so replay learns the run id and every parameter from the journal alone.
 */
public final class SessionAnnouncer {
    public static final String ENGINE_VERSION = "kengine-0.1.0";

    private SessionAnnouncer() {
    }

    /** @param parameters canonical key → value, in the order to journal them */
    public static void announce(EventPublisher control, long runId, String mode, Iterable<Map.Entry<String, String>> parameters) {
        new SessionStartEvent().wrapForEncode(control.claim(), 0, EventSource.ENGINE)
            .runId(runId).engineVersion(ENGINE_VERSION).mode(mode);
        control.publish();
        ConfigChangeEvent change = new ConfigChangeEvent();
        for (Map.Entry<String, String> p : parameters) {
            change.wrapForEncode(control.claim(), 0, EventSource.ENGINE).revision(1).key(p.getKey()).value(p.getValue());
            control.publish();
        }
    }
}
