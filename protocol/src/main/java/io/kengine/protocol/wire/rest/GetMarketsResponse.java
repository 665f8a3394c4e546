package io.kengine.protocol.wire.rest;

import java.util.List;

/** {@code GET /markets}: {@code {"markets":[...], "cursor":"..."}}. */
public record GetMarketsResponse(List<Market> markets, String cursor) {
}
