package io.kengine.book;

import io.kengine.protocol.event.BookSnapshotEvent;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.stage.BookFeaturesNote;
import io.kengine.protocol.stage.BookTrust;
import io.kengine.protocol.stage.TopOfBookNote;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.kengine.book.Events.levels;
import static io.kengine.protocol.event.Codes.BOOK_YES;
import static io.kengine.protocol.stage.TopOfBookNote.FLAG_CHANGED;
import static io.kengine.protocol.stage.TopOfBookNote.FLAG_TRUSTED;
import static io.kengine.protocol.stage.TopOfBookNote.FLAG_VALID;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Trust states over event time: staleness found by timer ticks and announced, REST-sourced, resync, untrusted. */
class BookStalenessTest {
    private static final long MS = 1_000_000L;
    private static final long T0 = 1_700_000_000_000L * MS;
    private static final long MAX_AGE = 1_000 * MS;
    private static final int A = 3;
    private static final int B = 7;

    private final BookStage stage = new BookStage(16, BookSettings.DEFAULT.withMaxAgeNanos(MAX_AGE));
    private final Events events = new Events();
    private final TopOfBookNote note = new TopOfBookNote().wrap(events.slot());
    private final BookFeaturesNote features = new BookFeaturesNote().wrap(events.slot());

    @BeforeEach
    void twoTrustedBooks() {
        at(0);
        send(events.definition(A, Codes.STATUS_OPEN, Events.CENT));
        send(events.definition(B, Codes.STATUS_OPEN, Events.CENT));
        send(events.fullSnapshot(B, levels(4000, 100), levels(5000, 100)));
        send(events.fullSnapshot(A, levels(4500, 100), levels(5000, 100)));
        assertEquals(BookTrust.TRUSTED, stage.book(A).trustState());
        assertEquals(BookTrust.TRUSTED, features.trust());
        assertEquals(T0, stage.book(A).lastUpdateNanos());
    }

    private void at(long ms) {
        events.at(T0 + ms * MS);
    }

    private void send(io.kengine.protocol.stage.EventSlot slot) {
        stage.onEvent(slot, true);
    }

    private void timerAt(long ms) {
        at(ms);
        send(events.timer());
    }

    private void expectCleared() {
        assertEquals(-1, note.marketId());
        assertEquals(0, note.flags());
        assertEquals(-1, features.marketId());
        assertEquals(BookTrust.NONE, features.trustCode());
    }

    private void expectAnnounced(int market, BookTrust state) {
        assertEquals(market, note.marketId());
        assertEquals(FLAG_VALID | FLAG_CHANGED | (state == BookTrust.TRUSTED ? FLAG_TRUSTED : 0), note.flags());
        assertEquals(market, features.marketId());
        assertEquals(state, features.trust());
    }

    @Test
    void quietBooksTurnStaleOnTimerTicksAndAreAnnouncedOneByOne() {
        timerAt(500);
        expectCleared();
        timerAt(1_000); // age exactly the max: not yet
        expectCleared();
        assertEquals(BookTrust.TRUSTED, stage.book(A).trustState());

        timerAt(1_001); // both quiet books are stale now; announced in definition order, one per event
        assertEquals(BookTrust.STALE, stage.book(A).trustState());
        assertEquals(BookTrust.STALE, stage.book(B).trustState());
        expectAnnounced(A, BookTrust.STALE);
        assertEquals(1, stage.pendingAnnouncements());
        timerAt(1_050);
        expectAnnounced(B, BookTrust.STALE);
        timerAt(1_100);
        expectCleared();
        assertEquals(2, stage.trustEntered(BookTrust.STALE));
        assertEquals(2, stage.book(A).trustTransitions()); // RESYNCING -> TRUSTED (snapshot) -> STALE

        // a trade is not an update: still stale, and its note says so
        at(1_200);
        send(events.trade(A, 4500, 100));
        assertEquals(FLAG_VALID, note.flags());
        assertEquals(BookTrust.STALE, features.trust());

        // a delta refreshes the book: trusted again, announced by its own note
        at(1_300);
        send(events.delta(A, BOOK_YES, 4500, 100));
        assertEquals(FLAG_VALID | FLAG_TRUSTED | FLAG_CHANGED, note.flags());
        assertEquals(BookTrust.TRUSTED, features.trust());
        assertEquals(T0 + 1_300 * MS, features.lastUpdateNanos());
        assertEquals(3, stage.book(A).trustTransitions());
        assertEquals(3, stage.trustEntered(BookTrust.TRUSTED)); // two snapshots, then this recovery
    }

