package io.kengine.sim.server;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one thread that owns the exchange core and the WebSocket subscription state. REST handlers
 * {@link #call} into it and wait; WebSocket commands and connection events are {@link #post}ed.
 * Because every exchange call and every fan-out happens here, WebSocket messages leave in exactly
 * the order the core produced them.
 */
final class ExchangeThread implements AutoCloseable {
    private final ExecutorService executor;
    private volatile Thread thread;
    private volatile Runnable afterEachTask = () -> { };

    ExchangeThread() {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sim-exchange");
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    /** Runs on the exchange thread after every task (the hub flushes the frames the task wrote). */
    void afterEachTask(Runnable r) {
        afterEachTask = r;
    }

    private <T> Callable<T> wrap(Callable<T> task) {
        return () -> {
            try {
                return task.call();
            } finally {
                afterEachTask.run();
            }
        };
    }

    boolean onThread() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} on the exchange thread and waits for it (runs inline if already there). */
    <T> T call(Callable<T> task, Duration timeout) throws Exception {
        if (onThread()) {
            return task.call();
        }
        Future<T> f = executor.submit(wrap(task));
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw (Error) cause;
        } catch (TimeoutException e) {
            f.cancel(false);
            throw e;
        }
    }

    /** Queues {@code task} on the exchange thread (runs inline if already there). */
    void post(Runnable task) {
        if (onThread()) {
            task.run();
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } finally {
                    afterEachTask.run();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException ignored) {
            // shutting down
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
