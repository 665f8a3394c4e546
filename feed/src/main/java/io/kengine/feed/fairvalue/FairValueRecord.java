package io.kengine.feed.fairvalue;

/**
 * One fair value as the external model published it, parsed and range-checked: a market ticker, the
 * YES probability as a price in $0.0001 (0..10000), confidence in basis points (0..10000), the model
 * version (journaled as the event's source name) and a lifetime in ms (0: the input's default).
 */
public record FairValueRecord(String ticker, long fairPrice, int confidenceBps, String modelVersion, long lifetimeMs) {
}
