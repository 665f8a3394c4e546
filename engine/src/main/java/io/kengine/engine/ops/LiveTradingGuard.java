package io.kengine.engine.ops;

import io.kengine.config.EngineConfig;
import io.kengine.config.Environment;
import io.kengine.config.FeedSource;
import io.kengine.config.RunMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checks before real-money trading. Live trading needs all of: {@code engine.runMode: live},
 * {@code engine.environment: prod} (file or {@code KENGINE_ENV}), {@code feed.source: kalshi}, {@code --live} on the command line,
 * {@value #CONFIRM_VARIABLE} set to exactly {@value #CONFIRM_PHRASE}, and API credentials in
 * {@code KALSHI_KEY_ID} / {@code KALSHI_PRIVATE_KEY_PATH}. A paper run must not say {@code --live}.
 */
public final class LiveTradingGuard {
    public static final String CONFIRM_VARIABLE = "KENGINE_LIVE_CONFIRM";
    public static final String CONFIRM_PHRASE = "I accept real-money trading";
    public static final String KEY_ID_VARIABLE = "KALSHI_KEY_ID";
    public static final String KEY_PATH_VARIABLE = "KALSHI_PRIVATE_KEY_PATH";

    private LiveTradingGuard() {
    }

    /** Everything missing, one line each naming what to change; empty when the run may start. */
    public static List<String> missing(EngineConfig cfg, boolean liveFlag, Map<String, String> env) {
        List<String> missing = new ArrayList<>();
        boolean live = cfg.engine().runMode() == RunMode.LIVE;
        if (!live) {
            if (liveFlag) {
                missing.add("--live was given but engine.runMode is paper in " + cfg.source()
                    + ": set engine.runMode: live (and environment: prod) to trade real money, or drop --live");
            }
            return missing;
        }
        if (!liveFlag) {
            missing.add("--live: missing on the command line (engine.runMode is live in " + cfg.source() + ")");
        }
        if (cfg.feed().source() != FeedSource.KALSHI) {
            missing.add("feed.source: must be kalshi for live trading, is " + cfg.feed().source().configName()
                + " (live orders go to the exchange whose markets the engine reads)");
        }
        if (cfg.engine().environment() != Environment.PROD) {
            missing.add("engine.environment: must be prod for live trading, is " + cfg.engine().environment().configName()
                + (env.containsKey("KENGINE_ENV") ? " (set by KENGINE_ENV)" : ""));
        }
        String confirm = env.get(CONFIRM_VARIABLE);
        if (confirm == null || confirm.isEmpty()) {
            missing.add(CONFIRM_VARIABLE + ": not set; export " + CONFIRM_VARIABLE + "=\"" + CONFIRM_PHRASE + "\"");
        } else if (!confirm.equals(CONFIRM_PHRASE)) {
            missing.add(CONFIRM_VARIABLE + ": set, but not to the exact phrase \"" + CONFIRM_PHRASE + "\"");
        }
        if (blank(env.get(KEY_ID_VARIABLE))) {
            missing.add(KEY_ID_VARIABLE + ": not set (the production API key id)");
        }
        if (blank(env.get(KEY_PATH_VARIABLE))) {
            missing.add(KEY_PATH_VARIABLE + ": not set (the production private key file, mode 600; test it with check-key)");
        }
        return missing;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
