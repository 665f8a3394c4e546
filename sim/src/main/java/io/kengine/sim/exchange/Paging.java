package io.kengine.sim.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Newest-first cursor pagination over lists kept in ascending sequence (an account's orders and fills).
 * The cursor is the sequence of the last item returned, so items added later never shift later pages.
 */
final class Paging {
    private Paging() {
    }

    static boolean matches(Order o, OrderFilter f) {
        return (f.ticker() == null || f.ticker().equals(o.market.ticker))
            && (f.eventTicker() == null || f.eventTicker().equals(o.market.eventTicker))
            && (f.status() == null || f.status() == o.status)
            && (f.minTsMs() == OrderFilter.NO_TIME || o.createdMs >= f.minTsMs())
            && (f.maxTsMs() == OrderFilter.NO_TIME || o.createdMs <= f.maxTsMs());
    }

    static boolean matches(Fill x, FillFilter f) {
        return (f.ticker() == null || f.ticker().equals(x.ticker()))
            && (f.orderId() == null || f.orderId().equals(x.orderId()))
            && (f.minTsMs() == OrderFilter.NO_TIME || x.tsMs() >= f.minTsMs())
            && (f.maxTsMs() == OrderFilter.NO_TIME || x.tsMs() <= f.maxTsMs());
    }

    /** Newest-first page of a list kept in ascending sequence; the cursor is the last returned sequence. */
    static <T, R> Page<R> page(List<T> all, ToLongFunction<T> seq, Predicate<T> filter,
                                       Function<T, R> view, String cursor, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        int start = all.size() - 1;
        if (cursor != null && !cursor.isEmpty()) {
            long after;
            try {
                after = Long.parseLong(cursor);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("invalid cursor \"" + cursor + "\"", ex);
            }
            int lo = 0;
            int hi = all.size(); // first index with seq >= after
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (seq.applyAsLong(all.get(mid)) < after) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            start = lo - 1;
        }
        List<R> items = new ArrayList<>(Math.min(limit, 64));
        long last = -1;
        int i = start;
        for (; i >= 0 && items.size() < limit; i--) {
            T t = all.get(i);
            if (filter.test(t)) {
                items.add(view.apply(t));
                last = seq.applyAsLong(t);
            }
        }
        boolean more = false;
        for (; i >= 0; i--) {
            if (filter.test(all.get(i))) {
                more = true;
                break;
            }
        }
        return new Page<>(items, more ? Long.toString(last) : null);
    }
}
