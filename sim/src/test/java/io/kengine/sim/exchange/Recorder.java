package io.kengine.sim.exchange;

import java.util.ArrayList;
import java.util.List;

/** Captures every listener call, in order, and per type. */
final class Recorder implements ExchangeListener {
    final List<Object> all = new ArrayList<>();
    final List<BookDelta> deltas = new ArrayList<>();
    final List<Trade> trades = new ArrayList<>();
    final List<Fill> fills = new ArrayList<>();
    final List<OrderState> orders = new ArrayList<>();
    final List<PositionState> positions = new ArrayList<>();
    final List<MarketLifecycle> lifecycle = new ArrayList<>();

    @Override
    public void onBookDelta(BookDelta d) {
        all.add(d);
        deltas.add(d);
    }

    @Override
    public void onTrade(Trade t) {
        all.add(t);
        trades.add(t);
    }

    @Override
    public void onFill(Fill f) {
        all.add(f);
        fills.add(f);
    }

    @Override
    public void onOrderUpdate(OrderState o) {
        all.add(o);
        orders.add(o);
    }

    @Override
    public void onPositionChange(PositionState p) {
        all.add(p);
        positions.add(p);
    }

    @Override
    public void onMarketLifecycle(MarketLifecycle e) {
        all.add(e);
        lifecycle.add(e);
    }

    void clear() {
        all.clear();
        deltas.clear();
        trades.clear();
        fills.clear();
        orders.clear();
        positions.clear();
        lifecycle.clear();
    }

    /** The simple class names of everything recorded, in order. */
    List<String> kinds() {
        List<String> out = new ArrayList<>();
        for (Object o : all) {
            out.add(o.getClass().getSimpleName());
        }
        return out;
    }
}
