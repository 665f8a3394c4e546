package io.kengine.gateway.orders;

import io.kengine.config.ParameterDef;
import io.kengine.protocol.event.ConfigChangeEvent;

import java.util.List;

/**
 * The orders stage's settings as journaled parameters, so that replay makes the same decisions
 * (unwind, mismatch halts, adopt-or-cancel at start) as the run did. {@code orders.adoptOnStart} is not
 * a strategy key: the engine announces it from {@code engine.startup.openOrders}.
 */
public final class OrdersParameters {
    private OrdersParameters() {
    }

    public static final String ADOPT_ON_START_KEY = "orders.adoptOnStart";

    public static final ParameterDef UNWIND = ParameterDef.enumOf("orders.unwind", List.of("none", "flatten"), "flatten",
        "what a basket with a failed leg does: record it only, or close the filled legs with IOC orders");
    public static final ParameterDef UNWIND_SLIPPAGE = ParameterDef.price("orders.unwindSlippage", "0.0300",
        "how far through a leg's price an unwind order may trade");
    public static final ParameterDef MISMATCH_CONFIRMATIONS = ParameterDef.integer("orders.mismatchConfirmations", "2",
        "reconciliation rounds a position difference must persist, unchanged, before the market is halted").withMin(1).withMax(100);

    public static final List<ParameterDef> ALL = List.of(UNWIND, UNWIND_SLIPPAGE, MISMATCH_CONFIRMATIONS);

    /** The config with one journaled change applied; {@code config} itself when the key is not an orders key. */
    static OrdersConfig apply(OrdersConfig config, ConfigChangeEvent change) {
        String key = change.key();
        if (!key.startsWith("orders.")) {
            return config;
        }
        String value = change.value();
        if (key.equals(ADOPT_ON_START_KEY)) {
            return config.withAdoptOnStart(Boolean.parseBoolean(value.trim()));
        } else if (key.equals(UNWIND.key())) {
            return config.withUnwind(UNWIND.parse(value) == 0 ? OrdersConfig.Unwind.NONE : OrdersConfig.Unwind.FLATTEN);
        } else if (key.equals(UNWIND_SLIPPAGE.key())) {
            return config.withUnwindSlippage(UNWIND_SLIPPAGE.parse(value));
        } else if (key.equals(MISMATCH_CONFIRMATIONS.key())) {
            return config.withMismatchConfirmations((int) MISMATCH_CONFIRMATIONS.parse(value));
        }
        return config;
    }
}
