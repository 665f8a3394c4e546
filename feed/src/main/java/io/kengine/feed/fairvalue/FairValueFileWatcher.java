package io.kengine.feed.fairvalue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The fair-value file input: a JSON-lines or CSV file (see {@link FairValueParser}) the model rewrites;
 * each time its content changes, every complete line (ending in a newline: a half-written last line
 * waits for the next read) is published as a FairValue event. Bad lines are skipped and counted (one bad
 * line must not silence the others); an unchanged file publishes nothing. Writers should replace the
 * file atomically (write a temporary file, then rename).
 *
 * <p>Change detection: the directory's {@link WatchService} (inotify on Linux) wakes the thread at
 * once; a check every {@code recheckMs} covers file systems that deliver no events. Own daemon thread.
 */
public final class FairValueFileWatcher implements AutoCloseable {
    private final Path file;
    private final FairValuePublisher publisher;
    private final long recheckMs;
    private final WatchService watch;
    private final Thread thread;
    private volatile boolean running = true;
    private byte[] lastContent;
    private volatile long reads;
    private volatile long unchangedReads;
    private volatile long badLines;
    private volatile String lastError;

    private FairValueFileWatcher(Path file, FairValuePublisher publisher, long recheckMs) throws IOException {
        this.file = file.toAbsolutePath();
        this.publisher = publisher;
        this.recheckMs = recheckMs;
        Path dir = this.file.getParent();
        this.watch = dir.getFileSystem().newWatchService();
        dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.OVERFLOW);
        this.thread = new Thread(this::run, "fair-value-file");
        this.thread.setDaemon(true);
    }

    /** Starts watching (and reads the file once now, if it exists). The directory must exist. */
    public static FairValueFileWatcher start(Path file, FairValuePublisher publisher, long recheckMs) throws IOException {
        if (recheckMs <= 0) {
            throw new IllegalArgumentException("recheck interval must be positive, got " + recheckMs);
        }
        FairValueFileWatcher w = new FairValueFileWatcher(file, publisher, recheckMs);
        w.thread.start();
        return w;
    }

    private void run() {
        readIfChanged();
        while (running) {
            try {
                WatchKey key = watch.poll(recheckMs, TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents(); // which entry changed does not matter: the content comparison decides
                    key.reset();
                }
                readIfChanged();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
        }
    }

    private void readIfChanged() {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            lastError = "read " + file + ": " + e.getMessage();
            return;
        }
        reads++;
        if (Arrays.equals(content, lastContent)) {
            unchangedReads++;
            return;
        }
        lastContent = content;
        String text = new String(content, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return;
        }
        String[] lines = text.substring(0, end).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            try {
                FairValueRecord r = FairValueParser.parseLine(lines[i]);
                if (r != null) {
                    publisher.publish(r);
                }
            } catch (FairValueFormatException e) {
                badLines++;
                lastError = file.getFileName() + " line " + (i + 1) + ": " + e.getMessage();
            }
        }
    }

    /** Reads of the file so far (changed or not). */
    public long reads() {
        return reads;
    }

    /** Reads that found the content already published. */
    public long unchangedReads() {
        return unchangedReads;
    }

    public long badLines() {
        return badLines;
    }

    /** The last problem seen, or null. */
    public String lastError() {
        return lastError;
    }

    @Override
    public void close() {
        running = false;
        try {
            watch.close();
        } catch (IOException ignored) {
            // closing wakes the thread either way
        }
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
