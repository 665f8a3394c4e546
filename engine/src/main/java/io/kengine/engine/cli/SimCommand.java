package io.kengine.engine.cli;

import io.kengine.engine.simulator.SimulatedExchange;
import io.kengine.sim.server.FillDeltaOwner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

@Command(name = "sim", mixinStandardHelpOptions = true,
    description = {"Runs the Kalshi-compatible exchange simulator on 127.0.0.1 for other clients:",
        "REST under /trade-api/v2, WebSocket at /trade-api/ws/v2, simulated participants trading.",
        "Register a client's key with --public-key, or let --write-key create one."})
final class SimCommand implements Callable<Integer> {
    @Option(names = "--port", description = "port on 127.0.0.1 (0 = any free port)", defaultValue = "8099")
    int port;

    @Option(names = "--markets", description = "number of simulated markets", defaultValue = "4")
    int markets;

    @Option(names = "--seed", description = "seed of the simulated flow (same seed, same market)", defaultValue = "20261121")
    long seed;

    @Option(names = "--key-id", description = "API key id to register", defaultValue = "sim-key")
    String keyId;

    @Option(names = "--public-key", paramLabel = "PEM", description = "client RSA public key (PEM) to register under --key-id")
    Path publicKey;

    @Option(names = "--write-key", paramLabel = "FILE",
        description = "generate an RSA key pair, register its public key and write the private key (PKCS#8 PEM, mode 600) here")
    Path writeKey;

    @Option(names = "--deposit", description = "starting balance of the registered account, whole dollars", defaultValue = "10000")
    long depositDollars;

    @Option(names = "--fault", paramLabel = "SPEC",
        description = "inject a fault from the start, e.g. skipSeq=1, failRest=503x2@/trade-api/v2/portfolio, delayFrames=50ms "
            + "(repeatable; the list is in sim/README.md)")
    java.util.List<String> faults = new java.util.ArrayList<>();

    @Option(names = "--fill-delta-owner", paramLabel = "WHO", defaultValue = "maker",
        description = "whose client_order_id a trade's orderbook_delta carries: maker, taker or none "
            + "(Kalshi's choice is unconfirmed; test a client against each)")
    String fillDeltaOwner;

    @Option(names = "--duration", description = "stop after this long, e.g. 30s (default: until Ctrl-C)")
    String duration;

    @Override
    public Integer call() throws Exception {
        if (markets < 1 || markets > 256) {
            System.err.println("--markets: " + markets + " is outside 1..256");
            return ExitCodes.USAGE;
        }
        long limitNanos;
        try {
            limitNanos = duration == null ? 0 : DurationText.parseNanos(duration);
        } catch (IllegalArgumentException e) {
            System.err.println("--duration: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        String publicPem;
        try {
            publicPem = publicKeyPem();
        } catch (IllegalArgumentException | java.io.IOException | java.security.GeneralSecurityException e) {
            System.err.println("sim: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        SimulatedExchange started;
        try {
            started = SimulatedExchange.start(port, markets, seed, FillDeltaOwner.parse(fillDeltaOwner),
                faults.toArray(new String[0]));
        } catch (IllegalArgumentException e) {
            System.err.println("sim: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (SimulatedExchange sim = started) {
            if (publicPem != null) {
                sim.server().registerKey(keyId, "client", publicPem);
                sim.server().deposit("client", depositDollars * 10_000L);
            }
            System.out.println("simulator on " + sim.server().restBaseUrl() + " and " + sim.server().webSocketUrl());
            System.out.println("markets: " + String.join(", ", sim.tickers()));
            System.out.println(publicPem == null ? "no API key registered (use --public-key or --write-key)"
                : "API key '" + keyId + "' registered for account 'client' with $" + depositDollars);
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "sim-shutdown"));
            if (limitNanos > 0) {
                stop.await(limitNanos, TimeUnit.NANOSECONDS);
            } else {
                stop.await();
            }
            System.out.println("simulator stopping: " + sim.server().dataFramesSent() + " WebSocket frames sent");
        }
        return ExitCodes.OK;
    }

    private String publicKeyPem() throws java.io.IOException, java.security.GeneralSecurityException {
        if (publicKey != null && writeKey != null) {
            throw new IllegalArgumentException("give --public-key or --write-key, not both");
        }
        if (publicKey != null) {
            return Files.readString(publicKey);
        }
        if (writeKey == null) {
            return null;
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.deleteIfExists(writeKey);
        Files.createFile(writeKey, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(writeKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        System.out.println("private key written to " + writeKey.toAbsolutePath() + " (key id '" + keyId + "')");
        return pem("PUBLIC KEY", pair.getPublic().getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return io.kengine.engine.simulator.Pem.encode(type, der);
    }
}
