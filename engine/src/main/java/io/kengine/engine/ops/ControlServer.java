package io.kengine.engine.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.OperatorCommandEvent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The local control endpoint of a running engine (JDK {@code com.sun.net.httpserver}, bound to
 * 127.0.0.1 only, one handler thread). It touches no business state: commands become
 * OperatorCommand events on the inbound ring through {@link OperatorCommands}; status and metrics
 * read snapshots.
 *
 * <pre>
 * POST /halt | /resume | /flatten | /cancel-all   [market=TICKER|#id|all] [reason=TEXT]  (query or form body)
 * POST /reload                                    re-read the config file, journal changed strategy keys
 * POST /stop                                      stop gracefully, as Ctrl-C does
 * GET  /status[?format=json|line|table]           EngineStatus
 * GET  /metrics                                   Prometheus text (when metrics share this endpoint)
 * GET  /health                                    "ok"
 * </pre>
 * Requests carrying an {@code Origin} header are refused: a web page in a local browser must not be
 * able to halt or flatten the engine.
 */
public final class ControlServer implements AutoCloseable {
    /** What {@code /reload} runs; null when the engine has no file to reload from. */
    @FunctionalInterface
    public interface Reload {
        StrategyReloader.Result reload();
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final OperatorCommands commands;
    private final MarketResolver markets;
    private final StatusSource status;
    private final Supplier<String> metrics;
    private final Reload reload;
    private volatile Runnable stop;

    private ControlServer(HttpServer server, OperatorCommands commands, MarketResolver markets, StatusSource status,
                          Supplier<String> metrics, Reload reload) {
        this.server = server;
        this.commands = commands;
        this.markets = markets;
        this.status = status;
        this.metrics = metrics;
        this.reload = reload;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kengine-control");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /**
     * Starts the endpoint on 127.0.0.1.
     *
     * @param port    0 picks a free port ({@link #port()} tells which)
     * @param metrics Prometheus text for {@code /metrics}, or null when metrics are served elsewhere
     * @param reload  null when reloading is not possible
     */
    public static ControlServer start(int port, OperatorCommands commands, MarketResolver markets, StatusSource status,
                                      Supplier<String> metrics, Reload reload) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        ControlServer c = new ControlServer(server, commands, markets, status, metrics, reload);
        server.start();
        return c;
    }

    /** What {@code POST /stop} runs (the run command's graceful stop); 409 until set. */
    public void onStop(Runnable action) {
        this.stop = action;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            if (x.getRequestHeaders().containsKey("Origin")) {
                reply(x, 403, "{\"ok\":false,\"error\":\"cross-origin requests are refused\"}", "application/json");
                return;
            }
            String path = x.getRequestURI().getPath();
            String method = x.getRequestMethod();
            Map<String, String> params = params(x);
            switch (path) {
                case "/health":
                    reply(x, 200, "ok\n", "text/plain");
                    return;
                case "/status":
                    if (!requireMethod(x, method, "GET")) {
                        return;
                    }
                    EngineStatus s = status.snapshot();
                    String format = params.getOrDefault("format", "json");
                    switch (format) {
                        case "line": reply(x, 200, s.toLine() + "\n", "text/plain"); return;
                        case "table": reply(x, 200, s.toTable() + "\n", "text/plain"); return;
                        case "json": reply(x, 200, s.toJson() + "\n", "application/json"); return;
                        default: error(x, 400, "format must be json, line or table"); return;
                    }
                case "/metrics":
                    if (metrics == null) {
                        error(x, 404, "metrics are served on engine.metrics.port");
                        return;
                    }
                    if (requireMethod(x, method, "GET")) {
                        reply(x, 200, metrics.get(), "text/plain; version=0.0.4; charset=utf-8");
                    }
                    return;
                case "/stop":
                    if (!requireMethod(x, method, "POST")) {
                        return;
                    }
                    Runnable action = stop;
                    if (action == null) {
                        error(x, 409, "this engine cannot be stopped from here");
                        return;
                    }
                    // reply first: the stop closes this server, which would cut an unsent reply
                    reply(x, 200, "{\"ok\":true,\"stopping\":true}\n", "application/json");
                    action.run();
                    return;
                case "/reload":
                    if (!requireMethod(x, method, "POST")) {
                        return;
                    }
                    if (reload == null) {
                        error(x, 409, "this engine has no configuration file to reload from");
                        return;
                    }
                    StrategyReloader.Result r = reload.reload();
                    reply(x, r.ok() ? 200 : 422, r.toJson() + "\n", "application/json");
                    return;
                default:
                    break;
            }
            byte cmd = commandOf(path);
            if (cmd == 0) {
                error(x, 404, "unknown path " + path + " (POST /halt /resume /flatten /cancel-all /reload; GET /status /metrics)");
                return;
            }
            if (!requireMethod(x, method, "POST")) {
                return;
            }
            int marketId;
            long seq;
            try {
                marketId = markets.resolve(params.get("market"));
                seq = commands.publish(cmd, marketId, params.getOrDefault("reason", ""), "cli");
            } catch (IllegalArgumentException e) {
                error(x, 400, e.getMessage());
                return;
            }
            StringBuilder sb = new StringBuilder("{\"ok\":true,\"command\":");
            Json.string(sb, OperatorCommandEvent.commandName(cmd));
            sb.append(",\"market\":");
            Json.string(sb, marketId == EventHeader.NO_MARKET ? "all" : params.get("market"));
            sb.append(",\"sequence\":").append(seq).append("}\n");
            reply(x, 200, sb.toString(), "application/json");
        } catch (RuntimeException e) {
            error(x, 500, String.valueOf(e));
        }
    }

    static byte commandOf(String path) {
        switch (path) {
            case "/halt": return OperatorCommandEvent.HALT;
            case "/resume": return OperatorCommandEvent.RESUME;
            case "/flatten": return OperatorCommandEvent.FLATTEN;
            case "/cancel-all": return OperatorCommandEvent.CANCEL_ALL;
            default: return 0;
        }
    }

    private static boolean requireMethod(HttpExchange x, String method, String wanted) throws IOException {
        if (!method.equals(wanted)) {
            x.getResponseHeaders().set("Allow", wanted);
            error(x, 405, x.getRequestURI().getPath() + " needs " + wanted);
            return false;
        }
        return true;
    }

    private static Map<String, String> params(HttpExchange x) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        parse(x.getRequestURI().getRawQuery(), params);
        try (InputStream in = x.getRequestBody()) {
            byte[] body = in.readNBytes(8192);
            String type = x.getRequestHeaders().getFirst("Content-Type");
            if (body.length > 0 && (type == null || type.startsWith("application/x-www-form-urlencoded"))) {
                parse(new String(body, StandardCharsets.UTF_8), params);
            }
        }
        return params;
    }

    private static void parse(String query, Map<String, String> into) {
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.put(k, v);
        }
    }

    private static void error(HttpExchange x, int code, String message) throws IOException {
        StringBuilder sb = new StringBuilder("{\"ok\":false,\"error\":");
        Json.string(sb, message);
        reply(x, code, sb.append("}\n").toString(), "application/json");
    }

    private static void reply(HttpExchange x, int code, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
