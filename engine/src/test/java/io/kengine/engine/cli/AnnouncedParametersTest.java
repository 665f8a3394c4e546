package io.kengine.engine.cli;

import io.kengine.config.EngineConfig;
import io.kengine.config.EngineConfigLoader;
import io.kengine.engine.StrategyParameters;
import io.kengine.gateway.orders.OrdersParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** engine.startup.openOrders reaches the orders stage as a journaled parameter, so replay decides the same. */
class AnnouncedParametersTest {

    @Test
    void openOrdersPolicyIsAnnouncedAsOrdersAdoptOnStart(@TempDir Path dir) throws Exception {
        String shipped = Files.readString(Path.of("..", "config", "engine.yaml"));
        assertTrue(shipped.contains("openOrders: cancel"), "the shipped config should show the policy");
        Path adopt = dir.resolve("adopt.yaml");
        Files.writeString(adopt, shipped.replace("openOrders: cancel", "openOrders: adopt"));

        assertEquals("false", value(EngineConfigLoader.load(Path.of("..", "config", "engine.yaml"), StrategyParameters.all())));
        assertEquals("true", value(EngineConfigLoader.load(adopt, StrategyParameters.all())));
    }

    @Test
    void ordersSettingsAreStrategyParameters() {
        assertTrue(StrategyParameters.all().containsAll(OrdersParameters.ALL));
    }

    private static String value(EngineConfig cfg) {
        List<Map.Entry<String, String>> entries = RunCommand.announced(cfg);
        String found = null;
        for (Map.Entry<String, String> e : entries) {
            if (e.getKey().equals(OrdersParameters.ADOPT_ON_START_KEY)) {
                found = e.getValue();
            }
        }
        return found;
    }
}
