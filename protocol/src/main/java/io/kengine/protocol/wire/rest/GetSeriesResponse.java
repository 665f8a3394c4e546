package io.kengine.protocol.wire.rest;

/** {@code GET /series/{series_ticker}}: {@code {"series": Series}}. */
public record GetSeriesResponse(Series series) {
}
