package io.kengine.gateway.orders;

/**
 * Markets where no new order may go (creates, amends, baskets; cancels still go): one with an order whose
 * outcome is unknown until an event resolves it, or one a reconciliation mismatch halted until RESUME.
 */
final class MarketBlocks {
    private final int[] unknown = new int[QuoteOrdersStage.MAX_MARKETS];
    private final boolean[] halted = new boolean[QuoteOrdersStage.MAX_MARKETS];

    boolean blocked(int market) {
        return unknown[market] > 0 || halted[market];
    }

    int unknownOrders(int market) {
        return unknown[market];
    }

    /** Returns the market's unknown orders now. */
    int unknownAdded(int market) {
        return ++unknown[market];
    }

    void unknownResolved(int market) {
        unknown[market]--;
    }

    boolean isHalted(int market) {
        return halted[market];
    }

    void halt(int market) {
        halted[market] = true;
    }

    void resume(int market) {
        halted[market] = false;
    }
}
