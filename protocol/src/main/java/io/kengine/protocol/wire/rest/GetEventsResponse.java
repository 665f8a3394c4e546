package io.kengine.protocol.wire.rest;

import java.util.List;

/** {@code GET /events}: {@code {"events":[...], "cursor":"..."}}. */
public record GetEventsResponse(List<EventData> events, String cursor) {
}
