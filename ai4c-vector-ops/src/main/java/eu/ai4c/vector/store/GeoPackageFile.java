package eu.ai4c.vector.store;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.SqliteConnections;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The GeoPackage container (OGC 12-128r18, version 1.4) of the feature store: opening through
 * sqlite-jdbc, the check that a file is a GeoPackage, and the required metadata tables
 * ({@code gpkg_spatial_ref_sys} with WGS84 and the two undefined systems, {@code gpkg_contents},
 * {@code gpkg_geometry_columns}, {@code gpkg_extensions}). Stateless.
 */
final class GeoPackageFile {
    /** {@code PRAGMA application_id} of a GeoPackage: "GPKG". */
    static final int APPLICATION_ID = 0x47504B47;
    /** {@code PRAGMA user_version} of GeoPackage 1.4.0. */
    static final int USER_VERSION = 10400;

    private GeoPackageFile() {
    }

    static Connection connect(Path file, boolean readOnly) throws SQLException {
        Properties p = new Properties();
        if (readOnly) p.setProperty("open_mode", "1");
        try {
            return SqliteConnections.connect(file, p);
        } catch (SqliteConnections.NoSqliteDriverException e) {
            // the engine module inside SNAP bundles no SQLite driver and uses SNAP's (see nbm/README.md)
            throw eu.ai4c.kit.Ai4cException.usage("The feature store " + file + " cannot be opened: no SQLite JDBC "
                    + "driver (org.xerial:sqlite-jdbc) is available here " + NO_DRIVER_HINT);
        }
    }

    /** The fix when no SQLite driver is visible (inside a SNAP without the Optical Toolbox). */
    static final String NO_DRIVER_HINT = "(inside SNAP, AI4C uses the driver of SNAP's Optical Toolbox, which is not "
            + "installed). Install the Optical Toolbox (Tools > Plugins), or run the query with the ai4c command: "
            + "humanfeatures-query --store <file.gpkg> ...";

    /**
     * Fails with a usage error naming the file unless it is a GeoPackage.
     */
    static void check(Connection c, Path file) {
        try (Statement s = c.createStatement()) {
            int appId;
            try (ResultSet rs = s.executeQuery("PRAGMA application_id")) {
                appId = rs.next() ? rs.getInt(1) : 0;
            }
            boolean contents;
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM sqlite_master WHERE type='table' AND name='gpkg_contents'")) {
                contents = rs.next();
            }
            if (appId != APPLICATION_ID || !contents) {
                throw Ai4cException.usage("The store " + file + " is not a GeoPackage (" + (appId != APPLICATION_ID
                        ? "its application id is not GPKG" : "it has no gpkg_contents table") + "). Give a .gpkg made "
                        + "by humanfeatures-load, or a new file name to create one.");
            }
        } catch (SQLException e) {
            throw Ai4cException.usage("The store " + file + " is not a GeoPackage: it cannot be read as SQLite ("
                    + e.getMessage() + "). Give a .gpkg made by humanfeatures-load, or a new file name.");
        }
    }

    /** Creates the metadata tables of an empty GeoPackage. */
    static void initialise(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = " + APPLICATION_ID);
            s.execute("PRAGMA user_version = " + USER_VERSION);
            s.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, "
                    + "organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, "
                    + "description TEXT)");
            s.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', "
                    + "'undefined cartesian coordinate reference system')");
            s.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', "
                    + "'undefined geographic coordinate reference system')");
            s.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, '"
                    + WGS84_WKT + "', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')");
            s.execute("CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, "
                    + "identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT "
                    + "(strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, "
                    + "srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))");
            s.execute("CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, "
                    + "geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, "
                    + "CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), "
                    + "CONSTRAINT uk_gc_table_name UNIQUE (table_name), "
                    + "CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name), "
                    + "CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))");
            s.execute("CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, "
                    + "definition TEXT NOT NULL, scope TEXT NOT NULL, "
                    + "CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))");
        }
    }

    /** EPSG:4326 in OGC WKT 1, as GDAL writes it into GeoPackages. */
    static final String WGS84_WKT = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,"
            + "AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
            + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AXIS[\"Latitude\",NORTH],"
            + "AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]";

    /**
     * Creates a feature table ({@code fid}, a {@code geom} column of {@code geometryType}, then
     * {@code columns}, SQL column definitions), its R-tree index and its GeoPackage registration
     * (contents, geometry column, R-tree extension), all in WGS 84.
     *
     * @param fid the definition of the {@code fid} column (e.g. {@code INTEGER PRIMARY KEY})
     */
    static void createFeatureTable(Connection c, String table, String fid, String geometryType, String columns,
                                   String description) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"" + table + "\" (fid " + fid + ", geom " + geometryType + " NOT NULL"
                    + (columns.isEmpty() ? "" : ", " + columns) + ")");
            s.execute("CREATE VIRTUAL TABLE " + rtreeName(table) + " USING rtree(id, minx, maxx, miny, maxy)");
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO gpkg_contents (table_name, data_type, "
                + "identifier, description, srs_id) VALUES (?, 'features', ?, ?, 4326)")) {
            p.setString(1, table);
            p.setString(2, table);
            p.setString(3, description);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, 4326, 0, 0)")) {
            p.setString(1, table);
            p.setString(2, geometryType);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO gpkg_extensions VALUES (?, 'geom', "
                + "'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')")) {
            p.setString(1, table);
            p.executeUpdate();
        }
    }

    /** The R-tree table of a feature table's geometry column. */
    static String rtreeName(String table) {
        return "rtree_" + table + "_geom";
    }
}
