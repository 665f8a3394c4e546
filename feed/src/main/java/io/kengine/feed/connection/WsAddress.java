package io.kengine.feed.connection;

import java.net.URI;
import java.util.Locale;

/** Where a {@code ws:}/{@code wss:} URL points: what to connect to and what to put in the request line and Host. */
final class WsAddress {
    final boolean tls;
    /** For the socket and SNI: an IPv6 literal without its brackets. */
    final String host;
    final int port;
    /** {@code Host} header value: the port only when it is not the scheme's default (RFC 6455 §4.1). */
    final String hostHeader;
    /** Path and query as sent in the request line, e.g. {@code /trade-api/ws/v2}. */
    final String target;

    private WsAddress(boolean tls, String host, int port, String hostHeader, String target) {
        this.tls = tls;
        this.host = host;
        this.port = port;
        this.hostHeader = hostHeader;
        this.target = target;
    }

    /** @throws IllegalArgumentException not a {@code ws:} or {@code wss:} URL with a host */
    static WsAddress parse(String url) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw new IllegalArgumentException("the direct WebSocket client needs a ws: or wss: URL: " + url);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("no host in " + url);
        }
        boolean tls = scheme.equals("wss");
        int defaultPort = tls ? 443 : 80;
        int port = uri.getPort() < 0 ? defaultPort : uri.getPort();
        String h = uri.getHost();
        String bare = h.startsWith("[") ? h.substring(1, h.length() - 1) : h;
        String hostHeader = port == defaultPort ? h : h + ":" + port;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new WsAddress(tls, bare, port, hostHeader, target);
    }

    @Override
    public String toString() {
        return (tls ? "wss://" : "ws://") + hostHeader + target;
    }
}
