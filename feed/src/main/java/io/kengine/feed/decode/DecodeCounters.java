package io.kengine.feed.decode;

import java.util.function.LongSupplier;

/**
 * What the decoder and the ring writer saw: frames by {@link FrameKind}, drops by
 * {@link MalformedReason}, events published, plus one rate-limited sample per reason (the first
 * {@link #SAMPLE_BYTES} bytes of the latest refused frame, or the ticker for
 * {@link MalformedReason#UNKNOWN_MARKET}) for a log line.
 *
 * <p>Single writer (the feed thread); counting and sampling allocate nothing. Turning a sample into
 * text ({@link #sampleText}) allocates and is for the logging caller, off the hot path: it can poll
 * {@link #samplesTaken} to see whether a new sample arrived since it last logged. Other threads may
 * read the counts for metrics; they see plain longs, possibly slightly stale.
 */
public final class DecodeCounters {
    public static final int SAMPLE_BYTES = 160;
    public static final long DEFAULT_SAMPLE_INTERVAL_NANOS = 1_000_000_000L;

    private final long[] byKind = new long[FrameKind.COUNT];
    private final long[] byReason = new long[MalformedReason.COUNT];
    private final long[] published = new long[FrameKind.COUNT];
    private long lifecycleSkipped;

    private final byte[][] sample = new byte[MalformedReason.COUNT][SAMPLE_BYTES];
    private final int[] sampleLength = new int[MalformedReason.COUNT];
    private final int[] sampleFrameLength = new int[MalformedReason.COUNT];
    private final int[] sampleErrorOffset = new int[MalformedReason.COUNT];
    private final long[] sampleTakenAt = new long[MalformedReason.COUNT];
    private final long[] samplesTaken = new long[MalformedReason.COUNT];

    private final long sampleIntervalNanos;
    private final LongSupplier nanoClock;

    public DecodeCounters() {
        this(DEFAULT_SAMPLE_INTERVAL_NANOS, System::nanoTime);
    }

    /** @param sampleIntervalNanos a reason's sample is replaced at most once per interval */
    public DecodeCounters(long sampleIntervalNanos, LongSupplier nanoClock) {
        this.sampleIntervalNanos = sampleIntervalNanos;
        this.nanoClock = nanoClock;
    }

    /** Called by {@link FrameDecoder} for every frame. */
    void onFrame(DecodedFrame f, byte[] frame, int offset, int length) {
        byKind[f.kind.ordinal()]++;
        if (f.kind == FrameKind.MALFORMED) {
            drop(f.reason, frame, offset, length, f.errorOffset);
        }
    }

    /** Called by {@link RingEventWriter}: a well-formed frame for a market no id answers. */
    void onUnknownMarket(DecodedFrame f) {
        FieldBytes t = f.marketTicker;
        drop(MalformedReason.UNKNOWN_MARKET, t.array(), 0, t.length(), -1);
    }

    /** Called by {@link RingEventWriter}: a lifecycle type no {@code MarketLifecycleEvent} kind expresses. */
    void onLifecycleSkipped() {
        lifecycleSkipped++;
    }

    void onPublished(FrameKind kind, int events) {
        published[kind.ordinal()] += events;
    }

    private void drop(MalformedReason reason, byte[] bytes, int offset, int length, int errorOffset) {
        int r = reason.ordinal();
        byReason[r]++;
        long now = nanoClock.getAsLong();
        if (samplesTaken[r] == 0 || now - sampleTakenAt[r] >= sampleIntervalNanos) {
            int n = Math.min(length, SAMPLE_BYTES);
            System.arraycopy(bytes, offset, sample[r], 0, n);
            sampleLength[r] = n;
            sampleFrameLength[r] = length;
            sampleErrorOffset[r] = errorOffset;
            sampleTakenAt[r] = now;
            samplesTaken[r]++;
        }
    }

    public long frames(FrameKind kind) {
        return byKind[kind.ordinal()];
    }

    public long totalFrames() {
        long n = 0;
        for (long c : byKind) {
            n += c;
        }
        return n;
    }

    /** Frames dropped for {@code reason} (malformed, or unknown market). */
    public long dropped(MalformedReason reason) {
        return byReason[reason.ordinal()];
    }

    public long totalDropped() {
        long n = 0;
        for (long c : byReason) {
            n += c;
        }
        return n;
    }

    /** Ring events published for frames of {@code kind} (a snapshot may take several). */
    public long published(FrameKind kind) {
        return published[kind.ordinal()];
    }

    /**
     * Lifecycle frames of a known market that published nothing because the event has no kind for their
     * type ({@code price_level_structure_updated}, {@code metadata_updated}, a type added after this decoder).
     */
    public long lifecycleSkipped() {
        return lifecycleSkipped;
    }

    /** How many samples of {@code reason} were kept so far: a logger compares it with the last one it saw. */
    public long samplesTaken(MalformedReason reason) {
        return samplesTaken[reason.ordinal()];
    }

    /** Copies the latest sample's bytes into {@code dst}; returns how many. */
    public int copySample(MalformedReason reason, byte[] dst) {
        int r = reason.ordinal();
        int n = Math.min(sampleLength[r], dst.length);
        System.arraycopy(sample[r], 0, dst, 0, n);
        return n;
    }

    /**
     * The latest sample as one log-safe line (allocates; off the hot path): printable ASCII as is, other
     * bytes as {@code \xNN}, with the frame length and where the problem was found. Null when none.
     */
    public String sampleText(MalformedReason reason) {
        int r = reason.ordinal();
        if (samplesTaken[r] == 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder(sampleLength[r] + 48);
        sb.append(reason).append(" at ").append(sampleErrorOffset[r]).append(" of ").append(sampleFrameLength[r])
                .append(" bytes: ");
        for (int i = 0; i < sampleLength[r]; i++) {
            int c = sample[r][i] & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '\\') {
                sb.append((char) c);
            } else {
                sb.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
            }
        }
        if (sampleFrameLength[r] > sampleLength[r]) {
            sb.append("...");
        }
        return sb.toString();
    }
}
