package io.kengine.protocol.wire.rest;

import java.util.List;

/** 201 reply to a batch create: one result per input order. */
public record BatchCreateOrdersV2Response(List<BatchCreateOrderResult> orders) {
}
