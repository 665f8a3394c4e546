package io.kengine.protocol.wire.rest;

import java.util.List;

/** {@code GET /events/{event_ticker}}: {@code {"event": EventData, "markets": [...]}} (envelope UNCONFIRMED). */
public record GetEventResponse(EventData event, List<Market> markets) {
}
