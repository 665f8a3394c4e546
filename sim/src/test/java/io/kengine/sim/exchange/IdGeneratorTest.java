package io.kengine.sim.exchange;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdGeneratorTest {

    @Test
    void sameSeedSameIdsAndAllDistinct() {
        IdGenerator a = new IdGenerator(7, "order");
        IdGenerator b = new IdGenerator(7, "order");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = a.next();
            assertEquals(id, b.next());
            assertTrue(seen.add(id), "duplicate " + id);
        }
        assertEquals(100_000, a.issued());
    }

    @Test
    void uuidShapedVersion4() {
        String id = new IdGenerator(1, "trade").next();
        assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
        assertEquals(4, UUID.fromString(id).version());
        assertEquals(2, UUID.fromString(id).variant());
    }

    @Test
    void kindsAndSeedsDiffer() {
        assertNotEquals(new IdGenerator(1, "order").next(), new IdGenerator(1, "trade").next());
        assertNotEquals(new IdGenerator(1, "order").next(), new IdGenerator(2, "order").next());
    }
}
