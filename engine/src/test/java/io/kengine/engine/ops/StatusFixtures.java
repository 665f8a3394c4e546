package io.kengine.engine.ops;

import java.util.List;

final class StatusFixtures {
    private StatusFixtures() {
    }

    static EngineStatus sample(boolean halted, long disconnectedForMs, long stageErrors) {
        return sample(halted ? List.of("operator: test (by cli)") : List.of(), disconnectedForMs, stageErrors);
    }

    static EngineStatus sample(List<String> halts, long disconnectedForMs, long stageErrors) {
        boolean halted = !halts.isEmpty();
        return new EngineStatus(42, "paper", "sim", 12_345, disconnectedForMs > 0 ? "disconnected" : "connected",
            disconnectedForMs, 4, 3, 1, 1000, 20, 500.0, 2.5, 6, 1_050, -12_345, EngineStatus.NA, EngineStatus.NA,
            EngineStatus.NA, 3, EngineStatus.NA, halted, halts,
            12_300, 45_600, 0, 0, stageErrors, 1000, 20, 1, 0);
    }
}
