package eu.ai4c.kit.io;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens SQLite files (GeoPackages) through whichever SQLite JDBC driver this process has.
 *
 * <p>The engine module inside SNAP bundles no driver: sqlite-jdbc's native functions are named
 * after its {@code org.sqlite} classes, so it cannot be relocated beside the copy SNAP ships. On
 * a flat class path (the {@code ai4c} command, gpt) {@link DriverManager} finds the driver. In
 * SNAP Desktop's module system the driver is a private library of another module (the Optical
 * Toolbox's Sentinel-2 reader), which {@link DriverManager} does not offer to the engine because
 * the engine's class loader cannot see it; NetBeans' system class loader, the context class
 * loader of SNAP's threads, can. So the driver is then loaded through the context class loader and
 * asked directly.</p>
 *
 * <p>Thread-safe (stateless).</p>
 */
public final class SqliteConnections {
    /** The driver class of org.xerial:sqlite-jdbc. */
    static final String DRIVER_CLASS = "org.sqlite.JDBC";

    private SqliteConnections() {
    }

    /** The JDBC URL of a file. */
    public static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    /**
     * A connection to {@code file}.
     *
     * @throws NoSqliteDriverException when no SQLite driver is visible to the engine at all
     * @throws SQLException            when the driver cannot open the file
     */
    public static Connection connect(Path file, Properties properties) throws SQLException {
        String url = url(file);
        Driver driver = driver(url);
        Connection c = driver.connect(url, properties);
        if (c == null) throw new NoSqliteDriverException(url);
        return c;
    }

    /** True when some SQLite driver is visible (so a GeoPackage can be read here). */
    public static boolean available() {
        try {
            driver("jdbc:sqlite:");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static Driver driver(String url) throws SQLException {
        try {
            return DriverManager.getDriver(url);
        } catch (SQLException notRegisteredForUs) {
            // on a flat class path DriverManager would have found it: only a module system's context loader can add one
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader != null) {
                try {
                    Class<?> type = Class.forName(DRIVER_CLASS, true, loader);
                    Driver d = (Driver) type.getDeclaredConstructor().newInstance();
                    if (d.acceptsURL(url)) return d;
                } catch (ReflectiveOperationException | LinkageError | ClassCastException notThere) {
                    // not visible through the context class loader either
                }
            }
            throw new NoSqliteDriverException(url);
        }
    }

    /** No SQLite JDBC driver is visible to the engine (SQL state 08001, as DriverManager reports it). */
    public static final class NoSqliteDriverException extends SQLException {
        private static final long serialVersionUID = 1L;

        NoSqliteDriverException(String url) {
            super("No suitable driver found for " + url, "08001");
        }
    }
}
