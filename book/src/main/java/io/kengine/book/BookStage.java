package io.kengine.book;

import io.kengine.protocol.event.BookDeltaEvent;
import io.kengine.protocol.event.BookSnapshotEvent;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.event.FillEvent;
import io.kengine.protocol.event.MarketDefinitionEvent;
import io.kengine.protocol.stage.BookFeaturesNote;
import io.kengine.protocol.stage.BookTrust;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.ResyncRequests;
import io.kengine.protocol.stage.Stage;
import io.kengine.protocol.stage.TopOfBookNote;
import io.kengine.protocol.stage.TradeDedup;
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
 * Steady state (snapshots, deltas, trades, tickers, timers) allocates nothing; a definition may
 * allocate (a new book, or a grid not seen before).
 *
 * <p>Next to the top of book it writes a {@link BookFeaturesNote}: trust state and features. The trust
 * state of a book is judged at every event of its market, and for every book at every event that
 * concerns no book (timers, config, orders, ...), so a quiet book turns stale on the next timer tick.
 * A state change found that way has no slot of its own: the book is queued and announced, one book
 * per such event, as that event's notes (with FLAG_CHANGED), so pricing pulls its quote.
 */
public final class BookStage implements Stage {
    public static final int DEFAULT_MAX_MARKETS = 4096;

    private final OrderBook[] books;
    private final BookSettings settings;
    private final List<PriceGrid> grids = new ArrayList<>(); // distinct grids, shared between markets
    private final int[] defined;        // market ids in definition order: the timer sweep's order
    private int definedCount;
    private final int[] pending;        // FIFO of books whose trust changed on an event not their own
    private final boolean[] queued;     // by market id: in the FIFO (each id at most once, so it never overflows)
    private final boolean[] isPending;  // by market id: the change is not announced yet
    private int pendingHead;
    private int pendingSize;

    private final MarketDefinitionEvent definition = new MarketDefinitionEvent();
    private final BookSnapshotEvent snapshot = new BookSnapshotEvent();
    private final BookDeltaEvent delta = new BookDeltaEvent();
    private final FillEvent fill = new FillEvent();
    private final TradeDedup fillDedup = new TradeDedup(1 << 12); // a fill arrives by WS and by REST: count it once
    private final TopOfBookNote note = new TopOfBookNote();
    private final BookFeaturesNote features = new BookFeaturesNote();

    private long definitions;
    private long rejectedDefinitions;
    private long snapshotChunks;
    private long snapshots;
    private long appliedDeltas;
    private long ownDeltas;
    private long ownFills;
    private long crossedBooks;
    private long unknownMarketEvents;
    private final long[] rejected = new long[BookReason.COUNT];
    private final long[] trustEntered = new long[BookTrust.UNTRUSTED.code() + 1];
    private ResyncRequests resyncRequests = ResyncRequests.NONE;
    private long sweeps;

    public BookStage() {
        this(DEFAULT_MAX_MARKETS);
    }

    /** @param maxMarkets market ids accepted are 0 .. maxMarkets-1 */
    public BookStage(int maxMarkets) {
        this(maxMarkets, BookSettings.DEFAULT);
    }

    public BookStage(int maxMarkets, BookSettings settings) {
        if (maxMarkets < 1) {
            throw new IllegalArgumentException("maxMarkets must be positive: " + maxMarkets);
        }
        this.books = new OrderBook[maxMarkets];
        this.settings = settings;
        this.defined = new int[maxMarkets];
        this.pending = new int[maxMarkets];
        this.queued = new boolean[maxMarkets];
        this.isPending = new boolean[maxMarkets];
    }

