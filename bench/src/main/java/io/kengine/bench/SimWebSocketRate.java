package io.kengine.bench;

import io.kengine.protocol.wire.auth.KalshiSigner;
import io.kengine.sim.server.SimServer;
import io.kengine.sim.server.SimServerConfig;
import okhttp3.OkHttpClient;
import okhttp3.Request;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The simulator's sustained outbound WebSocket message rate on loopback (issue 3's benchmark, target
 * 200 000 messages/s), against the transport floor, in one JVM. Not JMH: a server throughput test needs a
 * producer, a server and clients running together for seconds, so this is a plain main class.
 *
 * <p><b>sim:</b> a {@link SimServer} on a random loopback port, rate limits off, one registered RSA key;
 * {@code --clients} OkHttp WebSockets authenticate with it and subscribe to {@code orderbook_delta} and
 * {@code trade} on {@code --markets} markets. The main thread then drives the exchange through
 * {@code server.exchange(...)}, {@code --batch} order calls per call ({@link SimLoad}), never more than
 * {@code --window} frames ahead of what the clients have read (the server queues without bound, so an
 * unthrottled producer would only measure a growing queue). Frames received per second are sampled after
 * {@code --warmup} seconds for {@code --seconds}. Then the stream is drained and lost frames are counted
 * (the server's {@code dataFramesSent()} minus frames received, and gaps in {@code seq} per sid).
 *
 * <p><b>floor:</b> the same clients against {@link FloorServer}, a bare Javalin endpoint pushing copies of
 * a real delta frame (taken from the sim phase) from one thread, batched and flushed the same way.
 *
 * <p>Run: {@code java -Xms4g -Xmx4g -cp bench/target/benchmarks.jar io.kengine.bench.SimWebSocketRate}
 * (options: {@code --mode both|sim|floor --seconds 15 --warmup 5 --clients 1 --markets 4 --batch 200
 * --window 50000}). It prints per-thread CPU for the measured seconds, which says who saturates a core.
 */
public final class SimWebSocketRate {
    static final long TARGET_PER_SECOND = 200_000;

    record Options(String mode, int seconds, int warmup, int clients, int markets, int batch, long window, String deflate) {
        List<Boolean> deflateSettings() {
            return switch (deflate) {
                case "offer" -> List.of(true);
                case "refuse" -> List.of(false);
                default -> List.of(true, false);
            };
        }

        static Options parse(String[] args) {
            String mode = "both";
            int seconds = 15;
            int warmup = 5;
            int clients = 1;
            int markets = 4;
            int batch = 200;
            long window = 50_000;
            String deflate = "both";
            for (int i = 0; i < args.length; i++) {
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--mode" -> mode = v;
                    case "--seconds" -> seconds = Integer.parseInt(v);
                    case "--warmup" -> warmup = Integer.parseInt(v);
                    case "--clients" -> clients = Integer.parseInt(v);
                    case "--markets" -> markets = Integer.parseInt(v);
                    case "--batch" -> batch = Integer.parseInt(v);
                    case "--window" -> window = Long.parseLong(v);
                    case "--deflate" -> deflate = v;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--mode both|sim|floor --seconds N --warmup N --clients N --markets N --batch N --window N --deflate offer|refuse|both)");
                }
                i++;
            }
            if (!List.of("both", "sim", "floor").contains(mode)) {
                throw new IllegalArgumentException("--mode both|sim|floor");
            }
            if (!List.of("both", "offer", "refuse").contains(deflate)) {
                throw new IllegalArgumentException("--deflate offer|refuse|both");
            }
            return new Options(mode, seconds, warmup, clients, markets, batch, window, deflate);
        }
    }

    /** What one phase measured. Rates are frames received by all clients together, per second. */
    record Result(String name, String window, double[] perSecond, double mean, long sent, long received, long lost, long seqGaps,
                  long seqRepeats, long deltas, long trades, long snapshots, long others, double charsPerFrame,
                  String cpu, String notes, String sampleFrame) {
        double median() {
            double[] s = perSecond.clone();
            Arrays.sort(s);
            return s.length == 0 ? 0 : s[s.length / 2];
        }

        double min() {
            return Arrays.stream(perSecond).min().orElse(0);
        }

        double max() {
            return Arrays.stream(perSecond).max().orElse(0);
        }

        String report() {
            StringBuilder b = new StringBuilder();
            b.append(String.format("%s%n  measured  %s (UTC)%n", name, window));
            b.append(String.format("  received  %,.0f msg/s mean over the measured seconds (per second: min %,.0f, median %,.0f, max %,.0f)%n",
                mean, min(), median(), max()));
            b.append(String.format("  per second: %s%n", Arrays.stream(perSecond).mapToObj(v -> String.format("%,.0f", v))
                .reduce((x, y) -> x + " " + y).orElse("")));
            b.append(String.format("  frames    sent %,d (server count), received %,d, lost %,d; seq gaps %d, repeats %d%n",
                sent, received, lost, seqGaps, seqRepeats));
            b.append(String.format("  by type   orderbook_delta %,d, trade %,d, orderbook_snapshot %,d, other %,d; %.0f chars/frame%n",
                deltas, trades, snapshots, others, charsPerFrame));
            if (!notes.isEmpty()) {
                b.append("  ").append(notes).append('\n');
            }
            if (sampleFrame != null) {
                b.append("  first delta frame: ").append(sampleFrame).append('\n');
            }
            b.append("  CPU during the measured seconds:\n").append(cpu);
            return b.toString();
        }
    }

    private SimWebSocketRate() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"); // Javalin/Jetty INFO lines
        Options o = Options.parse(args);
        System.out.printf("SimWebSocketRate %s: JDK %s (%s), %d cores, max heap %d MB%n", o, System.getProperty("java.version"),
            System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        List<String> summary = new ArrayList<>();
        for (boolean deflate : o.deflateSettings()) {
            String how = deflate ? "client offers permessage-deflate (OkHttp's default)" : "client does not offer permessage-deflate";
            System.out.println("=== " + how);
            Result sim = null;
            String template = DEFAULT_FRAME;
            if (!o.mode().equals("floor")) {
                sim = runSim(o, deflate);
                System.out.println(sim.report());
                if (sim.sampleFrame() != null) {
                    template = sim.sampleFrame(); // the floor pushes a frame exactly like the simulator's
                }
            }
            Result floor = null;
            if (!o.mode().equals("sim")) {
                floor = runFloor(o, template, deflate);
                System.out.println(floor.report());
            }
            StringBuilder line = new StringBuilder(how + ":");
            if (sim != null) {
                line.append(String.format(" sim %,.0f msg/s (%.0f%% of the %,d target, lost %d, seq gaps %d)", sim.mean(),
                    100 * sim.mean() / TARGET_PER_SECOND, TARGET_PER_SECOND, sim.lost(), sim.seqGaps()));
            }
            if (floor != null) {
                line.append(String.format(" floor %,.0f msg/s", floor.mean()));
            }
            if (sim != null && floor != null) {
                line.append(String.format(" sim / floor = %.2f", sim.mean() / floor.mean()));
            }
            summary.add(line.toString());
        }
        System.out.println("=== summary");
        summary.forEach(System.out::println);
        // OkHttp's and Jetty's non-daemon threads linger; the results are printed
        System.exit(0);
    }

    /** A delta frame as the simulator writes it, for a floor-only run. */
    static final String DEFAULT_FRAME = "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":1,\"msg\":{\"market_ticker\":"
        + "\"KXRATE-26DEC31-M1\",\"market_id\":\"31b9204b-38a6-35fc-a5e0-80fd8f4043a8\",\"price_dollars\":\"0.4900\","
        + "\"delta_fp\":\"-9.00\",\"side\":\"yes\",\"ts\":\"2026-11-21T06:59:12.489Z\",\"ts_ms\":1795244352489}}";

    static Result runSim(Options o, boolean deflate) throws Exception {
        KeyPair key = rsaKey();
        SimServer server = new SimServer(SimServerConfig.builder().port(0).rateLimits(false).build()).start();
        OkHttpClient http = client(deflate);
        List<FrameCounter> clients = new ArrayList<>();
        try {
            server.registerKey("bench-key", "watcher", publicPem(key));
            KalshiSigner signer = new KalshiSigner("bench-key", key.getPrivate());
            SimLoad load = new SimLoad(o.markets(), o.batch(), server::now);
            server.exchange(ex -> {
                load.setUp(ex);
                return null;
            });
            String subscribe = "{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\",\"trade\"],"
                + "\"market_tickers\":[\"" + String.join("\",\"", load.tickers()) + "\"]}}";
            for (int i = 0; i < o.clients(); i++) {
                FrameCounter c = new FrameCounter();
                Request.Builder rb = new Request.Builder().url(server.webSocketUrl());
                signer.headers(System.currentTimeMillis(), "GET", SimServer.WS_PATH).forEach(rb::header);
                http.newWebSocket(rb.build(), c);
                c.awaitOpen();
                c.socket.send(subscribe);
                clients.add(c);
            }
            long ready = 2L + o.markets(); // two acks, one snapshot per market
            await("subscriptions", () -> clients.stream().allMatch(c -> c.frames() >= ready));

            LongSupplier received = () -> total(clients);
            BooleanSupplier step = () -> {
                if (server.dataFramesSent() - received.getAsLong() > o.window()) {
                    LockSupport.parkNanos(20_000);
                    return false;
                }
                server.exchange(load);
                return true;
            };
            Sampled s = sample(o, received, server::dataFramesSent, step);
            drain(received, server::dataFramesSent);
            long sent = server.dataFramesSent();
            long got = received.getAsLong();
            String notes = String.format("%,d exchange calls × %d order calls (%,d passive, %,d cancel, %,d IoC), %.0f frames per call; "
                    + "%d client(s), %d markets, window %,d", load.calls, o.batch(), load.passives, load.cancels, load.aggressives,
                (double) sent / Math.max(1, load.calls), o.clients(), o.markets(), o.window());
            return result("sim: SimServer → " + o.clients() + " OkHttp client(s), orderbook_delta + trade", s, sent, got, clients,
                notes);
        } finally {
            for (FrameCounter c : clients) {
                if (c.socket != null) {
                    c.socket.cancel();
                }
            }
            server.close();
            shutdown(http);
        }
    }

    static Result runFloor(Options o, String frame, boolean deflate) throws Exception {
        List<FrameCounter> clients = new ArrayList<>();
        LongSupplier received = () -> total(clients);
        OkHttpClient http = client(deflate);
        FloorServer floor = new FloorServer(frame, o.batch(), o.window(), received).start();
        try {
            for (int i = 0; i < o.clients(); i++) {
                FrameCounter c = new FrameCounter();
                http.newWebSocket(new Request.Builder().url(floor.url()).build(), c);
                c.awaitOpen();
                clients.add(c);
            }
            await("floor connections", () -> floor.connected() == o.clients());
            floor.startPushing();
            BooleanSupplier idle = () -> {
                LockSupport.parkNanos(1_000_000);
                return false;
            };
            Sampled s = sample(o, received, floor::framesSent, idle);
            floor.stopPushing();
            drain(received, floor::framesSent);
            return result("floor: bare Javalin endpoint, 1 pusher thread → "
                + o.clients() + " OkHttp client(s), copies of one delta frame, " + o.batch() + " frames per flush",
                s, floor.framesSent(), received.getAsLong(), clients, "");
        } finally {
            for (FrameCounter c : clients) {
                if (c.socket != null) {
                    c.socket.cancel();
                }
            }
            floor.close();
            shutdown(http);
        }
    }

    private record Sampled(double[] perSecond, double mean, String cpu, String window) {
    }

    /**
     * Runs {@code step} on this thread for warm-up + measured seconds, sampling the received count every
     * second; CPU per thread is taken over the measured part only.
     */
    private static Sampled sample(Options o, LongSupplier received, LongSupplier sent, BooleanSupplier step) {
        long start = System.nanoTime();
        Instant wallStart = Instant.now().plusSeconds(o.warmup()).truncatedTo(ChronoUnit.SECONDS);
        long second = TimeUnit.SECONDS.toNanos(1);
        long measureFrom = start + o.warmup() * second;
        long end = measureFrom + o.seconds() * second;
        double[] perSecond = new double[o.seconds()];
        ThreadCpu cpuStart = null;
        long firstCount = 0;
        long lastCount = 0;
        long lastAt = 0;
        int n = 0;
        long nextSample = measureFrom;
        while (true) {
            long now = System.nanoTime();
            if (now >= nextSample) {
                long count = received.getAsLong();
                if (cpuStart == null) {
                    cpuStart = ThreadCpu.snapshot();
                    firstCount = count;
                } else {
                    perSecond[n++] = (count - lastCount) * 1e9 / (now - lastAt);
                }
                lastCount = count;
                lastAt = now;
                if (n == perSecond.length) {
                    String cpu = ThreadCpu.snapshot().since(cpuStart);
                    double mean = (count - firstCount) * 1e9 / (now - measureFrom);
                    String window = wallStart + " – " + Instant.now().truncatedTo(ChronoUnit.SECONDS);
                    return new Sampled(perSecond, mean, cpu, window);
                }
                nextSample += second;
            }
            step.getAsBoolean();
        }
    }

    /** Waits until the clients have read everything sent (or 10 s pass: the rest counts as lost). */
    private static void drain(LongSupplier received, LongSupplier sent) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (received.getAsLong() < sent.getAsLong() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(100); // anything beyond what was sent (duplicates) would show up now
    }

    private static Result result(String name, Sampled s, long sent, long received, List<FrameCounter> clients, String notes) {
        long gaps = 0;
        long repeats = 0;
        long deltas = 0;
        long trades = 0;
        long snapshots = 0;
        long others = 0;
        long chars = 0;
        for (FrameCounter c : clients) {
            gaps += c.seqGaps;
            repeats += c.seqRepeats;
            deltas += c.deltas;
            trades += c.trades;
            snapshots += c.snapshots;
            others += c.others;
            chars += c.chars();
        }
        notes = (notes.isEmpty() ? "" : notes + "\n  ") + "negotiated extensions: " + clients.get(0).extensions;
        // acks are not data frames: the server's count leaves them out
        long dataReceived = received - others;
        return new Result(name, s.window(), s.perSecond(), s.mean(), sent, received, Math.max(0, sent - dataReceived), gaps, repeats,
            deltas, trades, snapshots, others, (double) chars / Math.max(1, received), s.cpu(), notes, clients.get(0).sampleDelta);
    }

    private static long total(List<FrameCounter> clients) {
        long n = 0;
        for (int i = 0; i < clients.size(); i++) {
            n += clients.get(i).frames();
        }
        return n;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    /**
     * OkHttp always offers permessage-deflate on the upgrade, and Jetty (simulator and floor alike) accepts it,
     * so every frame is compressed on the sending thread. {@code deflate = false} strips the offer from the
     * request, which is the only way to switch compression off from the client side.
     */
    static OkHttpClient client(boolean deflate) {
        OkHttpClient.Builder b = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ZERO) // a WebSocket may be quiet; liveness is the server's ping
            .retryOnConnectionFailure(false);
        if (!deflate) {
            b.addInterceptor(chain -> chain.proceed(chain.request().newBuilder().removeHeader("Sec-WebSocket-Extensions").build()));
        }
        return b.build();
    }

    private static void shutdown(OkHttpClient http) {
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
    }

    static KeyPair rsaKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    static String publicPem(KeyPair pair) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
    }
}
