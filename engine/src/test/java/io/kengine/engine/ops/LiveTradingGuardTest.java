package io.kengine.engine.ops;

import io.kengine.config.EngineConfig;
import io.kengine.config.EngineConfigLoader;
import io.kengine.engine.StrategyParameters;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LiveTradingGuardTest {
    private static EngineConfig cfg(String mode, String env) {
        return EngineConfigLoader.loadFromString("engine:\n  runMode: " + mode + "\n  environment: " + env + "\n"
            + "feed:\n  source: kalshi\n  kalshi:\n    series: [KXFED]\n"
            + "    restUrl: http://127.0.0.1:8099/trade-api/v2\n    wsUrl: ws://127.0.0.1:8099/trade-api/ws/v2\n",
            "t.yaml", StrategyParameters.all());
    }

    private static final Map<String, String> ALL = Map.of(
        "KENGINE_LIVE_CONFIRM", LiveTradingGuard.CONFIRM_PHRASE, "KALSHI_KEY_ID", "abc", "KALSHI_PRIVATE_KEY_PATH", "/k.pem");

    @Test
    void paperNeedsNothingButMustNotSayLive() {
        assertEquals(List.of(), LiveTradingGuard.missing(cfg("paper", "prod"), false, Map.of()));
        assertEquals(1, LiveTradingGuard.missing(cfg("paper", "sim"), true, ALL).size());
    }

    @Test
    void liveNeedsEveryConditionAndSaysWhichAreMissing() {
        assertEquals(List.of(), LiveTradingGuard.missing(cfg("live", "prod"), true, ALL));
        assertEquals(List.of(
                "--live: missing on the command line (engine.runMode is live in t.yaml)",
                "engine.environment: must be prod for live trading, is demo",
                "KENGINE_LIVE_CONFIRM: not set; export KENGINE_LIVE_CONFIRM=\"I accept real-money trading\"",
                "KALSHI_KEY_ID: not set (the production API key id)",
                "KALSHI_PRIVATE_KEY_PATH: not set (the production private key file, mode 600; test it with check-key)"),
            LiveTradingGuard.missing(cfg("live", "demo"), false, Map.of()));
        assertEquals(List.of("feed.source: must be kalshi for live trading, is simulator (live orders go to the exchange"
                + " whose markets the engine reads)"),
            LiveTradingGuard.missing(EngineConfigLoader.loadFromString("engine:\n  runMode: live\n  environment: prod\n",
                "t.yaml", StrategyParameters.all()), true, ALL));
        assertEquals(List.of("KENGINE_LIVE_CONFIRM: set, but not to the exact phrase \"I accept real-money trading\""),
            LiveTradingGuard.missing(cfg("live", "prod"), true, Map.of("KENGINE_LIVE_CONFIRM", "yes",
                "KALSHI_KEY_ID", "abc", "KALSHI_PRIVATE_KEY_PATH", "/k.pem")));
    }
}
