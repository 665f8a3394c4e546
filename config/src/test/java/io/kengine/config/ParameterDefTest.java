package io.kengine.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParameterDefTest {

    @Test
    void defaultIsHeldInCanonicalForm() {
        assertEquals("0.0200", ParameterDef.price("pricing.m0.edge", "0.02", "edge").defaultValue());
        assertEquals("10.00", ParameterDef.count("pricing.m0.size", "10", "size").defaultValue());
        assertEquals("-5.0000", ParameterDef.money("risk.maxLoss", "-5", "loss").defaultValue());
        assertEquals("2000ms", ParameterDef.durationMs("risk.staleAfter", "2s", "stale").defaultValue());
    }

    @Test
    void aDefaultThatBreaksTheDefinitionIsAProgrammingError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ParameterDef.count("pricing.m0.size", "0.00", "size").withMin("0.01"));
        assertEquals("pricing.m0.size: bad default: 0.00 is below the minimum 0.01", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ParameterDef.price("p", "1.5", "p"));
        assertThrows(IllegalArgumentException.class,
            () -> ParameterDef.enumOf("m", List.of("a", "b"), "c", "mode"));
    }

    @Test
    void keysMustBeDottedNamesThatFitAConfigChangeEvent() {
        assertThrows(IllegalArgumentException.class, () -> ParameterDef.integer("pricing..x", "1", "d"));
        assertThrows(IllegalArgumentException.class, () -> ParameterDef.integer("pricing.x ", "1", "d"));
        assertThrows(IllegalArgumentException.class, () -> ParameterDef.integer("1pricing", "1", "d"));
        assertThrows(IllegalArgumentException.class, () -> ParameterDef.integer("a".repeat(128), "1", "d"));
        ParameterDef.integer("a".repeat(127), "1", "d");
    }

    @Test
    void descriptionIsOneLineAndBoundsFitTheKind() {
        assertThrows(IllegalArgumentException.class, () -> ParameterDef.integer("a.b", "1", "two\nlines"));
        assertThrows(IllegalArgumentException.class, () -> ParameterDef.bool("a.b", "true", "d").withMin(0));
        assertThrows(IllegalArgumentException.class, () -> ParameterDef.integer("a.b", "1", "d").withMin(5).withMax(2));
        assertThrows(IllegalArgumentException.class, () -> ParameterDef.enumOf("a.b", List.of(), null, "d"));
        assertThrows(IllegalArgumentException.class, () -> ParameterDef.enumOf("a.b", List.of("x y"), "x y", "d"));
        assertThrows(IllegalArgumentException.class, () -> ParameterDef.enumOf("a.b", List.of("x", "x"), "x", "d"));
    }

    @Test
    void requiredHasNoDefault() {
        ParameterDef def = ParameterDef.price("pricing.m0.edge", "0.02", "edge").required();
        assertTrue(def.isRequired());
        assertEquals(null, def.defaultValue());
    }

    @Test
    void boundsAreInTheKindsUnitsAndNamedInItsFormat() {
        ParameterDef def = ParameterDef.integer("orders.maxOpen", "10", "d").withMin(1).withMax(100);
        assertEquals(100, def.parse("100"));
        assertEquals("101 is above the maximum 100",
            assertThrows(IllegalArgumentException.class, () -> def.parse("101")).getMessage());
        ParameterDef edge = ParameterDef.price("pricing.m0.edge", "0.02", "d").withMin(100);
        assertEquals("0.0050 is below the minimum 0.0100",
            assertThrows(IllegalArgumentException.class, () -> edge.parse("0.005")).getMessage());
    }
}
