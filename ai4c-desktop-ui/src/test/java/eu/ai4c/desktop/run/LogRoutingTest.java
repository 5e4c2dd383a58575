package eu.ai4c.desktop.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.aoi.AreaOfInterest;
import eu.ai4c.kit.progress.WarningListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The engine's SLF4J messages reach the run's log while the routing is open, and only then. */
class LogRoutingTest {

    @Test
    void engineLogReachesTheRunLog() {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (LogRouting ignored = LogRouting.to(lines::add)) {
            AreaOfInterest.parse("POLYGON((10 45, 11 45, 11 46, 10 46, 10 45))");
            WarningListener.LOG.warning("no DEM: using the geoid");
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Area of interest from WKT POLYGON")), lines.toString());
        assertTrue(lines.contains("WARNING: no DEM: using the geoid"), lines.toString());
        int before = lines.size();
        AreaOfInterest.parse("POLYGON((10 45, 11 45, 11 46, 10 46, 10 45))");
        assertEquals(before, lines.size(), "no routing after close");
    }
}
