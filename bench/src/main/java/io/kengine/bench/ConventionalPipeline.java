package io.kengine.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The baseline for {@link TickToIntent}: the pipeline a typical Java developer would write for the
 * same job. Jackson databind reads each frame into POJOs, prices are {@code BigDecimal}, the book is a
 * {@code TreeMap} per side in a {@code HashMap} by ticker, and each stage (book, pricing, risk,
 * orders) is a thread taking from an {@code ArrayBlockingQueue} and putting into the next. Same work
 * as the engine's chain with M0 and the size/position caps: apply the delta, mid of the best bid and
 * ask, quote mid ± edge rounded onto the cent grid (bid down, ask up) and never crossing, cap the size,
 * and emit an "amend" when the wanted quote differs from the live one (acknowledged at once). Same
 * frames, same planned send times, same latency definition (planned arrival → intent created).
 */
final class ConventionalPipeline implements TickPath {
    private static final BigDecimal EDGE = new BigDecimal("0.02");
    private static final BigDecimal SIZE = new BigDecimal("10.00");
    private static final BigDecimal MAX_ORDER = new BigDecimal("100.00");
    private static final BigDecimal TICK = new BigDecimal("0.01");
    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final Object STOP = new Object();

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Frame {
        public String type;
        public long sid;
        public long seq;
        public Msg msg;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Msg {
        @JsonProperty("market_ticker") public String marketTicker;
        @JsonProperty("market_id") public String marketId;
        @JsonProperty("price_dollars") public String priceDollars;
        @JsonProperty("delta_fp") public String deltaFp;
        public String side;
        public String ts;
        @JsonProperty("ts_ms") public long tsMs;
    }

    record Delta(String ticker, BigDecimal price, BigDecimal qty, boolean yes, long planned) { }
    record Top(String ticker, BigDecimal bid, BigDecimal ask, long planned) { }
    record Quote(String ticker, BigDecimal bid, BigDecimal ask, BigDecimal size, long planned) { }
    record Intent(String clientOrderId, String ticker, BigDecimal bid, BigDecimal ask, BigDecimal size) { }

    static final class Book {
        final TreeMap<BigDecimal, BigDecimal> yes = new TreeMap<>();
        final TreeMap<BigDecimal, BigDecimal> no = new TreeMap<>();
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final BlockingQueue<Object> toBook = new ArrayBlockingQueue<>(16_384);
    private final BlockingQueue<Object> toPricing = new ArrayBlockingQueue<>(16_384);
    private final BlockingQueue<Object> toRisk = new ArrayBlockingQueue<>(16_384);
    private final BlockingQueue<Object> toOrders = new ArrayBlockingQueue<>(16_384);
    private final Map<String, Book> books = new HashMap<>();
    private final Map<String, Quote> live = new HashMap<>();
    private final Map<String, BigDecimal> positions = new HashMap<>();
    final Recorder recorder = new Recorder(3_600_000_000_000L, 3);
    final AtomicLong intents = new AtomicLong();
    final AtomicLong processed = new AtomicLong();
    private final PlannedClock clock;
    private final Thread[] threads;
    private long nextId;
    private long submitted;

    ConventionalPipeline(PlannedClock clock, TickFrames frames) {
        this.clock = clock;
        for (int m = 0; m < frames.markets; m++) {
            Book b = new Book();
            for (int l = 0; l < TickFrames.LEVELS; l++) {
                b.yes.put(BigDecimal.valueOf(TickFrames.BEST_BID - 100 * l, 4), BigDecimal.valueOf(5_000 + 100 * l, 2));
                b.no.put(BigDecimal.valueOf(TickFrames.BEST_NO_BID - 100 * l, 4), BigDecimal.valueOf(5_000 + 100 * l, 2));
            }
            books.put(frames.tickers[m], b);
        }
        threads = new Thread[] {
            stage("conv-book", toBook, o -> book((Delta) o)),
            stage("conv-pricing", toPricing, o -> price((Top) o)),
            stage("conv-risk", toRisk, o -> risk((Quote) o)),
            stage("conv-orders", toOrders, o -> orders((Quote) o)),
        };
        for (Thread t : threads) {
            t.start();
        }
    }


    /** The producer's part: databind the frame and hand the delta to the book thread. */
    @Override
    public void submit(byte[] frame, long planned) throws Exception {
        submitted++;
        Frame f = mapper.readValue(frame, Frame.class);
        if (!"orderbook_delta".equals(f.type)) {
            throw new IllegalStateException("not a delta");
        }
        toBook.put(new Delta(f.msg.marketTicker, new BigDecimal(f.msg.priceDollars), new BigDecimal(f.msg.deltaFp),
            "yes".equals(f.msg.side), planned));
    }

    private Thread stage(String name, BlockingQueue<Object> in, ThrowingConsumer work) {
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    Object o = in.take();
                    if (o == STOP) {
                        return;
                    }
                    work.accept(o);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        t.setDaemon(true);
        return t;
    }

    interface ThrowingConsumer {
        void accept(Object o) throws InterruptedException;
    }

    private void book(Delta d) throws InterruptedException {
        Book b = books.get(d.ticker());
        TreeMap<BigDecimal, BigDecimal> side = d.yes() ? b.yes : b.no;
        BigDecimal q = side.getOrDefault(d.price(), BigDecimal.ZERO).add(d.qty());
        if (q.signum() <= 0) {
            side.remove(d.price());
        } else {
            side.put(d.price(), q);
        }
        BigDecimal bid = b.yes.isEmpty() ? null : b.yes.lastKey();
        BigDecimal ask = b.no.isEmpty() ? null : ONE.subtract(b.no.lastKey());
        toPricing.put(new Top(d.ticker(), bid, ask, d.planned()));
    }

    private void price(Top t) throws InterruptedException {
        if (t.bid() == null || t.ask() == null) {
            processed.incrementAndGet();
            return;
        }
        BigDecimal mid = t.bid().add(t.ask()).divide(BigDecimal.valueOf(2), 4, RoundingMode.FLOOR);
        BigDecimal bid = mid.subtract(EDGE).divide(TICK, 0, RoundingMode.FLOOR).multiply(TICK);
        BigDecimal ask = mid.add(EDGE).divide(TICK, 0, RoundingMode.CEILING).multiply(TICK);
        if (bid.compareTo(t.ask()) >= 0) {
            bid = t.ask().subtract(TICK);
        }
        if (ask.compareTo(t.bid()) <= 0) {
            ask = t.bid().add(TICK);
        }
        toRisk.put(new Quote(t.ticker(), bid, ask, SIZE, t.planned()));
    }

    private void risk(Quote q) throws InterruptedException {
        BigDecimal pos = positions.getOrDefault(q.ticker(), BigDecimal.ZERO);
        BigDecimal size = q.size().min(MAX_ORDER).min(new BigDecimal("500.00").subtract(pos.abs()));
        toOrders.put(new Quote(q.ticker(), q.bid(), q.ask(), size, q.planned()));
    }

    private void orders(Quote q) {
        Quote was = live.get(q.ticker());
        if (was == null || was.bid().compareTo(q.bid()) != 0 || was.ask().compareTo(q.ask()) != 0
            || was.size().compareTo(q.size()) != 0) {
            Intent intent = new Intent("k" + Long.toHexString(0x5EED) + "-" + (++nextId), q.ticker(), q.bid(), q.ask(), q.size());
            live.put(q.ticker(), q); // acknowledged at once
            recorder.recordValue(Math.max(0, clock.now() - q.planned()));
            if (intent.clientOrderId().isEmpty()) {
                throw new IllegalStateException();
            }
            intents.incrementAndGet();
        }
        processed.incrementAndGet();
    }

    void stop() throws InterruptedException {
        toBook.put(STOP);
        toPricing.put(STOP);
        toRisk.put(STOP);
        toOrders.put(STOP);
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    @Override
    public String name() {
        return "conventional";
    }

    @Override
    public Histogram intentInterval(Histogram reuse) {
        return recorder.getIntervalHistogram(reuse);
    }

    @Override
    public long intents() {
        return intents.get();
    }

    @Override
    public boolean drain(long timeoutMs) {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (processed.get() < submitted && System.nanoTime() < deadline) {
            LockSupport.parkNanos(100_000);
        }
        return processed.get() == submitted;
    }

    @Override
    public long errors() {
        return 0;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    static String describe() {
        return "Jackson databind + ArrayBlockingQueue x4 + TreeMap<BigDecimal> + BigDecimal";
    }
}
