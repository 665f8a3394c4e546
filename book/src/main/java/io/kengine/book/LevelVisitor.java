package io.kengine.book;

/** Receives book levels from the top down; keep one instance per caller so iteration allocates nothing. */
@FunctionalInterface
public interface LevelVisitor {
    /** @param price YES-leg price in $0.0001; @param quantity in 0.01 contracts, always &gt; 0 */
    void level(long price, long quantity);
}
