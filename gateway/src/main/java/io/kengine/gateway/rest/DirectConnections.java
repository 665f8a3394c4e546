package io.kengine.gateway.rest;

import io.kengine.protocol.wire.auth.AuthHeaders;

import java.time.Duration;

/**
 * A fixed pool of {@link DirectConnection}s to one origin. {@link #trySend} writes on the first idle one,
 * always scanning from the first, so under light load the same warm connection carries every request;
 * when none is idle the caller uses another way (the sender falls back to OkHttp).
 */
final class DirectConnections<T> implements AutoCloseable {
    private final DirectConnection<T>[] connections;

    @SuppressWarnings("unchecked")
    DirectConnections(int count, String origin, Duration connectTimeout, Duration readTimeout, Duration callTimeout,
                      Duration backoffInitial, Duration backoffMax, Duration maxIdle, TcpKeepAlive keepAlive,
                      DirectConnection.Handler<T> handler) {
        connections = new DirectConnection[count];
        for (int i = 0; i < count; i++) {
            connections[i] = new DirectConnection<>("gateway-direct-" + i, origin, connectTimeout, readTimeout,
                callTimeout, backoffInitial, backoffMax, maxIdle, keepAlive, handler);
        }
    }

    DirectConnections<T> start() {
        for (DirectConnection<T> c : connections) {
            c.start();
        }
        return this;
    }

    /** As {@link DirectConnection#trySend}, on the first idle connection. */
    int trySend(T call, String method, String path, byte[] body, AuthHeaders auth) {
        for (DirectConnection<T> c : connections) {
            int r = c.trySend(call, method, path, body, auth);
            if (r != DirectConnection.NOT_TAKEN) {
                return r;
            }
        }
        return DirectConnection.NOT_TAKEN;
    }

    int size() {
        return connections.length;
    }

    /** Connections up now (idle or busy). */
    int connected() {
        int n = 0;
        for (DirectConnection<T> c : connections) {
            if (c.isConnected()) {
                n++;
            }
        }
        return n;
    }

    /** Connections up and idle now (a send would be taken); for tests. */
    int idle() {
        int n = 0;
        for (DirectConnection<T> c : connections) {
            if (c.isIdle()) {
                n++;
            }
        }
        return n;
    }

    long connects() {
        long n = 0;
        for (DirectConnection<T> c : connections) {
            n += c.connects();
        }
        return n;
    }

    /** Idle connections closed and reopened (see {@link DirectConnection}). */
    long recycles() {
        long n = 0;
        for (DirectConnection<T> c : connections) {
            n += c.recycles();
        }
        return n;
    }

    @Override
    public void close() {
        for (DirectConnection<T> c : connections) {
            c.close();
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (DirectConnection<T> c : connections) {
            sb.append(sb.length() == 0 ? "" : " ").append(c);
        }
        return sb.toString();
    }
}
