package io.kengine.sim.server;

import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** An OkHttp WebSocket listener that queues every text frame and records how the socket ended. */
final class WsProbe extends WebSocketListener {
    static final Duration WAIT = Duration.ofSeconds(5);

    final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
    /** Every text frame ever received, in order (not consumed by {@link #next()}). */
    final java.util.List<String> all = new java.util.concurrent.CopyOnWriteArrayList<>();
    final CountDownLatch opened = new CountDownLatch(1);
    final CountDownLatch ended = new CountDownLatch(1);
    volatile Response failureResponse;
    /** Body of the HTTP answer when the upgrade was refused (read inside onFailure, before OkHttp closes it). */
    volatile String failureBody;
    volatile Throwable failure;
    volatile int closeCode = -1;
    volatile WebSocket socket;

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        socket = webSocket;
        opened.countDown();
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        all.add(text);
        frames.add(text);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        closeCode = code;
        webSocket.close(1000, null);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        closeCode = code;
        ended.countDown();
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
        failure = t;
        failureResponse = response;
        if (response != null && response.body() != null) {
            try {
                failureBody = response.body().string();
            } catch (java.io.IOException | IllegalStateException e) {
                failureBody = null;
            }
        }
        opened.countDown();
        ended.countDown();
    }

    void awaitOpen() throws InterruptedException {
        if (!opened.await(WAIT.toMillis(), TimeUnit.MILLISECONDS) || socket == null) {
            throw new AssertionError("WebSocket did not open: " + failure + " " + failureResponse);
        }
    }

    boolean awaitEnd(Duration d) throws InterruptedException {
        return ended.await(d.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next frame, or an AssertionError after the default wait. */
    String next() throws InterruptedException {
        String s = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (s == null) {
            throw new AssertionError("no frame within " + WAIT);
        }
        return s;
    }

    /** Skips frames until one matches; AssertionError after the default wait. */
    String until(Predicate<String> p) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String s = left > 0 ? frames.poll(left, TimeUnit.NANOSECONDS) : null;
            if (s == null) {
                throw new AssertionError("no matching frame within " + WAIT);
            }
            if (p.test(s)) {
                return s;
            }
        }
    }

    /** Asserts nothing arrives for {@code d}. */
    void quiet(Duration d) throws InterruptedException {
        String s = frames.poll(d.toMillis(), TimeUnit.MILLISECONDS);
        if (s != null) {
            throw new AssertionError("unexpected frame " + s);
        }
    }

    void send(String text) {
        socket.send(text);
    }
}
