package io.kengine.pricing;

import io.kengine.config.ParameterDef;
import io.kengine.config.ParameterKind;
import io.kengine.pricing.text.EngineRules;
import io.kengine.pricing.engines.EngineKind;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PricingParametersTest {
    @Test
    void oneListUniqueKeysUnderPricingEveryDefaultAcceptedByTheStage() {
        Set<String> keys = new HashSet<>();
        PricingStage stage = new PricingStage(8);
        Slots s = new Slots(stage);
        for (ParameterDef p : PricingStage.PARAMETERS) {
            assertTrue(p.key().startsWith("pricing."), p.key());
            assertTrue(keys.add(p.key()), "duplicate " + p.key());
            s.config(p.key(), p.defaultValue()); // the stage applies every default without complaint
        }
        assertTrue(keys.containsAll(Set.of("pricing.m0.edge", "pricing.m0.size", "pricing.engines",
            "pricing.m2.calm.edge", "pricing.m2.eventWindows", "pricing.m3.exclusiveEvents", "pricing.m3.pairs",
            "pricing.fees.takerRate", "pricing.kelly.fraction", "pricing.skew.max", "pricing.fairValue.minConfidence",
            "pricing.fairValue.onStale")));
        s.book(1, 4500, 5500);
        assertEquals(4800, s.quote.bidPrice(), "defaults quote as M0 did");
    }

    @Test
    void textRulesCanonicaliseOrSayWhatIsWrong() {
        ParameterDef engines = PricingStage.ENGINES;
        assertEquals(ParameterKind.TEXT, engines.kind());
        assertEquals("KXFED-*=m2;KXNBA*=m1;*=m0", engines.canonical(" KXFED-* = m2 ; KXNBA*=m1;*=m0 "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> engines.canonical("KXFED-*=m7"));
        assertTrue(e.getMessage().contains("m7"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> engines.canonical("KXFED-*"));
        ParameterDef windows = stageParam("pricing.m2.eventWindows");
        assertEquals("KXCPI*@100-200", windows.canonical("KXCPI* @ 100 - 200"));
        assertThrows(IllegalArgumentException.class, () -> windows.canonical("KXCPI*@200-100"));
        assertEquals("none", windows.canonical("none"));
        ParameterDef pairs = stageParam("pricing.m3.pairs");
        assertEquals("KXA-1~KXB-1:1.0;KXC-1~KXD-1:0.5", pairs.canonical("KXA-1~KXB-1; KXC-1~KXD-1:0.5"));
        assertThrows(IllegalArgumentException.class, () -> pairs.canonical("KXA-*~KXB-1"));
    }

    @Test
    void engineRulesFirstMatchWinsOnTickerOrSeries() {
        EngineRules r = new EngineRules("KXFED-*=m2;KXNBA=m1;*=m0");
        assertEquals(EngineKind.M2, r.select("KXFED-26DEC-T3.00", "KXFED"));
        assertEquals(EngineKind.M1, r.select("KXNBAGAME-26JAN01-LAL", "KXNBA"), "series pattern");
        assertEquals(EngineKind.M0, r.select("KXCPI-1", "KXCPI"));
        assertEquals(EngineKind.NONE, new EngineRules("KX*=m1").select("INX-1", "INX"));
    }

    private static ParameterDef stageParam(String key) {
        return PricingStage.PARAMETERS.stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow();
    }
}
