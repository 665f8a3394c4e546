package io.kengine.journal;

import io.kengine.protocol.event.*;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.BufferUtil;
import org.junit.jupiter.api.Test;
import java.io.RandomAccessFile;
import java.nio.file.*;
import java.util.stream.*;

class ExperimentTest {
    static void write(Path dir, int n) {
        UnsafeBuffer b = new UnsafeBuffer(BufferUtil.allocateDirectAligned(1024, 64));
        BookDeltaEvent d = new BookDeltaEvent();
        try (JournalWriter w = JournalWriter.open(dir, "in")) {
            for (int i = 0; i < n; i++) {
                d.wrapForEncode(b, 0, 3, EventSource.FEED).price(5600).delta(-1200).exchangeSeq(i);
                EventHeader.sequence(b, 0, i);
                w.append(b, 0, d.length());
            }
        }
    }
    interface S { Object get() throws Throwable; }
    static String t(String n, S s) { try { Object o = s.get(); return " " + n + "=" + (o instanceof Long ? Long.toHexString((Long) o) : o); } catch (Throwable e) { return " " + n + "!" + e.getClass().getSimpleName(); } }
    static String info(Path dir) {
        try (net.openhft.chronicle.queue.impl.single.SingleChronicleQueue q = net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder.binary(dir.resolve("in")).readOnly(true).rollCycle(net.openhft.chronicle.queue.RollCycles.FAST_DAILY).build()) {
            net.openhft.chronicle.queue.ExcerptTailer t = q.createTailer().toStart();
            int n = 0;
            while (true) { try (net.openhft.chronicle.wire.DocumentContext dc = t.readingDocument()) { if (!dc.isPresent()) break; n++; } }
            return " n=" + n + t("first", q::firstIndex) + t("last", q::lastIndex) + t("fc", q::firstCycle) + t("lc", q::lastCycle) + t("tidx", t::index) + t("state", t::state) + t("cycle", t::cycle);
        } catch (Throwable e) { return " infoEXC " + e; }
    }
    static String readAll(Path dir) {
        return readAll0(dir) + info(dir);
    }
    static String readAll0(Path dir) {
        UnsafeBuffer b = new UnsafeBuffer(BufferUtil.allocateDirectAligned(1024, 64));
        try (JournalReader r = JournalReader.open(dir, "in")) {
            while (r.next(b)) { }
            return "read " + r.records();
        } catch (Throwable t) {
            return "EXC " + t;
        }
    }
    @Test
    void experiment() throws Exception {
        Path base = Files.createTempDirectory("jexp");
        Path d1 = base.resolve("a");
        write(d1, 1000);
        try (Stream<Path> s = Files.walk(d1)) { s.forEach(p -> System.out.println(p + " " + p.toFile().length())); }
        System.out.println("intact: " + readAll(d1));
        Path cq4 = Files.list(d1.resolve("in")).filter(p -> p.toString().endsWith(".cq4")).findFirst().get();
        // truncate variants
        for (long size : new long[]{0, 100, 1000, 20000, 60000, 100000}) {
            Path d = base.resolve("t" + size);
            write(d, 1000);
            Path f = Files.list(d.resolve("in")).filter(p -> p.toString().endsWith(".cq4")).findFirst().get();
            try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) { raf.setLength(size); }
            System.out.println("truncate " + size + ": " + readAll(d));
        }
        for (long at : new long[]{0, 64, 400, 1000, 30000, 70000}) {
            Path d = base.resolve("g" + at);
            write(d, 1000);
            Path f = Files.list(d.resolve("in")).filter(p -> p.toString().endsWith(".cq4")).findFirst().get();
            try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
                raf.seek(at);
                byte[] g = new byte[256];
                new java.util.Random(at).nextBytes(g);
                raf.write(g);
            }
            System.out.println("garbage@" + at + ": " + readAll(d));
        }
        Path d = base.resolve("nometa");
        write(d, 10);
        Files.delete(d.resolve("in").resolve("metadata.cq4t"));
        System.out.println("nometa: " + readAll(d));
        Path em = base.resolve("empty");
        write(em, 0);
        try (Stream<Path> s = Files.walk(em)) { s.forEach(p -> System.out.println(p + " " + p.toFile().length())); }
        System.out.println("empty: " + readAll(em));
        Path e = base.resolve("nostreamfiles");
        write(e, 10);
        System.out.println("missing out: " + readAllOut(e));
    }
    static String readAllOut(Path dir) {
        UnsafeBuffer b = new UnsafeBuffer(BufferUtil.allocateDirectAligned(1024, 64));
        try (JournalReader r = JournalReader.open(dir, "out")) {
            while (r.next(b)) { }
            return "read " + r.records();
        } catch (Throwable t) {
            return "EXC " + t;
        }
    }
}
