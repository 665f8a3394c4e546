package io.kengine.protocol.stage;

/** Why a quote side is what it is; every quote carries one so a post-mortem can read the decision. */
public final class QuoteReason {
    public static final int NONE = 0;
    public static final int QUOTED = 1;
    public static final int NO_BOOK = 2;            // no trusted two-sided book to price from
    public static final int NO_EDGE = 3;            // the side would not clear its costs
    public static final int OUTSIDE_BOUNDS = 4;     // rounding left the price outside (0, 1)
    public static final int WOULD_CROSS = 5;        // post-only quote would cross the opposite best
    public static final int STALE_BOOK = 6;         // the book is consistent but too old (no update within the max age)
    // pricing: 7-19, then 50-69 (add only; codes are journaled in DecisionEvents)
    public static final int FEE_EATS_EDGE = 7;      // fees and costs leave no edge on this side
    public static final int NO_FAIR_VALUE = 8;      // no fair value (external expired and no fallback)
    public static final int FAIR_VALUE_STALE = 9;   // the external fair value passed its lifetime
    public static final int LOW_CONFIDENCE = 10;    // external fair value below the confidence floor
    public static final int MARKET_NOT_OPEN = 11;   // market not open / paused / closed
    public static final int NEAR_CLOSE = 12;        // too close to the market's close to quote
    public static final int EVENT_WINDOW = 13;      // inside a configured event window that pauses quoting
    public static final int NOT_CONFIGURED = 14;    // no pricing engine configured for this market
    public static final int SKEW_LIMIT = 15;        // inventory skew pushed the side out of the market
    public static final int BASKET = 16;            // part of a cross-contract basket
    public static final int RISK_HALTED = 20;       // kill switch / halt latched
    public static final int RISK_SIZE_CAP = 21;     // cut by max order size
    public static final int RISK_POSITION_CAP = 22; // cut by the position cap
    public static final int RISK_MARKET_CLOSED = 23;
    // risk: 24-49, then 70-99 (add only)
    public static final int RISK_REDUCE_ONLY = 24;       // R0: market in reduce-only, side would add exposure
    public static final int RISK_GLOBAL_CAP = 25;        // R0: global contracts cap
    public static final int RISK_DOLLAR_CAP = 26;        // R0: dollars at risk cap (market or global)
    public static final int RISK_LOSS_HALT = 27;         // R1: daily loss limit
    public static final int RISK_DRAWDOWN_HALT = 28;     // R1: drawdown from the day's peak
    public static final int RISK_COOL_DOWN = 29;         // R1: cool-down (smaller, wider)
    public static final int RISK_CONSECUTIVE_LOSSES = 30; // R1: consecutive losing fills
    public static final int RISK_GROUP_CAP = 31;         // R3: correlation group exposure cap
    public static final int RISK_VARIANCE_CAP = 32;      // R3: portfolio variance cap
    public static final int RISK_NOTIONAL_CAP = 33;      // pre-trade: max notional per order
    public static final int RISK_PRICE_BAND = 34;        // pre-trade: price outside the allowed band
    public static final int RISK_FAT_FINGER = 35;        // pre-trade: too far from fair value
    public static final int RISK_OPEN_ORDERS = 36;       // pre-trade: max open orders (market or total)
    public static final int RISK_ORDER_RATE = 37;        // pre-trade: orders per minute
    public static final int RISK_TOKEN_BUDGET = 38;      // pre-trade: Kalshi token budget exhausted
    public static final int RISK_BOOK_UNTRUSTED = 39;    // pre-trade: book not trusted
    public static final int RISK_BALANCE = 40;           // pre-trade: balance available
    public static final int RISK_BREAKER_OPEN = 41;      // API-error circuit breaker open
    public static final int RISK_FLATTEN = 42;           // flattening: only reducing orders
    public static final int RISK_UNKNOWN_ORDER = 43;     // an order in unknown state blocks the market
    public static final int RISK_REGIME = 44;            // R2: regime-scaled cap
    // pricing, free range 50-69 (append only)
    public static final int BOOK_CROSSED = 50;      // YES bid + NO bid >= $1 on a live book: a data-integrity failure, not profit
    public static final int NO_SIZE = 51;           // Kelly sizing and limits leave less than one lot on this side
    public static final int POSITION_LIMIT = 52;    // the per-market position limit pricing quotes up to is reached on this side
    public static final int RISK_BREAKER_PROBE = 70;     // breaker half-open: only one probe order until a reply
    public static final int RISK_UNKNOWN_MARKET = 71;    // no market definition seen for the market
    public static final int RISK_EVENT_CAP = 72;         // R3: exposure cap of all markets of one event

