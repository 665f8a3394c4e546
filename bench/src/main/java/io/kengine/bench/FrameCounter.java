package io.kengine.bench;

import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One OkHttp WebSocket client of {@link SimWebSocketRate}: counts text frames by type and checks that
 * {@code seq} is consecutive per {@code sid}. It reads only what it needs with {@code indexOf} (no JSON
 * parser), so the client costs as little as possible and the figure is the server's. Written by OkHttp's
 * single reader thread; the totals are published through {@link AtomicLong#lazySet}.
 */
final class FrameCounter extends WebSocketListener {
    private static final String DELTA = "{\"type\":\"orderbook_delta\"";
    private static final String SNAPSHOT = "{\"type\":\"orderbook_snapshot\"";
    private static final String TRADE = "{\"type\":\"trade\"";
    private static final int MAX_SID = 64;

    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong chars = new AtomicLong();
    // reader-thread state; read by the main thread only after the stream has drained
    private final long[] lastSeq = new long[MAX_SID];
    long deltas;
    long snapshots;
    long trades;
    long others;
    long seqGaps;
    long seqRepeats;
    volatile String sampleDelta;

    private final CountDownLatch opened = new CountDownLatch(1);
    volatile WebSocket socket;
    volatile Throwable failure;
    /** The server's {@code Sec-WebSocket-Extensions} answer: permessage-deflate or none. */
    volatile String extensions;

    long frames() {
        return frames.get();
    }

    long chars() {
        return chars.get();
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        extensions = response.header("Sec-WebSocket-Extensions", "none");
        socket = webSocket;
        opened.countDown();
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        if (text.startsWith(DELTA)) {
            deltas++;
            if (sampleDelta == null) {
                sampleDelta = text;
            }
            checkSeq(text);
        } else if (text.startsWith(TRADE)) {
            trades++;
        } else if (text.startsWith(SNAPSHOT)) {
            snapshots++;
            checkSeq(text);
        } else {
            others++;
        }
        chars.lazySet(chars.get() + text.length());
        frames.lazySet(frames.get() + 1);
    }

    private void checkSeq(String text) {
        int sid = (int) number(text, "\"sid\":");
        long seq = number(text, "\"seq\":");
        if (sid < 0 || sid >= MAX_SID || seq < 0) {
            seqGaps++; // unreadable: count it as a loss rather than ignore it
            return;
        }
        long expected = lastSeq[sid] + 1;
        if (seq > expected) {
            seqGaps += seq - expected;
        } else if (seq < expected) {
            seqRepeats++;
        }
        lastSeq[sid] = Math.max(lastSeq[sid], seq);
    }

    /** The non-negative integer after {@code key}, or -1. */
    private static long number(String s, String key) {
        int i = s.indexOf(key);
        if (i < 0) {
            return -1;
        }
        i += key.length();
        long v = 0;
        int start = i;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            v = v * 10 + (c - '0');
        }
        return i == start ? -1 : v;
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
        failure = t;
        opened.countDown();
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        webSocket.close(1000, null);
    }

    void awaitOpen() throws InterruptedException {
        if (!opened.await(10, TimeUnit.SECONDS) || socket == null) {
            throw new IllegalStateException("WebSocket did not open", failure);
        }
    }
}
