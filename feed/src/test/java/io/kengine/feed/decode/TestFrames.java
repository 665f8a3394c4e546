package io.kengine.feed.decode;

import io.kengine.protocol.wire.ws.WsCodec;
import io.kengine.protocol.wire.ws.WsMessage;
import java.nio.charset.StandardCharsets;

/** Small helpers shared by the decode tests. */
final class TestFrames {
    private TestFrames() {
    }

    static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static DecodedFrame decode(FrameDecoder decoder, String json) {
        DecodedFrame f = new DecodedFrame();
        byte[] b = bytes(json);
        decoder.decode(b, 0, b.length, f);
        return f;
    }

    /** The reference reading, or null when the reference reader refuses the bytes. */
    static WsMessage reference(byte[] b, int offset, int length) {
        try {
            return WsCodec.readMessage(b, offset, length);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
