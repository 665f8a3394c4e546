package io.kengine.engine.simulator;

import io.kengine.sim.server.FillDeltaOwner;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.List;

/**
 * The embedded simulator as the engine's exchange: started on loopback, with a freshly generated API
 * key registered for the engine's account and money deposited, so the engine reads it through its
 * real WebSocket feed and trades it through its real REST gateway, signed, exactly as it would Kalshi.
 */
public final class SimulatorVenue implements AutoCloseable {
    public static final String KEY_ID = "engine";
    public static final String ACCOUNT = "engine";
    private static final long DEPOSIT = 10_000L * 10_000L; // $10,000 in $0.0001

    private final SimulatedExchange sim;
    private final KeyPair key;

    private SimulatorVenue(SimulatedExchange sim, KeyPair key) {
        this.sim = sim;
        this.key = key;
    }

    public static SimulatorVenue start(int port, int markets, long seed) {
        return start(port, markets, seed, FillDeltaOwner.MAKER);
    }

    /** @param fillDeltaOwner whose {@code client_order_id} a trade's {@code orderbook_delta} carries */
    public static SimulatorVenue start(int port, int markets, long seed, FillDeltaOwner fillDeltaOwner) {
        KeyPair key = newKey();
        SimulatedExchange sim = SimulatedExchange.start(port, markets, seed, fillDeltaOwner);
        try {
            sim.server().registerKey(KEY_ID, ACCOUNT, Pem.encode("PUBLIC KEY", key.getPublic().getEncoded()));
            sim.server().deposit(ACCOUNT, DEPOSIT);
            return new SimulatorVenue(sim, key);
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
    }

    private static KeyPair newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate the simulator API key", e);
        }
    }

    public String restBaseUrl() {
        return sim.server().restBaseUrl();
    }

    public String webSocketUrl() {
        return sim.server().webSocketUrl();
    }

    public PrivateKey privateKey() {
        return key.getPrivate();
    }

    public List<String> tickers() {
        return sim.tickers();
    }

    public SimulatedExchange simulator() {
        return sim;
    }

    @Override
    public void close() {
        sim.close();
    }
}
