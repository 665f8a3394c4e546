package io.kengine.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor of {@link GatewayBenchmark}: a bare HTTP/1.1 keep-alive server on loopback, one thread per
 * connection, that counts a request the moment its last byte arrives and answers at once with a canned
 * body. No framework, no parsing beyond {@code Content-Length}: what the benchmark measures is the
 * client's path from intent to bytes on the socket.
 */
final class GatewayLoopbackServer implements AutoCloseable {
    private final ServerSocket server;
    private final byte[] response;
    private final AtomicLong requests = new AtomicLong();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile boolean running = true;

    GatewayLoopbackServer(int status, byte[] body) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        String head = "HTTP/1.1 " + status + " OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
            + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        response = new byte[h.length + body.length];
        System.arraycopy(h, 0, response, 0, h.length);
        System.arraycopy(body, 0, response, h.length, body.length);
        acceptor = new Thread(this::accept, "gateway-bench-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Requests fully received so far. */
    long requests() {
        return requests.get();
    }

    private void accept() {
        while (running) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "gateway-bench-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        byte[] buf = new byte[64 * 1024];
        int len = 0;
        try (InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            while (running) {
                int n = in.read(buf, len, buf.length - len);
                if (n < 0) {
                    return;
                }
                len += n;
                while (true) {
                    int end = headerEnd(buf, len);
                    if (end < 0) {
                        break;
                    }
                    int total = end + contentLength(buf, end);
                    if (len < total) {
                        break;
                    }
                    requests.incrementAndGet();
                    out.write(response);
                    out.flush();
                    System.arraycopy(buf, total, buf, 0, len - total);
                    len -= total;
                }
            }
        } catch (IOException e) {
            // connection closed
        }
    }

    private static int headerEnd(byte[] b, int len) {
        for (int i = 3; i < len; i++) {
            if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    private static int contentLength(byte[] b, int headerEnd) {
        String head = new String(b, 0, headerEnd, StandardCharsets.US_ASCII).toLowerCase(java.util.Locale.ROOT);
        int i = head.indexOf("content-length:");
        if (i < 0) {
            return 0;
        }
        int j = head.indexOf('\r', i);
        return Integer.parseInt(head.substring(i + "content-length:".length(), j).trim());
    }

    @Override
    public void close() throws IOException {
        running = false;
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
