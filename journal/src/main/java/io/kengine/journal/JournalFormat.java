package io.kengine.journal;

import io.kengine.protocol.event.EventHeader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The layout of a journal directory: {@code journal.properties} plus one Chronicle queue per stream
 * ({@link #IN} for inbound events, {@link #OUT} for outbound intents). The properties file pins the
 * format and the event schema version, so a reader never misinterprets bytes written by another build.
 */
public final class JournalFormat {
    public static final String IN = "in";
    public static final String OUT = "out";
    public static final String PROPERTIES_FILE = "journal.properties";
    /** 2: a record may hold several events back to back (journal-in batches). 1: one event per record. */
    public static final int FORMAT_VERSION = 2;
    /** Format 1 journals are format 2 journals whose records each hold one event: readable, not appendable. */
    static final int OLDEST_READABLE_FORMAT = 1;

    static final String FORMAT_KEY = "format.version";
    static final String SCHEMA_KEY = "schema.version";

    private static final Pattern STREAM_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private JournalFormat() {
    }

    /** Writer side: creates the directory and the properties file on first use, checks them afterwards. */
    static void createOrCheck(Path dir) {
        Path file = dir.resolve(PROPERTIES_FILE);
        try {
            Files.createDirectories(dir);
            if (!Files.exists(file)) {
                writeProperties(dir, file);
            }
        } catch (IOException e) {
            throw new JournalException("journal " + dir + ": cannot create " + PROPERTIES_FILE + ": " + e, e);
        }
        check(dir, FORMAT_VERSION);
    }

    /** Reader side: the directory must exist and carry properties of a readable format and this schema. */
    static void check(Path dir) {
        check(dir, OLDEST_READABLE_FORMAT);
    }

    /** Reader side: the directory must exist and carry properties of this format and schema. */
    private static void check(Path dir, int oldestFormat) {
        if (!Files.isDirectory(dir)) {
            throw new JournalException("journal " + dir + ": no such directory");
        }
        Path file = dir.resolve(PROPERTIES_FILE);
        if (!Files.isRegularFile(file)) {
            throw new JournalException("journal " + dir + ": missing " + PROPERTIES_FILE + " (not a journal directory, or an incomplete one)");
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new JournalException("journal " + dir + ": cannot read " + PROPERTIES_FILE + ": " + e.getMessage(), e);
        }
        expect(dir, p, FORMAT_KEY, oldestFormat, FORMAT_VERSION);
        expect(dir, p, SCHEMA_KEY, EventHeader.SCHEMA_VERSION, EventHeader.SCHEMA_VERSION);
    }

    static Path streamDir(Path dir, String stream) {
        if (stream == null || !STREAM_NAME.matcher(stream).matches()) {
            throw new IllegalArgumentException("invalid journal stream name '" + stream + "'");
        }
        return dir.resolve(stream);
    }

    private static void expect(Path dir, Properties p, String key, int oldest, int newest) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new JournalException("journal " + dir + ": " + PROPERTIES_FILE + " has no " + key);
        }
        for (int accepted = oldest; accepted <= newest; accepted++) {
            if (v.trim().equals(Integer.toString(accepted))) {
                return;
            }
        }
        throw new JournalException("journal " + dir + ": " + key + "=" + v.trim() + " but this build "
            + (oldest == newest ? "reads " + key + "=" + newest : "reads " + key + " " + oldest + " to " + newest));
    }

    /** Written to a temporary file and moved into place, so a concurrent reader never sees half a file. */
    private static void writeProperties(Path dir, Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty(FORMAT_KEY, Integer.toString(FORMAT_VERSION));
        p.setProperty(SCHEMA_KEY, Integer.toString(EventHeader.SCHEMA_VERSION));
        Path tmp = Files.createTempFile(dir, PROPERTIES_FILE, ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "kengine journal: raw event bytes, one Chronicle queue per stream");
            }
            try {
                Files.move(tmp, file);
            } catch (FileAlreadyExistsException raced) {
                // another writer of the same journal got there first; check() validates its file
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
