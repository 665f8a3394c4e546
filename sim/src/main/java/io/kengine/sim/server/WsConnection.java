package io.kengine.sim.server;

import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.BatchMode;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WriteCallback;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One authenticated WebSocket. Text frames are written in the order {@link #write} is called
 * (the exchange thread is the only caller); with a frame delay switched on they wait in a FIFO
 * and leave once due, so order survives the delay. Subscription state lives in {@link WsHub} and
 * is touched only on the exchange thread; the fields read by the ping thread are volatile.
 *
 * <p>Frames are batched (Jetty {@link BatchMode#ON}): a burst of frames produced by one exchange
 * task goes out in as few socket writes as possible, flushed (asynchronously) at the end of the
 * task — the Disruptor's end-of-batch idea. Pings and delayed frames flush at once.
 */
final class WsConnection {
    private static final ByteBuffer HEARTBEAT = ByteBuffer.wrap("heartbeat".getBytes(StandardCharsets.US_ASCII));

    final long id;
    final ApiKey key;
    private final Session session;
    private final Faults faults;
    private final ScheduledExecutorService timer;
    private final LongSupplier nanos;
    private final CoreSession core;
    /** Written since the last flush (exchange thread). */
    boolean dirty;

    private volatile long lastPongNanos;
    private volatile boolean closed;

    // exchange-thread state
    final List<Subscription> subscriptions = new ArrayList<>();
    /** A seq-bearing frame held back by the reorder fault. */
    String heldFrame;

    // frame-delay FIFO, guarded by itself
    private final ArrayDeque<Delayed> delayed = new ArrayDeque<>();

    private record Delayed(String text, long dueNanos) {
    }

    WsConnection(long id, ApiKey key, Session session, Faults faults, ScheduledExecutorService timer, LongSupplier nanos) {
        this.id = id;
        this.key = key;
        this.session = session;
        this.faults = faults;
        this.timer = timer;
        this.nanos = nanos;
        this.lastPongNanos = nanos.getAsLong();
        this.core = session instanceof WebSocketSession ws ? ws.getCoreSession() : null;
        if (core != null) {
            session.getRemote().setBatchMode(BatchMode.ON);
        }
    }

    String account() {
        return key.account();
    }

    boolean isOpen() {
        return !closed && session.isOpen();
    }

    void markClosed() {
        closed = true;
    }

    /**
     * Queues one text frame (exchange thread), or holds it for the configured frame delay (keeping
     * order). Returns true when the frame went to the socket's batch and a {@link #flush()} is due.
     */
    boolean write(String text) {
        if (closed) {
            return false;
        }
        long delayMillis = faults.frameDelayMillis();
        synchronized (delayed) {
            if (delayMillis == 0 && delayed.isEmpty()) {
                sendNow(text);
                return true;
            }
            long due = nanos.getAsLong() + TimeUnit.MILLISECONDS.toNanos(delayMillis);
            delayed.addLast(new Delayed(text, due));
            timer.schedule(this::drainDue, delayMillis, TimeUnit.MILLISECONDS);
            return false;
        }
    }

    private void drainDue() {
        synchronized (delayed) {
            long now = nanos.getAsLong();
            while (!delayed.isEmpty() && delayed.peekFirst().dueNanos() <= now) {
                sendNow(delayed.pollFirst().text());
            }
        }
        flush();
    }

    /** Pushes batched frames to the socket without waiting for the write. */
    void flush() {
        if (core != null && !closed) {
            core.flush(Callback.NOOP);
        }
    }

    private void sendNow(String text) {
        try {
            session.getRemote().sendString(text, WriteCallback.NOOP);
        } catch (RuntimeException e) {
            closed = true; // the session is gone; the close callback cleans up
        }
    }

    void ping() {
        if (closed) {
            return;
        }
        try {
            session.getRemote().sendPing(HEARTBEAT.duplicate(), WriteCallback.NOOP);
            flush();
        } catch (RuntimeException e) {
            closed = true;
        }
    }

    void pong(ByteBuffer payload) {
        try {
            session.getRemote().sendPong(payload, WriteCallback.NOOP);
            flush();
        } catch (RuntimeException e) {
            closed = true;
        }
    }

    void onPong() {
        lastPongNanos = nanos.getAsLong();
    }

    long lastPongNanos() {
        return lastPongNanos;
    }

    /** Cut the connection without a close frame. */
    void disconnect() {
        closed = true;
        try {
            session.disconnect();
        } catch (RuntimeException ignored) {
            // already gone
        }
    }

    /** Close with a close frame. */
    void close(int code, String reason) {
        closed = true;
        try {
            session.close(code, reason);
        } catch (RuntimeException ignored) {
            // already gone
        }
    }
}
