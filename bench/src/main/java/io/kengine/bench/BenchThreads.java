package io.kengine.bench;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

final class BenchThreads {
    private BenchThreads() {
    }

    /** Daemon threads, so a benchmark that failed to stop its ring cannot keep the fork alive. */
    static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "bench-" + name + "-" + n.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
    }
}