    @Override
    public void onEvent(EventSlot slot, boolean endOfBatch) {
        note.wrap(slot);
        features.wrap(slot);
        MutableDirectBuffer event = slot.event();
        long nanos = slot.timestampNanos();
        switch (slot.type()) {
            case EventType.MARKET_DEFINITION:
                definition.wrap(event, 0);
                onDefinition(nanos);
                break;
            case EventType.BOOK_SNAPSHOT:
                snapshot.wrap(event, 0);
                onSnapshot(knownBook(slot.marketId()), nanos, EventHeader.source(event, 0));
                break;
            case EventType.BOOK_DELTA:
                delta.wrap(event, 0);
                onDelta(knownBook(slot.marketId()), nanos);
                break;
            case EventType.FILL:
                fill.wrap(event, 0);
                if (!onOwnFill(knownBook(slot.marketId()), nanos)) {
                    sweep(nanos);
                    announceOrClear();
                }
                break;
            case EventType.TRADE:
            case EventType.TICKER:
                OrderBook book = knownBook(slot.marketId());
                if (book == null) {
                    clearNotes();
                } else {
                    book.touch(nanos);
                    if (slot.type() == EventType.TRADE) {
                        book.trade();
                    }
                    writeNote(book, refreshTrust(book, nanos));
                }
                break;
            default:
                // no book of its own: judge every book now, then announce one queued trust change or clear
                // (the slot is reused: an old note must not leak to the next stage)
                sweep(nanos);
                announceOrClear();
                break;
        }
    }