    private QuoteReason() {
    }

    public static String name(int r) {
        switch (r) {
            case NONE: return "none";
            case QUOTED: return "quoted";
            case NO_BOOK: return "no-book";
            case NO_EDGE: return "no-edge";
            case OUTSIDE_BOUNDS: return "outside-bounds";
            case WOULD_CROSS: return "would-cross";
            case STALE_BOOK: return "stale-book";
            case RISK_HALTED: return "risk-halted";
            case RISK_SIZE_CAP: return "risk-size-cap";
            case RISK_POSITION_CAP: return "risk-position-cap";
            case RISK_MARKET_CLOSED: return "risk-market-closed";
            case FEE_EATS_EDGE: return "fee-eats-edge";
            case NO_FAIR_VALUE: return "no-fair-value";
            case FAIR_VALUE_STALE: return "fair-value-stale";
            case LOW_CONFIDENCE: return "low-confidence";
            case MARKET_NOT_OPEN: return "market-not-open";
            case NEAR_CLOSE: return "near-close";
            case EVENT_WINDOW: return "event-window";
            case NOT_CONFIGURED: return "not-configured";
            case SKEW_LIMIT: return "skew-limit";
            case BASKET: return "basket";
            case RISK_REDUCE_ONLY: return "risk-reduce-only";
            case RISK_GLOBAL_CAP: return "risk-global-cap";
            case RISK_DOLLAR_CAP: return "risk-dollar-cap";
            case RISK_LOSS_HALT: return "risk-loss-halt";
            case RISK_DRAWDOWN_HALT: return "risk-drawdown-halt";
            case RISK_COOL_DOWN: return "risk-cool-down";
            case RISK_CONSECUTIVE_LOSSES: return "risk-consecutive-losses";
            case RISK_GROUP_CAP: return "risk-group-cap";
            case RISK_VARIANCE_CAP: return "risk-variance-cap";
            case RISK_NOTIONAL_CAP: return "risk-notional-cap";
            case RISK_PRICE_BAND: return "risk-price-band";
            case RISK_FAT_FINGER: return "risk-fat-finger";
            case RISK_OPEN_ORDERS: return "risk-open-orders";
            case RISK_ORDER_RATE: return "risk-order-rate";
            case RISK_TOKEN_BUDGET: return "risk-token-budget";
            case RISK_BOOK_UNTRUSTED: return "risk-book-untrusted";
            case RISK_BALANCE: return "risk-balance";
            case RISK_BREAKER_OPEN: return "risk-breaker-open";
            case RISK_FLATTEN: return "risk-flatten";
            case RISK_UNKNOWN_ORDER: return "risk-unknown-order";
            case RISK_REGIME: return "risk-regime";
            case BOOK_CROSSED: return "book-crossed";
            case NO_SIZE: return "no-size";
            case POSITION_LIMIT: return "position-limit";
            case RISK_BREAKER_PROBE: return "risk-breaker-probe";
            case RISK_UNKNOWN_MARKET: return "risk-unknown-market";
            case RISK_EVENT_CAP: return "risk-event-cap";
            default: return "reason-" + r;
        }
    }
}
