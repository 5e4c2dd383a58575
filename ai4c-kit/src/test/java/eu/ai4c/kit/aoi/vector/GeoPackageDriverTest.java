package eu.ai4c.kit.aoi.vector;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without an SQLite JDBC driver (the engine module inside SNAP Desktop bundles none) a GeoPackage
 * area of interest fails with a message that names the file and the formats to use instead.
 */
class GeoPackageDriverTest {

    @Test
    void withoutAnSqliteDriverTheMessageNamesTheFileAndTheAlternatives(@TempDir Path dir) throws Exception {
        Path gpkg = Files.writeString(dir.resolve("fields.gpkg"), "not read");
        List<Driver> sqlite = Collections.list(DriverManager.getDrivers()).stream()
                .filter(d -> d.getClass().getName().startsWith("org.sqlite.")).toList();
        assertFalse(sqlite.isEmpty(), "the kit's tests need sqlite-jdbc on the class path");
        for (Driver d : sqlite) DriverManager.deregisterDriver(d);
        try {
            Ai4cException e = assertThrows(Ai4cException.class, () -> GeoPackageReader.read(gpkg));
            assertTrue(e.getMessage().contains(gpkg.toString()) && e.getMessage().contains("no SQLite JDBC driver")
                    && e.getMessage().contains("GeoJSON"), e.getMessage());
        } finally {
            for (Driver d : sqlite) DriverManager.registerDriver(d);
        }
    }
}
