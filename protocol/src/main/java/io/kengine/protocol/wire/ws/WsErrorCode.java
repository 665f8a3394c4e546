package io.kengine.protocol.wire.ws;

import io.kengine.protocol.wire.WireFormatException;

/**
 * Kalshi's numbered WebSocket error codes and standard texts (kalshi-asyncapi.yaml
 * {@code x-error-codes}; kalshi-api.md §4.3). 10, 17 and 25 are terminal: the subscription is gone
 * and the client must subscribe again. A newer copy of the spec marks 6 as retired (not emitted).
 */
public enum WsErrorCode {
    UNABLE_TO_PROCESS(1, "Unable to process message"),
    PARAMS_REQUIRED(2, "Params required"),
    CHANNELS_REQUIRED(3, "Channels required"),
    SIDS_REQUIRED(4, "Subscription IDs required"),
    UNKNOWN_COMMAND(5, "Unknown command"),
    ALREADY_SUBSCRIBED(6, "Already subscribed"),
    UNKNOWN_SID(7, "Unknown subscription ID"),
    UNKNOWN_CHANNEL(8, "Unknown channel name"),
    AUTHENTICATION_REQUIRED(9, "Authentication required"),
    CHANNEL_ERROR(10, "Channel error"),
    INVALID_PARAMETER(11, "Invalid parameter"),
    EXACTLY_ONE_SID_REQUIRED(12, "Exactly one subscription ID is required"),
    UNSUPPORTED_ACTION(13, "Unsupported action"),
    MARKET_TICKER_REQUIRED(14, "Market Ticker required"),
    ACTION_REQUIRED(15, "Action required"),
    MARKET_NOT_FOUND(16, "Market not found"),
    INTERNAL_ERROR(17, "Internal error"),
    COMMAND_TIMEOUT(18, "Command timeout"),
    SHARD_FACTOR_NOT_POSITIVE(19, "shard_factor must be > 0"),
    SHARD_FACTOR_REQUIRED(20, "shard_factor is required when shard_key is set"),
    SHARD_KEY_OUT_OF_RANGE(21, "shard_key must be >= 0 and < shard_factor"),
    SHARD_FACTOR_TOO_LARGE(22, "shard_factor must be <= 100"),
    MATCH_IDS_REQUIRED(23, "Match IDs required"),
    INDEX_IDS_REQUIRED(24, "Index IDs required"),
    SUBSCRIPTION_BUFFER_OVERFLOW(25, "Subscription buffer overflow"),
    MARKET_LIMIT_EXCEEDED(26, "Subscription market limit exceeded"),
    TOO_MANY_REQUESTS(27, "Too many requests"),
    UNDERLYING_TICKERS_REQUIRED(28, "Underlying tickers required");

    private static final WsErrorCode[] BY_CODE = new WsErrorCode[29];

    static {
        for (WsErrorCode c : values()) {
            BY_CODE[c.code] = c;
        }
    }

    private final int code;
    private final String message;

    WsErrorCode(int code, String message) {
        this.code = code;
        this.message = message;
    }

    public int code() {
        return code;
    }

    /** Kalshi's standard text for the code. */
    public String message() {
        return message;
    }

    /** Terminal errors (10, 17, 25) end the subscription. */
    public boolean terminal() {
        return code == 10 || code == 17 || code == 25;
    }

    /** The constant for a numeric code, or null. */
    public static WsErrorCode of(int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /**
     * The code a server answers for a command the reader refused: a missing {@code params} is 2,
     * missing {@code params.channels} 3, missing {@code params.sids} 4, missing {@code params.action} 15;
     * a well-formed command with a wrongly typed or invalid parameter is 11; anything else
     * (not JSON, no {@code cmd}) is 1.
     */
    public static WsErrorCode forRejectedCommand(WireFormatException e) {
        if (e.kind() == WireFormatException.Kind.MISSING) {
            switch (e.field()) {
                case "params": return PARAMS_REQUIRED;
                case "params.channels": return CHANNELS_REQUIRED;
                case "params.sids": return SIDS_REQUIRED;
                case "params.action": return ACTION_REQUIRED;
                default: return UNABLE_TO_PROCESS;
            }
        }
        if (e.kind() != WireFormatException.Kind.MALFORMED_JSON && e.field().startsWith("params.")) {
            return INVALID_PARAMETER;
        }
        return UNABLE_TO_PROCESS;
    }
}
