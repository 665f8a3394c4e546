package io.kengine.bench;

import io.kengine.engine.StrategyDefaults;

import java.util.List;
import java.util.Map;

/**
 * The strategy parameters the engine benchmarks run with: the declared defaults, except that risk's
 * order-rate limits (Kalshi's token budget and orders per minute) are opened up. At their defaults
 * they hold a quoting engine to about 8 amends a second, as Kalshi's Basic tier would, and a latency
 * benchmark would then measure the refusal path on almost every frame. The checks still run.
 */
final class BenchParameters {
    private BenchParameters() {
    }

    static List<Map.Entry<String, String>> entries() {
        return entries(Map.of());
    }

    /** The same, with more parameters replaced (declared keys only). */
    static List<Map.Entry<String, String>> entries(Map<String, String> more) {
        Map<String, String> all = new java.util.HashMap<>(Map.of(
            "risk.tokens.createCost", "0",
            "risk.tokens.cancelCost", "0",
            "risk.maxOrdersPerMinute", "60000000"));
        all.putAll(more);
        return StrategyDefaults.entries(all);
    }
}
