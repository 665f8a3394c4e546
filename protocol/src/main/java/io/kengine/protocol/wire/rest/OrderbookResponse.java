package io.kengine.protocol.wire.rest;

import io.kengine.protocol.wire.model.PriceLevel;
import java.util.List;

/**
 * {@code GET /markets/{ticker}/orderbook}: {@code {"orderbook_fp":{"yes_dollars":[["0.4200","13.00"],...],
 * "no_dollars":[...]}}}. Bids only, ascending (best bid last). The reader also takes the 2025 shape
 * {@code {"orderbook":{"yes":[[42,13]], "yes_dollars":[["0.42",13]], ...}}}; null sides are empty.
 */
public record OrderbookResponse(List<PriceLevel> yes, List<PriceLevel> no) {
    public OrderbookResponse {
        yes = yes == null ? List.of() : List.copyOf(yes);
        no = no == null ? List.of() : List.copyOf(no);
    }
}
