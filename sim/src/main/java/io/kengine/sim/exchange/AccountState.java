package io.kengine.sim.exchange;

/**
 * An account's money, in micro-dollars: {@code cashMicros} is what it owns, {@code reservedMicros} the
 * collateral held for resting orders, {@code availableMicros} = cash − reserved, what new orders may use.
 * Which of these Kalshi reports as {@code balance} is UNCONFIRMED (we suggest available).
 */
public record AccountState(String accountId, AccountPrecision precision, long cashMicros, long reservedMicros,
                           long availableMicros) {
}
