package eu.ai4c.cli.demo.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.cli.demo.DemoOutcome;
import eu.ai4c.kit.progress.ProcessingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The energy demo step: units loaded, the box query, ERA5 temperatures at every unit. */
class EnergyDemoTest {
    @Test
    void loadsQueriesAndSamplesEra5(@TempDir Path dir) throws Exception {
        DemoOutcome o = new EnergyDemo().run(dir, ProcessingContext.defaults().withThreads(1));
        assertEquals(List.of(dir.resolve("energy_features.gpkg"), dir.resolve("pyrenees_power_plants.geojson"),
                dir.resolve("power_plants_t2m.csv")), o.outputs());
        JsonNode fc = new ObjectMapper().readTree(dir.resolve("pyrenees_power_plants.geojson").toFile());
        // the two Andorran units and the Spanish one lie in the box; the French one (5.37° E) does not
        assertEquals(3, fc.get("features").size());
        List<String> rows = Files.readAllLines(dir.resolve("power_plants_t2m.csv"));
        assertEquals("point_id,time,t2m", rows.get(0));
        assertEquals(5, rows.size(), "one row per unit and time step");
        for (String row : rows.subList(1, rows.size())) {
            double kelvin = Double.parseDouble(row.split(",")[2]);
            assertTrue(kelvin > 230 && kelvin < 320, row);
        }
        assertTrue(o.description().contains("4 power-plant units") && o.description().contains("finds 3"),
                o.description());
    }
}
