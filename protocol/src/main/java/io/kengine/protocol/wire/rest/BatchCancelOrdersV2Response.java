package io.kengine.protocol.wire.rest;

import java.util.List;

/** 200 reply to a batch cancel: one result per input. */
public record BatchCancelOrdersV2Response(List<BatchCancelOrderResult> orders) {
}
