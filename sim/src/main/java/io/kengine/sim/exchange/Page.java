package io.kengine.sim.exchange;

import java.util.List;

/** One page of a cursor-paginated listing; {@code cursor} is null on the last page. */
public record Page<T>(List<T> items, String cursor) {
    public Page {
        items = List.copyOf(items);
    }
}
