package io.kengine.engine.ops;

import io.kengine.config.EngineConfig;
import io.kengine.config.EngineConfig.MetricsSettings;
import io.kengine.config.EngineConfig.OpsSettings;
import io.kengine.config.ParameterDef;
import io.kengine.engine.EngineOptions;
import io.kengine.engine.TradingEngine;
import io.kengine.feed.connection.MarketRegistry;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The operator side of a running engine, started after the engine and closed after it: operator
 * commands onto the inbound ring, control endpoint (+ port file), metrics endpoint, webhook alerts and
 * the alert monitor, kill switch (file and SIGUSR2), strategy reload on file change. One low-rate
 * thread ({@code kengine-ops}) polls the kill-switch file, the config file and the alert monitor.
 * Nothing here touches business state: it publishes events and reads snapshots and counters.
 */
public final class OpsRuntime implements AutoCloseable {
    private static final long CONFIG_POLL_MS = 1_000;
    private static final long MONITOR_MS = 500;
    /** How often the journal watch looks at the failure counters: a failing journal halts within this. */
    private static final long JOURNAL_WATCH_MS = 100;

    private final OperatorCommands commands;
    private final MetricsRegistry metrics;
    private final TradingEngineStatus status;
    private final WebhookAlerts alerts;
    private final KillSwitch killSwitch;
    private JournalWatch journalWatch;
    private final StrategyReloader reloader;
    private final ScheduledExecutorService ops;
    private final PrintStream console;
    private final Path portFile;
    private ControlServer control;
    private MetricsServer metricsServer;
    private Signals.Installed usr2;
    private boolean closed;
    private boolean inputsStopped;

    private OpsRuntime(TradingEngine engine, EngineOptions options, EngineConfig cfg, Path configFile,
                       List<ParameterDef> schema, Map<String, String> env, PrintStream console) {
        OpsSettings s = cfg.engine().ops();
        this.console = console;
        this.portFile = s.control().portFile();
        this.commands = new OperatorCommands(engine.runtime().newInboundPublisher());
        this.metrics = new MetricsRegistry(engine.runtime().latencies());
        this.status = new TradingEngineStatus(engine, commands, metrics, options.runId(), options.mode(),
            cfg.engine().environment().configName());
        this.alerts = new WebhookAlerts(s.alerts().webhookUrl(), s.alerts().minIntervalMs(), s.alerts().queueSize(),
            "[kengine " + options.mode() + "/" + cfg.engine().environment().configName() + " run " + options.runId() + "]", console);
        status.alertCounters(alerts::sent, alerts::dropped);
        EngineMetrics.register(metrics, engine, status, commands, alerts);
        this.killSwitch = new KillSwitch(commands, alerts, s.killSwitchFile());
        // operator commands from the CLI are alerted when published (the kill switch and shutdown alert themselves)
        commands.onPublished(r -> {
            if (r.origin().equals("cli")) {
                alerts.alert(r.command(), r.command() + (r.marketId() < 0 ? " (all markets)" : " (market #" + r.marketId() + ")")
                    + " by operator" + (r.reason().isEmpty() ? "" : ": " + r.reason()));
            }
        });
        this.reloader = configFile == null ? null : new StrategyReloader(configFile, schema, cfg, env, commands);
        this.ops = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kengine-ops");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts the operator side of {@code engine}.
     *
     * @param configFile the file to reload strategy parameters from; null when none (the jar's copy)
     * @throws IOException when a port cannot be bound (the caller closes the engine)
     */
    public static OpsRuntime start(TradingEngine engine, EngineOptions options, EngineConfig cfg, Path configFile,
                                   List<ParameterDef> schema, Map<String, String> env, PrintStream console) throws IOException {
        OpsRuntime o = new OpsRuntime(engine, options, cfg, configFile, schema, env, console);
        try {
            o.startServers(engine, cfg.engine().ops());
        } catch (IOException | RuntimeException e) {
            o.close();
            throw e;
        }
        return o;
    }

    private void startServers(TradingEngine engine, OpsSettings s) throws IOException {
        MetricsSettings m = s.metrics();
        boolean shared = m.enabled() && m.port() == MetricsSettings.SHARED;
        if (s.control().enabled()) {
            control = ControlServer.start(s.control().port(), commands, resolver(engine), status,
                shared ? metrics::scrape : null, reloader == null ? null : this::reload);
            PortFile.write(portFile, control.port());
        }
        if (m.enabled() && !shared) {
            metricsServer = MetricsServer.start(m.port(), metrics::scrape);
        }
        AlertMonitor monitor = new AlertMonitor(status, alerts, s.alerts().disconnectAfterMs());
        if (killSwitch.file() != null) {
            ops.scheduleWithFixedDelay(guard(killSwitch::poll), 0, KillSwitch.POLL_MS, TimeUnit.MILLISECONDS);
        }
        ops.scheduleWithFixedDelay(guard(monitor::check), MONITOR_MS, MONITOR_MS, TimeUnit.MILLISECONDS);
        journalWatch = new JournalWatch(engine.runtime()::journalInFailures, engine.runtime()::journalOutFailures,
            commands::halted, killSwitch::trigger);
        ops.scheduleWithFixedDelay(guard(journalWatch::check), JOURNAL_WATCH_MS, JOURNAL_WATCH_MS, TimeUnit.MILLISECONDS);
        if (reloader != null) {
            ops.scheduleWithFixedDelay(guard(() -> {
                StrategyReloader.Result r = reloader.reloadIfChanged();
                if (r != null) {
                    report(r, "file changed");
                }
            }), CONFIG_POLL_MS, CONFIG_POLL_MS, TimeUnit.MILLISECONDS);
        }
        usr2 = Signals.handle("USR2", () -> ops.execute(guard(() -> killSwitch.trigger("SIGUSR2"))));
    }

    private StrategyReloader.Result reload() {
        StrategyReloader.Result r = reloader.reload();
        report(r, "reload command");
        return r;
    }

    private void report(StrategyReloader.Result r, String why) {
        if (console != null) {
            console.println("config " + reloader.file() + " (" + why + "): " + r.toText());
        }
        if (!r.ok()) {
            alerts.alert("config", "reload of " + reloader.file() + " refused: " + r.error());
        }
    }

    private Runnable guard(Runnable r) {
        return () -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                if (console != null) {
                    console.println("ops: " + e);
                }
            }
        };
    }

