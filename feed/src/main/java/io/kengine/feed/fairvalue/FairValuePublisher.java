package io.kengine.feed.fairvalue;

import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.FairValueEvent;
import io.kengine.protocol.stage.EventPublisher;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * Turns parsed fair values into FairValue events on the inbound ring. Everything that can fail —
 * ticker lookup, lifetime bounds, encoding — happens in a private scratch buffer before
 * {@link EventPublisher#claim()}: between claim and publish only a byte copy runs, so a claimed slot
 * is always published and the ring never stalls. The HTTP and file inputs share one instance;
 * its methods are synchronized because an {@link EventPublisher} belongs to one producer at a time.
 *
 * <p>Expiry is stamped here: {@code expiresAtNanos = clock + lifetime}, with the clock the inbound
 * ring stamps receive times with, so the pricing stage compares like with like (and replay reads the
 * journaled expiry, never a clock).
 */
public final class FairValuePublisher {
    private final EventPublisher out;
    private final FairValueMarkets markets;
    private final LongSupplier clockNanos;
    private final long defaultLifetimeMs;
    private final long maxLifetimeMs;
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[EventHeader.MAX_EVENT_LENGTH]);
    private final FairValueEvent event = new FairValueEvent();
    private long published;
    private long rejected;

    public FairValuePublisher(EventPublisher out, FairValueMarkets markets, LongSupplier clockNanos,
                              long defaultLifetimeMs, long maxLifetimeMs) {
        if (defaultLifetimeMs <= 0 || maxLifetimeMs < defaultLifetimeMs) {
            throw new IllegalArgumentException("need 0 < default lifetime <= max lifetime, got " + defaultLifetimeMs
                + " and " + maxLifetimeMs);
        }
        this.out = out;
        this.markets = markets;
        this.clockNanos = clockNanos;
        this.defaultLifetimeMs = defaultLifetimeMs;
        this.maxLifetimeMs = maxLifetimeMs;
    }

    /** All or nothing: checks every record first, then publishes them in order. @return records published */
    public synchronized int publishAll(List<FairValueRecord> records) throws FairValueFormatException {
        int[] ids = new int[records.size()];
        for (int i = 0; i < ids.length; i++) {
            try {
                ids[i] = check(records.get(i));
            } catch (FairValueFormatException e) {
                rejected += records.size();
                throw new FairValueFormatException("record " + (i + 1) + ": " + e.getMessage());
            }
        }
        long now = clockNanos.getAsLong();
        for (int i = 0; i < ids.length; i++) {
            emit(ids[i], records.get(i), now);
        }
        return ids.length;
    }

    /** One record, published when valid. @throws FairValueFormatException naming the problem (nothing published) */
    public synchronized void publish(FairValueRecord r) throws FairValueFormatException {
        int id;
        try {
            id = check(r);
        } catch (FairValueFormatException e) {
            rejected++;
            throw e;
        }
        emit(id, r, clockNanos.getAsLong());
    }

    private int check(FairValueRecord r) throws FairValueFormatException {
        int id = markets.marketId(r.ticker());
        if (id < 0) {
            throw new FairValueFormatException("unknown market " + r.ticker());
        }
        if (r.lifetimeMs() > maxLifetimeMs) {
            throw new FairValueFormatException("lifetime_ms " + r.lifetimeMs() + " is above the maximum " + maxLifetimeMs);
        }
        return id;
    }

    private void emit(int marketId, FairValueRecord r, long now) {
        long life = r.lifetimeMs() > 0 ? r.lifetimeMs() : defaultLifetimeMs;
        event.wrapForEncode(scratch, 0, marketId, EventSource.FAIR_VALUE)
            .fairPrice(r.fairPrice())
            .confidenceBps(r.confidenceBps())
            .expiresAtNanos(now + life * 1_000_000L)
            .sourceKind(FairValueEvent.SOURCE_MODEL)
            .sourceName(r.modelVersion());
        MutableDirectBuffer slot = out.claim();
        slot.putBytes(0, scratch, 0, FairValueEvent.LENGTH);
        out.publish();
        published++;
    }

    public synchronized long published() {
        return published;
    }

    public synchronized long rejected() {
        return rejected;
    }
}
