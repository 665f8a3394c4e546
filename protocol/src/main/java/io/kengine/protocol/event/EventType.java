package io.kengine.protocol.event;

/**
 * Event type codes and their lengths. Codes are part of the journal format: never renumber,
 * only add. Most events have one fixed length; the two list-carrying events
 * ({@link BookSnapshotEvent}, {@link OrderIntentEvent}) are a fixed part plus N entries.
 */
public final class EventType {
    // inbound
    public static final short MARKET_DEFINITION = 1;
    public static final short BOOK_SNAPSHOT = 2;
    public static final short BOOK_DELTA = 3;
    public static final short TRADE = 4;
    public static final short TICKER = 5;
    public static final short ORDER_REPLY = 6;
    public static final short FILL = 7;
    public static final short MARKET_LIFECYCLE = 8;
    public static final short FAIR_VALUE = 9;
    public static final short TIMER = 10;
    public static final short CONFIG_CHANGE = 11;
    public static final short OPERATOR_COMMAND = 12;
    public static final short SESSION_START = 13;
    // outbound
    public static final short ORDER_INTENT = 20;
    public static final short DECISION = 21;

    private static final int MAX_CODE = 21;

    private EventType() {
    }

    public static boolean isKnown(short type) {
        return type >= 1 && type <= MAX_CODE && baseLength(type) > 0;
    }

    /** Length without list entries (the whole length for fixed events); -1 if unknown. */
    public static int baseLength(short type) {
        switch (type) {
            case MARKET_DEFINITION: return MarketDefinitionEvent.LENGTH;
            case BOOK_SNAPSHOT: return BookSnapshotEvent.BASE_LENGTH;
            case BOOK_DELTA: return BookDeltaEvent.LENGTH;
            case TRADE: return TradeEvent.LENGTH;
            case TICKER: return TickerEvent.LENGTH;
            case ORDER_REPLY: return OrderReplyEvent.LENGTH;
            case FILL: return FillEvent.LENGTH;
            case MARKET_LIFECYCLE: return MarketLifecycleEvent.LENGTH;
            case FAIR_VALUE: return FairValueEvent.LENGTH;
            case TIMER: return TimerEvent.LENGTH;
            case CONFIG_CHANGE: return ConfigChangeEvent.LENGTH;
            case OPERATOR_COMMAND: return OperatorCommandEvent.LENGTH;
            case SESSION_START: return SessionStartEvent.LENGTH;
            case ORDER_INTENT: return OrderIntentEvent.BASE_LENGTH;
            case DECISION: return DecisionEvent.LENGTH;
            default: return -1;
        }
    }

    /** Expected total length of the event in the buffer, or -1 if the type is unknown or the entry count is invalid. */
    public static int expectedLength(short type, org.agrona.DirectBuffer b, int offset) {
        switch (type) {
            case BOOK_SNAPSHOT: return BookSnapshotEvent.lengthFor(b, offset);
            case ORDER_INTENT: return OrderIntentEvent.lengthFor(b, offset);
            default: return baseLength(type);
        }
    }

    public static boolean isInbound(short type) {
        return type >= MARKET_DEFINITION && type <= SESSION_START;
    }

    public static String name(short type) {
        switch (type) {
            case MARKET_DEFINITION: return "MarketDefinition";
            case BOOK_SNAPSHOT: return "BookSnapshot";
            case BOOK_DELTA: return "BookDelta";
            case TRADE: return "Trade";
            case TICKER: return "Ticker";
            case ORDER_REPLY: return "OrderReply";
            case FILL: return "Fill";
            case MARKET_LIFECYCLE: return "MarketLifecycle";
            case FAIR_VALUE: return "FairValue";
            case TIMER: return "Timer";
            case CONFIG_CHANGE: return "ConfigChange";
            case OPERATOR_COMMAND: return "OperatorCommand";
            case SESSION_START: return "SessionStart";
            case ORDER_INTENT: return "OrderIntent";
            case DECISION: return "Decision";
            default: return "Unknown(" + type + ")";
        }
    }
}
