package eu.ai4c.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.scala.DefaultScalaModule$;
import org.junit.jupiter.api.Test;

/**
 * The libraries Spark and AI4C share resolve to versions both accept: Jackson's Scala module (which
 * Spark's event log and JSON protocol use) refuses a jackson-databind of another minor version, and
 * two SLF4J bindings would let the class path pick the logger.
 */
class ClassPathTest {

    @Test
    void jacksonScalaModuleAcceptsTheJacksonOfTheEngine() {
        ObjectMapper m = new ObjectMapper().registerModule(DefaultScalaModule$.MODULE$);
        assertEquals(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.getMinorVersion(),
                com.fasterxml.jackson.core.json.PackageVersion.VERSION.getMinorVersion(), "jackson-core and -databind");
        assertEquals(true, m.getRegisteredModuleIds().stream().anyMatch(id -> String.valueOf(id).contains("Scala")),
                m.getRegisteredModuleIds().toString());
    }

    @Test
    void oneSlf4jBinding() {
        assertEquals("org.slf4j.simple.SimpleLoggerFactory", org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName());
    }
}
