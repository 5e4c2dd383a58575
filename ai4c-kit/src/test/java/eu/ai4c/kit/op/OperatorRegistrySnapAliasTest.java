package eu.ai4c.kit.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.testing.ScaleOp;
import org.junit.jupiter.api.Test;

/** The registry finds operators by engine alias and by their SNAP alias (AI4C- prefix), ignoring case. */
class OperatorRegistrySnapAliasTest {

    @Test
    void findsSnapAliases() {
        OperatorRegistry r = OperatorRegistry.load();
        String alias = ScaleOp.ALIAS;
        assertEquals(alias, r.get(alias).descriptor().alias());
        assertEquals(alias, r.get("AI4C-" + alias).descriptor().alias());
        assertEquals(alias, r.get("ai4c-" + alias.toUpperCase(java.util.Locale.ROOT)).descriptor().alias());
        assertTrue(r.find("AI4C-").isEmpty());
        assertTrue(r.find("AI4CX-" + alias).isEmpty());
    }
}
