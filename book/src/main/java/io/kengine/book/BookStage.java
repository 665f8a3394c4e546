package io.kengine.book;

import io.kengine.protocol.event.BookDeltaEvent;
import io.kengine.protocol.event.BookSnapshotEvent;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.event.MarketDefinitionEvent;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.Stage;
import io.kengine.protocol.stage.TopOfBookNote;
import io.kengine.protocol.units.TickGrid;
import org.agrona.MutableDirectBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * The book stage: owns every market's {@link OrderBook}, applies market definitions, snapshots and
 * deltas in ring order, and writes a {@link TopOfBookNote} into every slot for the stages after it.
 *
 * <p>Books are held in an array indexed by the engine's dense int market id, so lookup is one load
 * and nothing iterates in hash order. A market is known once a valid MarketDefinition arrived for it.
 * Steady state (snapshots, deltas, trades, tickers) allocates nothing; a definition may allocate
 * (a new book, or a grid not seen before).
 */
public final class BookStage implements Stage {
    public static final int DEFAULT_MAX_MARKETS = 4096;

    private final OrderBook[] books;
    private final List<PriceGrid> grids = new ArrayList<>(); // distinct grids, shared between markets

    private final MarketDefinitionEvent definition = new MarketDefinitionEvent();
    private final BookSnapshotEvent snapshot = new BookSnapshotEvent();
    private final BookDeltaEvent delta = new BookDeltaEvent();
    private final TopOfBookNote note = new TopOfBookNote();

    private long definitions;
    private long rejectedDefinitions;
    private long snapshotChunks;
    private long snapshots;
    private long appliedDeltas;
    private long crossedBooks;
    private long unknownMarketEvents;
    private final long[] rejected = new long[BookReason.COUNT];

    public BookStage() {
        this(DEFAULT_MAX_MARKETS);
    }

    /** @param maxMarkets market ids accepted are 0 .. maxMarkets-1 */
    public BookStage(int maxMarkets) {
        if (maxMarkets < 1) {
            throw new IllegalArgumentException("maxMarkets must be positive: " + maxMarkets);
        }
        this.books = new OrderBook[maxMarkets];
    }

    @Override
    public void onEvent(EventSlot slot, boolean endOfBatch) {
        note.wrap(slot);
        MutableDirectBuffer event = slot.event();
        switch (slot.type()) {
            case EventType.MARKET_DEFINITION:
                definition.wrap(event, 0);
                onDefinition();
                note.clear();
                break;
            case EventType.BOOK_SNAPSHOT:
                snapshot.wrap(event, 0);
                onSnapshot(knownBook(slot.marketId()));
                break;
            case EventType.BOOK_DELTA:
                delta.wrap(event, 0);
                onDelta(knownBook(slot.marketId()));
                break;
            case EventType.TRADE:
            case EventType.TICKER:
                OrderBook book = knownBook(slot.marketId());
                if (book == null) {
                    note.clear();
                } else {
                    writeNote(book, false);
                }
                break;
            default:
                note.clear(); // the slot is reused: a stale note must not leak to the next stage
                break;
        }
    }

    private void onDefinition() {
        int id = definition.marketId();
        int n = definition.priceRangeCount();
        // n is checked before any range is read: a corrupt count would index past the event
        if (id < 0 || id >= books.length || n < 1 || n > MarketDefinitionEvent.MAX_PRICE_RANGES) {
            rejectedDefinitions++;
            return;
        }
        PriceGrid grid = internGrid();
        if (grid == null) {
            rejectedDefinitions++;
            return;
        }
        OrderBook book = books[id];
        if (book == null) {
            books[id] = new OrderBook(id, grid, definition.status());
        } else {
            book.redefine(grid, definition.status());
        }
        definitions++;
    }

    /**
     * Same ranges, same instance: an unchanged redefinition keeps its book, and each distinct grid
     * is built once. Returns null when the ranges are not a grid.
     */
    private PriceGrid internGrid() {
        for (int i = 0; i < grids.size(); i++) {
            PriceGrid g = grids.get(i);
            if (g.ticks().matches(definition)) {
                return g;
            }
        }
        TickGrid ticks;
        try {
            ticks = TickGrid.from(definition);
        } catch (IllegalArgumentException notAGrid) {
            return null; // definitions are rare; the counter records it
        }
        PriceGrid g = new PriceGrid(ticks);
        grids.add(g);
        return g;
    }

