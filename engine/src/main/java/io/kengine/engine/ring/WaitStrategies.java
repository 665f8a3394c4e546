package io.kengine.engine.ring;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;

import java.util.concurrent.TimeUnit;

/**
 * Wait strategy by name. {@code auto} lets consumers spin only when every consumer thread of both
 * rings, plus one core left for the producers (feed, replies), fits on the host; otherwise they spin
 * briefly, yield, then block, so no more threads burn CPU than there are cores.
 *
 * <p>A spec may name the two rings apart, {@code inbound/outbound} (e.g. {@code busy-spin/blocking}):
 * on a small host the business thread can spin for latency while the outbound consumers (journal-out,
 * sender) block, which keeps the spinning threads within the cores.
 */
public final class WaitStrategies {
    private WaitStrategies() {
    }

    public static WaitStrategy create(String name, int consumerThreads, int cores) {
        switch (name) {
            case "auto":
                return consumerThreads + 1 <= cores ? new TimedYieldingWaitStrategy() : phasedBackoff();
            case "busy-spin":
                return new BusySpinWaitStrategy();
            case "yielding":
                return new TimedYieldingWaitStrategy();
            case "spin-yield":
                return spinYield();
            case "sleeping":
                return new SleepingWaitStrategy();
            case "blocking":
                return new BlockingWaitStrategy();
            case "phased-backoff":
                return phasedBackoff();
            default:
                throw new IllegalArgumentException("unknown wait strategy '" + name
                    + "' (auto | busy-spin | spin-yield | yielding | sleeping | blocking | phased-backoff)");
        }
    }

    /** The inbound ring's part of a spec ({@code a/b} → a; a plain name serves both rings). */
    public static String inboundPart(String spec) {
        int slash = spec.indexOf('/');
        return slash < 0 ? spec : spec.substring(0, slash);
    }

    /** The outbound ring's part of a spec ({@code a/b} → b). */
    public static String outboundPart(String spec) {
        int slash = spec.indexOf('/');
        return slash < 0 ? spec : spec.substring(slash + 1);
    }

    /** Describes what {@code auto} resolves to, for the start-up banner. */
    public static String describe(String name, int consumerThreads, int cores) {
        if (name.indexOf('/') >= 0) {
            return describe(inboundPart(name), consumerThreads, cores) + " in / "
                + describe(outboundPart(name), consumerThreads, cores) + " out";
        }
        if (!"auto".equals(name)) {
            return name;
        }
        return consumerThreads + 1 <= cores ? "auto→yielding" : "auto→phased-backoff (" + consumerThreads
            + " consumer threads on " + cores + " cores)";
    }

    private static WaitStrategy spinYield() {
        return new SpinYieldWaitStrategy(TimeUnit.MICROSECONDS.toNanos(50));
    }

    private static WaitStrategy phasedBackoff() {
        return new LeanBackoffWaitStrategy(TimeUnit.MICROSECONDS.toNanos(20), TimeUnit.MICROSECONDS.toNanos(200));
    }
}
