package io.kengine.pricing.crosscontract;

/** What kind of basket M3 proposed ({@code BasketNote.kind}); codes are journal-visible: only add. */
public final class BasketKind {
    /** Buy YES of every outcome of an exclusive set whose asks sum below $1 after fees. */
    public static final int EXCLUSIVE_BUY = 1;
    /** Sell YES of every outcome of an exclusive set whose bids sum above $1 after fees. */
    public static final int EXCLUSIVE_SELL = 2;
    /** Buy the lower-strike "above X" YES and sell a higher-strike one priced above it. */
    public static final int LADDER = 3;

    private BasketKind() {
    }

    public static String name(int k) {
        switch (k) {
            case EXCLUSIVE_BUY: return "exclusive-buy";
            case EXCLUSIVE_SELL: return "exclusive-sell";
            case LADDER: return "ladder";
            default: return "basket-" + k;
        }
    }
}
