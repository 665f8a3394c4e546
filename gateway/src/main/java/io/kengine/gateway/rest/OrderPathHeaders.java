package io.kengine.gateway.rest;

import io.kengine.protocol.wire.KalshiPaths;
import io.kengine.protocol.wire.auth.AuthHeaders;
import io.kengine.protocol.wire.auth.KalshiSigner;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Pre-signed headers for the paths with an order id in them — amend ({@code POST .../orders/{id}/amend}),
 * decrease ({@code POST .../orders/{id}/decrease}) and cancel ({@code DELETE .../orders/{id}}) — of the
 * order ids the sender used recently. Kalshi signs timestamp + method + path only, so one header serves
 * every amend of an order while its timestamp is fresh.
 *
 * <p><b>Learning ids.</b> {@link #used} is called by the sender thread for the order id of each amend or
 * decrease it sends, and by the answer threads for the order id a create (or an amend) reply gives; a
 * known id costs a map look-up and a volatile write, a new one an entry. {@link #forget} (a cancel
 * answered) drops an id. The map may hold up to {@code 2 × maxIds} between pacer runs; each run trims it
 * to {@code maxIds}, dropping the least recently used, and drops ids unused for {@code idleMs}.
 *
 * <p><b>Cost.</b> RSA-PSS costs ≈ 0.75 ms per signature. Each run ({@code preSignMaxAge / 2} apart) re-signs
 * all three paths of the most recently used ids: {@code ids × 3 × 2 / preSignMaxAge} signatures a second,
 * i.e. 60/s ≈ 45 ms of CPU a second per id at the default 100 ms. It is capped at {@code maxPerSecond}
 * signatures a second (a per-run allowance of {@code maxPerSecond × period}, whole ids only, most recent
 * first); ids beyond the cap keep no fresh header and their calls are signed on the spot.
 *
 * <p>Threads: {@link #refresh} runs on the pacer only; the headers are volatile fields read by any thread.
 */
final class OrderPathHeaders {
    private static final System.Logger LOG = System.getLogger(KalshiRestSender.class.getName());

    /** One order id's headers; {@code lastUsedMs} is written by any thread, the headers by the pacer. */
    static final class Entry {
        final String orderId;
        volatile long lastUsedMs;
        volatile AuthHeaders amend;
        volatile AuthHeaders decrease;
        volatile AuthHeaders cancel;

        Entry(String orderId, long now) {
            this.orderId = orderId;
            this.lastUsedMs = now;
        }
    }

    private final LongSupplier clockMillis;
    private final int maxIds;
    private final long idleMs;
    private final int perRun;
    private final ConcurrentHashMap<String, Entry> ids = new ConcurrentHashMap<>();
    private final AtomicLong signatures = new AtomicLong();
    private final AtomicLong runs = new AtomicLong();
    private volatile int keptFresh;

    /**
     * @param periodMs     how often the pacer runs {@link #refresh}
     * @param maxPerSecond cap on the signatures it makes a second (whole ids of 3 signatures per run; a cap
     *                     under {@code 3 × 1000 / periodMs} turns order-path pre-signing off)
     */
    OrderPathHeaders(LongSupplier clockMillis, int maxIds, long idleMs, long periodMs, int maxPerSecond) {
        this.clockMillis = clockMillis;
        this.maxIds = maxIds;
        this.idleMs = idleMs;
        this.perRun = (int) Math.min(Integer.MAX_VALUE, (long) maxPerSecond * Math.max(1, periodMs) / 1000);
    }

    /** The id is in use (an amend or decrease sent, a create or amend answered): keep its headers fresh. */
    void used(String orderId) {
        if (orderId == null || orderId.isEmpty() || perRun < 3) {
            return;
        }
        long now = clockMillis.getAsLong();
        Entry e = ids.get(orderId);
        if (e != null) {
            e.lastUsedMs = now;
        } else if (ids.size() < 2 * maxIds) {
            ids.putIfAbsent(orderId, new Entry(orderId, now));
        }
    }

    /** The order is gone (canceled): stop signing for it. */
    void forget(String orderId) {
        if (orderId != null && !orderId.isEmpty()) {
            ids.remove(orderId);
        }
    }

    /** The pre-signed header of an amend, decrease or cancel call's path, or null (no entry, or another kind). */
    AuthHeaders get(OrderCall c) {
        if (c.kind != OrderCall.Kind.AMEND && c.kind != OrderCall.Kind.DECREASE && c.kind != OrderCall.Kind.CANCEL) {
            return null;
        }
        String id = c.legs.get(0).orderId();
        Entry e = id == null ? null : ids.get(id);
        if (e == null) {
            return null;
        }
        switch (c.kind) {
            case AMEND: return e.amend;
            case DECREASE: return e.decrease;
            default: return e.cancel;
        }
    }

    /**
     * Pacer: drops idle ids, trims to {@code maxIds}, then re-signs the three paths of the most recently
     * used ids, as many whole ids as the per-run allowance pays; the others' headers are cleared.
     */
    void refresh(KalshiSigner s) {
        runs.incrementAndGet();
        long now = clockMillis.getAsLong();
        List<Entry> live = new ArrayList<>(ids.size());
        for (Iterator<Entry> it = ids.values().iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (now - e.lastUsedMs > idleMs) {
                it.remove();
            } else {
                live.add(e);
            }
        }
        live.sort((a, b) -> Long.compare(b.lastUsedMs, a.lastUsedMs));
        for (int i = maxIds; i < live.size(); i++) {
            ids.remove(live.get(i).orderId, live.get(i));
        }
        int signed = 0;
        int budget = perRun;
        for (int i = 0; i < live.size() && i < maxIds; i++) {
            Entry e = live.get(i);
            if (budget < 3) {
                break; // the rest are not kept fresh: their headers age out, their calls are signed on the spot
            }
            try {
                e.amend = s.headers(now, "POST", KalshiPaths.amendOrderV2(e.orderId));
                e.decrease = s.headers(now, "POST", KalshiPaths.decreaseOrderV2(e.orderId));
                e.cancel = s.headers(now, "DELETE", KalshiPaths.orderV2(e.orderId));
                budget -= 3;
                signed++;
                signatures.addAndGet(3);
            } catch (RuntimeException ex) { // an id no path can hold: never pre-signed
                ids.remove(e.orderId, e);
                LOG.log(System.Logger.Level.WARNING, "gateway: pre-signing an order path failed: " + ex.getClass().getSimpleName());
            }
        }
        keptFresh = signed;
    }

    /** Order ids whose headers the latest run re-signed. */
    int keptFresh() { return keptFresh; }
    /** Order ids tracked now (kept fresh or waiting for budget). */
    int tracked() { return ids.size(); }
    /** Signatures the pre-signer made for order paths. */
    long signatures() { return signatures.get(); }
    /** Runs of {@link #refresh}. */
    long runs() { return runs.get(); }
    /** True when {@code orderId} is tracked now. */
    boolean tracks(String orderId) { return ids.containsKey(orderId); }

    @Override
    public String toString() {
        return "OrderPathHeaders[tracked=" + ids.size() + ", keptFresh=" + keptFresh + "]";
    }
}
