package io.kengine.gateway.orders;

import org.agrona.MutableDirectBuffer;

/**
 * Deterministic client order ids: {@code k<runId hex>-<counter>}. The run id comes from the
 * journaled SessionStart event and the counter from the stage's own state, so a replay produces
 * the same ids and a retried create reuses its id (Kalshi answers 409 instead of doubling it).
 */
final class ClientOrderIds {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private ClientOrderIds() {
    }

    /** Writes the id at index 0 and returns its length (at most 1 + 16 + 1 + 19 = 37 bytes). */
    static int write(MutableDirectBuffer dst, long runId, long counter) {
        int i = 0;
        dst.putByte(i++, (byte) 'k');
        int shift = 60;
        while (shift > 0 && ((runId >>> shift) & 0xF) == 0) {
            shift -= 4;
        }
        for (; shift >= 0; shift -= 4) {
            dst.putByte(i++, HEX[(int) ((runId >>> shift) & 0xF)]);
        }
        dst.putByte(i++, (byte) '-');
        i += dst.putLongAscii(i, counter);
        return i;
    }
}
