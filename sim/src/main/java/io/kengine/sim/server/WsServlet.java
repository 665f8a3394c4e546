package io.kengine.sim.server;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.websocket.server.JettyWebSocketServlet;
import org.eclipse.jetty.websocket.server.JettyWebSocketServletFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code /trade-api/ws/v2}: authenticates the upgrade request exactly like a REST call (signed
 * {@code timestamp + GET + /trade-api/ws/v2}); a refused upgrade gets 401 and the JSON error body.
 */
final class WsServlet extends JettyWebSocketServlet {
    private static final long serialVersionUID = 1L;
    static final String PATH = io.kengine.protocol.wire.KalshiPaths.WS_PATH;
    private static final String KEY_ATTRIBUTE = WsServlet.class.getName() + ".key";

    private final transient SimServer server;

    WsServlet(SimServer server) {
        this.server = server;
    }

    @Override
    protected void configure(JettyWebSocketServletFactory factory) {
        factory.setIdleTimeout(Duration.ofHours(1)); // liveness is the ping/pong check, not idleness
        factory.setMaxTextMessageSize(1 << 20);
        if (!server.config().webSocketCompression()) {
            factory.getAvailableExtensionNames().remove("permessage-deflate");
        }
        factory.setCreator((req, resp) -> new WsEndpoint(server, (ApiKey) req.getHttpServletRequest().getAttribute(KEY_ATTRIBUTE)));
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        Authenticator.Result auth = server.authenticator().authenticate(req.getMethod(), req.getRequestURI(),
                req.getHeader(Authenticator.HEADER_KEY), req.getHeader(Authenticator.HEADER_TIMESTAMP),
                req.getHeader(Authenticator.HEADER_SIGNATURE));
        if (!auth.ok()) {
            byte[] body = auth.error().body().getBytes(StandardCharsets.UTF_8);
            resp.setStatus(auth.error().status());
            resp.setContentType("application/json");
            resp.setContentLength(body.length);
            resp.getOutputStream().write(body);
            return;
        }
        req.setAttribute(KEY_ATTRIBUTE, auth.key());
        super.service(req, resp);
    }
}
