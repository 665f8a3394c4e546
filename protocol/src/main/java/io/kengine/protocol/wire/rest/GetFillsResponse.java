package io.kengine.protocol.wire.rest;

import java.util.List;

/** {@code GET /portfolio/fills}: {@code {"fills":[...], "cursor":"..."}}. */
public record GetFillsResponse(List<PortfolioFill> fills, String cursor) {
}
