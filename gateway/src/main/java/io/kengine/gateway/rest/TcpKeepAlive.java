package io.kengine.gateway.rest;

import jdk.net.ExtendedSocketOptions;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketOption;
import java.time.Duration;

/**
 * TCP keepalive timing for the direct connections. SO_KEEPALIVE alone probes at the OS's interval
 * (Linux: first probe after 2 h idle), so a peer that vanished without a FIN (a crashed host, a middlebox
 * that dropped the flow) would go unnoticed for hours: the reader sits in {@code read} and the sender keeps
 * seeing the connection as idle. With {@code idle} 15 s, {@code interval} 5 s and {@code count} 3 the
 * kernel fails such a socket after ~30 s of silence — before the 50 s idle recycle, and also on a request
 * waiting with no read timeout — and the reader reconnects. Set per socket with
 * {@link ExtendedSocketOptions} where the platform has them (Linux, macOS, Windows 10+), skipped quietly
 * where it does not. Whole seconds, as the options are.
 */
record TcpKeepAlive(Duration idle, Duration interval, int count) {
    static final TcpKeepAlive DEFAULT = new TcpKeepAlive(Duration.ofSeconds(15), Duration.ofSeconds(5), 3);

    /** Linux's upper bounds (TCP_KEEPIDLE / TCP_KEEPINTVL: MAX_TCP_KEEPIDLE, TCP_KEEPCNT: MAX_TCP_KEEPCNT). */
    static final int MAX_SECONDS = 32_767;
    static final int MAX_COUNT = 127;

    TcpKeepAlive {
        seconds("idle", idle);
        seconds("interval", interval);
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("keepalive count must be 1.." + MAX_COUNT + ": " + count);
        }
    }

    private static int seconds(String what, Duration d) {
        if (d == null || d.getNano() != 0 || d.getSeconds() < 1 || d.getSeconds() > MAX_SECONDS) {
            throw new IllegalArgumentException("keepalive " + what + " must be whole seconds, 1.." + MAX_SECONDS + ": " + d);
        }
        return (int) d.getSeconds();
    }

    /** Turns keepalive on and sets whichever of the three options the socket supports; the rest are left as they are. */
    void applyTo(Socket s) throws IOException {
        s.setKeepAlive(true);
        set(s, ExtendedSocketOptions.TCP_KEEPIDLE, (int) idle.getSeconds());
        set(s, ExtendedSocketOptions.TCP_KEEPINTERVAL, (int) interval.getSeconds());
        set(s, ExtendedSocketOptions.TCP_KEEPCOUNT, count);
    }

    private static void set(Socket s, SocketOption<Integer> option, int value) throws IOException {
        if (s.supportedOptions().contains(option)) {
            s.setOption(option, value);
        }
    }
}
