package io.kengine.feed.connection;

import org.agrona.DirectBuffer;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link WsListener} that writes every callback down as one line, for a test to wait on in order. */
final class RecordingWsListener implements WsListener {
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    volatile WsSocket socket;
    volatile Thread thread;
    /** The thread that reported {@code onFailure} (for a test to see it end). */
    volatile Thread failedOn;
    volatile long lastReceivedNanos;
    /** The last text message's bytes exactly as handed over (a copy). */
    volatile byte[] lastPayload;

    @Override
    public void onOpen(WsSocket s) {
        socket = s;
        thread = Thread.currentThread();
        events.add("open");
    }

    @Override
    public void onMessage(DirectBuffer buffer, int offset, int length, long receivedNanos) {
        lastReceivedNanos = receivedNanos;
        byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        lastPayload = copy;
        events.add("text " + buffer.getStringWithoutLengthUtf8(offset, length));
    }

    @Override
    public void onServerClose(int code, String reason) {
        events.add("server closed " + code + " " + reason);
    }

    @Override
    public void onFailure(String reason) {
        failedOn = Thread.currentThread();
        events.add("failure " + reason);
    }

    @Override
    public void onProtocolError(int closeCode, String reason) {
        events.add("protocol error " + closeCode + " " + reason);
    }

    /** The next callback, or an AssertionError after 5 s. */
    String next() throws InterruptedException {
        String e = events.poll(ScriptedWsServer.READ_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        if (e == null) {
            throw new AssertionError("no callback within " + ScriptedWsServer.READ_TIMEOUT_MS + " ms");
        }
        return e;
    }
}
