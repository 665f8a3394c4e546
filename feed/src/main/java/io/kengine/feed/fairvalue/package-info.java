/**
 * Fair-value inputs: an external model publishes {@code market, probability, confidence, model version,
 * lifetime} over HTTP on 127.0.0.1 ({@link io.kengine.feed.fairvalue.FairValueHttpServer}) or by
 * rewriting a watched JSON-lines/CSV file ({@link io.kengine.feed.fairvalue.FairValueFileWatcher}); both
 * parse with {@link io.kengine.feed.fairvalue.FairValueParser} and publish FairValue events on the inbound
 * ring through one {@link io.kengine.feed.fairvalue.FairValuePublisher} (encode and validate before
 * claim). Tickers map to market ids through {@link io.kengine.feed.fairvalue.FairValueMarkets}, which the
 * engine implements. The pricing stage decides how to use the values (pricing/README.md).
 */
package io.kengine.feed.fairvalue;
