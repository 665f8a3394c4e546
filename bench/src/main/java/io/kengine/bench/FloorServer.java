package io.kengine.bench;

import io.javalin.Javalin;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.BatchMode;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WriteCallback;
import org.eclipse.jetty.websocket.common.WebSocketSession;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The transport floor of {@link SimWebSocketRate}: a bare Javalin WebSocket endpoint (same Javalin 6 /
 * Jetty 11 as the simulator) where one pusher thread writes a given frame, with a rising {@code seq}, to
 * every connected client as fast as the window allows. It batches and flushes the way the simulator's
 * exchange thread does ({@link BatchMode#ON}, one flush per {@code batch} frames), and like the simulator
 * keeps Jetty's default extensions, so permessage-deflate is used exactly when the client offers it. The
 * only difference left is the simulator's own work: matching, JSON, subscriptions, the hop to its thread.
 */
final class FloorServer implements AutoCloseable {
    static final String PATH = "/floor";

    private final Javalin app;
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final AtomicLong pushed = new AtomicLong();
    private final String prefix;
    private final String suffix;
    private final int batch;
    private final long window;
    private final LongSupplier received;
    private volatile boolean running;
    private Thread pusher;

    /**
     * @param frame    a real {@code orderbook_delta} frame; its {@code "seq":N} is replaced by a counter
     * @param received frames the clients have read so far (the pusher stays at most {@code window} ahead)
     */
    FloorServer(String frame, int batch, long window, LongSupplier received) {
        int at = frame.indexOf("\"seq\":");
        if (at < 0) {
            throw new IllegalArgumentException("frame has no seq: " + frame);
        }
        int end = at + 6;
        while (end < frame.length() && Character.isDigit(frame.charAt(end))) {
            end++;
        }
        this.prefix = frame.substring(0, at + 6);
        this.suffix = frame.substring(end);
        this.batch = batch;
        this.window = window;
        this.received = received;
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
            cfg.jetty.defaultHost = "127.0.0.1";
            cfg.jetty.defaultPort = 0;
        });
        app.ws(PATH, ws -> ws.onConnect(ctx -> {
            ctx.session.getRemote().setBatchMode(BatchMode.ON);
            sessions.add(ctx.session);
        }));
    }

    FloorServer start() {
        app.start();
        return this;
    }

    String url() {
        return "ws://127.0.0.1:" + app.port() + PATH;
    }

    int connected() {
        return sessions.size();
    }

    long framesSent() {
        return pushed.get();
    }

    /** Starts pushing to the clients connected now. */
    void startPushing() {
        running = true;
        pusher = new Thread(this::push, "floor-pusher");
        pusher.setDaemon(true);
        pusher.start();
    }

    void stopPushing() throws InterruptedException {
        running = false;
        if (pusher != null) {
            pusher.join(5_000);
        }
    }

    private void push() {
        Session[] targets = sessions.toArray(new Session[0]);
        long seq = 0;
        StringBuilder b = new StringBuilder(prefix.length() + suffix.length() + 20);
        while (running) {
            while (pushed.get() - received.getAsLong() > window) {
                if (!running) {
                    return;
                }
                LockSupport.parkNanos(20_000);
            }
            for (int i = 0; i < batch; i++) {
                // one String per event, shared by every client (the simulator builds one per subscription)
                b.setLength(0);
                String frame = b.append(prefix).append(++seq).append(suffix).toString();
                for (Session s : targets) {
                    s.getRemote().sendString(frame, WriteCallback.NOOP);
                }
            }
            pushed.addAndGet((long) batch * targets.length);
            for (Session s : targets) {
                ((WebSocketSession) s).getCoreSession().flush(Callback.NOOP);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopPushing();
        app.stop();
    }
}
