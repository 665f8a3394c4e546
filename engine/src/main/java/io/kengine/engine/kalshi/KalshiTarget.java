package io.kengine.engine.kalshi;

import io.kengine.config.EngineConfig;
import io.kengine.config.Environment;
import io.kengine.engine.ops.LiveTradingGuard;
import io.kengine.gateway.rest.KeyFiles;
import io.kengine.protocol.wire.KalshiEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where {@code feed.source: kalshi} connects and with which key. URLs: {@code feed.kalshi.restUrl}/{@code wsUrl}
 * when given, else the hosts of {@code engine.environment} (demo or prod; sim has none, which the config loader
 * already refuses). Credentials only from the environment: {@code KALSHI_KEY_ID} and
 * {@code KALSHI_PRIVATE_KEY_PATH} (a PEM file that group and others cannot read). {@link #toString} shows no key.
 */
public record KalshiTarget(String name, String restBaseUrl, String wsUrl, String keyId, PrivateKey privateKey) {
    private static final String KEY_ID_VARIABLE = LiveTradingGuard.KEY_ID_VARIABLE;
    private static final String KEY_PATH_VARIABLE = LiveTradingGuard.KEY_PATH_VARIABLE;

    /** Every problem at once, one line each, naming what to set. */
    public static final class TargetException extends RuntimeException {
        private final List<String> problems;

        TargetException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    public static KalshiTarget resolve(EngineConfig cfg, Map<String, String> env) {
        EngineConfig.KalshiFeedSettings k = cfg.feed().kalshi();
        Environment e = cfg.engine().environment();
        String name;
        String rest;
        String ws;
        if (k.hasUrls()) {
            name = e == Environment.SIM ? "simulator" : "Kalshi " + e.configName();
            rest = k.restUrl();
            ws = k.wsUrl();
        } else {
            KalshiEnvironment hosts = e == Environment.PROD ? KalshiEnvironment.PRODUCTION : KalshiEnvironment.DEMO;
            name = e == Environment.PROD ? "Kalshi production" : "Kalshi demo";
            rest = hosts.restBaseUrl();
            ws = hosts.wsUrl();
        }
        List<String> problems = new ArrayList<>();
        String keyId = env.get(KEY_ID_VARIABLE);
        if (keyId == null || keyId.isBlank()) {
            problems.add(KEY_ID_VARIABLE + ": not set (the API key id for " + name + ")");
        }
        Path keyFile = keyPath(env.get(KEY_PATH_VARIABLE));
        PrivateKey key = null;
        if (keyFile == null) {
            problems.add(KEY_PATH_VARIABLE + ": not set (the private key file for " + name + ", mode 600; test it with check-key)");
        } else if (!Files.isRegularFile(keyFile)) {
            problems.add(KEY_PATH_VARIABLE + ": no such file " + keyFile);
        } else {
            try {
                key = KeyFiles.readPrivateKey(keyFile);
            } catch (RuntimeException bad) { // messages name the file and its mode, never key material
                problems.add(KEY_PATH_VARIABLE + ": " + bad.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new TargetException(problems);
        }
        return new KalshiTarget(name, rest, ws, keyId.strip(), key);
    }

    /** {@code ~/} expands to the home directory, as a shell would have done; blank = none. */
    public static Path keyPath(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Path.of(text.startsWith("~/") ? System.getProperty("user.home") + text.substring(1) : text);
    }

    @Override
    public String toString() {
        return name + " (" + restBaseUrl + ", " + wsUrl + ", key id " + keyId + ")";
    }
}
