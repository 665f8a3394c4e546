package io.kengine.engine;

import io.kengine.book.BookStage;
import io.kengine.gateway.GatewaySignals;
import io.kengine.gateway.orders.OrdersConfig;
import io.kengine.gateway.orders.QuoteOrdersStage;
import io.kengine.pricing.PricingStage;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.protocol.stage.ResyncRequests;
import io.kengine.protocol.stage.Stage;
import io.kengine.risk.RiskStage;

/**
 * The business chain in ring order: book → pricing → risk → orders. One factory serves the live
 * ring and replay, so both run exactly the same stages. Parameters start at their defaults and
 * take their configured values from the ConfigChange events the engine journals at session start.
 */
public final class BusinessStages {
    private final BookStage book;
    private final PricingStage pricing;
    private final RiskStage risk;
    private final QuoteOrdersStage orders;

    public BusinessStages(EventPublisher intents) {
        this(intents, ResyncRequests.NONE);
    }

    /** @param resync where the book stage asks for fresh snapshots (a side effect only; replay passes NONE) */
    public BusinessStages(EventPublisher intents, ResyncRequests resync) {
        this(intents, resync, GatewaySignals.NONE);
    }

    /**
     * @param signals where the orders stage asks the gateway to reconcile or halt a market (side effects
     *                only: what comes back arrives as journaled events, so replay passes NONE)
     */
    public BusinessStages(EventPublisher intents, ResyncRequests resync, GatewaySignals signals) {
        this.book = new BookStage().resyncRequests(resync);
        this.pricing = new PricingStage();
        this.risk = new RiskStage();
        this.orders = new QuoteOrdersStage(intents, OrdersConfig.DEFAULTS, signals);
    }

    public Stage[] inOrder() {
        return new Stage[]{book, pricing, risk, orders};
    }

    public BookStage book() {
        return book;
    }

    public PricingStage pricing() {
        return pricing;
    }

    public RiskStage risk() {
        return risk;
    }

    public QuoteOrdersStage orders() {
        return orders;
    }
}
