package io.kengine.protocol.wire.rest;

import java.util.List;

/** {@code GET /series}: {@code {"series":[...]}} (key name UNCONFIRMED; no cursor documented). */
public record GetSeriesListResponse(List<Series> series) {
}
