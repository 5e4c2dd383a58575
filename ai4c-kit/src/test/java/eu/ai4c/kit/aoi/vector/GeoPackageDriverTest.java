package eu.ai4c.kit.aoi.vector;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.SqliteConnections;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite JDBC driver as the engine module finds it inside SNAP Desktop, where it bundles none:
 * {@link DriverManager} offers the engine no driver (it belongs to another module), the thread's
 * context class loader (NetBeans' system class loader there) may see one. Without either, a
 * GeoPackage area of interest fails with a message that names the file and the formats to use
 * instead.
 */
class GeoPackageDriverTest {

    @Test
    void withoutAnSqliteDriverTheMessageNamesTheFileAndTheAlternatives(@TempDir Path dir) throws Exception {
        Path gpkg = Files.writeString(dir.resolve("fields.gpkg"), "not read");
        ClassLoader blind = new java.net.URLClassLoader(new java.net.URL[0], ClassLoader.getPlatformClassLoader());
        withoutRegisteredDrivers(blind, () -> {
            Ai4cException e = assertThrows(Ai4cException.class, () -> GeoPackageReader.read(gpkg));
            assertTrue(e.getMessage().contains(gpkg.toString()) && e.getMessage().contains("no SQLite JDBC driver")
                    && e.getMessage().contains("GeoJSON") && e.getMessage().contains("Optical Toolbox"), e.getMessage());
            assertFalse(SqliteConnections.available());
        });
    }

    /** No driver registered for the engine, but the context class loader sees one: it is used directly. */
    @Test
    void theContextClassLoadersDriverServesWhenNoneIsRegistered(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("t.sqlite");
        withoutRegisteredDrivers(GeoPackageDriverTest.class.getClassLoader(), () -> {
            assertThrows(java.sql.SQLException.class, () -> DriverManager.getDriver(SqliteConnections.url(db)),
                    "DriverManager offers nothing here");
            assertTrue(SqliteConnections.available());
            try (java.sql.Connection c = SqliteConnections.connect(db, new java.util.Properties());
                 java.sql.Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (v INTEGER)");
                s.execute("INSERT INTO t VALUES (42)");
                try (java.sql.ResultSet rs = s.executeQuery("SELECT v FROM t")) {
                    assertTrue(rs.next());
                    org.junit.jupiter.api.Assertions.assertEquals(42, rs.getInt(1));
                }
            }
        });
    }

    private interface Check {
        void run() throws Exception;
    }

    private static void withoutRegisteredDrivers(ClassLoader context, Check check) throws Exception {
        List<Driver> sqlite = Collections.list(DriverManager.getDrivers()).stream()
                .filter(d -> d.getClass().getName().startsWith("org.sqlite.")).toList();
        assertFalse(sqlite.isEmpty(), "the kit's tests need sqlite-jdbc on the class path");
        for (Driver d : sqlite) DriverManager.deregisterDriver(d);
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(context);
        try {
            check.run();
        } finally {
            t.setContextClassLoader(before);
            for (Driver d : sqlite) DriverManager.registerDriver(d);
        }
    }
}
