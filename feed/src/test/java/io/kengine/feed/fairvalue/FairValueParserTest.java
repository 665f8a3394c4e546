package io.kengine.feed.fairvalue;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FairValueParserTest {
    @Test
    void jsonLineWithNumbersOrStrings() throws Exception {
        FairValueRecord r = FairValueParser.parseLine(
            "{\"market\":\"KXFED-26DEC-T3.00\",\"probability\":0.56,\"confidence\":\"0.8\",\"model_version\":\"fed-v3\",\"lifetime_ms\":30000}");
        assertEquals(new FairValueRecord("KXFED-26DEC-T3.00", 5600, 8000, "fed-v3", 30_000), r);
        FairValueRecord alt = FairValueParser.parseLine(" { \"ticker\" : \"KX-A\", \"probability\" : 1, \"confidence\" : 0, \"model\" : \"m\\u0031\" } ");
        assertEquals(new FairValueRecord("KX-A", 10_000, 0, "m1", 0), alt);
    }

    @Test
    void csvLinesHeaderCommentsAndBlanks() throws Exception {
        List<FairValueRecord> all = FairValueParser.parseAll("market,probability,confidence,model_version,lifetime_ms\n"
            + "# a comment\n\nKX-A,0.25,0.9,v1,5000\nKX-B,0.3,1.0,v1\n");
        assertEquals(2, all.size());
        assertEquals(new FairValueRecord("KX-A", 2500, 9000, "v1", 5000), all.get(0));
        assertEquals(new FairValueRecord("KX-B", 3000, 10_000, "v1", 0), all.get(1));
        assertNull(FairValueParser.parseLine("   "));
    }

    @Test
    void moreDecimalsRoundHalfEvenToTheTick() throws Exception {
        assertEquals(5623, FairValueParser.parseLine("KX-A,0.56234,0.5,v").fairPrice());
        assertEquals(5624, FairValueParser.parseLine("KX-A,0.56235,0.5,v").fairPrice());
        assertEquals(5000, FairValueParser.parseLine("KX-A,5E-1,0.5,v").fairPrice());
    }

    @Test
    void badInputSaysWhatAndWhere() {
        assertMessage("line 2: probability 1.2 is outside [0, 1]", "KX-A,0.5,0.5,v\nKX-B,1.2,0.5,v");
        assertMessage("line 1: missing confidence", "{\"market\":\"KX-A\",\"probability\":0.5,\"model_version\":\"v\"}");
        assertMessage("line 1: missing market", "{\"probability\":0.5,\"confidence\":1,\"model_version\":\"v\"}");
        assertMessage("line 1: probability \"abc\" is not a number", "KX-A,abc,0.5,v");
        assertMessage("line 1: lifetime_ms must be positive", "KX-A,0.5,0.5,v,-3");
        assertMessage("line 1: expected market,probability,confidence,model_version[,lifetime_ms], got 2 fields", "KX-A,0.5");
        assertThrows(FairValueFormatException.class, () -> FairValueParser.parseLine("{\"market\":\"KX-A\""));
        assertThrows(FairValueFormatException.class, () -> FairValueParser.parseLine("{\"market\":{\"x\":1}}"));
        assertThrows(FairValueFormatException.class,
            () -> FairValueParser.parseLine("KX-A,0.5,0.5,a-model-version-that-is-far-too-long-to-fit"));
        assertThrows(FairValueFormatException.class,
            () -> FairValueParser.parseLine("{\"market\":\"A\",\"market\":\"B\",\"probability\":0.5,\"confidence\":1,\"model\":\"v\"}"));
    }

    private static void assertMessage(String expected, String text) {
        FairValueFormatException e = assertThrows(FairValueFormatException.class, () -> FairValueParser.parseAll(text));
        assertEquals(expected, e.getMessage());
        assertTrue(e.getMessage().startsWith("line "));
    }
}