    private void onSnapshot(OrderBook book) {
        if (book == null) {
            unknownMarketEvents++;
            note.clear();
            return;
        }
        long bid = book.bestBid();
        long bidQty = book.bestBidQty();
        long ask = book.bestAsk();
        long askQty = book.bestAskQty();
        boolean trusted = book.isTrusted();
        int r = book.applySnapshotChunk(snapshot);
        if (isApplied(r)) {
            snapshotChunks++;
            if (snapshot.isLast()) {
                snapshots++;
            }
        }
        writeNote(book, changed(book, bid, bidQty, ask, askQty, trusted));
    }

    private void onDelta(OrderBook book) {
        if (book == null) {
            unknownMarketEvents++;
            note.clear();
            return;
        }
        long bid = book.bestBid();
        long bidQty = book.bestBidQty();
        long ask = book.bestAsk();
        long askQty = book.bestAskQty();
        boolean trusted = book.isTrusted();
        int r = book.applyDelta(delta.side(), delta.price(), delta.delta());
        if (isApplied(r)) {
            appliedDeltas++;
        }
        writeNote(book, changed(book, bid, bidQty, ask, askQty, trusted));
    }

    /** Counts the outcome; true when the update was applied (a crossed result is applied, then distrusted). */
    private boolean isApplied(int reason) {
        if (reason == BookReason.NONE) {
            return true;
        }
        if (reason == BookReason.CROSSED) {
            crossedBooks++;
            return true;
        }
        rejected[reason]++;
        return false;
    }

    /** A change of trust counts as a change: a stage acting only on CHANGED must still see a book go bad. */
    private static boolean changed(OrderBook b, long bid, long bidQty, long ask, long askQty, boolean trusted) {
        return b.bestBid() != bid || b.bestBidQty() != bidQty || b.bestAsk() != ask || b.bestAskQty() != askQty
            || b.isTrusted() != trusted;
    }

    private void writeNote(OrderBook book, boolean changed) {
        int flags = TopOfBookNote.FLAG_VALID;
        if (book.isTrusted()) {
            flags |= TopOfBookNote.FLAG_TRUSTED;
        }
        if (changed) {
            flags |= TopOfBookNote.FLAG_CHANGED;
        }
        note.set(book.marketId(), flags, book.bestBid(), book.bestBidQty(), book.bestAsk(), book.bestAskQty(), book.tick());
    }

    private OrderBook knownBook(int marketId) {
        return marketId >= 0 && marketId < books.length ? books[marketId] : null;
    }

    // ---------------------------------------------------------------- views and counters

    /** The market's book, or null when no valid definition has arrived for it. Read it on the stage's thread only. */
    public OrderBook book(int marketId) {
        return knownBook(marketId);
    }

    public int maxMarkets() {
        return books.length;
    }

    /** Valid market definitions applied. */
    public long definitions() {
        return definitions;
    }

    /** Definitions refused: market id out of range, or price ranges that are not a grid. */
    public long rejectedDefinitions() {
        return rejectedDefinitions;
    }

    /** Snapshot chunks applied. */
    public long snapshotChunks() {
        return snapshotChunks;
    }

    /** Snapshots completed (LAST chunk applied). */
    public long snapshots() {
        return snapshots;
    }

    public long appliedDeltas() {
        return appliedDeltas;
    }

    /** Times a trusted book became crossed (the update was applied, the book distrusted). */
    public long crossedBooks() {
        return crossedBooks;
    }

    /** Snapshots and deltas for markets with no definition (ignored). */
    public long unknownMarketEvents() {
        return unknownMarketEvents;
    }

    /** Updates refused for one {@link BookReason}. */
    public long rejected(int reason) {
        return reason >= 0 && reason < rejected.length ? rejected[reason] : 0;
    }

    public long rejectedTotal() {
        long sum = 0;
        for (long r : rejected) {
            sum += r;
        }
        return sum;
    }
}
