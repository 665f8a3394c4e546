package io.kengine.feed.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kengine.protocol.wire.ws.WsCodec;
import io.kengine.protocol.wire.ws.WsMessage;
import org.junit.jupiter.api.Test;

/** Frames written by WsCodec from random records decode to the record, and to what WsCodec reads back. */
class ReferenceCrossCheckTest {
    @Test
    void randomRecordsThroughTheReferenceWriter() {
        FrameDecoder decoder = new FrameDecoder();
        DecodedFrame f = new DecodedFrame();
        RandomFrames random = new RandomFrames(20260521L);
        for (int i = 0; i < 20_000; i++) {
            WsMessage m = random.next();
            byte[] b = WsCodec.toBytes(m);
            decoder.decode(b, 0, b.length, f);
            String json = new String(b, java.nio.charset.StandardCharsets.UTF_8);
            assertNull(Oracle.mismatch(m, f), json);
            assertNull(Oracle.mismatch(WsCodec.readMessage(b, 0, b.length), f), json);
        }
        assertEquals(0, decoder.counters().totalDropped());
    }
}
