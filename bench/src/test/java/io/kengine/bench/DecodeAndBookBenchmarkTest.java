package io.kengine.bench;

import io.kengine.protocol.stage.BookTrust;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Smoke tests: the setups validate their inputs (they throw otherwise) and the rows run. */
class DecodeAndBookBenchmarkTest {
    @Test
    void everyDecodeRowReadsEveryFrame() throws Exception {
        DecodeBenchmark bench = new DecodeBenchmark();
        bench.setUp(); // checks FrameDecoder, databind and streaming against the values each frame was built from
        for (int i = 0; i < 4 * DecodeBenchmark.FRAMES; i++) {
            bench.frameDecoder();
            bench.jacksonDatabind();
            bench.jacksonStreaming();
            assertNotEquals(0, bench.scanFloor());
        }
        assertEquals(-5450, DecodeBenchmark.fixed("-54.5", 2));
        assertEquals(4200, DecodeBenchmark.fixed("0.42", 4));
    }

    @Test
    void theDeltaCycleIsStationaryAndNeverRefused() {
        BookApplyBenchmark bench = new BookApplyBenchmark();
        bench.setUp(); // runs 3 cycles through both books and checks they agree and return to the start
        // one row at a time, as JMH runs them (each row walks the cycle on its own)
        for (int i = 0; i < 10 * BookApplyBenchmark.CYCLE; i++) {
            bench.bookStage();
        }
        for (int i = 0; i < 10 * BookApplyBenchmark.CYCLE; i++) {
            bench.treeMapBook();
        }
        bench.checkStillValid();
        assertEquals(BookTrust.TRUSTED, bench.stage().book(BookApplyBenchmark.MARKET).trustState());
        assertEquals(0, bench.stage().rejectedTotal());
        assertEquals(0, bench.treeMap().rejected);
    }
}
