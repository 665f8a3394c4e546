package io.kengine.gateway.rest;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A plain HTTP/1.1 server on the loopback interface for sender tests: any number of keep-alive connections
 * (the sender's direct connections and OkHttp's), a thread each, every request answered as a script says —
 * a status and a JSON body, or the connection closed without an answer. Requests are numbered in the order
 * they were read, over all connections.
 */
final class LoopbackHttpServer implements AutoCloseable {
    /** One request as read: {@code index} counts from 0 over all connections; header names lower-cased. */
    record Request(int index, String method, String target, String body, Map<String, String> headers) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** What to answer; {@link #DROP} closes the connection instead. */
    record Answer(int status, String body, boolean drop) {
        static final Answer DROP = new Answer(0, "", true);

        static Answer of(int status, String body) {
            return new Answer(status, body, false);
        }
    }

    private final ServerSocket server;
    private final Function<Request, Answer> script;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    final List<Request> seen = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    LoopbackHttpServer(Function<Request, Answer> script) throws IOException {
        this.script = script;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "loopback-http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The REST base URL for {@link SenderConfig.Builder#restBaseUrl}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/trade-api/v2";
    }

    int requests() {
        return requests.get();
    }

    private void accept() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            sockets.add(s);
            Thread t = new Thread(() -> serve(s), "loopback-http-conn");
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (!closed) {
                String requestLine = line(in);
                if (requestLine == null) {
                    return;
                }
                if (requestLine.isEmpty()) {
                    continue;
                }
                int length = 0;
                Map<String, String> headers = new HashMap<>();
                for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                    int colon = h.indexOf(':');
                    if (colon > 0) {
                        headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
                    }
                    if (colon > 0 && h.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                        length = Integer.parseInt(h.substring(colon + 1).trim());
                    }
                }
                byte[] body = in.readNBytes(length);
                String[] parts = requestLine.split(" ");
                Request r = new Request(requests.getAndIncrement(), parts[0], parts.length > 1 ? parts[1] : "",
                    new String(body, StandardCharsets.UTF_8), Map.copyOf(headers));
                seen.add(r);
                Answer a = script.apply(r);
                if (a.drop()) {
                    return; // closes the socket: the request never gets an answer
                }
                byte[] b = a.body().getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 " + a.status() + " X\r\nContent-Type: application/json\r\nContent-Length: "
                    + b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(b);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** One header line without its CRLF; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.US_ASCII);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
