package io.kengine.pricing.market;

import io.kengine.protocol.units.FixedPoint;
import io.kengine.protocol.units.TickGrid;

/**
 * Grids for books seen before their market's definition (tests, scripted feeds): uniform at the note's
 * tick, built once per tick size and kept. A definition's own grid always wins.
 */
public final class UniformGrids {
    private final TickGrid[] byStep = new TickGrid[(int) FixedPoint.PRICE_ONE + 1];

    public TickGrid of(long tick) {
        long step = tick <= 0 || tick > FixedPoint.PRICE_ONE || FixedPoint.PRICE_ONE % tick != 0 ? 1 : tick;
        TickGrid g = byStep[(int) step];
        if (g == null) {
            g = TickGrid.uniform(step);
            byStep[(int) step] = g;
        }
        return g;
    }
}
