package io.kengine.feed.fairvalue;

import io.kengine.protocol.stage.EventPublisher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * Both fair-value inputs over one publisher, as the engine starts them: the HTTP server on 127.0.0.1
 * (when a port is configured) and the file watcher (when a file is). Suggested config keys, read by
 * the engine: {@link #HTTP_PORT_KEY} (−1: off, 0: any free port), {@link #FILE_KEY} (empty: off),
 * {@link #RECHECK_MS_KEY}, {@link #DEFAULT_LIFETIME_MS_KEY}, {@link #MAX_LIFETIME_MS_KEY}.
 */
public final class FairValueInputs implements AutoCloseable {
    public static final String HTTP_PORT_KEY = "feed.fairValue.httpPort";
    public static final String FILE_KEY = "feed.fairValue.file";
    public static final String RECHECK_MS_KEY = "feed.fairValue.fileRecheckMs";
    public static final String DEFAULT_LIFETIME_MS_KEY = "feed.fairValue.defaultLifetimeMs";
    public static final String MAX_LIFETIME_MS_KEY = "feed.fairValue.maxLifetimeMs";

    /** @param httpPort −1 for no server; @param file null for no file input */
    public record Settings(int httpPort, Path file, long recheckMs, long defaultLifetimeMs, long maxLifetimeMs) {
        public static Settings defaults() {
            return new Settings(-1, null, 1_000, 60_000, 3_600_000);
        }
    }

    private final FairValuePublisher publisher;
    private final FairValueHttpServer server;
    private final FairValueFileWatcher watcher;

    private FairValueInputs(FairValuePublisher publisher, FairValueHttpServer server, FairValueFileWatcher watcher) {
        this.publisher = publisher;
        this.server = server;
        this.watcher = watcher;
    }

    /**
     * @param out        a publisher into the inbound ring used by these inputs only (their calls are serialized)
     * @param markets    ticker → market id
     * @param clockNanos the epoch-ns clock the inbound ring stamps receive times with
     */
    public static FairValueInputs start(Settings settings, EventPublisher out, FairValueMarkets markets,
                                        LongSupplier clockNanos) throws IOException {
        FairValuePublisher p = new FairValuePublisher(out, markets, clockNanos, settings.defaultLifetimeMs(),
            settings.maxLifetimeMs());
        FairValueHttpServer server = null;
        FairValueFileWatcher watcher = null;
        try {
            if (settings.httpPort() >= 0) {
                server = FairValueHttpServer.start(settings.httpPort(), p);
            }
            if (settings.file() != null) {
                watcher = FairValueFileWatcher.start(settings.file(), p, settings.recheckMs());
            }
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                server.close();
            }
            throw e;
        }
        return new FairValueInputs(p, server, watcher);
    }

    public FairValuePublisher publisher() {
        return publisher;
    }

    /** The HTTP server, or null when off. */
    public FairValueHttpServer server() {
        return server;
    }

    /** The file watcher, or null when off. */
    public FairValueFileWatcher watcher() {
        return watcher;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        if (watcher != null) {
            watcher.close();
        }
    }
}
