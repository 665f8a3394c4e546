package io.kengine.protocol.wire.rest;

import java.util.List;

/** {@code GET /portfolio/positions}: {@code {cursor, market_positions, event_positions}}. */
public record GetPositionsResponse(List<PortfolioMarketPosition> marketPositions,
                                   List<PortfolioEventPosition> eventPositions, String cursor) {
}