    /** Tickers of the engine's market source (filled at start, read-only afterwards); {@code #id} always works. */
    private static MarketResolver resolver(TradingEngine engine) {
        if (engine.source().feed() != null) {
            MarketRegistry registry = engine.source().feed().markets();
            return new MarketResolver(registry::id);
        }
        return MarketResolver.none();
    }

    /** What the control endpoint's {@code POST /stop} (the {@code stop} command) runs. */
    public void onStopRequest(Runnable action) {
        if (control != null) {
            control.onStop(action);
        }
    }

    public OperatorCommands commands() {
        return commands;
    }

    public MetricsRegistry metrics() {
        return metrics;
    }

    public TradingEngineStatus status() {
        return status;
    }

    public WebhookAlerts alerts() {
        return alerts;
    }

    /** The watch that halts the engine when journal writes fail; null before the servers started. */
    public JournalWatch journalWatch() {
        return journalWatch;
    }

    public KillSwitch killSwitch() {
        return killSwitch;
    }

    /** The bound control port, or -1 when the endpoint is disabled. */
    public int controlPort() {
        return control == null ? -1 : control.port();
    }

    /** The metrics port: the control port when shared, -1 when disabled. */
    public int metricsPort() {
        return metricsServer != null ? metricsServer.port() : control != null && metricsShared() ? control.port() : -1;
    }

    private boolean metricsShared() {
        return metricsServer == null;
    }

    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(control == null ? "control off" : "control http://127.0.0.1:" + control.port() + " (port in " + portFile + ")");
        int mp = metricsPort();
        sb.append(mp < 0 ? ", metrics off" : ", metrics http://127.0.0.1:" + mp + "/metrics");
        sb.append(killSwitch.file() == null ? "" : ", kill switch file " + killSwitch.file());
        sb.append(usr2 == null ? "" : ", kill -USR2 " + ProcessHandle.current().pid() + " halts");
        return sb.toString();
    }

    /**
     * Stops every way in: control and metrics endpoints (and the port file), the ops thread, SIGUSR2.
     * Called before the engine's rings close, so no operator event arrives at a closed ring.
     */
    public synchronized void stopInputs() {
        if (inputsStopped) {
            return;
        }
        inputsStopped = true;
        if (usr2 != null) {
            usr2.restore();
        }
        ops.shutdownNow();
        if (control != null) {
            PortFile.removeIfOurs(portFile, control.port());
            control.close();
        }
        if (metricsServer != null) {
            metricsServer.close();
        }
    }

    /** Stops everything; alerts still queued get up to {@code alertFlushMs} to go out. */
    public synchronized void close(long alertFlushMs) {
        if (closed) {
            return;
        }
        closed = true;
        stopInputs();
        alerts.close(alertFlushMs);
    }

    @Override
    public void close() {
        close(3_000);
    }
}
