package io.kengine.engine.ops;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Alerts to a Discord-compatible webhook ({@code POST {"content": "..."}}) from a thread of its own.
 * {@link #alert} only offers to a bounded queue: it never blocks; when the queue is full the alert is
 * dropped and counted. Posts are spaced at least {@code minIntervalMs} apart (rate limit); a post that
 * fails is counted, printed and not retried (the next alert still goes out). Every alert is also printed
 * to the console stream given.
 */
public final class WebhookAlerts implements Alerts, AutoCloseable {
    private static final int MAX_CONTENT = 1900; // Discord's limit is 2000 characters

    private final URI url;
    private final long minIntervalNanos;
    private final BlockingQueue<String> queue;
    private final PrintStream console;
    private final String prefix;
    private final HttpClient http;
    private final Thread thread;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean closing;
    private volatile boolean idle = true;

    /**
     * @param url     null: console only
     * @param prefix  put in front of every message (e.g. "[kengine paper/sim run 123]")
     * @param console where alerts are also printed; null for none
     */
    public WebhookAlerts(String url, long minIntervalMs, int queueSize, String prefix, PrintStream console) {
        this.url = url == null ? null : URI.create(url);
        this.minIntervalNanos = TimeUnit.MILLISECONDS.toNanos(minIntervalMs);
        this.queue = new ArrayBlockingQueue<>(queueSize);
        this.prefix = prefix;
        this.console = console;
        this.http = this.url == null ? null : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.thread = new Thread(this::run, "kengine-alerts");
        this.thread.setDaemon(true);
        if (this.url != null) {
            thread.start();
        }
    }

    @Override
    public void alert(String kind, String text) {
        String message = prefix + " " + kind.toUpperCase(java.util.Locale.ROOT) + ": " + text;
        if (console != null) {
            console.println(Instant.now() + " ALERT " + message);
        }
        if (url == null || closing) {
            return;
        }
        if (!queue.offer(message)) {
            dropped.incrementAndGet();
        }
    }

    private void run() {
        long nextAllowed = System.nanoTime();
        while (!(closing && queue.isEmpty())) {
            String message;
            try {
                message = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                if (closing) {
                    break;
                }
                continue;
            }
            if (message == null) {
                idle = true;
                continue;
            }
            idle = false;
            long wait = nextAllowed - System.nanoTime();
            while (wait > 0) {
                if (Thread.currentThread().isInterrupted()) {
                    return; // close() gave up waiting
                }
                LockSupport.parkNanos(wait); // the rate limit, on this thread only
                wait = nextAllowed - System.nanoTime();
            }
            post(message);
            nextAllowed = System.nanoTime() + minIntervalNanos;
            idle = queue.isEmpty();
        }
    }

    private void post(String message) {
        String content = message.length() > MAX_CONTENT ? message.substring(0, MAX_CONTENT) + "..." : message;
        String body = "{\"content\":" + Json.string(content) + "}";
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() / 100 == 2) {
                sent.incrementAndGet();
            } else {
                fail("HTTP " + r.statusCode());
            }
        } catch (java.io.IOException e) {
            fail(e.toString());
        } catch (InterruptedException e) {
            fail("interrupted");
            Thread.currentThread().interrupt();
        }
    }

    private void fail(String why) {
        failed.incrementAndGet();
        if (console != null) {
            console.println(Instant.now() + " alert webhook failed: " + why);
        }
    }

    public long sent() {
        return sent.get();
    }

    public long dropped() {
        return dropped.get();
    }

    public long failed() {
        return failed.get();
    }

    /** True when nothing waits to be posted (tests, shutdown). */
    public boolean isIdle() {
        return queue.isEmpty() && idle;
    }

    /** Sends what is queued, waiting at most {@code timeoutMs}, then stops the thread. */
    public void close(long timeoutMs) {
        closing = true;
        if (url == null) {
            return;
        }
        try {
            thread.join(Math.max(1, timeoutMs));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
    }

    @Override
    public void close() {
        close(3_000);
    }
}