    @Test
    void aBooksOwnEventCarriesTheNewsBeforeItsQueuedAnnouncement() {
        timerAt(1_001);
        expectAnnounced(A, BookTrust.STALE);
        at(1_002);
        send(events.ticker(B)); // B's own event carries the unannounced change, flagged CHANGED for pricing
        assertEquals(FLAG_VALID | FLAG_CHANGED, note.flags());
        assertEquals(B, features.marketId());
        assertEquals(BookTrust.STALE, features.trust());
        assertEquals(0, stage.pendingAnnouncements(), "B's note carried the state; no announcement left");
        timerAt(1_003);
        expectCleared();
    }

    @Test
    void aBookGoingStaleOnItsOwnEventSaysSoInItsNote() {
        at(2_000);
        send(events.ticker(A));
        assertEquals(FLAG_VALID | FLAG_CHANGED, note.flags());
        assertEquals(BookTrust.STALE, features.trust());
    }

    @Test
    void restSnapshotsAreRestSourcedUntilAWebSocketSnapshot() {
        at(100);
        events.from(EventSource.REST_POLLER);
        send(events.fullSnapshot(A, levels(4400, 100), levels(5000, 100)));
        assertEquals(BookTrust.REST_SOURCED, stage.book(A).trustState());
        assertEquals(FLAG_VALID | FLAG_CHANGED, note.flags(), "REST-sourced is not quotable");
        assertEquals(true, stage.book(A).isTrusted(), "but the data is consistent");
        // a REST-sourced book can go stale too, and comes back REST-sourced when polled again
        timerAt(1_101);
        expectAnnounced(A, BookTrust.STALE);
        at(1_200);
        send(events.fullSnapshot(A, levels(4400, 100), levels(5000, 100)));
        assertEquals(BookTrust.REST_SOURCED, features.trust());
        events.from(EventSource.FEED);
        send(events.fullSnapshot(A, levels(4400, 100), levels(5000, 100)));
        assertEquals(BookTrust.TRUSTED, features.trust());
        assertEquals(FLAG_VALID | FLAG_TRUSTED | FLAG_CHANGED, note.flags());
    }

    @Test
    void gapMarkerResyncsAndUntrustedBeatsStale() {
        at(100);
        send(events.snapshot(A, BookSnapshotEvent.FLAG_FIRST, levels(), levels())); // the feed's gap marker
        assertEquals(BookTrust.RESYNCING, features.trust());
        assertEquals(FLAG_VALID | FLAG_CHANGED, note.flags());
        timerAt(5_000); // a resyncing book is not called stale: it is already unquotable for a better reason
        assertEquals(BookTrust.RESYNCING, stage.book(A).trustState());
        assertEquals(B, note.marketId(), "only B turned stale");
        assertEquals(BookTrust.STALE, features.trust());

        at(5_100);
        send(events.fullSnapshot(A, levels(4500, 100), levels(5000, 100)));
        assertEquals(BookTrust.TRUSTED, features.trust());
        send(events.delta(A, BOOK_YES, 5000, 100)); // bid 0.50 >= ask 0.50: crossed
        assertEquals(BookTrust.UNTRUSTED, features.trust());
        timerAt(9_000);
        assertEquals(BookTrust.UNTRUSTED, stage.book(A).trustState());
        assertEquals(1, stage.trustEntered(BookTrust.UNTRUSTED));
        assertEquals(1, stage.trustEntered(BookTrust.RESYNCING));
    }

    @Test
    void zeroMaxAgeNeverStales() {
        BookStage s = new BookStage(16, BookSettings.DEFAULT.withMaxAgeNanos(0));
        Events e = new Events().at(T0);
        s.onEvent(e.definition(A, Codes.STATUS_OPEN, Events.CENT), true);
        s.onEvent(e.fullSnapshot(A, levels(4500, 100), levels(5000, 100)), true);
        e.at(T0 + 86_400_000 * MS);
        s.onEvent(e.timer(), true);
        assertEquals(BookTrust.TRUSTED, s.book(A).trustState());
    }
}
