package io.kengine.protocol.wire.rest;

/**
 * {@code GET /exchange/status} (also the body of its 503/504). {@code exchangeEstimatedResumeTimeMs}
 * is epoch ms or ABSENT. Per-shard {@code exchange_index_statuses} are not modelled (ignored on read).
 */
public record ExchangeStatus(boolean exchangeActive, boolean tradingActive, Boolean intraExchangeTransfersActive,
                             long exchangeEstimatedResumeTimeMs) {
}
