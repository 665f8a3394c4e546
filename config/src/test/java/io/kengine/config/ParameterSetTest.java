package io.kengine.config;

import io.kengine.protocol.event.ConfigChangeEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParameterSetTest {
    private static final List<ParameterDef> ALL_KINDS = List.of(
        ParameterDef.price("pricing.edge", "0.02", "edge"),
        ParameterDef.count("pricing.size", "10", "size").withMin(1),
        ParameterDef.money("risk.maxLoss", "-250", "loss limit"),
        ParameterDef.integer("orders.maxOpen", "20", "open orders").withMin(1).withMax(1000),
        ParameterDef.longInteger("run.id", "7", "run id"),
        ParameterDef.bool("pricing.enabled", "true", "quote at all"),
        ParameterDef.enumOf("pricing.engine", List.of("m0", "m1", "m2", "m3"), "m0", "pricing engine"),
        ParameterDef.durationMs("risk.staleAfter", "1500", "stale book age"));

    @Test
    void defaultsAreCanonicalAndInDeclarationOrder() {
        ParameterSet set = ParameterSet.defaults(ALL_KINDS);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("pricing.edge", "0.0200");
        expected.put("pricing.size", "10.00");
        expected.put("risk.maxLoss", "-250.0000");
        expected.put("orders.maxOpen", "20");
        expected.put("run.id", "7");
        expected.put("pricing.enabled", "true");
        expected.put("pricing.engine", "m0");
        expected.put("risk.staleAfter", "1500ms");
        assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(set.asMap().entrySet()));
        List<String> keys = new ArrayList<>();
        set.forEach(v -> keys.add(v.key()));
        assertEquals(new ArrayList<>(expected.keySet()), keys);
    }

    @Test
    void typedGettersReturnTheKindsUnits() {
        ParameterSet set = ParameterSet.of(ParameterSchema.of(ALL_KINDS), Map.of(
            "pricing.enabled", "false", "pricing.engine", "m2", "risk.staleAfter", "2m"));
        assertEquals(200, set.price("pricing.edge"));
        assertEquals(1000, set.count("pricing.size"));
        assertEquals(-2_500_000, set.money("risk.maxLoss"));
        assertEquals(20, set.intValue("orders.maxOpen"));
        assertEquals(7L, set.longValue("run.id"));
        assertFalse(set.bool("pricing.enabled"));
        assertEquals("m2", set.enumValue("pricing.engine"));
        assertEquals(2, set.asLong("pricing.engine"));
        assertEquals(120_000, set.durationMs("risk.staleAfter"));
        assertEquals("120000ms", set.value("risk.staleAfter"));
    }

    @Test
    void aGetterOfTheWrongKindOrAnUnknownKeyIsAProgrammingError() {
        ParameterSet set = ParameterSet.defaults(ALL_KINDS);
        assertEquals("pricing.size is a COUNT parameter, not PRICE",
            assertThrows(IllegalArgumentException.class, () -> set.price("pricing.size")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> set.price("pricing.nope"));
    }

    @Test
    void valuesAreCanonicalised() {
        ParameterSet set = ParameterSet.of(ParameterSchema.of(ALL_KINDS), Map.of(
            "pricing.edge", "0.02", "pricing.size", "3.5", "risk.maxLoss", "0", "orders.maxOpen", "0042",
            "risk.staleAfter", "3s"));
        assertEquals("0.0200", set.value("pricing.edge"));
        assertEquals("3.50", set.value("pricing.size"));
        assertEquals("0.0000", set.value("risk.maxLoss"));
        assertEquals("42", set.value("orders.maxOpen"));
        assertEquals("3000ms", set.value("risk.staleAfter"));
    }

    @Test
    void boolEnumAndDurationRules() {
        ParameterDef flag = ParameterDef.bool("a.flag", "false", "d");
        assertEquals(1, ParameterSet.parse(flag, "true"));
        assertEquals(0, ParameterSet.parse(flag, "false"));
        assertEquals("a.flag: invalid boolean \"yes\": expected true or false",
            assertThrows(IllegalArgumentException.class, () -> ParameterSet.parse(flag, "yes")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ParameterSet.parse(flag, "TRUE"));

        ParameterDef mode = ParameterDef.enumOf("a.mode", List.of("fused", "per-stage"), "fused", "d");
        assertEquals(1, ParameterSet.parse(mode, "per-stage"));
        assertEquals("a.mode: invalid value \"perstage\": expected one of fused, per-stage",
            assertThrows(IllegalArgumentException.class, () -> ParameterSet.parse(mode, "perstage")).getMessage());

        ParameterDef wait = ParameterDef.durationMs("a.wait", "0", "d");
        assertEquals(250, ParameterSet.parse(wait, "250"));
        assertEquals(250, ParameterSet.parse(wait, "250ms"));
        assertEquals(2_000, ParameterSet.parse(wait, "2s"));
        assertEquals(300_000, ParameterSet.parse(wait, "5m"));
        assertEquals(3_600_000, ParameterSet.parse(wait, "1h"));
        for (String bad : List.of("", "-5", "1.5s", "5 s", "s", "5d", "99999999999999999999")) {
            assertThrows(IllegalArgumentException.class, () -> ParameterSet.parse(wait, bad), bad);
        }
    }

    @Test
    void integersAreStrictAndBounded() {
        ParameterDef n = ParameterDef.integer("a.n", "0", "d");
        assertEquals(-12, ParameterSet.parse(n, "-12"));
        for (String bad : List.of("1.0", "1e3", "0x10", "1_000", " 1", "+1", "2147483648", "-", "abc")) {
            assertThrows(IllegalArgumentException.class, () -> ParameterSet.parse(n, bad), bad);
        }
        assertEquals(Long.MAX_VALUE, ParameterSet.parse(ParameterDef.longInteger("a.l", "0", "d"),
            Long.toString(Long.MAX_VALUE)));
    }

    @Test
    void parseUsesTheProtocolCodecsAndTheBounds() {
        ParameterDef edge = ParameterDef.price("pricing.m0.edge", "0.02", "d").withMax("0.5");
        assertEquals(1000, ParameterSet.parse(edge, "0.1"));
        assertEquals(ParameterSet.parse(edge, "0.1"), ParameterSet.parse(edge, edge.canonical("0.1")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ParameterSet.parse(edge, "0.12345"));
        assertTrue(e.getMessage().startsWith("pricing.m0.edge: invalid price \"0.12345\""), e.getMessage());
        assertTrue(e.getMessage().contains("4 decimals"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ParameterSet.parse(edge, "-0.01"));
        assertEquals("pricing.m0.edge: 0.6000 is above the maximum 0.5000",
            assertThrows(IllegalArgumentException.class, () -> ParameterSet.parse(edge, "0.6")).getMessage());
    }

    @Test
    void withRevalidatesAndLeavesTheOriginalAlone() {
        ParameterSet base = ParameterSet.defaults(SampleParams.SCHEMA);
        ParameterSet changed = base.with("pricing.m0.edge", "0.03");
        assertNotSame(base, changed);
        assertEquals(300, changed.price("pricing.m0.edge"));
        assertEquals(200, base.price("pricing.m0.edge"));
        assertEquals("0.0300", changed.value("pricing.m0.edge"));

        ConfigException bad = assertThrows(ConfigException.class, () -> base.with("pricing.m0.edge", "abc"));
        assertEquals(1, bad.errors().size());
        assertEquals("pricing.m0.edge", bad.errors().get(0).keyPath());

        ConfigException unknown = assertThrows(ConfigException.class, () -> base.with("pricing.m0.egde", "0.03"));
        assertEquals("pricing.m0.egde: unknown key (did you mean 'pricing.m0.edge'?)",
            unknown.errors().get(0).toString());
    }

    @Test
    void withChecksConstraintsAndCanMoveRelatedLimitsTogether() {
        ParameterSet base = ParameterSet.defaults(SampleParams.SCHEMA);
        ConfigException e = assertThrows(ConfigException.class, () -> base.with("risk.maxPosition", "50"));
        assertEquals(List.of(new ConfigError("risk.maxOrderSize", "100.00 is above risk.maxPosition (50.00)")),
            e.errors());
        Map<String, String> both = new LinkedHashMap<>();
        both.put("risk.maxPosition", "50");
        both.put("risk.maxOrderSize", "25");
        ParameterSet moved = base.with(both);
        assertEquals(5000, moved.count("risk.maxPosition"));
        assertEquals(2500, moved.count("risk.maxOrderSize"));
    }

    @Test
    void ofReportsEveryProblemTogether() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("pricing.m0.edge", "abc");
        given.put("pricing.m0.size", "0");
        given.put("risk.maxPositon", "5");
        ConfigException e = assertThrows(ConfigException.class, () -> ParameterSet.of(SampleParams.SCHEMA, given));
        List<String> paths = e.errors().stream().map(ConfigError::keyPath).toList();
        assertEquals(List.of("risk.maxPositon", "pricing.m0.edge", "pricing.m0.size"), paths);
        assertTrue(e.getMessage().contains("risk.maxPositon: unknown key (did you mean 'risk.maxPosition'?)"),
            e.getMessage());
    }

    @Test
    void aRequiredParameterWithoutAValueIsReported() {
        ParameterSchema schema = ParameterSchema.of(List.of(ParameterDef.money("risk.maxLoss", null, "loss")));
        ConfigException e = assertThrows(ConfigException.class, () -> ParameterSet.defaults(schema));
        assertEquals("risk.maxLoss: missing required value (expected an amount of money)",
            e.errors().get(0).toString());
        assertEquals(-10_000, ParameterSet.of(schema, Map.of("risk.maxLoss", "-1")).money("risk.maxLoss"));
    }

    @Test
    void schemaRejectsDuplicatesGroupClashesAndDefaultsThatBreakAConstraint() {
        ParameterDef a = ParameterDef.integer("risk.max", "1", "d");
        assertThrows(IllegalArgumentException.class, () -> ParameterSchema.of(List.of(a, a)));
        assertThrows(IllegalArgumentException.class,
            () -> ParameterSchema.of(List.of(a, ParameterDef.integer("risk.max.inner", "1", "d"))));
        List<ParameterDef> defs = List.of(
            ParameterDef.count("risk.maxOrderSize", "600", "d"), ParameterDef.count("risk.maxPosition", "500", "d"));
        assertThrows(IllegalArgumentException.class, () -> ParameterSchema.of(defs,
            List.of(ParameterConstraint.notAbove("risk.maxOrderSize", "risk.maxPosition"))));
    }

    @Test
    void everyCanonicalValueFitsAConfigChangeEvent() {
        for (ParameterValue v : ParameterSet.defaults(ALL_KINDS)) {
            assertTrue(v.key().length() < ConfigChangeEvent.KEY_CAPACITY);
            assertTrue(v.value().length() < ConfigChangeEvent.VALUE_CAPACITY);
        }
        ParameterSet extreme = ParameterSet.of(ParameterSchema.of(ALL_KINDS),
            Map.of("risk.maxLoss", "-999999999999.9999", "run.id", Long.toString(Long.MIN_VALUE)));
        assertEquals(ParameterSet.parse(extreme.def("risk.maxLoss"), extreme.value("risk.maxLoss")),
            extreme.money("risk.maxLoss"));
    }

    @Test
    void equalSetsAreEqual() {
        ParameterSet a = ParameterSet.defaults(SampleParams.SCHEMA);
        assertEquals(a, a.with("pricing.m0.edge", "0.02"));
        assertEquals(a.hashCode(), a.with("pricing.m0.edge", "0.0200").hashCode());
        assertFalse(a.equals(a.with("pricing.m0.edge", "0.03")));
    }

    @Test
    void textParametersAreCheckedByTheirRuleAndKeptCanonical() {
        ParameterDef engines = ParameterDef.text("pricing.engines", "*=m0", "engine by ticker pattern", t -> {
            for (String part : t.split(";")) {
                if (!part.matches("[A-Z0-9*._-]+=m[0-3]")) {
                    throw new IllegalArgumentException("\"" + part + "\" is not PATTERN=m0..m3");
                }
            }
            return t.replace(" ", "");
        });
        ParameterSet ok = ParameterSet.build(ParameterSchema.of(List.of(engines)),
            Map.of("pricing.engines", "  KXFED-*=m2;*=m0 "), k -> "strategy." + k, new ConfigErrors(), true);
        assertEquals("KXFED-*=m2;*=m0", ok.text("pricing.engines"));
        ConfigErrors errors = new ConfigErrors();
        assertEquals(null, ParameterSet.build(ParameterSchema.of(List.of(engines)),
            Map.of("pricing.engines", "KXFED=m9"), k -> "strategy." + k, errors, true));
        ConfigException e = assertThrows(ConfigException.class, () -> errors.throwIfAny("test"));
        assertTrue(e.getMessage().contains("strategy.pricing.engines"), e.getMessage());
        assertTrue(e.getMessage().contains("PATTERN=m0..m3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> engines.canonical("caf\u00e9=m0"));
        assertThrows(UnsupportedOperationException.class, () -> engines.format(3));
        assertThrows(IllegalArgumentException.class,
            () -> ParameterDef.text("x.y", "a", "d", t -> t).withMin(1));
    }
}
