package io.kengine.feed.fairvalue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The fair-value HTTP input, bound to 127.0.0.1 only (the model runs on the same host).
 * <ul>
 *   <li>{@code POST /fair-value}: a body of one or more records, one per line (JSON objects or CSV,
 *       see {@link FairValueParser}). All or nothing: 200 {@code {"accepted":N}} when every record was
 *       valid and published, 400 {@code {"error":"..."}} naming the first bad line (nothing published),
 *       413 above {@link #MAX_BODY} bytes;</li>
 *   <li>{@code GET /fair-value/status}: {@code {"published":N,"rejected":M}};</li>
 *   <li>anything else: 404 or 405.</li>
 * </ul>
 * One handler thread: requests are handled in arrival order, never on the ring's threads.
 */
public final class FairValueHttpServer implements AutoCloseable {
    public static final String PATH = "/fair-value";
    public static final int MAX_BODY = 1 << 20;

    private final HttpServer server;
    private final ExecutorService executor;
    private final FairValuePublisher publisher;

    private FairValueHttpServer(HttpServer server, ExecutorService executor, FairValuePublisher publisher) {
        this.server = server;
        this.executor = executor;
        this.publisher = publisher;
    }

    /** Starts the server on 127.0.0.1:{@code port} (0: any free port, see {@link #port()}). */
    public static FairValueHttpServer start(int port, FairValuePublisher publisher) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fair-value-http");
            t.setDaemon(true);
            return t;
        });
        FairValueHttpServer s = new FairValueHttpServer(server, executor, publisher);
        server.createContext(PATH, s::handle);
        server.setExecutor(executor);
        server.start();
        return s;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange ex) {
        try {
            route(ex);
        } catch (IOException e) {
            // the client went away: nothing to answer
        } catch (RuntimeException e) {
            // a publisher failure must not kill the handler thread; the client sees 500
            try {
                reply(ex, 500, "{\"error\":\"" + escape(String.valueOf(e.getMessage())) + "\"}");
            } catch (IOException | RuntimeException ignored) {
                // headers may already be out
            }
        } finally {
            ex.close();
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (path.equals(PATH + "/status")) {
            if (!ex.getRequestMethod().equals("GET")) {
                reply(ex, 405, "{\"error\":\"use GET\"}");
                return;
            }
            reply(ex, 200, "{\"published\":" + publisher.published() + ",\"rejected\":" + publisher.rejected() + "}");
            return;
        }
        if (!path.equals(PATH)) {
            reply(ex, 404, "{\"error\":\"not found\"}");
            return;
        }
        if (!ex.getRequestMethod().equals("POST")) {
            ex.getResponseHeaders().add("Allow", "POST");
            reply(ex, 405, "{\"error\":\"use POST\"}");
            return;
        }
        byte[] body = readBody(ex.getRequestBody());
        if (body == null) {
            reply(ex, 413, "{\"error\":\"body above " + MAX_BODY + " bytes\"}");
            return;
        }
        try {
            List<FairValueRecord> records = FairValueParser.parseAll(new String(body, StandardCharsets.UTF_8));
            if (records.isEmpty()) {
                reply(ex, 400, "{\"error\":\"no records\"}");
                return;
            }
            int n = publisher.publishAll(records);
            reply(ex, 200, "{\"accepted\":" + n + "}");
        } catch (FairValueFormatException e) {
            reply(ex, 400, "{\"error\":\"" + escape(e.getMessage()) + "\"}");
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] b = in.readNBytes(MAX_BODY + 1);
        return b.length > MAX_BODY ? null : b;
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Stops accepting, waits up to a second for a request in progress, stops the handler thread. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
