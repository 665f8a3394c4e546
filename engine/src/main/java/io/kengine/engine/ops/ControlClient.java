package io.kengine.engine.ops;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** What the {@code status}, {@code halt}, ... commands use to reach a running engine's control endpoint. */
public final class ControlClient {
    /** The engine could not be reached (not running, wrong port). */
    public static final class Unreachable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public record Response(int status, String body) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    public ControlClient(int port) {
        this.base = "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port;
    }

    public Response get(String path, Map<String, String> params) throws Unreachable {
        return send(HttpRequest.newBuilder(uri(path, params)).GET());
    }

    public Response post(String path, Map<String, String> params) throws Unreachable {
        return send(HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(params))));
    }

    private URI uri(String path, Map<String, String> params) {
        String q = form(params);
        return URI.create(base + path + (q.isEmpty() ? "" : "?" + q));
    }

    private static String form(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            if (v != null) {
                sb.append(sb.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return sb.toString();
    }

    private Response send(HttpRequest.Builder request) throws Unreachable {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body());
        } catch (ConnectException e) {
            throw new Unreachable("no engine answers on " + base + " (is it running?)", e);
        } catch (IOException e) {
            throw new Unreachable("control endpoint " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted", e);
        }
    }
}