    private void onDefinition(long nanos) {
        int id = definition.marketId();
        int n = definition.priceRangeCount();
        // n is checked before any range is read: a corrupt count would index past the event
        if (id < 0 || id >= books.length || n < 1 || n > MarketDefinitionEvent.MAX_PRICE_RANGES) {
            rejectedDefinitions++;
            clearNotes();
            return;
        }
        PriceGrid grid = internGrid();
        if (grid == null) {
            rejectedDefinitions++;
            clearNotes();
            return;
        }
        OrderBook book = books[id];
        if (book == null) {
            books[id] = new OrderBook(id, grid, definition.status(), definition.closeTimeMs(), settings, nanos);
            defined[definedCount++] = id;
            clearNotes();
        } else {
            book.redefine(grid, definition.status(), definition.closeTimeMs());
            book.touch(nanos);
            if (refreshTrust(book, nanos)) {
                writeNote(book, true); // a grid change distrusts a book: pricing must hear it now
            } else {
                clearNotes();
            }
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

    private void onSnapshot(OrderBook book, long nanos, int source) {
        if (book == null) {
            unknownMarketEvents++;
            clearNotes();
            return;
        }
        book.touch(nanos);
        long bid = book.bestBid();
        long bidQty = book.bestBidQty();
        long ask = book.bestAsk();
        long askQty = book.bestAskQty();
        int r = book.applySnapshotChunk(snapshot);
        if (isApplied(r)) {
            snapshotChunks++;
            if (snapshot.isLast()) {
                snapshots++;
            }
            book.applied(nanos, true, snapshot.isFirst(), source == EventSource.REST_POLLER);
        }
        boolean trustChanged = refreshTrust(book, nanos);
        writeNote(book, trustChanged || topChanged(book, bid, bidQty, ask, askQty));
    }

    private void onDelta(OrderBook book, long nanos) {
        if (book == null) {
            unknownMarketEvents++;
            clearNotes();
            return;
        }
        book.touch(nanos);
        long bid = book.bestBid();
        long bidQty = book.bestBidQty();
        long ask = book.bestAsk();
        long askQty = book.bestAskQty();
        boolean ownOrder = delta.ownOrder();
        int r = book.applyDelta(delta.side(), delta.price(), delta.delta(), ownOrder);
        if (isApplied(r)) {
            appliedDeltas++;
            if (ownOrder) {
                ownDeltas++;
            }
            book.applied(nanos, false, false, false);
        }
        boolean trustChanged = refreshTrust(book, nanos);
        writeNote(book, trustChanged || topChanged(book, bid, bidQty, ask, askQty));
    }

    /**
     * A fill of ours: a maker fill takes its size from our own quantity at the level it rested on (once per
     * trade id). When that changes the book's net top, the fill's slot carries the book's notes, CHANGED,
     * so pricing sees the market without us at once. @return true when it wrote the notes
     */
    private boolean onOwnFill(OrderBook book, long nanos) {
        if (book == null || fill.isTaker()) {
            return false;
        }
        // remembered even while not netting, so its second delivery cannot take from quantity netted later
        if (!fillDedup.firstTime(fill.buffer(), fill.offset() + FillEvent.TRADE_ID_OFFSET)
                || !book.isNettingOwnOrders()) {
            return false;
        }
        long bid = book.bestBid();
        long bidQty = book.bestBidQty();
        long ask = book.bestAsk();
        long askQty = book.bestAskQty();
        if (!book.ownFill(fill.side(), fill.price(), fill.count())) {
            return false;
        }
        ownFills++;
        if (!topChanged(book, bid, bidQty, ask, askQty)) {
            return false;
        }
        book.touch(nanos);
        refreshTrust(book, nanos);
        writeNote(book, true);
        return true;
    }

    /** Judges a book's trust at {@code nanos}; counts a change. The book's own note is about to carry it. */
    private boolean refreshTrust(OrderBook book, long nanos) {
        if (!book.refreshTrust(nanos)) {
            return false;
        }
        trustEntered[book.trustState().code()]++;
        if (book.trustState() == BookTrust.UNTRUSTED) {
            // Invalid data (crossed, negative level, off grid...): only a fresh snapshot can repair the book.
            resyncRequests.request(book.marketId());
        }
        return true;
    }

    /** Where this stage asks for fresh snapshots when a book turns untrusted; {@link ResyncRequests#NONE} by default. */
    public BookStage resyncRequests(ResyncRequests requests) {
        this.resyncRequests = java.util.Objects.requireNonNull(requests);
        return this;
    }

    /** Judges every book at {@code nanos} (in definition order); queues the ones whose state changed. */
    private void sweep(long nanos) {
        sweeps++;
        for (int i = 0; i < definedCount; i++) {
            int id = defined[i];
            OrderBook book = books[id];
            if (refreshTrust(book, nanos)) {
                isPending[id] = true;
                if (!queued[id]) {
                    queued[id] = true;
                    pending[(pendingHead + pendingSize++) % pending.length] = id;
                }
            }
        }
    }

    private void announceOrClear() {
        while (pendingSize > 0) {
            int id = pending[pendingHead];
            pendingHead = (pendingHead + 1) % pending.length;
            pendingSize--;
            queued[id] = false;
            if (isPending[id]) { // else its own event has carried the news since it was queued
                isPending[id] = false;
                writeNote(books[id], true);
                return;
            }
        }
        clearNotes();
    }

    private void clearNotes() {
        note.clear();
        features.clear();
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

    private static boolean topChanged(OrderBook b, long bid, long bidQty, long ask, long askQty) {
        return b.bestBid() != bid || b.bestBidQty() != bidQty || b.bestAsk() != ask || b.bestAskQty() != askQty;
    }

    /**
     * Both notes for one book. FLAG_TRUSTED means quotable (state TRUSTED), so every reader of the flag
     * refuses stale and REST-sourced books; {@code changed} includes a change of trust state, because a
     * stage acting only on CHANGED must still see a book go bad.
     */
    private void writeNote(OrderBook book, boolean changed) {
        int id = book.marketId();
        if (isPending[id]) {
            // this note carries the news (so it is a change for the reader); the queued announcement is skipped
            isPending[id] = false;
            changed = true;
        }
        int flags = TopOfBookNote.FLAG_VALID;
        if (book.trustState() == BookTrust.TRUSTED) {
            flags |= TopOfBookNote.FLAG_TRUSTED;
        }
        if (changed) {
            flags |= TopOfBookNote.FLAG_CHANGED;
        }
        note.set(id, flags, book.bestBid(), book.bestBidQty(), book.bestAsk(), book.bestAskQty(), book.tick());
        features.set(id, book.trustState(), book.lastUpdateNanos(), book.mid(), book.microprice(),
            book.imbalanceTopBps(), book.imbalanceDepthBps(), book.midVolatility(), book.tradeIntensity(),
            book.timeToCloseMs());
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

    /** Applied deltas Kalshi tagged with one of our client order ids. */
    public long ownDeltas() {
        return ownDeltas;
    }

    /** Maker fills of ours (distinct trade ids) that took quantity from a netted level. */
    public long ownFills() {
        return ownFills;
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

    /** Times any book's trust state changed to {@code state}. */
    public long trustEntered(BookTrust state) {
        return trustEntered[state.code()];
    }

    /** Events that made the stage judge every book (timers and other events of no book). */
    public long sweeps() {
        return sweeps;
    }

    /** Books whose trust change still waits to be announced. */
    public int pendingAnnouncements() {
        int n = 0;
        for (int i = 0; i < pendingSize; i++) {
            if (isPending[pending[(pendingHead + i) % pending.length]]) {
                n++;
            }
        }
        return n;
    }

    public BookSettings settings() {
        return settings;
    }

    public long rejectedTotal() {
        long sum = 0;
        for (long r : rejected) {
            sum += r;
        }
        return sum;
    }
}
